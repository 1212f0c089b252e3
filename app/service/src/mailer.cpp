#include "mailer.hpp"

#include <fstream>
#include <stdexcept>

#include "careplan/core/date.hpp"
#include "private_file.hpp"

namespace careplan::service {

void MailLogSink::send(const OutboxMail& mail) {
    make_private_file(path_, true);  // the mails carry names and addresses
    std::ofstream out(path_, std::ios::app | std::ios::binary);
    out << "----- " << core::format_rfc3339_jst(std::chrono::system_clock::now()) << '\n'
        << "To: " << mail.recipient << '\n'
        << "Subject: " << mail.subject << '\n'
        << "X-Application-Id: " << mail.application_id << "\n\n"
        << mail.body << '\n';
    out.flush();
    if (!out) throw std::runtime_error("cannot write the mail log " + path_);
}

int deliver_due_mail(Store& store, MailSink& sink, core::Date today) {
    auto due = store.read([&](Tx& tx) { return tx.due_mail(today); });
    for (const DueMail& item : due) {
        sink.send(item.mail);
        store.write([&](Tx& tx) {
            tx.mark_mail_sent(item.mail.id, core::format_rfc3339_jst(std::chrono::system_clock::now()));
            auto current = tx.license(item.office_id);
            if (!current || current->valid_until < item.new_period.valid_until) {
                tx.set_license(item.office_id, item.new_period);
            }
        });
    }
    return static_cast<int>(due.size());
}

MailWorker::MailWorker(Store& store, std::unique_ptr<MailSink> sink, std::function<core::Date()> today,
                       std::chrono::milliseconds interval, std::function<void(const std::string&)> report)
    : store_(store),
      sink_(std::move(sink)),
      today_(std::move(today)),
      interval_(interval),
      report_(std::move(report)),
      thread_([this] { loop(); }) {}

MailWorker::~MailWorker() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void MailWorker::loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        try {
            deliver_due_mail(store_, *sink_, today_());
        } catch (const std::exception& e) {
            // The mail stays in the outbox; the next round tries again.
            report_(std::string("mail delivery failed: ") + e.what());
        }
        lock.lock();
        wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
}

}  // namespace careplan::service
