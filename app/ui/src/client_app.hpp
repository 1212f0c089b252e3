#pragma once
// The client's UI root: owns the flow's state, feeds it events (from the
// views, the effect runner and the clock) and draws the current screen.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "careplan/core/display.hpp"
#include "careplan/core/flow.hpp"
#include "careplan/core/ime.hpp"
#include "careplan/core/operation_record.hpp"
#include "effect_runner.hpp"
#include "settings.hpp"
#include "settings_launcher.hpp"
#include "views/views.hpp"

namespace careplan::ui {

struct ClientConfig {
    std::vector<DemoAccount> demo_accounts;  // non-empty on the embedded demo service
    std::filesystem::path settings_file;
    Settings settings;             // as loaded from settings_file
    core::DemoLogin replay_login;  // the account a saved operation record logs in with on replay
    bool helpdesk = false;         // --helpdesk: ask for a walkthrough code at start
    std::optional<core::WalkthroughSnapshot> helpdesk_code;  // --helpdesk CODE, decoded
    // Opens the Windows pages of S08's one-click remedies (ShellExecuteW;
    // --launch-trace: a trace file). None: the remedies report a failure.
    std::shared_ptr<SettingsLauncher> settings_launcher;
};

class ClientApp {
  public:
    ClientApp(ClientConfig config, EffectRunnerOptions runner_options);

    // False when the embedded font cannot be loaded.
    bool setup(float content_scale);
    // The renderer in use ("OpenGL 3.3", "Direct3D 11 (WARP)", …), for the walkthrough code.
    void set_renderer(const std::string& name);
    // Style and text sizes for a new content scale (the fonts follow by
    // themselves: ImGui 1.92 rasterises glyphs at the size they are drawn).
    void rescale(float content_scale);
    // The colours and "Make text bigger" factor the system asks for; applied
    // at once when the window is already up (a setting changed while running).
    void set_look(const core::Palette& palette, float text_scale);
    void draw();
    // While requests run, the spinner turns: the loop then draws without input.
    bool wants_animation() const;

    void dispatch(const core::Event& event);
    // The window got the keyboard focus back (GLFW's focus callback).
    void focus_regained() { dispatch(core::event::WindowFocused{}); }
    const core::State& state() const { return state_; }
    // Nothing is being waited for: no request, no check, no result unread.
    bool idle() const {
        return runner_.idle() && state_.in_flight.empty() && !state_.env_check_running &&
               !state_.env_item_rechecking;
    }

  private:
    void take_results_and_tick();
    void perform(core::Effect effect);
    void handle_shortcuts(Events& out);
    void record_keys_and_screen();
    void draw_screen(Events& out);
    void reset_views_on_screen_change();
    void apply_font_scale();
    void open_walkthrough(const core::WalkthroughSnapshot& snapshot);
    std::string walkthrough_code() const;

    ClientConfig config_;
    Settings settings_;
    core::State state_;
    EffectRunner runner_;
    core::Screen last_screen_ = core::Screen::login;
    bool screen_entered_ = false;  // this frame shows a screen other than the last one
    std::chrono::system_clock::time_point last_tick_{};

    LoginView login_;
    TopBar top_bar_;
    LicenseView license_;
    ApplyView apply_;
    ApplicationFormView form_;
    ConfirmView confirm_;
    CompleteView complete_;
    EnvCheckView env_check_;
    FaqView faq_;
    ContactView contact_;
    VersionNoticeView version_notice_;
    GuideOverlay guide_;
    HelpdeskEntryView helpdesk_entry_;
    core::RendererKind renderer_ = core::RendererKind::unknown;
    core::ImeFieldModes ime_modes_;
    core::Palette palette_ = core::light_palette();
    float text_scale_ = 1.0f;
    float content_scale_ = 0;  // 0 until setup
};

}  // namespace careplan::ui
