#pragma once
// --ui-script FILE: plays a small script through ImGui's input events, as a
// user would (the GUI tests; the help desk replaying a caller's steps).
//
//   # comment
//   click LABEL              press the control with that visible label
//   type LABEL = TEXT        click the field, select all, type TEXT
//   text TEXT                type TEXT where the keyboard focus is
//   paste LABEL = TEXT       put TEXT on the clipboard, click the field, Ctrl+A, Ctrl+V
//   key Enter|Tab|Shift+Tab|Escape|Space|F1|Ctrl+Plus|Ctrl+Minus
//   scroll LABEL             turn the mouse wheel over it to the end (texts to agree to)
//   wait-screen S03          until that screen shows (20 s at most)
//   expect-text TEXT         until TEXT is shown (20 s at most)
//   expect-gone TEXT         until TEXT is no longer shown (20 s at most)
//   print-text TEXT          prints the first text shown that holds TEXT (to hand it on)
//   expect-disabled LABEL    the control is shown and cannot be pressed
//   expect-enabled LABEL
//   wait-idle                until no request or check is running
//   refocus                  as if the window got the focus back (the user returns)
//   wait-file FILE           until FILE exists (written by the test around the client)
//   content-scale 2          as if the screen's scale became 200 %, until the client follows
//   move-window DX DY        moves the window by DX, DY screen pixels (the IME's windows follow)
//   window-size 800x600      resize the window (not below the client's minimum), until laid out
//   settings-changed         as if Windows announced changed settings (WM_SETTINGCHANGE)
//   minimize 2               minimise the window for 2 s and restore it; fails if it was not
//                            minimised or if any frame was drawn meanwhile
//   screenshot FILE.png      once the picture is stable
//
// Each step fails after its time limit; the first failure ends the script.
#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "script_steps.hpp"

namespace careplan::ui {

class UiScriptPlayer {
  public:
    // `idle` tells whether no request or check is running.
    UiScriptPlayer(std::vector<ScriptStep> steps, std::function<bool()> idle);

    // Called once per frame, after the frame was built: checks the step against
    // what the frame showed and queues input for the next frame.
    void after_frame();
    bool finished() const { return finished_; }
    bool passed() const { return finished_ && failure_.empty(); }
    const std::string& failure() const { return failure_; }

  private:
    bool run_step(const ScriptStep& step);  // true when the step is done
    bool click(const std::string& label);
    bool minimize_step(int seconds);
    bool point_at(const std::string& label, bool whole = false);
    void fail(const std::string& why);
    std::string shown_texts() const;

    std::vector<ScriptStep> steps_;
    std::function<bool()> idle_;
    std::size_t current_ = 0;
    int phase_ = 0;  // progress inside a step that spans frames
    int settle_frames_ = 0;
    std::chrono::steady_clock::time_point step_started_;
    bool screenshot_done_ = false;
    bool screenshot_ok_ = false;
    std::optional<std::pair<bool, int>> minimized_;  // minimised?, frames drawn meanwhile
    bool finished_ = false;
    std::string failure_;
};

}  // namespace careplan::ui
