#include "db_sink.hpp"

#include "db_schema.hpp"

namespace quotient {

bool DbSink::is_postgres(const std::string& target) {
  return target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0;
}

std::unique_ptr<DbSink> DbSink::open(const std::string& target, DbSinkConfig config, std::string* error) {
  if (std::string err = config.validate(); !err.empty()) {
    *error = err;
    return nullptr;
  }
  return is_postgres(target) ? open_postgres_sink(target, config, error)
                             : open_sqlite_sink(target, config, error);
}

DbSink::DbSink(DbSinkConfig config) : config_(config), batch_(std::make_unique<Batch>()) {}

DbSink::~DbSink() = default;

bool DbSink::begin() {
  if (ok()) error_ = create_schema();
  return ok();
}

bool DbSink::write(const DocumentResult& result, const DocumentMeta& meta) {
  if (!ok()) return false;
  batch_->add(result, meta);
  return batch_->documents.size() < config_.commit_every || flush();
}

bool DbSink::finish() { return ok() && flush(); }

bool DbSink::flush() {
  if (batch_->documents.empty()) return true;
  error_ = store(*batch_);
  if (ok()) committed_ += batch_->documents.size();
  batch_->clear();
  return ok();
}

}  // namespace quotient
