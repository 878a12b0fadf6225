// output_file.hpp — a byte sink for results that appears only when complete
// and leaves nothing behind when the process dies before that.
//
//   auto out = OutputFile::open("out.jsonl");   // nothing visible yet
//   out->write(bytes); ...
//   if (!out->commit()) report(out->error());  // out.jsonl appears, whole
//
// How a regular file is written (Linux):
//   1. open(dir, O_TMPFILE): an unnamed file in the target's directory. A
//      SIGKILL, a crash or a power cut before commit leaves no name behind;
//      the kernel frees the blocks when the descriptor goes.
//   2. commit(): flush, fsync, then link the file to the target name with
//      linkat(). When the target already exists, linkat cannot replace it:
//      the file is linked to `<target>.tmp.<pid>` and renamed over the
//      target (atomic), so a reader sees the old file or the new one, never
//      a mix. Finally the directory is fsynced so the name survives a crash.
//   3. Where O_TMPFILE is unsupported (old kernels, some network and FUSE
//      file systems), the file is written as `<target>.tmp.<pid>` from the
//      start and renamed by commit(): a SIGKILL then leaves that temporary.
// Either way, open() first removes stale temporaries `<target>.tmp.<pid>` of
// the same target whose process no longer exists (kill(pid, 0) == ESRCH), so
// a re-run after a crash cleans up after it. Temporaries of live processes
// are left alone.
//
// "-" is standard output; an existing non-regular file (/dev/null, a FIFO,
// a terminal) is written in place, since renaming over it would replace it.
// Errors are sticky: after the first failed call every later write is
// ignored, error() says what failed (with the path and strerror), and
// commit() returns false. Destroying an uncommitted file discards it.
#ifndef QUOTIENT_SRC_OUTPUT_FILE_HPP_
#define QUOTIENT_SRC_OUTPUT_FILE_HPP_

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>

namespace quotient {

class OutputFile {
 public:
  // Never null; check ok() for failure to create the file.
  static std::unique_ptr<OutputFile> open(const std::string& path);  // "-" = stdout
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  void write(const char* data, size_t size);
  void write(const std::string& s) { write(s.data(), s.size()); }
  // Flushes and makes the file visible under its name (see above); false,
  // with error() set, when anything failed — the target is then untouched.
  bool commit();
  const std::string& error() const { return error_; }
  bool ok() const { return error_.empty(); }

 private:
  enum class Mode {
    kStdout,     // standard output
    kInPlace,    // an existing device or FIFO
    kAnonymous,  // O_TMPFILE, linked at commit
    kNamed,      // <target>.tmp.<pid>, renamed at commit
  };
  OutputFile() = default;
  void fail(const std::string& what);
  void open_regular();
  bool link_anonymous();
  bool publish_named();
  void sync_directory();
  std::string display_name() const;

  std::string path_, dir_, tmp_;
  Mode mode_ = Mode::kStdout;
  FILE* file_ = nullptr;
  bool committed_ = false;
  std::string error_;
};

// Removes `<path>.tmp.<pid>` files beside `path` whose process is gone;
// returns how many were removed. Called by OutputFile::open().
size_t remove_stale_temporaries(const std::string& path);

}  // namespace quotient

#endif  // QUOTIENT_SRC_OUTPUT_FILE_HPP_
