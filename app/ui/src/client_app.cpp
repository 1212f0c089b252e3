#include "client_app.hpp"

#include <imgui.h>

#include "fonts.hpp"
#include "theme.hpp"

namespace careplan::ui {

bool ClientApp::setup(float content_scale) {
  apply_theme(content_scale);
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  return load_fonts();
}

void ClientApp::draw() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##client", nullptr, flags);
  login_.draw();
  ImGui::End();
}

}  // namespace careplan::ui
