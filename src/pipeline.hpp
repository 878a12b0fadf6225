// pipeline.hpp — one document in, one DocumentResult out: validate, find
// quotes, attribute them, score their tone.
//
//   PipelineConfig config;                // defaults are sensible
//   Analyzer analyzer(config, tone_model);  // tone_model may be null
//   quotient::DocumentResult r = analyzer.analyze(doc);
//
// analyze() is const and thread-safe: one Analyzer serves every thread.
// Problems with a document never throw; they become its status and
// diagnostics (invalid UTF-8 and NUL bytes: FAILED with the byte offset;
// empty or over the size limit: SKIPPED).
#ifndef QUOTIENT_SRC_PIPELINE_HPP_
#define QUOTIENT_SRC_PIPELINE_HPP_

#include <condition_variable>
#include <algorithm>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "quote.pb.h"

namespace quotient {

namespace model {
class ToneModel;
}

struct PipelineConfig {
  size_t max_document_bytes = size_t{64} << 20;  // larger documents are SKIPPED
  bool tone = true;       // score SPEECH (and INDIRECT) records when a model is given
  bool indirect = false;  // also emit reported speech without quote marks (INDIRECT)
  // Quotes analysed per document: the text from the opening mark of the
  // next one on is left out, with a too_many_quotes warning (bounded memory
  // for a document of a million quotes).
  size_t max_quotes = 10000;
  // Attribution keeps state per sentence and per mention of the text it
  // reads; a longer document is attributed in parts of about this size, cut
  // at line breaks outside quotes (names and pronouns then resolve within a
  // part; an INFO diagnostic "segmented" says so). News articles are far
  // smaller: their records do not depend on it.
  size_t segment_bytes = size_t{1} << 20;

  // Empty when the configuration is usable, else what is wrong.
  std::string validate() const;
};

// What the caller already knows of a document's text, so that analyze()
// does not check it again. Precondition: each fact set is true.
struct TextFacts {
  // The text is well-formed UTF-8, as every string parse_document_json()
  // decodes is (InputItem::valid_utf8).
  bool valid_utf8 = false;
};

class Analyzer {
 public:
  Analyzer(PipelineConfig config, const model::ToneModel* tone);
  DocumentResult analyze(const Document& doc) const;
  // The same into *out, which is cleared first; a result reused from one
  // document to the next keeps its records' memory (no allocation per quote
  // once warm).
  void analyze(const Document& doc, DocumentResult* out, TextFacts facts = {}) const;

 private:
  bool admit(const Document& doc, TextFacts facts, DocumentResult* result) const;
  // `tone_lemma`: Attribution::tone_lemma (empty: the record's cue).
  void score_tone(std::string_view tone_lemma, QuoteRecord* record) const;

  PipelineConfig config_;
  const model::ToneModel* tone_;
};

// Runs jobs on worker threads and hands them back in the order they were
// submitted, with at most `capacity` jobs in flight (bounded memory):
//
//   OrderedWorkers<Batch> pool(threads, [&](Batch& b) { ... }, 2 * threads + 1);
//   while (...) {
//     if (pool.full()) emit(pool.pop());  // the oldest job, once it is done
//     pool.push(std::move(batch));
//   }
//   while (!pool.empty()) emit(pool.pop());
//
// With 0 threads push() runs the job at once on the caller's thread (one
// thread in all). The work function must be safe to call from several
// threads at once on different jobs. push() on a full pool and pop() on an
// empty one are precondition violations.
template <typename Job>
class OrderedWorkers {
 public:
  OrderedWorkers(unsigned threads, std::function<void(Job&)> work, size_t capacity)
      : work_(std::move(work)), capacity_(std::max<size_t>(1, capacity)) {
    for (unsigned t = 0; t < threads; ++t) pool_.emplace_back([this] { serve(); });
  }
  ~OrderedWorkers() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : pool_) t.join();
  }
  OrderedWorkers(const OrderedWorkers&) = delete;
  OrderedWorkers& operator=(const OrderedWorkers&) = delete;

  bool full() const { return jobs_.size() >= capacity_; }
  bool empty() const { return jobs_.empty(); }

  void push(Job job) {
    auto slot = std::make_unique<Slot>();
    slot->job = std::move(job);
    if (pool_.empty()) {
      work_(slot->job);
      slot->done = true;
      jobs_.push_back(std::move(slot));
      return;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    waiting_.push_back(slot.get());
    jobs_.push_back(std::move(slot));
    ready_.notify_one();
  }

  // The oldest job, after waiting for it to be done.
  Job pop() {
    std::unique_ptr<Slot> slot = std::move(jobs_.front());
    jobs_.pop_front();
    std::unique_lock<std::mutex> lock(mutex_);
    finished_.wait(lock, [&] { return slot->done; });
    return std::move(slot->job);
  }

 private:
  struct Slot {
    Job job;
    bool done = false;
  };

  void serve() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      ready_.wait(lock, [&] { return stop_ || !waiting_.empty(); });
      if (waiting_.empty()) return;  // stopping, nothing left
      Slot* slot = waiting_.front();
      waiting_.pop_front();
      lock.unlock();
      work_(slot->job);
      lock.lock();
      slot->done = true;
      finished_.notify_all();
    }
  }

  std::function<void(Job&)> work_;
  size_t capacity_;
  std::deque<std::unique_ptr<Slot>> jobs_;  // in submission order (caller's thread only)
  std::deque<Slot*> waiting_;               // not yet taken by a worker
  std::mutex mutex_;
  std::condition_variable ready_, finished_;
  bool stop_ = false;
  std::vector<std::thread> pool_;
};

}  // namespace quotient

#endif  // QUOTIENT_SRC_PIPELINE_HPP_
