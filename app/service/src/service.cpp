#include "careplan/service/service.hpp"

#include <cstdio>
#include <exception>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <thread>

#include <httplib.h>

#include "careplan/core/errors.hpp"
#include "careplan/core/strings.hpp"
#include "careplan/core/text.hpp"
#include "careplan/core/text_keys.hpp"
#include "careplan/service/store.hpp"
#include "demo.hpp"
#include "handlers.hpp"
#include "mailer.hpp"
#include "private_file.hpp"
#include "careplan/core/date.hpp"

namespace careplan::service {
namespace {

namespace code = core::error_code;

// The error JSON for what httplib answers by itself (parser errors, limits).
HttpResponse parser_error(int status) {
    switch (status) {
        case 404: return error_response(status, code::not_found);
        case 413: return error_response(status, code::payload_too_large);
        case 414: return error_response(status, code::uri_too_long);
        case 431: return error_response(status, code::headers_too_large);
        default:
            return status >= 500 ? error_response(500, code::internal)
                                 : error_response(status, code::bad_request);
    }
}

// Methods httplib never routes to a handler (it answers them 400 itself);
// the router answers them instead, so a known path gets its 405.
bool is_routed_by_httplib(const std::string& method) {
    for (const char* routed : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
        if (method == routed) return true;
    }
    return false;
}

// The address the trusted proxy appended last to X-Forwarded-For; what
// comes before it the client may have written itself. nullopt when the
// header is missing or its last entry is not a numeric address.
std::optional<std::string> forwarded_client(const httplib::Request& req) {
    const std::size_t headers = req.get_header_value_count("X-Forwarded-For");
    if (headers == 0) return std::nullopt;
    const std::string value = req.get_header_value("X-Forwarded-For", "", headers - 1);
    const std::string_view entries = value;
    const std::size_t comma = entries.rfind(',');
    const std::string last(core::trim(comma == std::string_view::npos ? entries : entries.substr(comma + 1)));
    unsigned char parsed[sizeof(in6_addr)];
    if (inet_pton(AF_INET, last.c_str(), parsed) != 1 && inet_pton(AF_INET6, last.c_str(), parsed) != 1) {
        return std::nullopt;
    }
    return last;
}

// The client's address: the peer's, unless the peer is the trusted proxy.
std::string client_address(const httplib::Request& req, const std::string& trusted_proxy) {
    if (trusted_proxy.empty() || req.remote_addr != trusted_proxy) return req.remote_addr;
    return forwarded_client(req).value_or(req.remote_addr);
}

HttpRequest to_request(const httplib::Request& req, const std::string& trusted_proxy) {
    HttpRequest request;
    request.method = req.method;
    request.path = req.path;
    request.body = req.body;
    request.content_type = req.get_header_value("Content-Type");
    request.authorization = req.get_header_value("Authorization");
    request.remote_addr = client_address(req, trusted_proxy);
    if (req.has_header("Idempotency-Key")) {
        request.idempotency_key = req.get_header_value("Idempotency-Key");
    }
    return request;
}

// A storage fault is the disk's, not the request's: the client may send the
// same request again (the Idempotency-Key makes that safe) once the operator
// has made room.
constexpr int storage_retry_after_seconds = 30;

HttpResponse storage_unavailable() {
    HttpResponse response = error_response(503, code::storage_unavailable);
    response.headers.emplace_back("Retry-After", std::to_string(storage_retry_after_seconds));
    return response;
}

// The answer to an exception that left a handler, and what the operator's
// log says of it (the exception's text only: never the request's body).
HttpResponse answer_exception(std::exception_ptr thrown, const std::function<void(const std::string&)>& log) {
    try {
        std::rethrow_exception(thrown);
    } catch (const StorageUnavailable& e) {
        log(std::string("storage unavailable (answered 503): ") + e.what());
        return storage_unavailable();
    } catch (const std::exception& e) {
        log(std::string("internal error: ") + e.what());
    } catch (...) {
        log("internal error: an exception that is not a std::exception");
    }
    return error_response(500, code::internal);
}

// Longest request path (or method) a log line shows; longer ones are cut with "...".
constexpr std::size_t max_logged_path = 256;

// A request's path or method as it may stand in a log line: printable ASCII
// without spaces, the rest as \xNN, so that a path with %0A (decoded to a
// line break) cannot start a forged line, one with %20 cannot forge a field,
// and a long one cannot flood the log.
std::string log_safe(std::string_view text) {
    std::string out;
    for (unsigned char c : text.substr(0, max_logged_path)) {
        if (c > 0x20 && c < 0x7f && c != '\\') {
            out += static_cast<char>(c);
        } else {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
            out += escaped;
        }
    }
    return text.size() > max_logged_path ? out + "..." : out;
}

// Files the service creates or finds with access for others lose it; the
// operator hears of each one narrowed.
void make_private(const std::string& path, bool create, const std::function<void(const std::string&)>& log) {
    if (make_private_file(path, create) == FileMode::narrowed) {
        log("file mode narrowed to owner-only: " + path);
    }
}

// A database in a file of its own: not in memory, not a URI.
bool is_file_database(const std::string& path) {
    return !path.empty() && path != ":memory:" && !path.starts_with("file:");
}

void write_response(const HttpResponse& response, httplib::Response& res) {
    res.status = response.status;
    for (const auto& [name, value] : response.headers) res.set_header(name, value);
    if (response.body) {
        res.set_content(response.body->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                        "application/json; charset=utf-8");
    }
}

}  // namespace

std::string format_log_line(const RequestLogEntry& e) {
    std::string line =
        e.time + " " + e.remote_addr + " " + e.method + " " + e.path + " " + std::to_string(e.status);
    if (e.duration_ms >= 0) {
        char ms[32];
        std::snprintf(ms, sizeof ms, " %.1fms", e.duration_ms);
        line += ms;
    }
    if (!e.masked_user.empty()) line += " user=" + e.masked_user;
    return line;
}

std::vector<std::pair<std::string, std::string>> api_routes() { return Handlers::route_names(); }

struct Service::Impl {
    explicit Impl(ServiceOptions o) : options(std::move(o)), store(private_database()) {}

    // The database file (created here when new) and, when they were left
    // behind, its -wal and -shm; SQLite creates those two with the database
    // file's mode.
    const std::string& private_database() const {
        if (is_file_database(options.db_path)) {
            auto report = [this](const std::string& text) { event(text); };
            make_private(options.db_path, true, report);
            make_private(options.db_path + "-wal", false, report);
            make_private(options.db_path + "-shm", false, report);
        }
        return options.db_path;
    }

    core::Date today() const {
        return options.today ? *options.today : core::jst_date(std::chrono::system_clock::now());
    }
    Argon2Params argon2() const { return {options.argon2_time_cost, options.argon2_memory_kib, 1}; }
    void event(const std::string& text) const {
        if (options.on_event) options.on_event(text);
    }
    // A logger that throws must not take the worker thread (and with it the
    // process) down: the answer has been written by then.
    void log(const httplib::Request& req, const HttpResponse& response, double duration_ms) const {
        if (!options.on_request) return;
        try {
            options.on_request({core::format_rfc3339_jst(std::chrono::system_clock::now()),
                                client_address(req, options.trusted_proxy), log_safe(req.method),
                                log_safe(req.path), response.route, response.status, duration_ms,
                                response.masked_user});
        } catch (...) {
        }
    }
    HttpResponse answer(std::exception_ptr thrown, const httplib::Request& req) const {
        return answer_exception(thrown, [&](const std::string& text) {
            try {
                event(text + " (" + log_safe(req.method) + " " + log_safe(req.path) + ")");
            } catch (...) {
            }
        });
    }

    // Whatever a handler throws is answered here with the error JSON: 503 for
    // storage faults, 500 for the rest (a bug); the worker lives on.
    void serve(const httplib::Request& req, httplib::Response& res) {
        auto started = std::chrono::steady_clock::now();
        HttpResponse response;
        try {
            response = handlers->handle(to_request(req, options.trusted_proxy));
        } catch (...) {
            response = answer(std::current_exception(), req);
        }
        write_response(response, res);
        log(req, response,
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    }

    std::unique_ptr<httplib::Server> make_server() const;
    void configure(httplib::Server& server);

    // What serving needs after the port is bound: the demo offices, the
    // handlers and the mail worker.
    void prepare() {
        if (options.seed_demo) seed_demo(store, today(), argon2());
        handlers = std::make_unique<Handlers>(
            store, HandlerConfig{[this] { return today(); }, options.session_ttl, options.login_limits,
                                 argon2(), options.max_inquiries_per_hour});
        std::shared_ptr<MailSink> sink = options.mail_sink;
        if (!sink && !options.mail_log_path.empty()) {
            make_private(options.mail_log_path, true, [this](const std::string& text) { event(text); });
            sink = std::make_shared<MailLogSink>(options.mail_log_path);
        }
        if (sink) {
            mail_worker = std::make_unique<MailWorker>(
                store, std::move(sink), [this] { return today(); }, options.mail_interval, options.mail_retry,
                [this](const std::string& text) { event(text); });
        }
    }

    ServiceOptions options;
    Store store;
    std::unique_ptr<Handlers> handlers;
    std::unique_ptr<httplib::Server> server;
    std::unique_ptr<MailWorker> mail_worker;
    std::thread listener;
    std::string scheme = "http";
    std::string host;
    int port = 0;
};

std::unique_ptr<httplib::Server> Service::Impl::make_server() const {
    if (options.cert_path.empty() && options.key_path.empty()) {
        return std::make_unique<httplib::Server>();
    }
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
    auto tls = std::make_unique<httplib::SSLServer>(options.cert_path.c_str(), options.key_path.c_str());
    if (!tls->is_valid()) {
        throw std::runtime_error(core::tr(texts::service::start::cert_unreadable,
                                          {{"cert", options.cert_path}, {"key", options.key_path}}));
    }
    return tls;
#else
    throw std::runtime_error(core::tr(texts::service::start::no_https));
#endif
}

void Service::Impl::configure(httplib::Server& s) {
    s.set_payload_max_length(options.max_body_bytes);
    s.set_read_timeout(options.read_timeout);
    s.set_write_timeout(options.write_timeout);
    s.set_keep_alive_timeout(5);
    auto handler = [this](const httplib::Request& req, httplib::Response& res) { serve(req, res); };
    s.Get(".*", handler).Post(".*", handler).Put(".*", handler).Patch(".*", handler);
    s.Delete(".*", handler).Options(".*", handler);
    s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (is_routed_by_httplib(req.method)) return httplib::Server::HandlerResponse::Unhandled;
        serve(req, res);
        return httplib::Server::HandlerResponse::Handled;
    });
    // Called for every answer >= 400; only httplib's own ones have no body yet.
    s.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        HttpResponse response = parser_error(res.status);
        try {
            write_response(response, res);
        } catch (...) {
            return httplib::Server::HandlerResponse::Unhandled;  // httplib's own plain answer
        }
        log(req, response, -1);
        return httplib::Server::HandlerResponse::Handled;
    });
    // serve() catches everything; this catches what escapes httplib's own
    // routing, so that no exception ends a worker thread.
    s.set_exception_handler(
        [this](const httplib::Request& req, httplib::Response& res, std::exception_ptr thrown) {
            HttpResponse response = answer(thrown, req);
            try {
                write_response(response, res);
            } catch (...) {
                res.status = response.status;
            }
            log(req, response, -1);
        });
}

Service::Service(ServiceOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Service::~Service() { stop(); }

void Service::start(const std::string& host, int port) {
    bind(host, port);
    try {
        impl_->prepare();
    } catch (...) {
        impl_->server.reset();  // not started: stop() has nothing to end
        throw;
    }
    impl_->listener = std::thread([&d = *impl_] { d.server->listen_after_bind(); });
    impl_->server->wait_until_ready();
}

void Service::start_in_background(const std::string& host, int port) {
    bind(host, port);
    impl_->listener = std::thread([&d = *impl_] {
        try {
            d.prepare();
        } catch (const std::exception& e) {
            d.event(e.what());
            d.server->decommission();  // stop() then has nothing to wait for
            return;
        }
        d.server->listen_after_bind();
    });
}

// Checks the address, binds the port; serving is left to the caller.
void Service::bind(const std::string& host, int port) {
    Impl& d = *impl_;
    if (d.server) throw std::runtime_error("the service is already running");
    bool loopback = core::is_loopback_host(host);
    bool tls = !d.options.cert_path.empty() || !d.options.key_path.empty();
    if (d.options.seed_demo && !loopback) {
        throw std::runtime_error(core::tr(texts::service::start::demo_loopback_only, {{"host", host}}));
    }
    if (!tls && !loopback && !d.options.allow_insecure_listen) {
        throw std::runtime_error(core::tr(texts::service::start::plain_http_loopback_only, {{"host", host}}));
    }
    auto server = d.make_server();
    d.configure(*server);
    std::string bind_host = host.starts_with('[') ? host.substr(1, host.size() - 2) : host;
    int bound =
        port == 0 ? server->bind_to_any_port(bind_host) : (server->bind_to_port(bind_host, port) ? port : -1);
    if (bound <= 0) {
        throw std::runtime_error(
            core::tr(texts::service::start::cannot_listen, {{"host", host}, {"port", port}}));
    }
    d.server = std::move(server);
    d.scheme = tls ? "https" : "http";
    d.host = host;
    d.port = bound;
}

void Service::stop() {
    Impl& d = *impl_;
    if (!d.server) return;
    d.server->wait_until_ready();  // started in the background: serving, or given up
    d.server->stop();              // closes the listening socket; workers finish their requests
    d.listener.join();
    d.mail_worker.reset();
    d.server.reset();
}

int Service::port() const noexcept { return impl_->port; }

std::string Service::base_url() const {
    std::string host = impl_->host.find(':') != std::string::npos && !impl_->host.starts_with('[')
                           ? "[" + impl_->host + "]"
                           : impl_->host;
    return impl_->scheme + "://" + host + ":" + std::to_string(impl_->port);
}

core::Date Service::today() const { return impl_->today(); }

Store& Service::store() noexcept { return impl_->store; }

}  // namespace careplan::service
