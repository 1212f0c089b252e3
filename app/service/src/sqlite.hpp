#pragma once
// A thin RAII layer over the SQLite C API: one connection, prepared
// statements with positional binding, and errors as exceptions.

#include <concepts>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace careplan::service::sql {

class Error : public std::runtime_error {
  public:
    Error(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
    int code() const noexcept { return code_; }
    // The disk or the file failed, not the statement: full, I/O error,
    // read-only, cannot open, or locked past the busy timeout. The same
    // statement may succeed later.
    bool is_storage_fault() const noexcept;

  private:
    int code_;
};

class Db {
  public:
    explicit Db(const std::string& path);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    void exec(const char* sql);
    sqlite3* handle() const noexcept { return db_; }

  private:
    sqlite3* db_ = nullptr;
};

class Stmt {
  public:
    Stmt(const Db& db, const char* sql);
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    // Binds the arguments to ?1, ?2, ... in order.
    template <class... Args>
    Stmt& bind_all(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }
    template <std::integral T>
    Stmt& bind(int index, T value) {
        return bind_int64(index, static_cast<std::int64_t>(value));
    }
    Stmt& bind(int index, std::string_view value);
    Stmt& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Stmt& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Stmt& bind(int index, std::nullopt_t);
    template <class T>
    Stmt& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, std::nullopt);
    }

    // True while there is a row; false when done.
    bool step();
    // Runs a statement that returns no rows.
    void run();

    bool is_null(int column) const;
    std::int64_t int64(int column) const;
    std::string text(int column) const;

  private:
    Stmt& bind_int64(int index, std::int64_t value);

    const Db& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace careplan::service::sql
