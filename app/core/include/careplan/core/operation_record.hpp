#pragma once
// 操作記録 (operation record): the last UI actions of the run, kept in memory
// as lines of a UI script (app/ui/src/ui_script.hpp: click, type, key,
// scroll, wait-screen), so that the help desk can replay a caller's steps on
// the demo service with `careplan-client --ui-script FILE`.
//
// What was typed into a personal field is never kept: it is replaced, as it
// is recorded, by a stand-in of the same kind that passes the client's own
// validation (a fake name, kana, mail, phone, office number), so the replay
// takes the same path. The login goes to the demo account the caller names.
// Nothing is written anywhere unless the user asks (the UI saves script()).

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>

#include "careplan/core/input.hpp"

namespace careplan::core {

// What a text field holds, which decides what the record keeps of it.
enum class FieldKind {
    plain,          // not personal (the walkthrough code): kept as typed
    name,           // 申請者氏名
    kana,           // フリガナ
    email,          // メールアドレス (and its confirmation)
    phone,          // 電話番号
    office_number,  // 事業所番号
    user_id,        // ユーザID
    password,       // パスワード
    free_text,      // the inquiry's message: replaced by a neutral sentence
};

// A stand-in of that kind that passes validation: a fake name, kana, mail
// (example.com), phone and office number (all zeros: no such office), an
// ID of no account (KJ00000000), a password of asterisks, and a neutral
// sentence for free text. Empty for plain, which is kept as typed.
std::string placeholder_for(FieldKind kind);

// The application form (S05) filled with placeholders, both texts agreed
// to: what S06 shows on the help desk's copy of a caller's screen.
ApplicationInput placeholder_application();

// The demo account the replay logs in with (the embedded demo service's;
// core does not know them).
struct DemoLogin {
    std::string user_id;
    std::string password;
};

class OperationRecord {
  public:
    static constexpr std::size_t max_lines = 200;
    // Labels and kept texts are cut to this many bytes (at a character boundary).
    static constexpr std::size_t max_text_bytes = 200;

    explicit OperationRecord(DemoLogin login);

    void click(std::string_view label);
    // A value of a personal kind becomes its placeholder (the demo login for
    // user_id and password). An empty value is not recorded: a script's
    // `type` cannot type nothing, and the field starts empty on replay.
    void typed(std::string_view label, FieldKind kind, std::string_view value);
    void key(std::string_view name);  // Enter, Tab, Shift+Tab, Escape, ...
    void scroll(std::string_view label);
    // Adds `wait-screen CODE` when the screen differs from the last one shown.
    void screen_shown(std::string_view code);

    // A replayable UI script: a header comment (how many older actions were
    // dropped, if any), then the lines, oldest first.
    std::string script() const;
    std::size_t size() const { return lines_.size(); }

  private:
    void add(std::string line);

    DemoLogin login_;
    std::deque<std::string> lines_;
    std::size_t dropped_ = 0;
    std::string last_screen_;
};

}  // namespace careplan::core
