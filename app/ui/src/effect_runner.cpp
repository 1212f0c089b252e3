#include "effect_runner.hpp"

#include <fstream>
#include <thread>

#include "careplan/api/client.hpp"
#include "careplan/core/text_keys.hpp"
#include "careplan/platform/paths.hpp"

namespace careplan::ui {
namespace {

using core::Request;

template <class T, class Make>
core::Event to_event(const api::Result<T>& result, Request request, Make make) {
    if (result) return make(result.value());
    return core::event::RequestFailed{request, result.error()};
}

core::event::FileSaved save_file(const core::effect::SaveFile& e) {
    std::ofstream file(platform::path_from_utf8(e.path), std::ios::binary);
    file.write(e.content.data(), static_cast<std::streamsize>(e.content.size()));
    file.close();
    if (file) return {e.path, true, {}};
    return {e.path, false, core::tr(texts::client::save_failed)};
}

// Performs one effect on a worker; nothing to report yields no event.
std::optional<core::Event> execute(api::Client& client, const core::Effect& effect,
                                   const EffectRunnerOptions& options) {
    using namespace core;
    return std::visit(
        [&](const auto& e) -> std::optional<Event> {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, effect::Login>) {
                client.set_token({});
                return to_event(client.login({e.user_id, e.password}), Request::login,
                                [](const Session& s) { return event::LoginSucceeded{s}; });
            } else if constexpr (std::is_same_v<E, effect::Logout>) {
                client.set_token(e.token);
                client.logout();
                client.set_token({});
                return std::nullopt;
            } else if constexpr (std::is_same_v<E, effect::FetchLicense>) {
                client.set_token(e.token);
                return to_event(client.license(), Request::license,
                                [](const License& l) { return event::LicenseLoaded{l}; });
            } else if constexpr (std::is_same_v<E, effect::FetchTerms>) {
                client.set_token(e.token);
                return to_event(client.terms(), Request::terms,
                                [](const Terms& t) { return event::TermsLoaded{t}; });
            } else if constexpr (std::is_same_v<E, effect::FetchNotices>) {
                client.set_token(e.token);
                return to_event(client.notices(), Request::notices,
                                [](const Notice& n) { return event::NoticesLoaded{n}; });
            } else if constexpr (std::is_same_v<E, effect::SubmitApplication>) {
                client.set_token(e.token);
                return to_event(client.apply(e.body, e.idempotency_key), Request::application,
                                [](const ApplicationResult& r) { return event::ApplicationAccepted{r}; });
            } else if constexpr (std::is_same_v<E, effect::SendInquiry>) {
                client.set_token(e.token);  // "" before login
                return to_event(client.submit_inquiry(e.body, e.idempotency_key), Request::inquiry,
                                [](const InquiryReceipt& r) { return event::InquiryAccepted{r}; });
            } else if constexpr (std::is_same_v<E, effect::RunEnvCheck>) {
                return options.run_env_check();
            } else if constexpr (std::is_same_v<E, effect::RecheckEnvItem>) {
                return options.recheck_env_item(e.item_id);
            } else if constexpr (std::is_same_v<E, effect::SaveFile>) {
                return save_file(e);
            } else {
                static_assert(std::is_same_v<E, effect::CopyToClipboard> ||
                              std::is_same_v<E, effect::OpenSettingsPage>);
                return std::nullopt;  // the clipboard and the shell belong to the UI thread
            }
        },
        effect);
}

}  // namespace

EffectRunner::EffectRunner(EffectRunnerOptions options, int workers) : shared_(std::make_shared<Shared>()) {
    shared_->options = std::move(options);
    for (int i = 0; i < workers; ++i) std::thread([shared = shared_] { work(shared); }).detach();
}

EffectRunner::~EffectRunner() {
    {
        std::lock_guard lock(shared_->mutex);
        shared_->stopping = true;
    }
    shared_->wake.notify_all();
}

void EffectRunner::perform(core::Effect effect) {
    {
        std::lock_guard lock(shared_->mutex);
        shared_->queue.push_back(std::move(effect));
    }
    shared_->wake.notify_one();
}

std::vector<core::Event> EffectRunner::take_results() {
    std::lock_guard lock(shared_->mutex);
    return std::exchange(shared_->results, {});
}

bool EffectRunner::idle() const {
    std::lock_guard lock(shared_->mutex);
    return shared_->queue.empty() && shared_->running == 0 && shared_->results.empty();
}

void EffectRunner::work(const std::shared_ptr<Shared>& shared) {
    Shared& s = *shared;
    api::ClientOptions client_options;
    client_options.base_url = s.options.base_url;
    client_options.proxy = s.options.proxy;
    api::Client client(client_options);
    std::unique_lock lock(s.mutex);
    for (;;) {
        s.wake.wait(lock, [&] { return s.stopping || !s.queue.empty(); });
        if (s.stopping) break;
        core::Effect effect = std::move(s.queue.front());
        s.queue.pop_front();
        ++s.running;
        lock.unlock();
        std::optional<core::Event> result = execute(client, effect, s.options);
        lock.lock();
        --s.running;
        if (s.stopping) break;
        if (result) s.results.push_back(std::move(*result));
        if (s.options.on_result) s.options.on_result();
    }
    // Parked, never returning: see the header.
    s.wake.wait(lock, [] { return false; });
}

}  // namespace careplan::ui
