#include "command_line.hpp"

#ifdef _WIN32
#include <windows.h>
#include <shellapi.h>
#endif

namespace careplan::ui {

CommandLine parse_command_line(const std::vector<std::string>& args) {
  CommandLine cl;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 < args.size()) return args[++i];
      cl.error = a + " にはファイル名などの値が必要です。";
      return std::nullopt;
    };
    if (a == "--help" || a == "-h") cl.help = true;
    else if (a == "--version") cl.version = true;
    else if (a == "--licenses") cl.licenses = true;
    else if (a == "--renderer") {
      if (auto v = value()) cl.renderer = *v;
      if (cl.renderer != "gl3" && cl.renderer != "gl2" && cl.renderer != "dx11")
        cl.error = "--renderer には gl3、gl2、dx11 のいずれかを指定してください。";
    }
    else if (a == "--screenshot") cl.screenshot = value();
    else if (a == "--check-env") cl.check_env = true;
    else if (a == "--json") cl.json = true;
    else if (a == "--server") cl.server = value();
    else if (a == "--proxy") cl.proxy = value();
    else if (a == "--ui-script") cl.ui_script = value();
    else cl.error = "不明なオプションです: " + a;
    if (!cl.error.empty()) break;
  }
  if (cl.error.empty() && cl.json && !cl.check_env) cl.error = "--json は --check-env と一緒に指定してください。";
  return cl;
}

std::string usage_text() {
  return "使い方: careplan-client [オプション]\n"
         "ケアプランデータ連携システム 利用更新クライアント\n"
         "\n"
         "  --help               この説明を表示して終了します\n"
         "  --version            バージョンを表示して終了します\n"
         "  --licenses           同梱しているフォントのライセンスを表示して終了します\n"
         "  --screenshot FILE    画面が落ち着くまで描画し、PNG 画像として保存して終了します\n"
         "  --renderer NAME      最初に試す描画方式: gl3 (既定)、gl2、dx11 (Windows のみ)\n"
         "                       (表示に問題があるときの確認用。使えなければ次の方式に切り替えます)\n"
         "  --server URL         接続するライセンスサービス (省略時は内蔵のデモサービス)\n"
         "  --proxy HOST:PORT    この HTTP プロキシを経由して接続します\n"
         "                       (careplan-client.ini の [network] proxy= でも指定できます。\n"
         "                       どちらもなければ Windows のプロキシ設定に従います)\n"
         "  --ui-script FILE     UI スクリプトを再生し、結果を終了コードで返します (テスト・再現用)\n"
         "  --check-env [--json] パソコンの環境をチェックし、結果を表示して終了します\n"
         "                       (終了コード 0: すべてOK, 1: 注意あり, 2: NGあり)\n";
}

std::vector<std::string> utf8_arguments(int argc, char** argv) {
  std::vector<std::string> args;
#ifdef _WIN32
  (void)argc;
  (void)argv;
  int count = 0;
  LPWSTR* wide = CommandLineToArgvW(GetCommandLineW(), &count);
  for (int i = 1; wide && i < count; ++i) {
    const int n = WideCharToMultiByte(CP_UTF8, 0, wide[i], -1, nullptr, 0, nullptr, nullptr);
    std::string s(static_cast<std::size_t>(n > 0 ? n - 1 : 0), '\0');
    WideCharToMultiByte(CP_UTF8, 0, wide[i], -1, s.data(), n, nullptr, nullptr);
    args.push_back(std::move(s));
  }
  LocalFree(wide);
#else
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
#endif
  return args;
}

}  // namespace careplan::ui
