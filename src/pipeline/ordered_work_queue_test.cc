#include "pipeline/ordered_work_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace trigon::pipeline {
namespace {

// Jobs finish out of order (later jobs are faster); the sink must still see
// them in submission order.
TEST(OrderedWorkQueueTest, ResultsComeBackInSubmissionOrder) {
  for (int threads : {1, 2, 4}) {
    std::vector<int> seen;
    OrderedWorkQueue<int> q(threads, 8, [&](int& r) { seen.push_back(r); });
    constexpr int kJobs = 200;
    for (int i = 0; i < kJobs; ++i) {
      q.Submit([i] {
        std::this_thread::sleep_for(std::chrono::microseconds((kJobs - i) % 7 * 50));
        return i;
      });
    }
    q.Finish();
    ASSERT_EQ(seen.size(), static_cast<size_t>(kJobs)) << threads << " threads";
    for (int i = 0; i < kJobs; ++i) EXPECT_EQ(seen[i], i) << threads << " threads";
  }
}

// No more than max_in_flight jobs are ever submitted and not yet sunk.
TEST(OrderedWorkQueueTest, InFlightJobsStayBounded) {
  std::atomic<int> submitted_not_sunk{0};
  std::atomic<int> peak{0};
  constexpr size_t kMaxInFlight = 5;
  OrderedWorkQueue<std::string> q(3, kMaxInFlight, [&](std::string&) { --submitted_not_sunk; });
  for (int i = 0; i < 100; ++i) {
    q.Submit([] {
      std::this_thread::sleep_for(std::chrono::microseconds(100));
      return std::string(1000, 'x');
    });
    const int now = ++submitted_not_sunk;
    int p = peak.load();
    while (now > p && !peak.compare_exchange_weak(p, now)) {
    }
  }
  q.Finish();
  EXPECT_EQ(submitted_not_sunk.load(), 0);
  EXPECT_LE(peak.load(), static_cast<int>(kMaxInFlight));
  EXPECT_GE(peak.load(), 2);  // the workers really ran ahead of the sink
}

// The sink runs on the submitting thread, so a single-threaded consumer
// needs no lock.
TEST(OrderedWorkQueueTest, SinkRunsOnTheSubmittingThread) {
  const std::thread::id me = std::this_thread::get_id();
  std::vector<std::thread::id> job_threads(50);
  int sunk = 0;
  OrderedWorkQueue<int> q(2, 4, [&](int&) {
    EXPECT_EQ(std::this_thread::get_id(), me);
    ++sunk;
  });
  for (int i = 0; i < 50; ++i) {
    q.Submit([&, i] {
      job_threads[i] = std::this_thread::get_id();
      return i;
    });
  }
  q.Finish();
  EXPECT_EQ(sunk, 50);
  for (const auto& id : job_threads) EXPECT_NE(id, me);
}

TEST(OrderedWorkQueueTest, FinishWithoutJobsAndDestroyWithoutFinish) {
  {
    OrderedWorkQueue<int> q(2, 4, [](int&) { FAIL() << "nothing to sink"; });
    q.Finish();
  }
  std::atomic<int> ran{0};
  {
    OrderedWorkQueue<int> q(2, 4, [](int&) {});
    for (int i = 0; i < 3; ++i) q.Submit([&] { return ++ran; });
  }  // the destructor lets the queued jobs finish and joins
  EXPECT_EQ(ran.load(), 3);
}

// With its own sink thread the queue streams: a result is sunk as soon as
// it is done, without waiting for another Submit or Finish.
TEST(OrderedWorkQueueTest, OwnSinkThreadStreamsInOrder) {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<int> seen;
  std::thread::id sink_thread;
  OrderedWorkQueue<int> q(
      2, 4,
      [&](int& r) {
        std::lock_guard lock(mu);
        sink_thread = std::this_thread::get_id();
        seen.push_back(r);
        cv.notify_all();
      },
      SinkOn::kOwnThread);
  q.Submit([] { return 7; });
  {
    std::unique_lock lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return !seen.empty(); }));
    EXPECT_EQ(seen, std::vector<int>{7});
    EXPECT_NE(sink_thread, std::this_thread::get_id());
  }
  for (int i = 0; i < 100; ++i) {
    q.Submit([i] {
      std::this_thread::sleep_for(std::chrono::microseconds(i % 3 * 100));
      return i;
    });
  }
  q.Finish();
  std::lock_guard lock(mu);
  ASSERT_EQ(seen.size(), 101u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(seen[i + 1], i);
}

}  // namespace
}  // namespace trigon::pipeline
