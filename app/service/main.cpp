// careplan-service: the license service of API v1, and its administration.
// See its --help (service.usage in assets/texts/service.txt) and DESIGN.md ("Running the service, and its
// demo offices").

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <memory>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <malloc.h>
#include <pthread.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "careplan/core/input.hpp"
#include "careplan/core/inquiry.hpp"
#include "careplan/core/password_policy.hpp"
#include "careplan/core/text.hpp"
#include "careplan/core/text_keys.hpp"
#include "careplan/service/service.hpp"
#include "careplan/service/store.hpp"
#include "crypto.hpp"
#include "demo.hpp"
#include "smtp_mail.hpp"

namespace {

using namespace careplan;
using service::Store;
using service::Tx;
using service::UserRecords;

struct CommandLine {
    std::map<std::string, std::string> values;
    std::set<std::string> flags;
    std::vector<std::string> words;

    bool has(const std::string& name) const { return values.contains(name) || flags.contains(name); }
    std::string value(const std::string& name) const {
        auto it = values.find(name);
        return it == values.end() ? std::string() : it->second;
    }
};

class UsageError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

CommandLine parse_command_line(int argc, char** argv) {
    static const std::set<std::string> with_value = {
        "--db",       "--listen",           "--today",         "--cert",        "--key",
        "--mail-log", "--office",           "--office-name",   "--valid-until", "--valid-from",
        "--user",     "--trusted-proxy",    "--smtp",          "--smtp-from",   "--smtp-tls",
        "--smtp-ca",  "--smtp-credentials", "--mail-interval", "--mail-retry"};
    static const std::set<std::string> flags = {"--demo", "--insecure-listen", "--csv", "--help"};
    CommandLine line;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (with_value.contains(arg)) {
            if (i + 1 >= argc) {
                throw UsageError(core::tr(texts::service::cli::needs_value, {{"option", arg}}));
            }
            line.values[arg] = argv[++i];
        } else if (flags.contains(arg)) {
            line.flags.insert(arg);
        } else if (arg.starts_with("--")) {
            throw UsageError(core::tr(texts::service::cli::unknown_option, {{"option", arg}}));
        } else {
            line.words.push_back(arg);
        }
    }
    return line;
}

core::Date required_date(const CommandLine& line, const std::string& name) {
    auto date = core::parse_iso_date(line.value(name));
    if (!date) throw UsageError(core::tr(texts::service::cli::needs_date, {{"option", name}}));
    return *date;
}

std::string required(const CommandLine& line, const std::string& name) {
    if (!line.values.contains(name)) {
        throw UsageError(core::tr(texts::service::cli::missing_option, {{"option", name}}));
    }
    return line.value(name);
}

// The user ID a command names (`user passwd KJ…`, `--user KJ…`), normalised
// as at login; a usage error when it is missing or not an ID.
std::string user_id_argument(const std::string& command, const std::optional<std::string>& given) {
    if (!given) throw UsageError(core::tr(texts::account::admin::user_id_needed, {{"command", command}}));
    std::string user_id = core::normalize_user_id(*given);
    if (!core::is_valid_user_id(user_id)) {
        // Not an ID: perhaps a password typed in the wrong place, so not repeated.
        throw UsageError(core::tr(texts::account::admin::user_id_format));
    }
    return user_id;
}

std::optional<std::string> only_word_after(const CommandLine& line, std::size_t command_words) {
    if (line.words.size() != command_words + 1) return std::nullopt;
    return line.words.back();
}

void require_user(Tx& tx, const std::string& user_id) {
    if (!tx.find_user(user_id)) {
        throw std::runtime_error(core::tr(texts::account::admin::user_not_found, {{"user_id", user_id}}));
    }
}

// Terminal echo off for one line of input, back on afterwards, also when
// Ctrl+C ends the program in the middle of it.
termios saved_terminal;

void restore_terminal_and_stop(int signal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved_terminal);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

std::string read_hidden_line(core::TextKey prompt) {
    std::cerr << core::tr(prompt) << " " << std::flush;
    tcgetattr(STDIN_FILENO, &saved_terminal);
    termios quiet = saved_terminal;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;  // the Enter still moves to the next line
    auto previous_int = std::signal(SIGINT, restore_terminal_and_stop);
    auto previous_term = std::signal(SIGTERM, restore_terminal_and_stop);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    std::string line;
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_terminal);
    std::signal(SIGINT, previous_int);
    std::signal(SIGTERM, previous_term);
    return line;
}

// A new password: typed twice without echo on a terminal, else the first
// line of standard input (scripts). Never printed, and it must pass the
// password policy.
std::string read_new_password(const std::string& user_id) {
    std::string password;
    if (isatty(STDIN_FILENO)) {
        password = read_hidden_line(texts::account::prompt::password);
        if (read_hidden_line(texts::account::prompt::again) != password) {
            throw std::runtime_error(core::tr(texts::account::prompt::mismatch));
        }
    } else {
        std::getline(std::cin, password);
    }
    if (!password.empty() && password.back() == '\r') password.pop_back();
    auto problems = core::password_problems(password, user_id);
    if (!problems.empty()) {
        std::string text;
        for (const auto& problem : problems) text += (text.empty() ? "" : "\n") + problem.message;
        throw std::runtime_error(text);
    }
    return password;
}

int user_add(const CommandLine& line, Store& store) {
    std::string user_id = user_id_argument("user add", only_word_after(line, 2));
    std::string office_number = core::normalize_ascii_field(required(line, "--office"));
    std::string hash = service::hash_password(read_new_password(user_id), {});
    bool added = store.write([&](Tx& tx) {
        auto office = tx.find_office(office_number);
        if (!office) {
            if (!line.has("--office-name")) {
                throw UsageError(core::tr(texts::service::admin::office_name_needed));
            }
            office = tx.ensure_office(office_number, line.value("--office-name"));
        }
        return tx.add_user(user_id, office->id, hash);
    });
    if (!added) {
        throw std::runtime_error(core::tr(texts::service::admin::user_exists, {{"user_id", user_id}}));
    }
    std::cout << "added " << user_id << " (office " << office_number << ")\n";
    return 0;
}

// A new password ends the user's sessions (whoever knew the old one is
// logged out) and forgets its wrong passwords, so the office can log in at once.
int user_passwd(const CommandLine& line, Store& store) {
    std::string user_id = user_id_argument("user passwd", only_word_after(line, 2));
    store.read([&](Tx& tx) { require_user(tx, user_id); });  // before asking for the password
    std::string hash = service::hash_password(read_new_password(user_id), {});
    int sessions = store.write([&](Tx& tx) {
        require_user(tx, user_id);
        tx.set_password_hash(user_id, hash);
        tx.clear_login_failures_of(user_id);
        return tx.delete_sessions_of(user_id);
    });
    std::cout << core::tr(texts::account::admin::password_changed,
                          {{"user_id", user_id}, {"sessions", sessions}})
              << "\n";
    return 0;
}

// Applications and inquiries are the office's records and stay: a user
// with any is not removed (user passwd stops its logins instead).
int user_remove(const CommandLine& line, Store& store) {
    std::string user_id = user_id_argument("user remove", only_word_after(line, 2));
    int sessions = store.write([&](Tx& tx) {
        require_user(tx, user_id);
        UserRecords records = tx.records_of(user_id);
        if (records.applications > 0 || records.inquiries > 0) {
            throw std::runtime_error(
                core::tr(texts::account::admin::user_has_records, {{"user_id", user_id},
                                                                   {"applications", records.applications},
                                                                   {"inquiries", records.inquiries}}));
        }
        int ended = tx.delete_sessions_of(user_id);
        tx.remove_user(user_id);
        return ended;
    });
    std::cout << core::tr(texts::account::admin::user_removed, {{"user_id", user_id}, {"sessions", sessions}})
              << "\n";
    return 0;
}

int sessions_revoke(const CommandLine& line, Store& store) {
    const bool named = line.words.size() == 2 && line.has("--user");
    std::string user_id = user_id_argument("sessions revoke --user",
                                           named ? std::optional(line.value("--user")) : std::nullopt);
    int sessions = store.write([&](Tx& tx) {
        require_user(tx, user_id);
        return tx.delete_sessions_of(user_id);
    });
    std::cout << core::tr(texts::account::admin::sessions_revoked,
                          {{"user_id", user_id}, {"sessions", sessions}})
              << "\n";
    return 0;
}

int license_set(const CommandLine& line, Store& store) {
    std::string office_number = required(line, "--office");
    core::Period period = service::period_ending(required_date(line, "--valid-until"));
    if (line.has("--valid-from")) period.valid_from = required_date(line, "--valid-from");
    if (period.valid_until < period.valid_from) {
        throw UsageError(core::tr(texts::service::admin::valid_from_after_until));
    }
    store.write([&](Tx& tx) {
        auto office = tx.find_office(office_number);
        if (!office) {
            throw std::runtime_error(
                core::tr(texts::service::admin::office_not_found, {{"office_number", office_number}}));
        }
        tx.set_license(office->id, period);
    });
    std::cout << "license of " << office_number << ": " << core::format_iso(period.valid_from) << " .. "
              << core::format_iso(period.valid_until) << "\n";
    return 0;
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

int applications_list(const CommandLine& line, Store& store) {
    auto all = store.read([](Tx& tx) { return tx.applications(); });
    bool csv = line.flags.contains("--csv");
    std::string separator = csv ? "," : "\t";
    std::cout << "application_id" << separator << "accepted_on" << separator << "kind" << separator
              << "user_id" << separator << "office_number" << separator << "applicant_name" << separator
              << "applicant_kana" << separator << "email" << separator << "phone" << separator << "notify_by"
              << separator << "valid_from" << separator << "valid_until" << separator << "mail_sent_at\r\n";
    for (const auto& a : all) {
        std::vector<std::string> fields = {a.application_id,
                                           core::format_iso(a.accepted_on),
                                           std::string(core::kind_code(a.kind)),
                                           a.user_id,
                                           a.input.office_number,
                                           a.input.applicant_name,
                                           a.input.applicant_kana,
                                           a.input.email,
                                           a.input.phone,
                                           core::format_iso(a.notify_by),
                                           core::format_iso(a.new_period.valid_from),
                                           core::format_iso(a.new_period.valid_until),
                                           a.mail_sent_at.value_or("")};
        for (std::size_t i = 0; i < fields.size(); ++i) {
            std::cout << (i ? separator : "") << (csv ? csv_field(fields[i]) : fields[i]);
        }
        std::cout << "\r\n";
    }
    return 0;
}

// Terminal columns of a text: a rough East Asian width (ASCII one, the rest
// two), enough to line up the Japanese of the table.
std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (unsigned char c : text) {
        if (c < 0x80) {
            width += 1;
        } else if ((c & 0xC0) != 0x80) {
            width += 2;  // the lead byte of a multi-byte character
        }
    }
    return width;
}

// The message's beginning on one line, for the table: line breaks and tabs
// as spaces, at most `characters` code points, "..." when cut.
std::string preview(std::string_view text, std::size_t characters) {
    std::string out;
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) != 0x80 && count++ == characters) return out + "...";
        out += c == '\n' || c == '\t' ? ' ' : text[i];
    }
    return out;
}

int inquiries_list(const CommandLine& line, Store& store) {
    auto all = store.read([](Tx& tx) { return tx.inquiries(); });
    if (line.flags.contains("--csv")) {
        std::cout << "inquiry_id,received_at,category,office_number,user_id,reply_email,phone,message,"
                     "attachment\r\n";
        for (const auto& q : all) {
            const core::InquiryCategory category = q.input.category.value_or(core::InquiryCategory::other);
            for (const std::string& field :
                 {q.inquiry_id, q.received_at, std::string(core::inquiry_category_code(category)),
                  q.input.office_number, q.user_id.value_or(""), q.input.reply_email, q.input.phone,
                  q.input.message}) {
                std::cout << csv_field(field) << ",";
            }
            std::cout << csv_field(q.input.attachment) << "\r\n";
        }
        return 0;
    }
    if (all.empty()) {
        std::cout << core::tr(texts::inquiry::list::none) << "\n";
        return 0;
    }
    std::vector<std::vector<std::string>> rows = {
        {core::tr(texts::inquiry::list::inquiry_id), core::tr(texts::inquiry::list::received_at),
         core::tr(texts::inquiry::list::category), core::tr(texts::inquiry::list::office_number),
         core::tr(texts::inquiry::list::reply_email), core::tr(texts::inquiry::list::phone),
         core::tr(texts::inquiry::list::attached), core::tr(texts::inquiry::list::message)}};
    for (const auto& q : all) {
        rows.push_back({q.inquiry_id, q.received_at,
                        core::inquiry_category_label(q.input.category.value_or(core::InquiryCategory::other)),
                        q.input.office_number, q.input.reply_email, q.input.phone,
                        core::tr(q.input.attachment.empty() ? texts::inquiry::list::attached_no
                                                            : texts::inquiry::list::attached_yes),
                        preview(q.input.message, 30)});
    }
    std::vector<std::size_t> widths(rows.front().size(), 0);
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
    }
    for (const auto& row : rows) {
        std::string text;
        for (std::size_t i = 0; i + 1 < row.size(); ++i) {
            text += row[i] + std::string(widths[i] - display_width(row[i]) + 2, ' ');
        }
        std::cout << text << row.back() << "\n";
    }
    return 0;
}

core::HostPort split_listen(const std::string& listen) {
    auto address = core::parse_host_port(listen, core::PortZero::allowed);
    if (!address) throw UsageError(core::tr(texts::service::cli::listen_format, {{"listen", listen}}));
    return *address;
}

// The proxy's address as the service sees its peers (inet_ntop's form, as
// "::1" for "0:0:0:0:0:0:0:1"), so that the two compare equal.
std::string numeric_address(const std::string& address) {
    for (int family : {AF_INET, AF_INET6}) {
        unsigned char parsed[sizeof(in6_addr)];
        char text[INET6_ADDRSTRLEN];
        if (inet_pton(family, address.c_str(), parsed) == 1 && inet_ntop(family, parsed, text, sizeof text)) {
            return text;
        }
    }
    throw UsageError(core::tr(texts::service::cli::trusted_proxy_format, {{"address", address}}));
}

std::chrono::seconds required_seconds(const CommandLine& line, const std::string& name) {
    const std::string text = line.value(name);
    const bool digits = !text.empty() && text.size() <= 5 &&
                        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    const int seconds = digits ? std::stoi(text) : 0;
    if (seconds < 1 || seconds > 86400) {
        throw UsageError(core::tr(texts::service::smtp::seconds, {{"option", name}}));
    }
    return std::chrono::seconds(seconds);
}

// --smtp and its companions. The password never comes from the command line
// (other users see it in ps): a file only its owner can read, or the
// environment of the service's unit.
std::shared_ptr<service::MailSink> smtp_sink(const CommandLine& line) {
    if (!line.has("--smtp")) {
        for (const char* option : {"--smtp-from", "--smtp-tls", "--smtp-ca", "--smtp-credentials"}) {
            if (line.has(option)) {
                throw UsageError(core::tr(texts::service::smtp::needs_smtp, {{"option", option}}));
            }
        }
        return nullptr;
    }
    service::SmtpSettings settings;
    settings.url = line.value("--smtp");
    settings.from = line.value("--smtp-from");
    if (line.has("--smtp-tls")) {
        const std::string tls = line.value("--smtp-tls");
        if (tls != "required" && tls != "none") {
            throw UsageError(core::tr(texts::service::smtp::tls_value, {{"value", tls}}));
        }
        settings.tls = tls == "none" ? service::SmtpTls::none : service::SmtpTls::required;
    }
    settings.ca_file = line.value("--smtp-ca");
    if (line.has("--smtp-credentials")) {
        service::read_smtp_credentials(line.value("--smtp-credentials"), settings);
    } else if (const char* user = std::getenv("CAREPLAN_SMTP_USER")) {
        const char* password = std::getenv("CAREPLAN_SMTP_PASSWORD");
        settings.username = user;
        settings.password = password ? password : "";
    }
    try {
        return std::make_shared<service::SmtpMailSink>(std::move(settings));
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
}

service::ServiceOptions serve_options(const CommandLine& line) {
    service::ServiceOptions options;
    options.db_path = required(line, "--db");
    if (line.has("--today")) options.today = required_date(line, "--today");
    options.seed_demo = line.has("--demo");
    options.mail_sink = smtp_sink(line);
    if (!options.mail_sink) {
        options.mail_log_path =
            line.has("--mail-log") ? line.value("--mail-log") : options.db_path + ".mail.log";
    }
    if (line.has("--mail-interval")) options.mail_interval = required_seconds(line, "--mail-interval");
    if (line.has("--mail-retry")) {
        options.mail_retry.first = required_seconds(line, "--mail-retry");
        options.mail_retry.cap = std::max(options.mail_retry.cap, options.mail_retry.first);
    }
    options.cert_path = line.value("--cert");
    options.key_path = line.value("--key");
    if (options.cert_path.empty() != options.key_path.empty()) {
        throw UsageError(core::tr(texts::service::cli::cert_and_key));
    }
    options.allow_insecure_listen = line.has("--insecure-listen");
    if (line.has("--trusted-proxy")) options.trusted_proxy = numeric_address(line.value("--trusted-proxy"));
    options.on_request = [](const service::RequestLogEntry& entry) {
        std::cerr << service::format_log_line(entry) + "\n" << std::flush;
    };
    options.on_event = [](const std::string& text) { std::cerr << text + "\n" << std::flush; };
    return options;
}

// Blocks SIGTERM and SIGINT in every thread (set before any is started) and
// waits for one here, so that the stop runs in ordinary code, not in a
// signal handler.
sigset_t stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    return set;
}

int serve(const CommandLine& line) {
    auto [host, port] = split_listen(required(line, "--listen"));
    sigset_t signals = stop_signals();
    service::Service service(serve_options(line));
    service.start(host, port);
    std::cout << "listening on " << service.base_url() << std::endl;
    int received = 0;
    sigwait(&signals, &received);
    std::cerr << "stopping (signal " << received << "): finishing requests in flight\n";
    service.stop();
    return 0;
}

int run(int argc, char** argv) {
    CommandLine line = parse_command_line(argc, argv);
    if (line.flags.contains("--help")) {
        std::cout << core::tr(texts::service::usage);
        return 0;
    }
    if (line.words.empty()) return serve(line);
    std::string command = line.words[0] + " " + (line.words.size() > 1 ? line.words[1] : "");
    Store store(required(line, "--db"));
    if (command == "user add") return user_add(line, store);
    if (command == "user passwd") return user_passwd(line, store);
    if (command == "user remove") return user_remove(line, store);
    if (command == "sessions revoke") return sessions_revoke(line, store);
    if (command == "license set") return license_set(line, store);
    if (command == "applications list") return applications_list(line, store);
    if (command == "inquiries list") return inquiries_list(line, store);
    throw UsageError(core::tr(texts::service::cli::unknown_command, {{"command", command}}));
}

}  // namespace

int main(int argc, char** argv) {
    // What the service and its admin commands create (the database, its -wal
    // and -shm, the mail log) is for this account alone.
    umask(077);
#ifdef __GLIBC__
    // A fixed threshold keeps every Argon2id buffer (19 MiB) in its own
    // mapping, handed back when the hash ends; glibc's sliding threshold would
    // soon keep them in per-thread arenas, and a login burst would leave the
    // service hundreds of MiB larger for good.
    mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
#endif
    try {
        return run(argc, argv);
    } catch (const UsageError& e) {
        std::cerr << "careplan-service: " << e.what() << "\n"
                  << core::tr(careplan::texts::service::cli::help_hint) << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "careplan-service: " << e.what() << "\n";
        return 1;
    }
}
