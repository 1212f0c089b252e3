#include "client_app.hpp"

#include <imgui.h>

#include <algorithm>

#include "automation.hpp"
#include "fonts.hpp"
#include "theme.hpp"

namespace careplan::ui {
namespace {

constexpr auto tick_interval = std::chrono::seconds(1);
constexpr float zoom_step = 0.1f;

}  // namespace

ClientApp::ClientApp(ClientConfig config, EffectRunnerOptions runner_options)
    : config_(std::move(config)),
      settings_(config_.settings),
      state_(core::initial_state(std::chrono::system_clock::now())),
      runner_(std::move(runner_options)) {}

bool ClientApp::setup(float content_scale) {
    rescale(content_scale);
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    return load_fonts();
}

void ClientApp::rescale(float content_scale) {
    apply_theme(content_scale);
    ImGui::GetStyle().FontScaleMain = settings_.zoom;
}

bool ClientApp::wants_animation() const { return !state_.in_flight.empty() || state_.env_check_running; }

void ClientApp::dispatch(const core::Event& event) {
    core::Transition t = core::next(state_, event);
    state_ = std::move(t.state);
    for (auto& effect : t.effects) perform(std::move(effect));
}

void ClientApp::perform(core::Effect effect) {
    if (auto* copy = std::get_if<core::effect::CopyToClipboard>(&effect)) {
        ImGui::SetClipboardText(copy->text.c_str());  // the clipboard belongs to the UI thread
        return;
    }
    runner_.perform(std::move(effect));
}

void ClientApp::take_results_and_tick() {
    for (auto& result : runner_.take_results()) dispatch(result);
    const auto now = std::chrono::system_clock::now();
    if (now - last_tick_ >= tick_interval) {
        last_tick_ = now;
        dispatch(core::event::Tick{now});
    }
}

void ClientApp::handle_shortcuts(Events& out) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(ImGuiKey_Escape) && !ImGui::IsAnyItemActive()) out.push_back(core::event::Back{});
    if (ImGui::IsKeyPressed(ImGuiKey_F1, false)) out.push_back(core::event::ToggleGuide{});
    if (!io.KeyCtrl) return;
    float zoom = settings_.zoom;
    if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd)) zoom += zoom_step;
    if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract))
        zoom -= zoom_step;
    if (ImGui::IsKeyPressed(ImGuiKey_0)) zoom = 1.0f;
    zoom = std::clamp(zoom, min_zoom, max_zoom);
    if (zoom != settings_.zoom) {
        settings_.zoom = zoom;
        ImGui::GetStyle().FontScaleMain = zoom;
        save_settings(config_.settings_file, settings_);
    }
}

void ClientApp::reset_views_on_screen_change() {
    if (state_.screen == last_screen_) return;
    // Forms start again from the state when they are entered anew.
    if (state_.screen == core::Screen::application_form) form_ = {};
    if (state_.screen == core::Screen::login) login_ = {};
    last_screen_ = state_.screen;
}

void ClientApp::draw_screen(Events& out) {
    using core::Screen;
    if (state_.screen == Screen::login) {
        login_.draw(state_, config_.demo_accounts, out);
        return;
    }
    top_bar_.draw(state_, out);  // every screen after S01: tabs, and the way back
    ImGui::BeginChild("screen");
    switch (state_.screen) {
        case Screen::login: break;
        case Screen::license: license_.draw(state_, out); break;
        case Screen::apply: apply_.draw(state_, out); break;
        case Screen::application_form: form_.draw(state_, out); break;
        case Screen::confirm: confirm_.draw(state_, out); break;
        case Screen::complete: complete_.draw(state_, out); break;
        case Screen::env_check: env_check_.draw(state_, out); break;
        case Screen::faq: faq_.draw(state_, out); break;
        case Screen::contact: contact_.draw(state_, out); break;
        case Screen::version_notice: version_notice_.draw(state_, out); break;
    }
    ImGui::EndChild();
}

void ClientApp::draw() {
    frame_record().begin_frame();
    take_results_and_tick();
    reset_views_on_screen_change();

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    // No title or frame, but a scroll bar: zoomed text on a small window must
    // stay reachable.
    constexpr ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
        ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##client", nullptr, flags);
    Events out;
    handle_shortcuts(out);
    draw_screen(out);
    ImGui::End();
    guide_.draw(state_, {login_.user_id_typed(), login_.password_typed(), form_.draft()});
    for (const auto& event : out) dispatch(event);
}

}  // namespace careplan::ui
