#include "mailer.hpp"

#include <algorithm>
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
        << "Message-ID: " << mail.message_id << '\n'
        << "X-Application-Id: " << mail.application_id << "\n\n"
        << mail.body << '\n';
    out.flush();
    if (!out) throw std::runtime_error("cannot write the mail log " + path_);
}

std::string mask_address(std::string_view address) {
    const auto at = address.rfind('@');
    if (at == std::string_view::npos || at == 0) return "***";
    return std::string(address.substr(0, 1)) + "***" + std::string(address.substr(at));
}

std::chrono::seconds retry_delay(const MailRetry& retry, int attempts) {
    std::chrono::seconds delay = retry.first;
    for (int i = 1; i < attempts && delay < retry.cap; ++i) delay *= 2;
    return std::min(delay, retry.cap);
}

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

int deliver_due_mail(Store& store, MailSink& sink, core::Date today, std::int64_t now,
                     const MailRetry& retry) {
    auto due = store.read([&](Tx& tx) { return tx.due_mail(today, now); });
    int sent = 0;
    for (DueMail& item : due) {
        OutboxMail& mail = item.mail;
        // The row's own identity: the same for every attempt of this mail.
        const std::string message_id =
            "<" + mail.application_id + "." + std::to_string(mail.id) + "@" + sink.message_id_domain() + ">";
        const std::int64_t retry_at = now + retry_delay(retry, mail.attempts + 1).count();
        mail.message_id =
            store.write([&](Tx& tx) { return tx.begin_mail_attempt(mail.id, message_id, retry_at); });
        try {
            sink.send(mail);
        } catch (const std::exception& e) {
            const std::string error = e.what();
            store.write([&](Tx& tx) { tx.mark_mail_failed(mail.id, error); });
            throw std::runtime_error("mail " + std::to_string(mail.id) + " to " +
                                     mask_address(mail.recipient) + " (attempt " +
                                     std::to_string(mail.attempts + 1) + ", next in " +
                                     std::to_string(retry_at - now) + " s): " + error);
        }
        store.write([&](Tx& tx) {
            tx.mark_mail_sent(mail.id, core::format_rfc3339_jst(std::chrono::system_clock::now()));
            auto current = tx.license(item.office_id);
            if (!current || current->valid_until < item.new_period.valid_until) {
                tx.set_license(item.office_id, item.new_period);
            }
        });
        ++sent;
    }
    return sent;
}

MailWorker::MailWorker(Store& store, std::shared_ptr<MailSink> sink, std::function<core::Date()> today,
                       std::chrono::milliseconds interval, MailRetry retry,
                       std::function<void(const std::string&)> report)
    : store_(store),
      sink_(std::move(sink)),
      today_(std::move(today)),
      interval_(interval),
      retry_(retry),
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
        const std::int64_t now = unix_now();
        if (now >= pause_until_) {
            try {
                int sent = deliver_due_mail(store_, *sink_, today_(), now, retry_);
                if (sent > 0) report_("mail sent: " + std::to_string(sent));
                failed_rounds_ = 0;
            } catch (const std::exception& e) {
                // The mail stays in the outbox; its back-off says when it is tried again.
                report_(std::string("mail delivery failed: ") + e.what());
                pause_until_ = now + retry_delay(retry_, ++failed_rounds_).count();
            }
        }
        lock.lock();
        wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
}

}  // namespace careplan::service
