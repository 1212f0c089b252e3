// The threads the probes run on: reused when idle, added only when all are
// busy, capped for the health lane.
#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <future>
#include <memory>
#include <set>
#include <thread>
#include <vector>

#include "lifelong_threads.hpp"

using careplan::envcheck::LifelongThreads;
using namespace std::chrono_literals;

namespace {

// The threads outlive every test, so the pools do too.
LifelongThreads& leaked(std::size_t max_threads = SIZE_MAX) { return *new LifelongThreads(max_threads); }

// The jobs hold their promises and futures by value: a job may still be
// inside set_value when the test has already moved on.
std::thread::id run_and_wait(LifelongThreads& threads) {
    auto ran = std::make_shared<std::promise<std::thread::id>>();
    auto id = ran->get_future();
    threads.run([ran] { ran->set_value(std::this_thread::get_id()); });
    REQUIRE(id.wait_for(5s) == std::future_status::ready);
    return id.get();
}

// A thread counts as idle again only once it is back from its job.
void wait_until_all_idle(const LifelongThreads& threads) {
    for (int i = 0; i < 5000 && threads.idle_count() != threads.thread_count(); ++i)
        std::this_thread::sleep_for(1ms);
    REQUIRE(threads.idle_count() == threads.thread_count());
}

}  // namespace

TEST_CASE("one job after another runs on the same thread") {
    LifelongThreads& threads = leaked();
    const auto first = run_and_wait(threads);
    CHECK(first != std::this_thread::get_id());
    for (int i = 0; i < 20; ++i) {
        wait_until_all_idle(threads);
        CHECK(run_and_wait(threads) == first);
    }
    CHECK(threads.thread_count() == 1);
}

TEST_CASE("jobs that block each get their own thread") {
    LifelongThreads& threads = leaked();
    std::promise<void> release_promise;
    std::shared_future<void> release = release_promise.get_future().share();
    std::vector<std::future<std::thread::id>> started;
    for (int i = 0; i < 4; ++i) {
        auto promise = std::make_shared<std::promise<std::thread::id>>();
        started.push_back(promise->get_future());
        threads.run([release, promise] {
            promise->set_value(std::this_thread::get_id());
            release.wait();
        });
    }
    // All four run at once: none waits for another to finish.
    std::set<std::thread::id> running;
    for (auto& s : started) {
        REQUIRE(s.wait_for(5s) == std::future_status::ready);
        running.insert(s.get());
    }
    CHECK(running.size() == 4);
    CHECK(threads.thread_count() == 4);
    release_promise.set_value();
}

TEST_CASE("a capped lane runs its jobs one at a time, in order") {
    LifelongThreads& lane = leaked(1);
    std::promise<void> release_promise;
    std::shared_future<void> release = release_promise.get_future().share();
    auto order = std::make_shared<std::vector<int>>();
    auto second_done = std::make_shared<std::promise<void>>();
    auto done = second_done->get_future();
    lane.run([release, order] {
        release.wait();
        order->push_back(1);
    });
    lane.run([order, second_done] {
        order->push_back(2);
        second_done->set_value();
    });
    // The second job waits behind the blocked first one.
    CHECK(done.wait_for(200ms) == std::future_status::timeout);
    release_promise.set_value();
    REQUIRE(done.wait_for(5s) == std::future_status::ready);
    CHECK(*order == std::vector<int>{1, 2});
    CHECK(lane.thread_count() == 1);
}
