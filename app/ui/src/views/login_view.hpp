#pragma once
// S01 ログイン (手順1): the user ID and password of the 電子請求受付システム.
#include <array>

namespace careplan::ui {

class LoginView {
 public:
  void draw();

 private:
  std::array<char, 64> user_id_{};
  std::array<char, 160> password_{};
  bool show_password_ = false;
};

}  // namespace careplan::ui
