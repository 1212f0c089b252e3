#pragma once
// One class per screen, each with a single draw function (as in ImHex): it
// renders the flow's state and appends the user's actions as events. The
// views hold only what is being typed; everything else is in core::State.
#include <string>
#include <string_view>
#include <vector>

#include "careplan/core/flow.hpp"

namespace careplan::ui {

using Events = std::vector<core::Event>;

// A demo office of the embedded demo service, offered on S01.
struct DemoAccount {
    std::string user_id;
    std::string password;
    std::string scenario;  // 更新可能, 申請期間前, …
};

class LoginView {  // S01
  public:
    void draw(const core::State& state, const std::vector<DemoAccount>& demo, Events& out);

  private:
    std::string user_id_;
    std::string password_;
    bool show_password_ = false;
    bool filled_from_state_ = false;
    bool focus_user_id_ = true;  // the cursor starts in ユーザID: keyboard-only use
};

class LicenseView {  // S03
  public:
    void draw(const core::State& state, Events& out);
};

class ApplyView {  // S04
  public:
    void draw(const core::State& state, Events& out);
};

class ApplicationFormView {  // S05
  public:
    void draw(const core::State& state, Events& out);

  private:
    core::ApplicationInput input_;
    bool loaded_ = false;
};

class ConfirmView {  // S06
  public:
    void draw(const core::State& state, Events& out);
};

class CompleteView {  // S07
  public:
    void draw(const core::State& state, Events& out);
};

class EnvCheckView {  // S08
  public:
    void draw(const core::State& state, Events& out);

  private:
    std::string save_path_ = "careplan-env-check.txt";
};

class FaqView {  // S09
  public:
    void draw(const core::State& state, Events& out);
};

class ContactView {  // S10
  public:
    void draw(const core::State& state, Events& out);
};

class VersionNoticeView {  // S11
  public:
    void draw(const core::State& state, Events& out);
};

// The frame of S02 (after login): who is logged in, the tabs, ログアウト.
// Before login, S08-S10 show the same tabs with a way back to S01.
class TopBar {
  public:
    void draw(const core::State& state, Events& out);
};

// While the screen waits for an answer: a spinner, what is happening, and
// 中止. Draws nothing when nothing is awaited.
void waiting_indicator(const core::State& state, std::string_view doing, Events& out);

// The banner of the current screen's message (errors in red, with 再試行
// when the flow can retry).
void message_banner(const core::State& state, Events& out);

}  // namespace careplan::ui
