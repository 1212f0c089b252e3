#include <catch2/catch_test_macros.hpp>

#include <sstream>
#include <vector>

#include "careplan/core/input.hpp"
#include "careplan/core/operation_record.hpp"
#include "careplan/core/text_keys.hpp"

using namespace careplan::core;
namespace texts = careplan::texts;

namespace {

const DemoLogin demo{"KJ00000001", "demo-pass-0001"};

// The script's lines without its comments.
std::vector<std::string> commands(const std::string& script) {
    std::vector<std::string> lines;
    std::istringstream in(script);
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') lines.push_back(line);
    return lines;
}

std::size_t comment_lines(const std::string& script) {
    std::size_t count = 0;
    for (std::size_t at = script.find("# "); at != std::string::npos; at = script.find("\n# ", at + 1))
        ++count;
    return count;
}

}  // namespace

TEST_CASE("the placeholders pass the client's own validation", "[operation-record]") {
    const ApplicationInput input = placeholder_application();
    CHECK(input.applicant_name == placeholder_for(FieldKind::name));
    CHECK(input.applicant_kana == placeholder_for(FieldKind::kana));
    CHECK(input.email == placeholder_for(FieldKind::email));
    CHECK(input.phone == placeholder_for(FieldKind::phone));
    CHECK(input.office_number == placeholder_for(FieldKind::office_number));
    const ApplicationInput normalized = normalize_application(input);
    CHECK(normalized == input);  // already in the form the checks want
    CHECK(validate_application(normalized, true).empty());
    CHECK(validate_login(
              normalize_login({placeholder_for(FieldKind::user_id), placeholder_for(FieldKind::password)}))
              .empty());
    CHECK_FALSE(placeholder_for(FieldKind::free_text).empty());
    CHECK(placeholder_for(FieldKind::plain).empty());
}

TEST_CASE("a renewal is recorded as a script without the typed personal values", "[operation-record]") {
    OperationRecord record{demo};
    record.screen_shown("S01");
    record.typed("ユーザID", FieldKind::user_id, "KJ12345678");
    record.typed("パスワード", FieldKind::password, "my-secret-pass");
    record.click("ログイン");
    record.screen_shown("S03");
    record.screen_shown("S03");  // the same screen again: no second wait
    record.click("利用申請/更新");
    record.screen_shown("S04");
    record.click("申請");
    record.screen_shown("S05");
    record.typed("申請者氏名", FieldKind::name, "山田 太郎");
    record.typed("フリガナ", FieldKind::kana, "ヤマダ タロウ");
    record.typed("メールアドレス", FieldKind::email, "taro.yamada@care-office.jp");
    record.typed("メールアドレス（確認）", FieldKind::email, "taro.yamada@care-office.jp");
    record.typed("電話番号", FieldKind::phone, "090-8765-4321");
    record.typed("事業所番号", FieldKind::office_number, "1312345678");
    record.scroll("利用規約");
    record.typed("お問い合わせ内容", FieldKind::free_text, "山田です。折り返しお願いします。");
    record.typed("画面共有コード", FieldKind::plain, "ABCD-EFGH-JK");
    record.key("Enter");

    const std::string script = record.script();
    for (std::string_view personal : {"KJ12345678", "my-secret-pass", "山田", "ヤマダ", "taro.yamada",
                                      "care-office", "8765", "1312345678", "折り返し"}) {
        INFO(personal);
        CHECK(script.find(personal) == std::string::npos);
    }
    const std::vector<std::string> expected{
        "wait-screen S01",
        "type ユーザID = KJ00000001",
        "type パスワード = demo-pass-0001",
        "click ログイン",
        "wait-screen S03",
        "click 利用申請/更新",
        "wait-screen S04",
        "click 申請",
        "wait-screen S05",
        "type 申請者氏名 = " + placeholder_for(FieldKind::name),
        "type フリガナ = " + placeholder_for(FieldKind::kana),
        "type メールアドレス = sample@example.com",
        "type メールアドレス（確認） = sample@example.com",
        "type 電話番号 = 03-0000-0000",
        "type 事業所番号 = 0000000000",
        "scroll 利用規約",
        "type お問い合わせ内容 = " + placeholder_for(FieldKind::free_text),
        "type 画面共有コード = ABCD-EFGH-JK",
        "key Enter",
    };
    CHECK(commands(script) == expected);
    CHECK(record.size() == expected.size());
    CHECK(script.rfind("# ", 0) == 0);  // starts with the header comment
}

TEST_CASE("the record keeps the last 200 actions", "[operation-record]") {
    OperationRecord record{demo};
    for (int i = 0; i < 250; ++i) record.click("button " + std::to_string(i));
    CHECK(record.size() == OperationRecord::max_lines);
    const std::vector<std::string> lines = commands(record.script());
    REQUIRE(lines.size() == 200);
    CHECK(lines.front() == "click button 50");
    CHECK(lines.back() == "click button 249");
    // The header says that older actions are missing.
    const std::string dropped = "# " + tr(texts::operation_record::dropped, {{"count", 50}}) + "\n";
    CHECK(record.script().find(dropped) < record.script().find("click"));
    OperationRecord full{demo};
    for (int i = 0; i < 200; ++i) full.click("button");
    CHECK(comment_lines(record.script()) == comment_lines(full.script()) + 1);
}

TEST_CASE("a recorded text cannot break the script's syntax", "[operation-record]") {
    OperationRecord record{demo};
    record.typed("画面共有コード", FieldKind::plain, "AB\nclick 申請\r\nkey Enter");
    record.click("OK\nwait-screen S07");
    record.typed("label = with = equals", FieldKind::plain, "x");
    record.typed("tab\tlabel", FieldKind::plain, "a\x1b[2Jb\x7f");
    record.typed("code", FieldKind::plain,
                 "A\xC2\x85"
                 "B\xE2\x80\xA8"
                 "C\xE2\x80\xA9"
                 "D");
    record.typed("bad utf8", FieldKind::plain,
                 "A\xff\xfe"
                 "B");
    record.click("\n\n");  // nothing left: not recorded
    record.typed("code", FieldKind::plain, "");
    record.typed("", FieldKind::plain, "text");
    const std::vector<std::string> lines = commands(record.script());
    const std::vector<std::string> expected{
        "type 画面共有コード = AB click 申請  key Enter",
        "click OK wait-screen S07",
        "type label with equals = x",
        "type tab label = a [2Jb",
        "type code = A B C D",
        "type bad utf8 = AB",
    };
    CHECK(lines == expected);
    for (char c : record.script()) CHECK((static_cast<unsigned char>(c) >= 0x20 || c == '\n'));
}

TEST_CASE("empty personal input is not recorded, long input is cut", "[operation-record]") {
    OperationRecord record{demo};
    record.typed("申請者氏名", FieldKind::name, "");
    CHECK(record.size() == 0);
    std::string long_text;
    for (int i = 0; i < 300; ++i) long_text += "あ";
    record.typed("コード", FieldKind::plain, long_text);
    const std::vector<std::string> lines = commands(record.script());
    REQUIRE(lines.size() == 1);
    const std::string text = lines[0].substr(lines[0].find(" = ") + 3);
    CHECK(text.size() <= OperationRecord::max_text_bytes);
    CHECK(text.size() % 3 == 0);  // cut between characters
    CHECK(is_valid_utf8(text));
}
