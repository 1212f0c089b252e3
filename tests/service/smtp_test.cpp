// The SMTP sink's message and settings, and the outbox's attempts and
// back-off (the real server conversation is tests/tools/smtp-mail-test.py).

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <mbedtls/base64.h>

#include "careplan/service/store.hpp"
#include "crypto.hpp"
#include "demo.hpp"
#include "mailer.hpp"
#include "smtp_mail.hpp"
#include "temp_dir.hpp"

using namespace careplan;
using namespace careplan::service;
using careplan::test::TempDir;

namespace {

std::string unbase64(std::string_view text) {
    std::string out(text.size(), '\0');
    std::size_t written = 0;
    REQUIRE(mbedtls_base64_decode(reinterpret_cast<unsigned char*>(out.data()), out.size(), &written,
                                  reinterpret_cast<const unsigned char*>(text.data()), text.size()) == 0);
    out.resize(written);
    return out;
}

std::vector<std::string> crlf_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2) {
        lines.push_back(text.substr(start, end - start));
    }
    CHECK(start == text.size());  // every line ends in CRLF
    return lines;
}

OutboxMail sample_mail() {
    OutboxMail mail;
    mail.id = 7;
    mail.application_id = "A-261125-0001";
    mail.recipient = "taro@example.jp";
    mail.subject =
        "【ケアプランデータ連携システム】利用更新手続き完了のお知らせ（事業所番号 "
        "1370000001、ライセンス更新）";
    mail.body = "山田 太郎 様\n\n更新が完了しました。\n.\n以上";
    mail.message_id = "<A-261125-0001.7@example.jp>";
    return mail;
}

SmtpSettings good_settings() {
    SmtpSettings s;
    s.url = "smtp://mail.example.jp:587";
    s.from = "license@example.jp";
    return s;
}

// Fails while `down`, else records what it was given.
struct TestSink final : MailSink {
    bool down = true;
    std::vector<OutboxMail> sent;
    void send(const OutboxMail& mail) override {
        if (down) throw std::runtime_error("SMTP: Failed to connect to 127.0.0.1 port 2525");
        sent.push_back(mail);
    }
    std::string message_id_domain() const override { return "example.jp"; }
};

}  // namespace

TEST_CASE("the SMTP message: headers, an RFC 2047 subject, a base64 UTF-8 body") {
    const OutboxMail mail = sample_mail();
    const auto when = std::chrono::sys_days{std::chrono::year{2026} / 11 / 30} + std::chrono::hours(3);
    const std::string message = smtp_message(mail, "license@example.jp", when);
    const auto lines = crlf_lines(message);
    auto header = [&](const std::string& name) {
        for (const auto& line : lines) {
            if (line.starts_with(name + ": ")) return line.substr(name.size() + 2);
        }
        return std::string("(none)");
    };
    CHECK(header("From") == "license@example.jp");
    CHECK(header("To") == "taro@example.jp");
    CHECK(header("Date") == "Mon, 30 Nov 2026 12:00:00 +0900");
    CHECK(header("Message-ID") == "<A-261125-0001.7@example.jp>");
    CHECK(header("MIME-Version") == "1.0");
    CHECK(header("Content-Type") == "text/plain; charset=UTF-8");
    CHECK(header("Content-Transfer-Encoding") == "base64");

    // The subject: encoded words on folded lines, each at most 75
    // characters, decoding back to the whole subject.
    std::string subject;
    std::size_t i = 0;
    while (!lines[i].starts_with("Subject: ")) ++i;
    for (std::string line = lines[i].substr(9);; line = lines[i].substr(1)) {
        REQUIRE(line.starts_with("=?UTF-8?B?"));
        REQUIRE(line.ends_with("?="));
        CHECK(line.size() <= 75);
        subject += unbase64(std::string_view(line).substr(10, line.size() - 12));
        if (i + 1 >= lines.size() || !lines[i + 1].starts_with(" ")) break;
        ++i;
    }
    CHECK(subject == mail.subject);

    // The body after the empty line: base64 lines of at most 76, decoding to
    // the text with CRLF line ends (the lone "." survives, no dot-stuffing needed).
    std::string encoded;
    bool in_body = false;
    for (const auto& line : lines) {
        if (in_body) {
            CHECK(line.size() <= 76);
            encoded += line;
        }
        in_body = in_body || line.empty();
    }
    CHECK(unbase64(encoded) == "山田 太郎 様\r\n\r\n更新が完了しました。\r\n.\r\n以上");

    OutboxMail injected = mail;
    injected.recipient = "a@example.jp\r\nBcc: b@example.jp";
    CHECK_THROWS(smtp_message(injected, "license@example.jp", when));
}

TEST_CASE("SMTP settings are checked before the service starts") {
    CHECK_NOTHROW(validate_smtp_settings(good_settings()));
    auto refused = [](auto change) {
        SmtpSettings s = good_settings();
        change(s);
        CHECK_THROWS_AS(validate_smtp_settings(s), std::invalid_argument);
    };
    refused([](SmtpSettings& s) { s.url = "http://mail.example.jp"; });
    refused([](SmtpSettings& s) { s.url = "smtp://"; });
    refused([](SmtpSettings& s) { s.url = "smtp://user@mail.example.jp"; });
    refused([](SmtpSettings& s) { s.url = "smtp://mail.example.jp:99999"; });
    refused([](SmtpSettings& s) { s.url = "smtp://mail.example.jp/x"; });
    refused([](SmtpSettings& s) { s.from = ""; });
    refused([](SmtpSettings& s) { s.from = "license"; });
    refused([](SmtpSettings& s) { s.from = "a@example.jp\r\nBcc: x@example.jp"; });
    refused([](SmtpSettings& s) { s.tls = SmtpTls::none; });  // plain text off loopback
    refused([](SmtpSettings& s) {
        s.url = "smtps://127.0.0.1:465";
        s.tls = SmtpTls::none;
    });
    refused([](SmtpSettings& s) { s.ca_file = "/nonexistent/ca.pem"; });
    refused([](SmtpSettings& s) { s.username = "only-a-user"; });

    SmtpSettings loopback = good_settings();
    loopback.url = "smtp://127.0.0.1:2525";
    loopback.tls = SmtpTls::none;
    CHECK_NOTHROW(validate_smtp_settings(loopback));
    loopback.url = "smtp://[::1]:2525/";
    CHECK_NOTHROW(validate_smtp_settings(loopback));
    SmtpSettings tls = good_settings();
    tls.url = "smtps://mail.example.jp";
    CHECK_NOTHROW(validate_smtp_settings(tls));
}

TEST_CASE("SMTP credentials come from a file only its owner can read") {
    TempDir dir{"careplan-smtp-"};
    const std::string path = dir.file("credentials");
    std::ofstream(path) << "careplan\nsecret-password\n";
    SmtpSettings s = good_settings();
    std::filesystem::permissions(path,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::group_read);
    CHECK_THROWS(read_smtp_credentials(path, s));
    std::filesystem::permissions(path, std::filesystem::perms::owner_read);
    read_smtp_credentials(path, s);
    CHECK(s.username == "careplan");
    CHECK(s.password == "secret-password");
    std::ofstream(path, std::ios::trunc) << "careplan\n";
    CHECK_THROWS(read_smtp_credentials(path, s));
    CHECK_THROWS(read_smtp_credentials(dir.file("missing"), s));
}

TEST_CASE("back-off doubles up to its cap; addresses are masked") {
    const MailRetry retry{std::chrono::seconds(60), std::chrono::seconds(3600)};
    CHECK(retry_delay(retry, 1).count() == 60);
    CHECK(retry_delay(retry, 2).count() == 120);
    CHECK(retry_delay(retry, 6).count() == 1920);
    CHECK(retry_delay(retry, 7).count() == 3600);
    CHECK(retry_delay(retry, 1000).count() == 3600);
    CHECK(mask_address("taro.yamada@example.jp") == "t***@example.jp");
    CHECK(mask_address("nonsense") == "***");
}

TEST_CASE("a failed mail stays with its attempts, waits out its back-off, and is sent once") {
    TempDir dir{"careplan-smtp-"};
    const std::string path = dir.file("outbox.db");
    const core::Date today{std::chrono::year{2026} / 11 / 25};
    const core::Date later = core::add_days(today, 400);  // every demo mail is due
    {
        Store store(path);
        seed_demo(store, today, Argon2Params{1, 64, 1});  // office 3 has an accepted application
    }
    const MailRetry retry{std::chrono::seconds(10), std::chrono::seconds(25)};
    TestSink sink;
    std::int64_t now = 1'000'000;
    std::string message_id;
    {
        Store store(path);
        CHECK_THROWS_WITH(deliver_due_mail(store, sink, later, now, retry),
                          Catch::Matchers::ContainsSubstring("d***@example.jp") &&
                              Catch::Matchers::ContainsSubstring("attempt 1, next in 10 s"));
        auto due = store.read([&](Tx& tx) { return tx.due_mail(later, now); });
        CHECK(due.empty());  // not before its back-off
        due = store.read([&](Tx& tx) { return tx.due_mail(later, now + 10); });
        REQUIRE(due.size() == 1);
        CHECK(due[0].mail.attempts == 1);
        message_id = due[0].mail.message_id;
        CHECK(message_id ==
              "<" + due[0].mail.application_id + "." + std::to_string(due[0].mail.id) + "@example.jp>");
        CHECK_THROWS_WITH(deliver_due_mail(store, sink, later, now + 10, retry),
                          Catch::Matchers::ContainsSubstring("attempt 2, next in 20 s"));
        CHECK_THROWS_WITH(deliver_due_mail(store, sink, later, now + 30, retry),
                          Catch::Matchers::ContainsSubstring("attempt 3, next in 25 s"));
    }
    // After a restart: still waiting its turn, then sent with the same Message-ID.
    Store store(path);
    sink.down = false;
    CHECK(deliver_due_mail(store, sink, later, now + 54, retry) == 0);
    CHECK(deliver_due_mail(store, sink, later, now + 55, retry) == 1);
    REQUIRE(sink.sent.size() == 1);
    CHECK(sink.sent[0].message_id == message_id);
    CHECK(sink.sent[0].attempts == 3);
    // Once sent, never again, however late.
    CHECK(deliver_due_mail(store, sink, core::add_days(later, 30), now + 100000, retry) == 0);
    CHECK(sink.sent.size() == 1);
}
