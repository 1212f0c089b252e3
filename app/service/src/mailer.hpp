#pragma once
// The outbox of completion mails. An application writes its mail in the same
// transaction; the worker "sends" each one on its due day (notify_by) and, in
// one transaction with marking it sent, puts the new license period in
// place: the mail says the renewal is complete, so the license page must
// agree. Sending happens before marking, so a crash in between sends a mail
// twice rather than never.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "careplan/service/store.hpp"

namespace careplan::service {

class MailSink {
  public:
    virtual ~MailSink() = default;
    // Throws when the mail could not be sent (it stays in the outbox).
    virtual void send(const OutboxMail& mail) = 0;
};

// Appends each mail to a text file: the stand-in for an SMTP relay.
class MailLogSink final : public MailSink {
  public:
    explicit MailLogSink(std::string path) : path_(std::move(path)) {}
    void send(const OutboxMail& mail) override;

  private:
    std::string path_;
};

// Sends every mail due on `today`; returns how many were sent.
int deliver_due_mail(Store& store, MailSink& sink, core::Date today);

class MailWorker {
  public:
    // `report` hears of mail that could not be sent (it is tried again).
    MailWorker(Store& store, std::unique_ptr<MailSink> sink, std::function<core::Date()> today,
               std::chrono::milliseconds interval, std::function<void(const std::string&)> report);
    ~MailWorker();  // stops and joins
    MailWorker(const MailWorker&) = delete;
    MailWorker& operator=(const MailWorker&) = delete;

  private:
    void loop();

    Store& store_;
    std::unique_ptr<MailSink> sink_;
    std::function<core::Date()> today_;
    std::chrono::milliseconds interval_;
    std::function<void(const std::string&)> report_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace careplan::service
