#pragma once
// The client's UI root: sets up fonts and theme, and draws the current screen
// full-window.
#include "views/login_view.hpp"

namespace careplan::ui {

class ClientApp {
 public:
  // False when the embedded font cannot be loaded.
  bool setup(float content_scale);
  void draw();

 private:
  LoginView login_;
};

}  // namespace careplan::ui
