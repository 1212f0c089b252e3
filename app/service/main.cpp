// careplan-service: the license service of API v1, and its administration.
// See usage() below and DESIGN.md ("Running the service, and its demo offices").

#include <csignal>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <pthread.h>

#include "careplan/core/input.hpp"
#include "careplan/service/service.hpp"
#include "careplan/service/store.hpp"
#include "crypto.hpp"
#include "demo.hpp"

namespace {

using namespace careplan;
using service::Store;
using service::Tx;

constexpr const char* usage_text = R"(careplan-service — ケアプランデータ連携システム ライセンスサービス (API v1)

Serve:
  careplan-service --db FILE --listen HOST:PORT [--demo] [--today YYYY-MM-DD]
                   [--cert FILE --key FILE] [--insecure-listen] [--mail-log FILE]

Administer (the same --db; safe while the service runs):
  careplan-service --db FILE user add USER_ID --office OFFICE_NUMBER [--office-name NAME]
        the password is read from the first line of standard input
  careplan-service --db FILE license set --office OFFICE_NUMBER --valid-until YYYY-MM-DD
                   [--valid-from YYYY-MM-DD]
  careplan-service --db FILE applications list [--csv]

Options:
  --db FILE            SQLite database (created and migrated when needed)
  --listen HOST:PORT   address to listen on; port 0 picks a free port. Plain HTTP
                       only on loopback (127.0.0.1, ::1) unless --insecure-listen
  --demo               add the demo offices KJ00000001..KJ00000007 (loopback only;
                       again on every start, never resetting what they did)
  --today YYYY-MM-DD   fix the service's date (demos, tests); default: today in JST
  --cert FILE, --key FILE
                       serve HTTPS with this PEM certificate and private key
  --insecure-listen    allow plain HTTP on a non-loopback address
  --mail-log FILE      where completion mails are "sent" (default: DB file + .mail.log)
  --csv                applications list as CSV (RFC 4180)
  --help               this text

Prints "listening on http://HOST:PORT" once it accepts connections; one log
line per request on standard error. SIGTERM/SIGINT stop it gracefully.
)";

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
        "--db",   "--listen",   "--today",  "--cert",        "--key",
        "--mail-log", "--office", "--office-name", "--valid-until", "--valid-from"};
    static const std::set<std::string> flags = {"--demo", "--insecure-listen", "--csv", "--help"};
    CommandLine line;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (with_value.contains(arg)) {
            if (i + 1 >= argc) throw UsageError(arg + " には値が必要です");
            line.values[arg] = argv[++i];
        } else if (flags.contains(arg)) {
            line.flags.insert(arg);
        } else if (arg.starts_with("--")) {
            throw UsageError("不明なオプションです: " + arg);
        } else {
            line.words.push_back(arg);
        }
    }
    return line;
}

core::Date required_date(const CommandLine& line, const std::string& name) {
    auto date = core::parse_iso_date(line.value(name));
    if (!date) throw UsageError(name + " には YYYY-MM-DD 形式の日付を指定してください");
    return *date;
}

std::string required(const CommandLine& line, const std::string& name) {
    if (!line.values.contains(name)) throw UsageError(name + " を指定してください");
    return line.value(name);
}

int user_add(const CommandLine& line, Store& store) {
    if (line.words.size() != 3) throw UsageError("user add にはユーザIDを1つ指定してください");
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    core::LoginInput login = core::normalize_login({line.words[2], password});
    for (const auto& [field, error] : core::validate_login(login)) {
        throw UsageError(field + ": " + error.message);
    }
    std::string office_number = core::normalize_ascii_field(required(line, "--office"));
    std::string hash = service::hash_password(login.password, {});
    bool added = store.write([&](Tx& tx) {
        auto office = tx.find_office(office_number);
        if (!office) {
            if (!line.has("--office-name")) {
                throw UsageError("新しい事業所です。--office-name で事業所名を指定してください");
            }
            office = tx.ensure_office(office_number, line.value("--office-name"));
        }
        return tx.add_user(login.user_id, office->id, hash);
    });
    if (!added) throw std::runtime_error("ユーザIDは既に登録されています: " + login.user_id);
    std::cout << "added " << login.user_id << " (office " << office_number << ")\n";
    return 0;
}

int license_set(const CommandLine& line, Store& store) {
    std::string office_number = required(line, "--office");
    core::Period period = service::period_ending(required_date(line, "--valid-until"));
    if (line.has("--valid-from")) period.valid_from = required_date(line, "--valid-from");
    if (period.valid_until < period.valid_from) {
        throw UsageError("--valid-from は --valid-until 以前の日付にしてください");
    }
    store.write([&](Tx& tx) {
        auto office = tx.find_office(office_number);
        if (!office) throw std::runtime_error("事業所が登録されていません: " + office_number);
        tx.set_license(office->id, period);
    });
    std::cout << "license of " << office_number << ": " << core::format_iso(period.valid_from)
              << " .. " << core::format_iso(period.valid_until) << "\n";
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
              << "user_id" << separator << "office_number" << separator << "applicant_name"
              << separator << "applicant_kana" << separator << "email" << separator << "phone"
              << separator << "notify_by" << separator << "valid_from" << separator
              << "valid_until" << separator << "mail_sent_at\r\n";
    for (const auto& a : all) {
        std::vector<std::string> fields = {
            a.application_id,         core::format_iso(a.accepted_on),
            std::string(core::kind_code(a.kind)), a.user_id,
            a.input.office_number,    a.input.applicant_name,
            a.input.applicant_kana,   a.input.email,
            a.input.phone,            core::format_iso(a.notify_by),
            core::format_iso(a.new_period.valid_from), core::format_iso(a.new_period.valid_until),
            a.mail_sent_at.value_or("")};
        for (std::size_t i = 0; i < fields.size(); ++i) {
            std::cout << (i ? separator : "") << (csv ? csv_field(fields[i]) : fields[i]);
        }
        std::cout << "\r\n";
    }
    return 0;
}

std::pair<std::string, int> split_listen(const std::string& listen) {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        throw UsageError("--listen は HOST:PORT の形で指定してください");
    }
    std::string port = listen.substr(colon + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(port) > 65535) {
        throw UsageError("--listen のポート番号が正しくありません: " + port);
    }
    return {listen.substr(0, colon), std::stoi(port)};
}

service::ServiceOptions serve_options(const CommandLine& line) {
    service::ServiceOptions options;
    options.db_path = required(line, "--db");
    if (line.has("--today")) options.today = required_date(line, "--today");
    options.seed_demo = line.has("--demo");
    options.mail_log_path =
        line.has("--mail-log") ? line.value("--mail-log") : options.db_path + ".mail.log";
    options.cert_path = line.value("--cert");
    options.key_path = line.value("--key");
    if (options.cert_path.empty() != options.key_path.empty()) {
        throw UsageError("--cert と --key は両方指定してください");
    }
    options.allow_insecure_listen = line.has("--insecure-listen");
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
        std::cout << usage_text;
        return 0;
    }
    if (line.words.empty()) return serve(line);
    std::string command = line.words[0] + " " + (line.words.size() > 1 ? line.words[1] : "");
    Store store(required(line, "--db"));
    if (command == "user add") return user_add(line, store);
    if (command == "license set") return license_set(line, store);
    if (command == "applications list") return applications_list(line, store);
    throw UsageError("不明なコマンドです: " + command);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const UsageError& e) {
        std::cerr << "careplan-service: " << e.what() << "\n(--help で使い方を表示します)\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "careplan-service: " << e.what() << "\n";
        return 1;
    }
}
