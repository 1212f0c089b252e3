#pragma once
// The outbox of completion mails. An application writes its mail in the same
// transaction; the worker sends each one on its due day (notify_by) and, in
// one transaction with marking it sent, puts the new license period in
// place: the mail says the renewal is complete, so the license page must
// agree.
//
// Once, even across restarts: a mail marked sent is never handed over again,
// and one not yet marked is tried again after a restart. Each attempt is
// committed first (begin_mail_attempt: counted, its Message-ID fixed, the
// next attempt pushed out by the back-off), then the mail is handed over,
// then marked sent. A crash between the server's "250 OK" and that mark
// (milliseconds) sends the mail once more after the back-off, with the same
// Message-ID, so the receiver can tell the copy: we chose a rare duplicate
// over a lost completion notice.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "careplan/service/service.hpp"
#include "careplan/service/store.hpp"

namespace careplan::service {

class MailSink {
  public:
    virtual ~MailSink() = default;
    // Throws when the mail could not be sent (it stays in the outbox). The
    // exception's text goes to the log: no full address in it.
    virtual void send(const OutboxMail& mail) = 0;
    // The right-hand side of the Message-IDs made for this sink's mails.
    virtual std::string message_id_domain() const { return "careplan.invalid"; }
};

// Appends each mail to a text file: for a service without a mail server
// (demos, tests).
class MailLogSink final : public MailSink {
  public:
    explicit MailLogSink(std::string path) : path_(std::move(path)) {}
    void send(const OutboxMail& mail) override;

  private:
    std::string path_;
};

// "t***@example.jp": enough for the operator to tell mails apart in the log
// without writing the recipient's address there.
std::string mask_address(std::string_view address);

// The wait before the next attempt after `attempts` ones: first, doubled
// after each one, at most cap.
std::chrono::seconds retry_delay(const MailRetry& retry, int attempts);

std::int64_t unix_now();

// Sends the mail due on `today` whose back-off has passed, oldest first;
// returns how many were sent. Stops at the first failure (a server that is
// down is not asked again for each mail), recording it, and throws an
// exception whose text names the mail by its masked address.
int deliver_due_mail(Store& store, MailSink& sink, core::Date today, std::int64_t now = unix_now(),
                     const MailRetry& retry = {});

class MailWorker {
  public:
    // `report` hears of mail that could not be sent (it is tried again).
    MailWorker(Store& store, std::shared_ptr<MailSink> sink, std::function<core::Date()> today,
               std::chrono::milliseconds interval, MailRetry retry,
               std::function<void(const std::string&)> report);
    ~MailWorker();  // stops and joins
    MailWorker(const MailWorker&) = delete;
    MailWorker& operator=(const MailWorker&) = delete;

  private:
    void loop();

    Store& store_;
    std::shared_ptr<MailSink> sink_;
    std::function<core::Date()> today_;
    std::chrono::milliseconds interval_;
    MailRetry retry_;
    std::function<void(const std::string&)> report_;
    // Rounds that failed in a row, and no round before pause_until_: with
    // the server down, each mail's own back-off alone would still let every
    // other due mail knock at each interval.
    int failed_rounds_ = 0;
    std::int64_t pause_until_ = 0;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace careplan::service
