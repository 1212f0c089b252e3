#include <imgui.h>

#include "careplan/core/date.hpp"
#include "careplan/core/text_keys.hpp"
#include "careplan/core/version.hpp"
#include "theme.hpp"
#include "views/views.hpp"
#include "widgets.hpp"

namespace careplan::ui {
namespace {

void steps(core::TextKey heading, std::initializer_list<core::TextKey> lines) {
    text_colored(colors().primary, core::tr(heading));
    int n = 1;
    for (core::TextKey line : lines) text(std::to_string(n++) + ". " + core::tr(line));
    ImGui::Spacing();
}

}  // namespace

void VersionNoticeView::draw(const core::State& state, Events& out) {
    using core::Screen;
    screen_header(state, core::Screen::version_notice, out);
    message_banner(state, out);
    // The latest version and its release date are facts of the catalogue
    // ({latest_client_version}, {client_released_on_era}); once the service's
    // notice is loaded (after login) its own figures replace them.
    if (state.notice)
        text(
            core::tr(texts::version_notice::intro,
                     {{"client_released_on_era", core::format_wareki_with_weekday(state.notice->released_on)},
                      {"latest_client_version", state.notice->latest_client_version}}));
    else
        text(core::tr(texts::version_notice::intro));
    if (state.installed_client_version)
        text_colored(colors().amber, core::tr(texts::version_notice::installed,
                                              {{"version", *state.installed_client_version}}));
    ImGui::Spacing();
    steps(texts::version_notice::uninstall,
          {texts::version_notice::uninstall_1, texts::version_notice::uninstall_2,
           texts::version_notice::uninstall_3});
    steps(texts::version_notice::install, {texts::version_notice::install_1, texts::version_notice::install_2,
                                           texts::version_notice::install_3});
}

}  // namespace careplan::ui
