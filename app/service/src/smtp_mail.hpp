#pragma once
// Completion mails over SMTP (libcurl with Mbed TLS): careplan-service's
// --smtp. Only the Linux executable links this (careplan_smtp); the library
// shared with the Windows client's demo service does not.

#include <chrono>
#include <string>
#include <string_view>

#include "careplan/service/store.hpp"
#include "mailer.hpp"

namespace careplan::service {

// required: smtp:// must switch to TLS with STARTTLS (never on in plain
// text when the server does not offer it); smtps:// is TLS from the start.
// none: plain SMTP, only to a loopback relay (a local MTA).
enum class SmtpTls { required, none };

struct SmtpSettings {
    std::string url;   // smtp://HOST[:PORT] or smtps://HOST[:PORT]
    std::string from;  // the sender's address, e.g. license@example.jp
    SmtpTls tls = SmtpTls::required;
    std::string ca_file;   // PEM CA certificates to verify the server; "" = the system's bundle
    std::string username;  // with password, SMTP AUTH; never logged
    std::string password;
    std::chrono::seconds connect_timeout{10};
    std::chrono::seconds timeout{60};  // the whole conversation of one mail
};

// Throws std::invalid_argument with a message for the operator (Japanese,
// from the catalogue) when a setting is unusable.
void validate_smtp_settings(const SmtpSettings& settings);

// Reads the SMTP user (first line) and password (second line) from a file
// that only its owner may read; throws std::runtime_error otherwise.
void read_smtp_credentials(const std::string& path, SmtpSettings& settings);

// The whole message: From, To, Subject (RFC 2047), Date, Message-ID,
// MIME-Version and a UTF-8 text body in base64, CRLF line ends.
std::string smtp_message(const OutboxMail& mail, std::string_view from,
                         std::chrono::system_clock::time_point now);

class SmtpMailSink final : public MailSink {
  public:
    explicit SmtpMailSink(SmtpSettings settings);  // validate_smtp_settings first
    void send(const OutboxMail& mail) override;
    std::string message_id_domain() const override;

  private:
    SmtpSettings settings_;
};

}  // namespace careplan::service
