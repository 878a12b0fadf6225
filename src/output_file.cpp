#include "output_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>

namespace quotient {
namespace {

std::string directory_of(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  return dir.empty() ? "." : dir;
}

std::string temporary_name(const std::string& path) { return path + ".tmp." + std::to_string(::getpid()); }

// The pid in `name` when it is `base` + ".tmp." + digits, else 0.
pid_t temporary_pid(const std::string& name, const std::string& base) {
  std::string prefix = base + ".tmp.";
  if (name.size() <= prefix.size() || name.size() > prefix.size() + 9 || name.compare(0, prefix.size(), prefix))
    return 0;
  pid_t pid = 0;
  for (size_t i = prefix.size(); i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return 0;
    pid = pid * 10 + (name[i] - '0');
  }
  return pid;
}

// A temporary left by a process that is gone. Our own pid counts as gone:
// open() runs before this process creates its temporary, so a file with our
// pid is from an earlier process that had the same pid.
bool process_gone(pid_t pid) {
  if (pid == ::getpid()) return true;
  return ::kill(pid, 0) != 0 && errno == ESRCH;
}

// Links the open file `fd` to `target`; 0 or an errno. /proc/self/fd works
// for any user; AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH but no /proc.
int link_descriptor(int fd, const std::string& target) {
  std::string proc = "/proc/self/fd/" + std::to_string(fd);
  if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, target.c_str(), AT_SYMLINK_FOLLOW) == 0) return 0;
  int err = errno;
  if (err != ENOENT || ::access("/proc/self/fd", F_OK) == 0) return err;
  return ::linkat(fd, "", AT_FDCWD, target.c_str(), AT_EMPTY_PATH) == 0 ? 0 : errno;
}

}  // namespace

size_t remove_stale_temporaries(const std::string& path) {
  std::string dir = directory_of(path);
  std::string base = std::filesystem::path(path).filename().string();
  DIR* d = ::opendir(dir.c_str());
  if (!d) return 0;
  size_t removed = 0;
  while (const dirent* e = ::readdir(d)) {
    pid_t pid = temporary_pid(e->d_name, base);
    struct stat st {};
    if (pid <= 0 || ::fstatat(::dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
      continue;
    if (process_gone(pid) && ::unlinkat(::dirfd(d), e->d_name, 0) == 0) ++removed;
  }
  ::closedir(d);
  return removed;
}

std::unique_ptr<OutputFile> OutputFile::open(const std::string& path) {
  std::unique_ptr<OutputFile> f(new OutputFile());
  f->path_ = path;
  if (path == "-") {
    f->file_ = stdout;
    return f;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    f->mode_ = Mode::kInPlace;
    f->file_ = std::fopen(path.c_str(), "wb");
    if (!f->file_) f->fail("cannot open " + path);
    return f;
  }
  f->open_regular();
  return f;
}

void OutputFile::open_regular() {
  dir_ = directory_of(path_);
  remove_stale_temporaries(path_);
  mode_ = Mode::kAnonymous;
  int fd = ::open(dir_.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  // Unsupported: EOPNOTSUPP (the file system), EISDIR or EINVAL (the kernel).
  if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
    mode_ = Mode::kNamed;
    tmp_ = temporary_name(path_);
    fd = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  }
  if (fd < 0) {
    fail("cannot create " + path_);
    tmp_.clear();
    return;
  }
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    fail("cannot create " + path_);
    ::close(fd);
  }
}

OutputFile::~OutputFile() {
  if (file_ && file_ != stdout) std::fclose(file_);
  if (!committed_ && mode_ == Mode::kNamed && !tmp_.empty()) ::unlink(tmp_.c_str());
}

std::string OutputFile::display_name() const { return mode_ == Mode::kStdout ? "standard output" : path_; }

void OutputFile::fail(const std::string& what) {
  if (error_.empty()) error_ = what + ": " + std::strerror(errno);
}

void OutputFile::write(const char* data, size_t size) {
  if (!ok() || !file_ || size == 0) return;
  if (std::fwrite(data, 1, size, file_) != size) fail("cannot write " + display_name());
}

bool OutputFile::commit() {
  if (!file_) return false;
  if (mode_ == Mode::kStdout || mode_ == Mode::kInPlace) {
    if (std::fflush(file_) != 0) fail("cannot write " + display_name());
    return ok();
  }
  if (ok() && std::fflush(file_) != 0) fail("cannot write " + path_);
  if (ok() && ::fsync(::fileno(file_)) != 0) fail("cannot sync " + path_);
  if (ok() && mode_ == Mode::kAnonymous) link_anonymous();
  // The data was synced above, so a failing close loses nothing; it is
  // reported all the same.
  if (std::fclose(file_) != 0) fail("cannot close " + path_);
  file_ = nullptr;
  if (ok() && mode_ == Mode::kNamed) publish_named();
  if (ok()) sync_directory();
  committed_ = ok();
  return ok();
}

// Links the unnamed file to path_: directly when the name is free, else
// through tmp_ and rename() so an existing file is replaced atomically.
bool OutputFile::link_anonymous() {
  int fd = ::fileno(file_);
  int err = link_descriptor(fd, path_);
  if (err == 0) return true;
  if (err != EEXIST) {
    errno = err;
    fail("cannot link " + path_);
    return false;
  }
  tmp_ = temporary_name(path_);
  err = link_descriptor(fd, tmp_);
  if (err == EEXIST && ::unlink(tmp_.c_str()) == 0) err = link_descriptor(fd, tmp_);
  if (err != 0) {
    errno = err;
    fail("cannot link " + path_ + " (as " + tmp_ + ")");
    tmp_.clear();
    return false;
  }
  return publish_named();
}

bool OutputFile::publish_named() {
  if (std::rename(tmp_.c_str(), path_.c_str()) == 0) return true;
  fail("cannot rename " + tmp_ + " to " + path_);
  ::unlink(tmp_.c_str());
  tmp_.clear();
  return false;
}

// Makes the new name durable. Best effort: some file systems refuse fsync
// on a directory, and the file is complete and visible either way.
void OutputFile::sync_directory() {
  int fd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace quotient
