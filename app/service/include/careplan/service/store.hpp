#pragma once
// The service's storage: SQLite in WAL mode with foreign keys, a schema
// version (PRAGMA user_version) and forward-only migrations.
//
// Every access runs inside a transaction through read() or write(), which
// hand a Tx to the caller. One connection serves the whole process, guarded
// by a mutex: that serialises writers (the "one application per period"
// check and its insert are one step), works for ":memory:" as well, and
// BEGIN IMMEDIATE plus a busy timeout keeps other processes (the admin
// commands) out of the middle of it. Commits are synchronous=FULL, so an
// application whose 201 has been sent survives a crash or a power cut.

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "careplan/core/input.hpp"
#include "careplan/core/inquiry.hpp"
#include "careplan/core/license.hpp"

namespace careplan::service {

namespace sql {
class Db;
}

struct Office {
    std::int64_t id = 0;
    std::string office_number;
    std::string name;
};

struct UserRecord {
    std::string user_id;
    std::string password_hash;  // Argon2id, encoded
    Office office;
};

struct SessionRecord {
    std::string user_id;
    std::string secret_hash;      // hex SHA-256 of the token's secret part
    std::int64_t expires_at = 0;  // Unix seconds
};

// One count of failed logins (login_limits.hpp): one ID from one address,
// one ID from every address (address "*") or every ID from one address
// (user_id "*").
struct LoginFailureKey {
    std::string user_id;
    std::string address;
};

// The failures of one key in the window that began with its first one and
// ends at expires_at (Unix seconds).
struct LoginFailures {
    int failures = 0;
    std::int64_t expires_at = 0;
};

// What an account's removal would take with it: records kept for the office.
struct UserRecords {
    int applications = 0;
    int inquiries = 0;
};

struct StoredApplication {
    std::string application_id;
    std::string user_id;
    std::int64_t office_id = 0;
    core::Date period_valid_until;  // the license period it renews (one per period)
    core::ApplicationKind kind = core::ApplicationKind::renewal;
    core::Date accepted_on;
    core::Date notify_by;
    core::Period new_period;
    core::ApplicationInput input;  // normalised
    std::string idempotency_key;
    std::string request_hash;  // of the request body as received
    std::string response;      // the 201 body as sent, for replays
    std::optional<std::string> mail_sent_at;
};

// One inquiry of the 問い合わせフォーム as received.
struct StoredInquiry {
    std::string inquiry_id;
    std::string received_at;   // RFC 3339, JST
    core::InquiryInput input;  // normalised; category always set; the session's office when logged in
    std::optional<std::string> user_id;  // the session's user; none before login
    std::string idempotency_key;
    std::string request_hash;  // of the request body as received
    std::string response;      // the 201 body as sent, for replays
};

struct OutboxMail {
    std::int64_t id = 0;
    std::string application_id;
    std::string recipient;
    std::string subject;
    std::string body;
    core::Date due_on;
    int attempts = 0;        // handed to the mail server so far (begin_mail_attempt)
    std::string message_id;  // "<…>", fixed at the first attempt; "" before it
};

// A completion mail whose day has come, with what completing it changes.
struct DueMail {
    OutboxMail mail;
    std::int64_t office_id = 0;
    core::Period new_period;
};

class Tx {
  public:
    // Offices, users and licenses.
    Office ensure_office(std::string_view office_number, std::string_view name);
    std::optional<Office> find_office(std::string_view office_number);
    // False when the ID is taken.
    bool add_user(std::string_view user_id, std::int64_t office_id, std::string_view password_hash);
    std::optional<UserRecord> find_user(std::string_view user_id);
    void set_password_hash(std::string_view user_id, std::string_view password_hash);
    UserRecords records_of(std::string_view user_id);
    // With its sessions and login failures; only a user without records
    // (their rows refer to the user).
    void remove_user(std::string_view user_id);
    void set_license(std::int64_t office_id, core::Period period);
    std::optional<core::Period> license(std::int64_t office_id);

    // Login limits. Counts read and written here may have expired: delete
    // the expired ones first. count_login_failure adds one, opening a window
    // that ends at `expires_at` when the key has none, and gives the new count.
    LoginFailures login_failures(const LoginFailureKey& key);
    LoginFailures count_login_failure(const LoginFailureKey& key, std::int64_t expires_at);
    void uncount_login_failure(const LoginFailureKey& key);
    void clear_login_failures(const LoginFailureKey& key);
    void clear_login_failures_of(std::string_view user_id);  // every key with this ID
    void delete_expired_login_failures(std::int64_t now);

    // Sessions, by the public part of the token.
    void add_session(std::string_view session_id, const SessionRecord& session);
    std::optional<SessionRecord> find_session(std::string_view session_id);
    void delete_session(std::string_view session_id);
    int delete_sessions_of(std::string_view user_id);  // how many there were
    void delete_expired_sessions(std::int64_t now);

    // Applications and their completion mail (written together).
    void add_application(const StoredApplication& application, const OutboxMail& mail);
    std::optional<StoredApplication> application_for_period(std::int64_t office_id,
                                                            core::Date period_valid_until);
    std::optional<StoredApplication> application_by_key(std::string_view user_id,
                                                        std::string_view idempotency_key);
    std::vector<StoredApplication> applications();

    // Inquiries. add_inquiry is false, adding nothing, when the inquiry_id is taken.
    bool add_inquiry(const StoredInquiry& inquiry);
    std::optional<StoredInquiry> inquiry_by_key(std::string_view idempotency_key);
    std::vector<StoredInquiry> inquiries();  // oldest first

    // Mail not yet sent whose due date has come and whose back-off (Unix
    // seconds) has passed.
    std::vector<DueMail> due_mail(core::Date today, std::int64_t now);
    // Before each attempt, committed on its own: counts it, sets when the
    // next one may start (should this one fail or the process die in it) and
    // fixes the Message-ID at the first. Returns the Message-ID to use.
    std::string begin_mail_attempt(std::int64_t mail_id, std::string_view message_id, std::int64_t retry_at);
    void mark_mail_failed(std::int64_t mail_id, std::string_view error);  // error: no full address
    void mark_mail_sent(std::int64_t mail_id, std::string_view sent_at);

  private:
    friend class Store;
    explicit Tx(sql::Db& db) : db_(db) {}
    sql::Db& db_;
};

// The database could not be read or written for a reason outside the
// request: the disk is full, an I/O error, the file is read-only or cannot be
// opened, or it stayed locked past the busy timeout. The transaction was
// rolled back; the same request may succeed later without a restart.
class StorageUnavailable : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Store {
  public:
    // Opens (or creates) the database and migrates it to the current schema.
    // Throws std::runtime_error when it cannot, or when the file was written
    // by a newer version.
    explicit Store(const std::string& path);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    static constexpr int schema_version = 4;
    int stored_schema_version();

    template <class F>
    auto read(F&& body) {
        return transaction(false, std::forward<F>(body));
    }
    template <class F>
    auto write(F&& body) {
        return transaction(true, std::forward<F>(body));
    }

  private:
    template <class F>
    auto transaction(bool for_write, F&& body) {
        using R = std::invoke_result_t<F&, Tx&>;
        if constexpr (std::is_void_v<R>) {
            run(for_write, [&](Tx& tx) { body(tx); });
        } else {
            std::optional<R> result;
            run(for_write, [&](Tx& tx) { result.emplace(body(tx)); });
            return std::move(*result);
        }
    }
    // Commits when `body` returns, rolls back when it throws; a storage
    // fault is thrown as StorageUnavailable.
    void run(bool for_write, const std::function<void(Tx&)>& body);
    void migrate();

    std::unique_ptr<sql::Db> db_;
    std::mutex mutex_;
};

}  // namespace careplan::service
