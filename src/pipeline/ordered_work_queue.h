#pragma once
// OrderedWorkQueue: runs jobs on N worker threads and hands their results
// back in submission order, with a bound on the jobs in flight.
//
//   OrderedWorkQueue<Coded> q(threads, /*max_in_flight=*/4 * threads,
//                             [&](Coded& done) { writer.Write(done); });
//   for (auto& line : input) q.Submit([line] { return Code(line); });
//   q.Finish();
//
// The sink is called from one thread only, in submission order, so a
// single-threaded consumer -- the event writer, the database -- needs no
// locking, and the output is the same whatever the number of threads.
// Which thread: with SinkOn::kSubmitter the one calling Submit and Finish
// (results wait for the next Submit; right when the consumer shares state
// with the submitter, such as a database connection); with
// SinkOn::kOwnThread a thread of the queue's own, which sinks each result as
// soon as it and all before it are done (right for streaming: output does
// not wait for more input).
// Submit blocks while `max_in_flight` jobs are queued, running or waiting to
// be sunk; that bounds memory by max_in_flight inputs and results however
// long the input is.
//
// Thread-safety: Submit and Finish from one thread only.

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace trigon::pipeline {

// Worker threads to use when the user gave none: the machine's cores (at
// least one).
inline int DefaultThreadCount() {
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

enum class SinkOn { kSubmitter, kOwnThread };

template <typename Result>
class OrderedWorkQueue {
 public:
  using Job = std::function<Result()>;
  using Sink = std::function<void(Result&)>;

  // `threads` < 1 counts as 1; `max_in_flight` < threads counts as threads.
  OrderedWorkQueue(int threads, size_t max_in_flight, Sink sink,
                   SinkOn sink_on = SinkOn::kSubmitter)
      : max_in_flight_(std::max<size_t>(max_in_flight, std::max(threads, 1))),
        sink_(std::move(sink)),
        sink_on_(sink_on) {
    const int n = std::max(threads, 1);
    workers_.reserve(n);
    for (int i = 0; i < n; ++i) workers_.emplace_back([this] { Work(); });
    if (sink_on_ == SinkOn::kOwnThread) sinker_ = std::thread([this] { SinkLoop(); });
  }

  // Lets queued jobs finish; with kOwnThread their results are sunk too.
  ~OrderedWorkQueue() {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_) t.join();
    result_ready_.notify_all();
    if (sinker_.joinable()) sinker_.join();
  }

  OrderedWorkQueue(const OrderedWorkQueue&) = delete;
  OrderedWorkQueue& operator=(const OrderedWorkQueue&) = delete;

  // Queues `job`; first sinks finished results at the front of the order
  // until fewer than max_in_flight jobs remain.
  void Submit(Job job) {
    std::unique_lock lock(mu_);
    if (sink_on_ == SinkOn::kSubmitter) {
      while (slots_.size() >= max_in_flight_) SinkFront(lock);
    } else {
      // In flight includes the result being sunk right now.
      space_.wait(lock, [this] { return slots_.size() + sinking_ < max_in_flight_; });
    }
    slots_.push_back({std::move(job), std::nullopt});
    lock.unlock();
    work_ready_.notify_one();
  }

  // Waits for every submitted job and for the sink of every result.
  void Finish() {
    std::unique_lock lock(mu_);
    if (sink_on_ == SinkOn::kSubmitter) {
      while (!slots_.empty()) SinkFront(lock);
    } else {
      space_.wait(lock, [this] { return slots_.empty() && sinking_ == 0; });
    }
  }

 private:
  struct Slot {
    Job job;  // empty once a worker took it
    std::optional<Result> result;
  };

  // REQUIRES: lock held, slots_ not empty.  Waits for the oldest job,
  // releases the lock while the sink runs.
  void SinkFront(std::unique_lock<std::mutex>& lock) {
    result_ready_.wait(lock, [this] { return slots_.front().result.has_value(); });
    Result r = std::move(*slots_.front().result);
    slots_.pop_front();
    --taken_;
    lock.unlock();
    sink_(r);
    lock.lock();
  }

  void SinkLoop() {
    std::unique_lock lock(mu_);
    for (;;) {
      result_ready_.wait(lock, [this] {
        return (!slots_.empty() && slots_.front().result.has_value()) ||
               (stopping_ && slots_.empty());
      });
      if (slots_.empty()) return;
      ++sinking_;
      SinkFront(lock);
      --sinking_;
      space_.notify_all();
    }
  }

  void Work() {
    std::unique_lock lock(mu_);
    for (;;) {
      work_ready_.wait(lock, [this] { return stopping_ || taken_ < slots_.size(); });
      if (taken_ == slots_.size()) return;  // stopping with nothing left
      // Slots [0, taken_) have been handed out; deque references stay valid
      // while the slot is neither popped (it has no result yet) nor moved.
      Slot& slot = slots_[taken_++];
      Job job = std::move(slot.job);
      lock.unlock();
      Result r = job();
      lock.lock();
      slot.result.emplace(std::move(r));
      result_ready_.notify_all();
    }
  }

  const size_t max_in_flight_;
  Sink sink_;
  const SinkOn sink_on_;
  std::mutex mu_;
  std::condition_variable work_ready_;
  std::condition_variable result_ready_;
  std::condition_variable space_;  // kOwnThread: a slot was sunk
  std::deque<Slot> slots_;         // in submission order, front = oldest
  size_t taken_ = 0;               // slots_[0, taken_) are running or done
  size_t sinking_ = 0;             // kOwnThread: results popped, sink running
  bool stopping_ = false;
  std::vector<std::thread> workers_;
  std::thread sinker_;             // kOwnThread only
};

}  // namespace trigon::pipeline
