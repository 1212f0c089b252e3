#pragma once
// Threads that never exit, for the probes of the environment check.
//
// Why they must never exit, in the static mingw-w64 build:
// - cpp-httplib keeps thread_local objects; destroying them at thread exit
//   corrupted the heap under Wine 8 (reproduced with nothing but a thread
//   that made one health call and returned).
// - winpthreads (mingw-w64 10) recycles the bookkeeping of a detached thread
//   that ends while new threads start; the new thread can then start without
//   its argument. Seen under Wine as a null read in libstdc++'s
//   execute_native_thread_routine during the first check of a session, and in
//   a bare loop of detached threads as threads that never ran.
// So jobs go to parked threads, and a new thread is started only when every
// thread is busy and the cap allows it; the threads are never joined.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <limits>
#include <mutex>
#include <thread>
#include <utility>

namespace careplan::envcheck {

class LifelongThreads {
  public:
    // At most max_threads run at once; further jobs wait their turn in order.
    explicit LifelongThreads(std::size_t max_threads = std::numeric_limits<std::size_t>::max())
        : max_threads_(max_threads) {}
    // The threads hold `this`: an instance must outlive them, i.e. the process.
    LifelongThreads(const LifelongThreads&) = delete;
    LifelongThreads& operator=(const LifelongThreads&) = delete;

    // Throws std::system_error when no thread can be started and none is idle.
    void run(std::function<void()> job) {
        std::lock_guard lock(mutex_);
        if (jobs_.size() + 1 > idle_ && threads_ < max_threads_) {
            std::thread([this] { serve(); }).detach();
            ++threads_;
            ++idle_;
        }
        jobs_.push_back(std::move(job));
        ready_.notify_one();
    }

    std::size_t thread_count() const {
        std::lock_guard lock(mutex_);
        return threads_;
    }
    std::size_t idle_count() const {
        std::lock_guard lock(mutex_);
        return idle_;
    }

  private:
    [[noreturn]] void serve() {
        std::unique_lock lock(mutex_);
        while (true) {
            ready_.wait(lock, [this] { return !jobs_.empty(); });
            auto job = std::move(jobs_.front());
            jobs_.pop_front();
            --idle_;
            lock.unlock();
            job();  // jobs catch their own exceptions (see probe.cpp)
            lock.lock();
            ++idle_;
        }
    }

    const std::size_t max_threads_;
    mutable std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    std::size_t threads_ = 0;
    std::size_t idle_ = 0;  // started threads not running a job
};

}  // namespace careplan::envcheck
