// careplan-client: the entry point. Parses the command line, then hands the
// UI to the platform runner.
#include <cstdio>

#include "careplan/assets.hpp"
#include "careplan/platform/runner.hpp"
#include "client_app.hpp"
#include "command_line.hpp"

#ifdef _WIN32
#include <windows.h>
#endif

namespace {

constexpr const char* window_title = "ケアプランデータ連携 利用更新クライアント";

// A GUI-subsystem program has no console of its own: when started from one,
// print there; when the output is redirected, the handles are already set.
void attach_console_for_output() {
#ifdef _WIN32
  if (GetFileType(GetStdHandle(STD_OUTPUT_HANDLE)) == FILE_TYPE_UNKNOWN &&
      AttachConsole(ATTACH_PARENT_PROCESS)) {
    std::freopen("CONOUT$", "w", stdout);
    std::freopen("CONOUT$", "w", stderr);
    SetConsoleOutputCP(CP_UTF8);
  }
#endif
}

}  // namespace

int main(int argc, char** argv) {
  using namespace careplan;
  attach_console_for_output();
  const ui::CommandLine cl = ui::parse_command_line(ui::utf8_arguments(argc, argv));
  if (!cl.error.empty()) {
    std::fprintf(stderr, "%s\n\n%s", cl.error.c_str(), ui::usage_text().c_str());
    return 64;
  }
  if (cl.help) {
    std::fputs(ui::usage_text().c_str(), stdout);
    return 0;
  }
  if (cl.version) {
    std::printf("careplan-client %s\n", CAREPLAN_VERSION);
    return 0;
  }

  if (cl.licenses) {
    const auto text = assets::unpack(assets::font_ipaexg_license());
    if (text) std::fwrite(text->data(), 1, text->size(), stdout);
    return text ? 0 : 4;
  }

  ui::ClientApp app;
  platform::RunnerOptions options;
  options.title = window_title;
  options.screenshot_path = cl.screenshot;
  options.force_legacy_gl = cl.legacy_gl;
  platform::RunnerCallbacks callbacks;
  callbacks.setup = [&](float scale) { return app.setup(scale); };
  callbacks.draw = [&] { app.draw(); };
  int screenshot_status = 0;
  callbacks.screenshot_taken = [&](bool ok, const std::string& path) {
    if (!ok) {
      std::fprintf(stderr, "スクリーンショットを保存できませんでした: %s\n", path.c_str());
      screenshot_status = 1;
    }
  };
  platform::RunInfo info;
  const int status = platform::run(options, callbacks, &info);
  if (status == 4) {
    platform::show_fatal_error("内蔵フォントを読み込めませんでした。実行ファイルが壊れている可能性があります。"
                               "もう一度ダウンロードしてください。");
    return 4;
  }
  if (status == 0 && cl.screenshot)
    std::printf("screenshot %s renderer=\"%s\" first_frame_ms=%.0f\n", cl.screenshot->c_str(),
                info.renderer.c_str(), info.first_frame_seconds * 1000);
  return status != 0 ? status : screenshot_status;
}
