#pragma once
// Performs the flow's effects off the UI thread and hands their results back
// as events (the "runtime" of the Elm architecture). HTTP goes through
// app/api's client; each worker owns one client.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "careplan/core/flow.hpp"

namespace careplan::ui {

struct EffectRunnerOptions {
  std::string base_url;
  // Runs the environment check and returns its result event (S08).
  std::function<core::event::EnvCheckFinished()> run_env_check;
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
  void work();

  EffectRunnerOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<core::Effect> queue_;
  std::vector<core::Event> results_;
  int running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace careplan::ui
