#include "smtp_mail.hpp"

#include <ctime>
#include <fstream>
#include <memory>
#include <stdexcept>

#include <curl/curl.h>
#include <mbedtls/base64.h>
#include <sys/stat.h>

#include "careplan/core/input.hpp"
#include "careplan/core/strings.hpp"
#include "careplan/core/text.hpp"
#include "careplan/core/text_keys.hpp"

namespace careplan::service {
namespace {

struct SmtpUrl {
    bool implicit_tls = false;  // smtps://
    std::string host;
};

// smtp://HOST[:PORT] or smtps://HOST[:PORT], a trailing "/" allowed; no user,
// path or query (curl would take a path as the EHLO name).
std::optional<SmtpUrl> parse_smtp_url(std::string_view url) {
    SmtpUrl parsed;
    if (url.starts_with("smtps://")) {
        parsed.implicit_tls = true;
        url.remove_prefix(8);
    } else if (url.starts_with("smtp://")) {
        url.remove_prefix(7);
    } else {
        return std::nullopt;
    }
    if (url.ends_with('/')) url.remove_suffix(1);
    if (url.empty() || url.find_first_of("/?#@ ") != std::string_view::npos) return std::nullopt;
    const bool bracketed = url.starts_with('[');
    const auto colon = bracketed ? url.find("]:") : url.rfind(':');
    if (colon == std::string_view::npos) {
        parsed.host = bracketed ? std::string(url.substr(1, url.size() - 2)) : std::string(url);
        return parsed.host.empty() ? std::nullopt : std::optional(parsed);
    }
    auto address = core::parse_host_port(url);
    if (!address) return std::nullopt;
    parsed.host = address->host;
    if (parsed.host.starts_with('[')) parsed.host = parsed.host.substr(1, parsed.host.size() - 2);
    return parsed;
}

std::invalid_argument invalid(core::TextKey key, std::initializer_list<core::TextArg> args = {}) {
    return std::invalid_argument(core::tr(key, args));
}

std::string base64(std::string_view data) {
    std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
    std::size_t written = 0;
    mbedtls_base64_encode(reinterpret_cast<unsigned char*>(out.data()), out.size(), &written,
                          reinterpret_cast<const unsigned char*>(data.data()), data.size());
    out.resize(written);
    return out;
}

// RFC 2047: one "=?UTF-8?B?…?=" word per at most 45 bytes (a 72-character
// word), cut between characters, folded onto continuation lines.
std::string encoded_header_text(std::string_view text) {
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
    if (plain && text.size() <= 900) return std::string(text);
    std::string out;
    while (!text.empty()) {
        std::size_t take = std::min<std::size_t>(45, text.size());
        while (take < text.size() && (static_cast<unsigned char>(text[take]) & 0xC0) == 0x80) --take;
        out += (out.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") + base64(text.substr(0, take)) + "?=";
        text.remove_prefix(take);
    }
    return out;
}

// Date in JST, as the mails' readers live there: "Mon, 30 Nov 2026 12:41:15 +0900".
std::string rfc5322_date(std::chrono::system_clock::time_point now) {
    const std::time_t jst = std::chrono::system_clock::to_time_t(now + std::chrono::hours(9));
    std::tm parts{};
    gmtime_r(&jst, &parts);
    static constexpr const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char text[64];
    std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0900", days[parts.tm_wday],
                  parts.tm_mday, months[parts.tm_mon], parts.tm_year + 1900, parts.tm_hour, parts.tm_min,
                  parts.tm_sec);
    return text;
}

// The body's lines end in CRLF, then base64 in lines of 76: no line too
// long and no bare "." for any relay, whatever the text.
std::string body_base64(std::string_view body) {
    std::string crlf;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] == '\n' && (i == 0 || body[i - 1] != '\r')) crlf += '\r';
        crlf += body[i];
    }
    const std::string encoded = base64(crlf);
    std::string out;
    for (std::size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
    return out;
}

bool has_line_break(std::string_view text) { return text.find_first_of("\r\n") != std::string_view::npos; }

struct CurlFree {
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

struct Upload {
    std::string_view rest;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto& upload = *static_cast<Upload*>(user);
    const std::size_t n = std::min(size * count, upload.rest.size());
    std::copy_n(upload.rest.data(), n, buffer);
    upload.rest.remove_prefix(n);
    return n;
}

}  // namespace

void validate_smtp_settings(const SmtpSettings& s) {
    auto url = parse_smtp_url(s.url);
    if (!url) throw invalid(texts::service::smtp::url_format, {{"url", s.url}});
    if (s.from.empty()) throw invalid(texts::service::smtp::from_needed);
    if (!core::is_email_address(s.from)) throw invalid(texts::service::smtp::from_format, {{"from", s.from}});
    if (s.tls == SmtpTls::none) {
        if (url->implicit_tls) throw invalid(texts::service::smtp::tls_none_smtps);
        // Mails carry names and addresses (and the password, with AUTH).
        if (!core::is_loopback_host(url->host)) {
            throw invalid(texts::service::smtp::plain_loopback_only, {{"host", url->host}});
        }
    }
    if (!s.ca_file.empty() && !std::ifstream(s.ca_file).good()) {
        throw invalid(texts::service::smtp::ca_unreadable, {{"file", s.ca_file}});
    }
    if (s.username.empty() != s.password.empty() || has_line_break(s.username) ||
        has_line_break(s.password)) {
        throw invalid(texts::service::smtp::credentials_incomplete);
    }
}

void read_smtp_credentials(const std::string& path, SmtpSettings& settings) {
    struct stat info {};
    std::ifstream in(path, std::ios::binary);
    if (!in || stat(path.c_str(), &info) != 0) {
        throw std::runtime_error(core::tr(texts::service::smtp::credentials_unreadable, {{"file", path}}));
    }
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        throw std::runtime_error(core::tr(texts::service::smtp::credentials_open, {{"file", path}}));
    }
    std::string user;
    std::string password;
    std::getline(in, user);
    std::getline(in, password);
    for (std::string* line : {&user, &password}) {
        if (!line->empty() && line->back() == '\r') line->pop_back();
    }
    if (user.empty() || password.empty() || user.size() > 256 || password.size() > 256) {
        throw std::runtime_error(core::tr(texts::service::smtp::credentials_format, {{"file", path}}));
    }
    settings.username = std::move(user);
    settings.password = std::move(password);
}

std::string smtp_message(const OutboxMail& mail, std::string_view from,
                         std::chrono::system_clock::time_point now) {
    if (has_line_break(mail.recipient) || has_line_break(mail.message_id)) {
        throw std::runtime_error("a line break in the recipient or Message-ID");
    }
    return "Date: " + rfc5322_date(now) + "\r\n" +                     //
           "From: " + std::string(from) + "\r\n" +                     //
           "To: " + mail.recipient + "\r\n" +                          //
           "Subject: " + encoded_header_text(mail.subject) + "\r\n" +  //
           "Message-ID: " + mail.message_id + "\r\n" +                 //
           "MIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=UTF-8\r\n"
           "Content-Transfer-Encoding: base64\r\n"
           "\r\n" +
           body_base64(mail.body);
}

SmtpMailSink::SmtpMailSink(SmtpSettings settings) : settings_(std::move(settings)) {
    validate_smtp_settings(settings_);
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

std::string SmtpMailSink::message_id_domain() const {
    return settings_.from.substr(settings_.from.find('@') + 1);
}

void SmtpMailSink::send(const OutboxMail& mail) {
    const std::string message = smtp_message(mail, settings_.from, std::chrono::system_clock::now());
    std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
    if (!curl) throw std::runtime_error("curl_easy_init failed");
    const std::string from = "<" + settings_.from + ">";
    const std::string to = "<" + mail.recipient + ">";
    std::unique_ptr<curl_slist, CurlFree> recipients(curl_slist_append(nullptr, to.c_str()));
    Upload upload{message};
    char error[CURL_ERROR_SIZE] = "";
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, settings_.url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(settings_.connect_timeout.count()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(settings_.timeout.count()));
    // required: STARTTLS must succeed, or nothing is sent (CURLUSESSL_ALL
    // never falls back to plain text); smtps:// is TLS anyway.
    curl_easy_setopt(c, CURLOPT_USE_SSL,
                     settings_.tls == SmtpTls::required ? static_cast<long>(CURLUSESSL_ALL)
                                                        : static_cast<long>(CURLUSESSL_NONE));
    curl_easy_setopt(
        c, CURLOPT_CAINFO,
        settings_.ca_file.empty() ? "/etc/ssl/certs/ca-certificates.crt" : settings_.ca_file.c_str());
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!settings_.username.empty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, settings_.username.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
    }
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    const CURLcode result = curl_easy_perform(c);
    if (result != CURLE_OK) {
        // curl's own words (no address or password in them), e.g. "STARTTLS
        // not supported." or "Failed to connect to 127.0.0.1 port 2525".
        throw std::runtime_error(std::string("SMTP: ") + (error[0] ? error : curl_easy_strerror(result)));
    }
}

}  // namespace careplan::service
