#include "effect_runner.hpp"

#include <fstream>

#include "careplan/api/client.hpp"
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
  return {e.path, false, "ファイルを保存できませんでした。保存先のフォルダーを確認してください。"};
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
        } else if constexpr (std::is_same_v<E, effect::RunEnvCheck>) {
          return options.run_env_check();
        } else if constexpr (std::is_same_v<E, effect::SaveFile>) {
          return save_file(e);
        } else {
          static_assert(std::is_same_v<E, effect::CopyToClipboard>);
          return std::nullopt;  // the clipboard belongs to the UI thread
        }
      },
      effect);
}

}  // namespace

EffectRunner::EffectRunner(EffectRunnerOptions options, int workers) : options_(std::move(options)) {
  for (int i = 0; i < workers; ++i) workers_.emplace_back([this] { work(); });
}

EffectRunner::~EffectRunner() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : workers_) t.join();
}

void EffectRunner::perform(core::Effect effect) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(effect));
  }
  wake_.notify_one();
}

std::vector<core::Event> EffectRunner::take_results() {
  std::lock_guard lock(mutex_);
  return std::exchange(results_, {});
}

bool EffectRunner::idle() const {
  std::lock_guard lock(mutex_);
  return queue_.empty() && running_ == 0 && results_.empty();
}

void EffectRunner::work() {
  api::Client client({options_.base_url});
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    core::Effect effect = std::move(queue_.front());
    queue_.pop_front();
    ++running_;
    lock.unlock();
    std::optional<core::Event> result = execute(client, effect, options_);
    lock.lock();
    --running_;
    if (result) results_.push_back(std::move(*result));
    if (options_.on_result) options_.on_result();
  }
}

}  // namespace careplan::ui
