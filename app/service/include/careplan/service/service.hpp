#pragma once
// careplan-service as a library: the license service of API v1 over HTTP(S),
// started in the background on a host and port. The executable
// (app/service/main.cpp) wraps it with a command line and signals; the
// client embeds it as its demo service (in memory, loopback, demo offices).
//
//     careplan::service::ServiceOptions options;   // ":memory:", demo offices
//     options.seed_demo = true;
//     careplan::service::Service service(options);
//     service.start("127.0.0.1", 0);                // 0: any free port
//     api::Client client({service.base_url()});
//     ...
//     service.stop();                                // finishes requests in flight

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "careplan/core/date.hpp"

namespace careplan::service {

class Store;

// One line of the request log. Nothing secret: no body, no query, no token,
// the user ID masked.
struct RequestLogEntry {
    std::string time;  // RFC 3339, JST
    std::string remote_addr;
    // Both printable ASCII without spaces (anything else as \xNN), the path
    // cut after 256 bytes: a request cannot forge a line or a field.
    std::string method;
    std::string path;   // without the query string
    std::string route;  // the API route that answered ("" for 404s and parser errors)
    int status = 0;
    double duration_ms = -1;  // -1 when the request never reached a route
    std::string masked_user;  // "KJ******01" or ""
};

// "2026-11-25T09:30:00+09:00 127.0.0.1 POST /api/v1/sessions 201 12.3ms user=KJ******01"
std::string format_log_line(const RequestLogEntry& entry);

// At most `failures` wrong passwords within `window` from its first one.
struct LoginLimit {
    int failures = 0;
    std::chrono::seconds window{0};
};

// Wrong passwords are counted three ways (a lock per ID alone would
// let anyone keep an office out with five requests every 15 minutes). Each
// count refuses logins once full, until its window ends.
struct LoginLimits {
    // An office mistyping, or one guesser at one ID: a short lock for that
    // address only; the office logs in from its own PC meanwhile.
    LoginLimit per_user_and_address{5, std::chrono::minutes(15)};
    // One address guessing many IDs.
    LoginLimit per_address{20, std::chrono::minutes(15)};
    // One ID guessed from many addresses: far above what an office mistypes,
    // and a longer wait once reached.
    LoginLimit per_user{50, std::chrono::hours(1)};
};

// Back-off of a completion mail that could not be sent: `first` after the
// first failed attempt, doubled after each further one, at most `cap`.
struct MailRetry {
    std::chrono::seconds first{60};
    std::chrono::seconds cap{3600};
};

class MailSink;  // mailer.hpp

struct ServiceOptions {
    std::string db_path = ":memory:";
    std::optional<core::Date> today;  // fixes the service's date; else today in JST
    bool seed_demo = false;           // refused by start() on a non-loopback host
    // Completion mails go to mail_sink (careplan-service: SMTP) when set, else
    // are appended to mail_log_path; with neither they stay queued.
    std::shared_ptr<MailSink> mail_sink;
    std::string mail_log_path;
    std::chrono::milliseconds mail_interval{std::chrono::seconds(30)};  // how often the outbox is read
    MailRetry mail_retry;

    std::chrono::seconds session_ttl{8 * 3600};
    LoginLimits login_limits;
    int max_inquiries_per_hour = 5;  // POST /inquiries per client address; then 429
    // Argon2id cost. The defaults suit a server; the embedded demo may pass
    // lighter ones to start fast (it only ever holds the demo passwords).
    std::uint32_t argon2_time_cost = 2;
    std::uint32_t argon2_memory_kib = 19 * 1024;

    // HTTPS when both are set (Linux builds with OpenSSL). Without them the
    // service listens on loopback only, unless allow_insecure_listen.
    std::string cert_path;
    std::string key_path;
    bool allow_insecure_listen = false;
    // The reverse proxy in front (deploy/nginx), as a numeric address. From
    // this peer alone the client's address (login limits, inquiry limit, log)
    // is the last one in X-Forwarded-For, the one the proxy appended; from
    // any other peer the header is ignored. "" trusts no proxy.
    std::string trusted_proxy;

    // The largest body is an inquiry: 2000 characters and 16 KiB of attachment.
    std::size_t max_body_bytes = 64 * 1024;
    std::chrono::seconds read_timeout{10};
    std::chrono::seconds write_timeout{10};

    std::function<void(const RequestLogEntry&)> on_request;  // called once per request
    std::function<void(const std::string&)> on_event;        // other notable events
};

// A demo office of DESIGN.md ("Running the service, and its demo offices"):
// seeded by --demo and by the client's embedded demo service, whose login
// screen offers them. The passwords are public demo passwords.
struct DemoOffice {
    const char* user_id;
    const char* password;
    std::string scenario;  // 更新可能, 申請期間前, … (service.demo.scenario in assets/texts)
    int days_remaining;    // valid_until - today
    bool applied;          // one application already accepted
    const char* office_number;
};
std::span<const DemoOffice> demo_offices();

// Every (method, path) of API v1 the service answers.
std::vector<std::pair<std::string, std::string>> api_routes();

class Service {
  public:
    // Opens and migrates the database and seeds the demo offices if asked.
    // Throws std::runtime_error (with a message for the operator) on failure.
    explicit Service(ServiceOptions options);
    ~Service();  // stop()
    Service(const Service&) = delete;
    Service& operator=(const Service&) = delete;

    // Binds and serves in a background thread; returns once connections are
    // accepted. Throws std::runtime_error when the address cannot be used or
    // is not allowed (see ServiceOptions).
    void start(const std::string& host, int port);
    // The same, but returns once the port is bound, with base_url() known:
    // the demo offices are seeded and serving starts on the background
    // thread. Connections made meanwhile wait in the listen backlog and are
    // answered once it serves (the client's first frame waits for nothing).
    void start_in_background(const std::string& host, int port);
    // Stops accepting, finishes the requests in flight, stops the mail worker.
    void stop();

    int port() const noexcept;
    std::string base_url() const;  // "http://127.0.0.1:PORT" or https://...
    core::Date today() const;
    Store& store() noexcept;

  private:
    void bind(const std::string& host, int port);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace careplan::service
