#pragma once
// Performs the flow's effects off the UI thread and hands their results back
// as events (the "runtime" of the Elm architecture). HTTP goes through
// app/api's client; each worker owns one client.
//
// The workers live as long as the process: in the static mingw build a
// thread that made HTTP calls corrupts the heap when it exits (cpp-httplib's
// thread_local objects are destroyed wrongly there; seen under Wine as a
// crash at exit). So the runner's destructor only tells them to stop taking
// work; they park until the process ends. Their shared state outlives the
// runner for the same reason.
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "careplan/core/flow.hpp"

namespace careplan::ui {

struct EffectRunnerOptions {
    std::string base_url;
    std::optional<core::HostPort> proxy;
    // Runs the environment check and returns its result event (S08).
    std::function<core::event::EnvCheckFinished()> run_env_check;
    // Checks one item of it again (after its fix).
    std::function<core::event::EnvItemRechecked(const std::string& item_id)> recheck_env_item;
    // Called from a worker whenever a result is ready (wakes the UI loop).
    std::function<void()> on_result;
};

class EffectRunner {
  public:
    explicit EffectRunner(EffectRunnerOptions options, int workers = 2);
    ~EffectRunner();
    EffectRunner(const EffectRunner&) = delete;
    EffectRunner& operator=(const EffectRunner&) = delete;

    void perform(core::Effect effect);
    // The results that arrived since the last call, in order of arrival.
    std::vector<core::Event> take_results();
    bool idle() const;

  private:
    struct Shared {
        EffectRunnerOptions options;
        std::mutex mutex;
        std::condition_variable wake;
        std::deque<core::Effect> queue;
        std::vector<core::Event> results;
        int running = 0;
        bool stopping = false;
    };
    static void work(const std::shared_ptr<Shared>& shared);

    std::shared_ptr<Shared> shared_;
};

}  // namespace careplan::ui
