// status.hpp — errors as values for the tone model library.
//
// Library code never throws across its boundary, never prints and never
// exits: every fallible call returns a Status or a Result<T>. Only the CLI
// (src/tone_cli.cpp) turns them into messages and exit codes.
//
//   auto model = quotient::model::ToneModel::load(path);
//   if (!model) { std::cerr << model.status().to_string() << '\n'; return 3; }
//   model.value().score(...);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace quotient::model {

// What went wrong, coarse enough to choose an exit code from.
enum class ErrorCode {
  kOk = 0,
  kIo,            // file missing, unreadable, unwritable
  kParse,         // bytes are not what the format says (bad JSON, bad protobuf)
  kBadData,       // well-formed but invalid content (unknown label, bad number)
  kVersion,       // model file from another format or extractor version
  kFingerprint,   // model file's features or checksum do not match
  kSelfTest,      // model file's self-test outputs do not reproduce
  kInvalidArgument,
};

// A code, a message, and where: the file and, when known, the byte offset
// (or 1-based line) inside it.
struct Status {
  ErrorCode code = ErrorCode::kOk;
  std::string message;
  std::string path;                 // file the error is about; may be empty
  std::optional<uint64_t> offset;   // byte offset into `path`, if known
  std::optional<uint64_t> line;     // 1-based line in `path`, if known

  bool ok() const { return code == ErrorCode::kOk; }
  // "path:line: message" / "path: byte N: message" / "message".
  std::string to_string() const;
};

// Builds an error Status.
Status make_error(ErrorCode code, std::string message, std::string path = {});

// Either a value or an error Status. Precondition for value(): ok().
template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}                // NOLINT: implicit on purpose
  Result(Status status) : v_(std::move(status)) {}        // NOLINT: implicit on purpose
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Status& status() const { return std::get<1>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace quotient::model
