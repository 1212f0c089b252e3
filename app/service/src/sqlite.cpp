#include "sqlite.hpp"

#include <sqlite3.h>

namespace careplan::service::sql {
namespace {

[[noreturn]] void fail(sqlite3* db, int code) {
    throw Error(code, std::string("sqlite: ") + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code)));
}

}  // namespace

bool Error::is_storage_fault() const noexcept {
    switch (code_ & 0xff) {  // the primary code of an extended one (SQLITE_IOERR_WRITE, ...)
        case SQLITE_FULL:
        case SQLITE_IOERR:
        case SQLITE_READONLY:
        case SQLITE_CANTOPEN:
        case SQLITE_BUSY: return true;
        default: return false;
    }
}

Db::Db(const std::string& path) {
    // sqlite3_open initialises the library on first use behind an unlocked
    // check of a global; Stores opened at once by several threads raced there
    // (ThreadSanitizer). A function-local static runs it exactly once.
    static const int initialised = sqlite3_initialize();
    if (initialised != SQLITE_OK) fail(nullptr, initialised);
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        throw Error(rc, "sqlite: cannot open " + path + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
}

Db::~Db() { sqlite3_close(db_); }

void Db::exec(const char* sql) {
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(db_, rc);
}

Stmt::Stmt(const Db& db, const char* sql) : db_(db) {
    int rc = sqlite3_prepare_v2(db.handle(), sql, -1, &stmt_, nullptr);
    if (rc != SQLITE_OK) fail(db.handle(), rc);
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::bind_int64(int index, std::int64_t value) {
    int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) fail(db_.handle(), rc);
    return *this;
}

Stmt& Stmt::bind(int index, std::string_view value) {
    int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(db_.handle(), rc);
    return *this;
}

Stmt& Stmt::bind(int index, std::nullopt_t) {
    int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) fail(db_.handle(), rc);
    return *this;
}

bool Stmt::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_.handle(), rc);
}

void Stmt::run() {
    while (step()) {
    }
}

bool Stmt::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t Stmt::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Stmt::text(int column) const {
    const auto* data = sqlite3_column_text(stmt_, column);
    return data ? std::string(reinterpret_cast<const char*>(data),
                              static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                : std::string();
}

}  // namespace careplan::service::sql
