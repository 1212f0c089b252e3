#include "client_app.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdlib>

#include "automation.hpp"
#include "careplan/platform/runner.hpp"
#include "fonts.hpp"
#include "theme.hpp"

namespace careplan::ui {
namespace {

constexpr auto tick_interval = std::chrono::seconds(1);
constexpr float zoom_step = 0.1f;

// The demo office whose license is most like the reproduced one, so that the
// help desk's next steps get the answers the caller's would.
std::optional<core::LoginInput> demo_login_for(const core::WalkthroughSnapshot& snapshot,
                                               const std::vector<DemoAccount>& accounts) {
    if (!snapshot.logged_in || accounts.empty()) return std::nullopt;
    const auto& license = snapshot.license;
    const bool applied = license && license->renewability == core::Renewability::already_applied;
    const int days = license ? license->days_remaining : accounts.front().days_remaining;
    const DemoAccount* best = &accounts.front();
    for (const DemoAccount& account : accounts) {
        const bool closer = std::abs(account.days_remaining - days) < std::abs(best->days_remaining - days);
        if (account.applied == applied && (best->applied != applied || closer)) best = &account;
    }
    return core::LoginInput{best->user_id, best->password};
}

}  // namespace

ClientApp::ClientApp(ClientConfig config, EffectRunnerOptions runner_options)
    : config_(std::move(config)),
      settings_(config_.settings),
      state_(core::initial_state(std::chrono::system_clock::now())),
      runner_(std::move(runner_options)),
      ime_modes_(platform::ime_switch()) {
    operation_record() = core::OperationRecord{config_.replay_login};
}

bool ClientApp::setup(float content_scale) {
    rescale(content_scale);
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    if (config_.helpdesk_code)
        open_walkthrough(*config_.helpdesk_code);
    else if (config_.helpdesk)
        helpdesk_entry_.open();
    return load_fonts();
}

void ClientApp::set_renderer(const std::string& name) {
    using core::RendererKind;
    if (name.starts_with("Direct3D 11"))
        renderer_ = name.find("WARP") != std::string::npos ? RendererKind::dx11_warp : RendererKind::dx11;
    else if (name.starts_with("OpenGL 3"))
        renderer_ = RendererKind::gl3;
    else if (name.starts_with("OpenGL 2"))
        renderer_ = RendererKind::gl2;
}

void ClientApp::open_walkthrough(const core::WalkthroughSnapshot& snapshot) {
    dispatch(core::event::ShowWalkthrough{core::walkthrough_state(snapshot, state_.now),
                                          demo_login_for(snapshot, config_.demo_accounts)});
}

std::string ClientApp::walkthrough_code() const {
    return core::encode_walkthrough_code(core::snapshot_of(state_, renderer_));
}

void ClientApp::rescale(float content_scale) {
    content_scale_ = content_scale;
    apply_theme(content_scale, palette_);
    apply_font_scale();
}

void ClientApp::set_look(const core::Palette& palette, float text_scale) {
    palette_ = palette;
    text_scale_ = text_scale;
    if (content_scale_ > 0) rescale(content_scale_);
}

// The text size: the user's zoom (Ctrl +/-) on top of Windows' "Make text
// bigger"; the monitor's scale is FontScaleDpi.
void ClientApp::apply_font_scale() { ImGui::GetStyle().FontScaleMain = settings_.zoom * text_scale_; }

bool ClientApp::wants_animation() const {
    return !state_.in_flight.empty() || state_.env_check_running || state_.env_item_rechecking;
}

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
    // The shell too: ShellExecuteW wants the thread that owns the window.
    if (auto* page = std::get_if<core::effect::OpenSettingsPage>(&effect)) {
        const auto& launcher = config_.settings_launcher;
        if (!launcher || !launcher->open(page->launch)) dispatch(core::event::FixPageFailed{});
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
        apply_font_scale();
        save_settings(config_.settings_file, settings_);
    }
}

// Keys go into the operation record after the frame: a field that Enter or
// Tab leaves records its value first, as the replay must type it first.
void ClientApp::record_keys_and_screen() {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false))
        operation_record().key("Enter");
    if (ImGui::IsKeyPressed(ImGuiKey_Tab)) operation_record().key(io.KeyShift ? "Shift+Tab" : "Tab");
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) operation_record().key("Escape");
    if (ImGui::IsKeyPressed(ImGuiKey_F1, false)) operation_record().key("F1");
    operation_record().screen_shown(core::screen_code(state_.screen));
}

void ClientApp::reset_views_on_screen_change() {
    screen_entered_ = state_.screen != last_screen_;
    if (!screen_entered_) return;
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
    // A screen starts at its top, not where the last one was scrolled to.
    if (screen_entered_) ImGui::SetNextWindowScroll(ImVec2{0, 0});
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
        case Screen::contact: contact_.draw(state_, walkthrough_code(), out); break;
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
    if (state_.helpdesk_view && helpdesk_banner(walkthrough_code())) helpdesk_entry_.open();
    draw_screen(out);
    ImGui::End();
    if (state_.guide_on)
        guide_.draw(
            state_,
            {login_.user_id_typed(), login_.password_typed(), form_.draft(), contact_.inquiry_draft()},
            walkthrough_code());
    if (login_.take_helpdesk_request()) helpdesk_entry_.open();
    const bool entry_was_open = helpdesk_entry_.is_open();
    if (const auto snapshot = helpdesk_entry_.draw()) open_walkthrough(*snapshot);
    if (entry_was_open && !helpdesk_entry_.is_open() && state_.screen == core::Screen::login)
        login_.refocus();
    record_keys_and_screen();
    // Each field's input mode (フリガナ in katakana, IDs without the IME).
    const std::string& field = frame_record().focused_field();
    ime_modes_.focus(field.empty() ? std::nullopt
                                   : std::optional{std::pair{std::string_view(field), field_kind(field)}});
    for (const auto& event : out) dispatch(event);
}

}  // namespace careplan::ui
