#include "careplan/service/store.hpp"

#include <chrono>
#include <stdexcept>
#include <thread>

#include <sqlite3.h>

#include "sqlite.hpp"

namespace careplan::service {
namespace {

// Migration N takes the schema from version N to N+1. Never edit one that
// has shipped; append a new one.
constexpr const char* migrations[] = {
    R"sql(
CREATE TABLE offices (
  id            INTEGER PRIMARY KEY,
  office_number TEXT NOT NULL UNIQUE CHECK (length(office_number) = 10),
  name          TEXT NOT NULL
);
CREATE TABLE users (
  user_id       TEXT PRIMARY KEY,
  office_id     INTEGER NOT NULL REFERENCES offices(id),
  password_hash TEXT NOT NULL
);
CREATE TABLE licenses (
  office_id   INTEGER PRIMARY KEY REFERENCES offices(id),
  valid_from  TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  CHECK (valid_from <= valid_until)
);
CREATE TABLE login_throttle (
  user_id      TEXT PRIMARY KEY,
  failures     INTEGER NOT NULL,
  locked_until INTEGER NOT NULL
);
CREATE TABLE sessions (
  id          TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
  secret_hash TEXT NOT NULL,
  expires_at  INTEGER NOT NULL
);
CREATE TABLE applications (
  id                 INTEGER PRIMARY KEY,
  application_id     TEXT NOT NULL UNIQUE,
  user_id            TEXT NOT NULL REFERENCES users(user_id),
  office_id          INTEGER NOT NULL REFERENCES offices(id),
  period_valid_until TEXT NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('renewal', 'new')),
  accepted_on        TEXT NOT NULL,
  notify_by          TEXT NOT NULL,
  new_valid_from     TEXT NOT NULL,
  new_valid_until    TEXT NOT NULL,
  applicant_name     TEXT NOT NULL,
  applicant_kana     TEXT NOT NULL,
  email              TEXT NOT NULL,
  phone              TEXT NOT NULL,
  office_number      TEXT NOT NULL,
  terms_version      TEXT NOT NULL,
  privacy_version    TEXT NOT NULL,
  idempotency_key    TEXT NOT NULL,
  request_hash       TEXT NOT NULL,
  response           TEXT NOT NULL,
  UNIQUE (office_id, period_valid_until),
  UNIQUE (user_id, idempotency_key)
);
CREATE TABLE mail_outbox (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL UNIQUE REFERENCES applications(id),
  recipient      TEXT NOT NULL,
  subject        TEXT NOT NULL,
  body           TEXT NOT NULL,
  due_on         TEXT NOT NULL,
  sent_at        TEXT
);
CREATE INDEX mail_outbox_unsent ON mail_outbox (due_on) WHERE sent_at IS NULL;
)sql",
    // 2: the 問い合わせフォーム.
    R"sql(
CREATE TABLE inquiries (
  id              INTEGER PRIMARY KEY,
  inquiry_id      TEXT NOT NULL UNIQUE,
  received_at     TEXT NOT NULL,
  category        TEXT NOT NULL,
  message         TEXT NOT NULL,
  reply_email     TEXT NOT NULL,
  phone           TEXT NOT NULL,
  office_number   TEXT NOT NULL,
  user_id         TEXT REFERENCES users(user_id),
  attachment      TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  request_hash    TEXT NOT NULL,
  response        TEXT NOT NULL
);
)sql",
    // 3: login limits per (ID, address), per ID and per address, replacing
    // the lock per ID alone (which let anyone lock any office out). "*"
    // stands for every ID or every address; a row goes when its window ends.
    R"sql(
DROP TABLE login_throttle;
CREATE TABLE login_failures (
  user_id    TEXT NOT NULL,
  address    TEXT NOT NULL,
  failures   INTEGER NOT NULL CHECK (failures > 0),
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, address)
);
CREATE INDEX login_failures_expiry ON login_failures (expires_at);
)sql",
    // 4: real mail (SMTP). Each attempt is counted and pushes next_attempt_at
    // (Unix seconds) out by the back-off before the mail is handed over;
    // message_id is fixed at the first attempt, so a resend after a crash
    // carries the same one.
    R"sql(
ALTER TABLE mail_outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mail_outbox ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mail_outbox ADD COLUMN message_id TEXT;
ALTER TABLE mail_outbox ADD COLUMN last_error TEXT;
)sql",
};

constexpr int migration_count = static_cast<int>(std::size(migrations));
static_assert(migration_count == Store::schema_version);

core::Date date_column(const sql::Stmt& stmt, int column) {
    auto date = core::parse_iso_date(stmt.text(column));
    if (!date) throw std::runtime_error("corrupt date in the database");
    return *date;
}

const char* application_columns =
    "a.application_id, a.user_id, a.office_id, a.period_valid_until, a.kind, a.accepted_on, "
    "a.notify_by, a.new_valid_from, a.new_valid_until, a.applicant_name, a.applicant_kana, "
    "a.email, a.phone, a.office_number, a.terms_version, a.privacy_version, a.idempotency_key, "
    "a.request_hash, a.response, m.sent_at "
    "FROM applications a LEFT JOIN mail_outbox m ON m.application_id = a.id ";

StoredApplication read_application(const sql::Stmt& s) {
    StoredApplication a;
    a.application_id = s.text(0);
    a.user_id = s.text(1);
    a.office_id = s.int64(2);
    a.period_valid_until = date_column(s, 3);
    a.kind = core::parse_kind_code(s.text(4)).value_or(core::ApplicationKind::renewal);
    a.accepted_on = date_column(s, 5);
    a.notify_by = date_column(s, 6);
    a.new_period = {date_column(s, 7), date_column(s, 8)};
    a.input.applicant_name = s.text(9);
    a.input.applicant_kana = s.text(10);
    a.input.email = s.text(11);
    a.input.phone = s.text(12);
    a.input.office_number = s.text(13);
    a.input.terms_version = s.text(14);
    a.input.privacy_version = s.text(15);
    a.input.agree_terms = a.input.agree_privacy = true;  // accepted only with both
    a.idempotency_key = s.text(16);
    a.request_hash = s.text(17);
    a.response = s.text(18);
    if (!s.is_null(19)) a.mail_sent_at = s.text(19);
    return a;
}

std::optional<StoredApplication> one_application(sql::Db& db, const std::string& where, auto... args) {
    sql::Stmt s(db, ("SELECT " + std::string(application_columns) + where).c_str());
    s.bind_all(args...);
    if (!s.step()) return std::nullopt;
    return read_application(s);
}

const char* inquiry_columns =
    "inquiry_id, received_at, category, message, reply_email, phone, office_number, user_id, attachment, "
    "idempotency_key, request_hash, response FROM inquiries ";

StoredInquiry read_inquiry(const sql::Stmt& s) {
    StoredInquiry q;
    q.inquiry_id = s.text(0);
    q.received_at = s.text(1);
    q.input.category = core::parse_inquiry_category(s.text(2)).value_or(core::InquiryCategory::other);
    q.input.message = s.text(3);
    q.input.reply_email = s.text(4);
    q.input.phone = s.text(5);
    q.input.office_number = s.text(6);
    if (!s.is_null(7)) q.user_id = s.text(7);
    q.input.attachment = s.text(8);
    q.idempotency_key = s.text(9);
    q.request_hash = s.text(10);
    q.response = s.text(11);
    return q;
}

int read_user_version(sql::Db& db) {
    sql::Stmt s(db, "PRAGMA user_version");
    s.step();
    return static_cast<int>(s.int64(0));
}

constexpr std::chrono::milliseconds busy_timeout{5000};

// Turning a new file to WAL takes its lock without SQLite's busy handler: a
// second Store opened at the same moment (admin commands run in parallel) got
// "database is locked" at once. It waits here as long as the busy timeout.
void use_write_ahead_log(sql::Db& db) {
    const auto give_up = std::chrono::steady_clock::now() + busy_timeout;
    for (;;) {
        try {
            db.exec("PRAGMA journal_mode = WAL");
            return;
        } catch (const sql::Error& e) {
            if ((e.code() & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() >= give_up) throw;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

}  // namespace

Store::Store(const std::string& path) : db_(std::make_unique<sql::Db>(path)) {
    sqlite3_busy_timeout(db_->handle(), static_cast<int>(busy_timeout.count()));
    db_->exec("PRAGMA foreign_keys = ON");
    use_write_ahead_log(*db_);
    db_->exec("PRAGMA synchronous = FULL");
    migrate();
}

Store::~Store() = default;

int Store::stored_schema_version() {
    std::lock_guard lock(mutex_);
    return read_user_version(*db_);
}

void Store::migrate() {
    // Each step reads the version inside its own write transaction: two
    // processes opening a new database at once (admin commands run in
    // parallel) must not both run the same migration. An up-to-date database
    // takes no write lock (it may be read-only for now).
    for (bool done = stored_schema_version() == schema_version; !done;) {
        run(true, [&](Tx&) {
            int version = read_user_version(*db_);  // its statement ends before the DDL
            if (version > schema_version) {
                throw std::runtime_error("the database was written by a newer careplan-service (schema " +
                                         std::to_string(version) + ")");
            }
            done = version == schema_version;
            if (done) return;
            db_->exec(migrations[version]);
            db_->exec(("PRAGMA user_version = " + std::to_string(version + 1)).c_str());
        });
    }
}

void Store::run(bool for_write, const std::function<void(Tx&)>& body) {
    std::lock_guard lock(mutex_);
    try {
        db_->exec(for_write ? "BEGIN IMMEDIATE" : "BEGIN");
        try {
            Tx tx(*db_);
            body(tx);
            // A COMMIT that fails (disk full) throws here: the caller answers
            // nothing that claims the change was kept.
            db_->exec("COMMIT");
        } catch (...) {
            sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    } catch (const sql::Error& e) {
        if (e.is_storage_fault()) throw StorageUnavailable(e.what());
        throw;
    }
}

Office Tx::ensure_office(std::string_view office_number, std::string_view name) {
    if (auto office = find_office(office_number)) return *office;
    sql::Stmt(db_, "INSERT INTO offices (office_number, name) VALUES (?1, ?2)")
        .bind_all(office_number, name)
        .run();
    return {sqlite3_last_insert_rowid(db_.handle()), std::string(office_number), std::string(name)};
}

std::optional<Office> Tx::find_office(std::string_view office_number) {
    sql::Stmt s(db_, "SELECT id, office_number, name FROM offices WHERE office_number = ?1");
    s.bind_all(office_number);
    if (!s.step()) return std::nullopt;
    return Office{s.int64(0), s.text(1), s.text(2)};
}

bool Tx::add_user(std::string_view user_id, std::int64_t office_id, std::string_view password_hash) {
    sql::Stmt(db_,
              "INSERT INTO users (user_id, office_id, password_hash) VALUES (?1, ?2, ?3) "
              "ON CONFLICT (user_id) DO NOTHING")
        .bind_all(user_id, office_id, password_hash)
        .run();
    return sqlite3_changes(db_.handle()) == 1;
}

void Tx::set_password_hash(std::string_view user_id, std::string_view password_hash) {
    sql::Stmt(db_, "UPDATE users SET password_hash = ?2 WHERE user_id = ?1")
        .bind_all(user_id, password_hash)
        .run();
}

UserRecords Tx::records_of(std::string_view user_id) {
    sql::Stmt s(db_,
                "SELECT (SELECT count(*) FROM applications WHERE user_id = ?1), "
                "(SELECT count(*) FROM inquiries WHERE user_id = ?1)");
    s.bind_all(user_id);
    s.step();
    return {static_cast<int>(s.int64(0)), static_cast<int>(s.int64(1))};
}

void Tx::remove_user(std::string_view user_id) {
    clear_login_failures_of(user_id);
    sql::Stmt(db_, "DELETE FROM users WHERE user_id = ?1").bind_all(user_id).run();
}

std::optional<UserRecord> Tx::find_user(std::string_view user_id) {
    sql::Stmt s(db_,
                "SELECT u.user_id, u.password_hash, o.id, o.office_number, o.name "
                "FROM users u JOIN offices o ON o.id = u.office_id WHERE u.user_id = ?1");
    s.bind_all(user_id);
    if (!s.step()) return std::nullopt;
    return UserRecord{s.text(0), s.text(1), Office{s.int64(2), s.text(3), s.text(4)}};
}

void Tx::set_license(std::int64_t office_id, core::Period period) {
    sql::Stmt(db_,
              "INSERT INTO licenses (office_id, valid_from, valid_until) VALUES (?1, ?2, ?3) "
              "ON CONFLICT (office_id) DO UPDATE SET valid_from = ?2, valid_until = ?3")
        .bind_all(office_id, core::format_iso(period.valid_from), core::format_iso(period.valid_until))
        .run();
}

std::optional<core::Period> Tx::license(std::int64_t office_id) {
    sql::Stmt s(db_, "SELECT valid_from, valid_until FROM licenses WHERE office_id = ?1");
    s.bind_all(office_id);
    if (!s.step()) return std::nullopt;
    return core::Period{date_column(s, 0), date_column(s, 1)};
}

LoginFailures Tx::login_failures(const LoginFailureKey& key) {
    sql::Stmt s(db_, "SELECT failures, expires_at FROM login_failures WHERE user_id = ?1 AND address = ?2");
    s.bind_all(key.user_id, key.address);
    if (!s.step()) return {};
    return {static_cast<int>(s.int64(0)), s.int64(1)};
}

LoginFailures Tx::count_login_failure(const LoginFailureKey& key, std::int64_t expires_at) {
    sql::Stmt(db_,
              "INSERT INTO login_failures (user_id, address, failures, expires_at) VALUES (?1, ?2, 1, ?3) "
              "ON CONFLICT (user_id, address) DO UPDATE SET failures = failures + 1")
        .bind_all(key.user_id, key.address, expires_at)
        .run();
    return login_failures(key);
}

void Tx::uncount_login_failure(const LoginFailureKey& key) {
    sql::Stmt(db_, "DELETE FROM login_failures WHERE user_id = ?1 AND address = ?2 AND failures <= 1")
        .bind_all(key.user_id, key.address)
        .run();
    sql::Stmt(db_, "UPDATE login_failures SET failures = failures - 1 WHERE user_id = ?1 AND address = ?2")
        .bind_all(key.user_id, key.address)
        .run();
}

void Tx::clear_login_failures(const LoginFailureKey& key) {
    sql::Stmt(db_, "DELETE FROM login_failures WHERE user_id = ?1 AND address = ?2")
        .bind_all(key.user_id, key.address)
        .run();
}

void Tx::clear_login_failures_of(std::string_view user_id) {
    sql::Stmt(db_, "DELETE FROM login_failures WHERE user_id = ?1").bind_all(user_id).run();
}

void Tx::delete_expired_login_failures(std::int64_t now) {
    sql::Stmt(db_, "DELETE FROM login_failures WHERE expires_at <= ?1").bind_all(now).run();
}

void Tx::add_session(std::string_view session_id, const SessionRecord& session) {
    sql::Stmt(db_, "INSERT INTO sessions (id, user_id, secret_hash, expires_at) VALUES (?1, ?2, ?3, ?4)")
        .bind_all(session_id, session.user_id, session.secret_hash, session.expires_at)
        .run();
}

std::optional<SessionRecord> Tx::find_session(std::string_view session_id) {
    sql::Stmt s(db_, "SELECT user_id, secret_hash, expires_at FROM sessions WHERE id = ?1");
    s.bind_all(session_id);
    if (!s.step()) return std::nullopt;
    return SessionRecord{s.text(0), s.text(1), s.int64(2)};
}

void Tx::delete_session(std::string_view session_id) {
    sql::Stmt(db_, "DELETE FROM sessions WHERE id = ?1").bind_all(session_id).run();
}

int Tx::delete_sessions_of(std::string_view user_id) {
    sql::Stmt(db_, "DELETE FROM sessions WHERE user_id = ?1").bind_all(user_id).run();
    return sqlite3_changes(db_.handle());
}

void Tx::delete_expired_sessions(std::int64_t now) {
    sql::Stmt(db_, "DELETE FROM sessions WHERE expires_at <= ?1").bind_all(now).run();
}

void Tx::add_application(const StoredApplication& a, const OutboxMail& mail) {
    sql::Stmt(db_,
              "INSERT INTO applications (application_id, user_id, office_id, period_valid_until, "
              "kind, accepted_on, notify_by, new_valid_from, new_valid_until, applicant_name, "
              "applicant_kana, email, phone, office_number, terms_version, privacy_version, "
              "idempotency_key, request_hash, response) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
              "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)")
        .bind_all(a.application_id, a.user_id, a.office_id, core::format_iso(a.period_valid_until),
                  core::kind_code(a.kind), core::format_iso(a.accepted_on), core::format_iso(a.notify_by),
                  core::format_iso(a.new_period.valid_from), core::format_iso(a.new_period.valid_until),
                  a.input.applicant_name, a.input.applicant_kana, a.input.email, a.input.phone,
                  a.input.office_number, a.input.terms_version, a.input.privacy_version, a.idempotency_key,
                  a.request_hash, a.response)
        .run();
    sql::Stmt(db_,
              "INSERT INTO mail_outbox (application_id, recipient, subject, body, due_on) "
              "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind_all(sqlite3_last_insert_rowid(db_.handle()), mail.recipient, mail.subject, mail.body,
                  core::format_iso(mail.due_on))
        .run();
}

std::optional<StoredApplication> Tx::application_for_period(std::int64_t office_id,
                                                            core::Date period_valid_until) {
    return one_application(db_, "WHERE a.office_id = ?1 AND a.period_valid_until = ?2", office_id,
                           core::format_iso(period_valid_until));
}

std::optional<StoredApplication> Tx::application_by_key(std::string_view user_id,
                                                        std::string_view idempotency_key) {
    return one_application(db_, "WHERE a.user_id = ?1 AND a.idempotency_key = ?2", user_id, idempotency_key);
}

std::vector<StoredApplication> Tx::applications() {
    sql::Stmt s(db_, ("SELECT " + std::string(application_columns) + "ORDER BY a.id").c_str());
    std::vector<StoredApplication> all;
    while (s.step()) all.push_back(read_application(s));
    return all;
}

bool Tx::add_inquiry(const StoredInquiry& q) {
    const core::InquiryCategory category = q.input.category.value_or(core::InquiryCategory::other);
    sql::Stmt(db_,
              "INSERT INTO inquiries (inquiry_id, received_at, category, message, reply_email, phone, "
              "office_number, user_id, attachment, idempotency_key, request_hash, response) VALUES (?1, ?2, "
              "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT (inquiry_id) DO NOTHING")
        .bind_all(q.inquiry_id, q.received_at, core::inquiry_category_code(category), q.input.message,
                  q.input.reply_email, q.input.phone, q.input.office_number, q.user_id, q.input.attachment,
                  q.idempotency_key, q.request_hash, q.response)
        .run();
    return sqlite3_changes(db_.handle()) == 1;
}

std::optional<StoredInquiry> Tx::inquiry_by_key(std::string_view idempotency_key) {
    sql::Stmt s(db_, ("SELECT " + std::string(inquiry_columns) + "WHERE idempotency_key = ?1").c_str());
    s.bind_all(idempotency_key);
    if (!s.step()) return std::nullopt;
    return read_inquiry(s);
}

std::vector<StoredInquiry> Tx::inquiries() {
    sql::Stmt s(db_, ("SELECT " + std::string(inquiry_columns) + "ORDER BY id").c_str());
    std::vector<StoredInquiry> all;
    while (s.step()) all.push_back(read_inquiry(s));
    return all;
}

std::vector<DueMail> Tx::due_mail(core::Date today, std::int64_t now) {
    sql::Stmt s(db_,
                "SELECT m.id, a.application_id, m.recipient, m.subject, m.body, m.due_on, m.attempts, "
                "m.message_id, a.office_id, a.new_valid_from, a.new_valid_until "
                "FROM mail_outbox m JOIN applications a ON a.id = m.application_id "
                "WHERE m.sent_at IS NULL AND m.due_on <= ?1 AND m.next_attempt_at <= ?2 ORDER BY m.id");
    s.bind_all(core::format_iso(today), now);
    std::vector<DueMail> due;
    while (s.step()) {
        OutboxMail mail{s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4), date_column(s, 5)};
        mail.attempts = static_cast<int>(s.int64(6));
        if (!s.is_null(7)) mail.message_id = s.text(7);
        due.push_back({std::move(mail), s.int64(8), {date_column(s, 9), date_column(s, 10)}});
    }
    return due;
}

std::string Tx::begin_mail_attempt(std::int64_t mail_id, std::string_view message_id, std::int64_t retry_at) {
    sql::Stmt(db_,
              "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?2, "
              "message_id = COALESCE(message_id, ?3) WHERE id = ?1")
        .bind_all(mail_id, retry_at, message_id)
        .run();
    sql::Stmt s(db_, "SELECT message_id FROM mail_outbox WHERE id = ?1");
    s.bind_all(mail_id);
    if (!s.step()) throw std::runtime_error("the mail is no longer in the outbox");
    return s.text(0);
}

void Tx::mark_mail_failed(std::int64_t mail_id, std::string_view error) {
    sql::Stmt(db_, "UPDATE mail_outbox SET last_error = ?2 WHERE id = ?1").bind_all(mail_id, error).run();
}

void Tx::mark_mail_sent(std::int64_t mail_id, std::string_view sent_at) {
    sql::Stmt(db_, "UPDATE mail_outbox SET sent_at = ?2, last_error = NULL WHERE id = ?1")
        .bind_all(mail_id, sent_at)
        .run();
}

}  // namespace careplan::service
