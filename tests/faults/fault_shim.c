// fault_shim.c — an LD_PRELOAD library that injects faults into the real
// `quotient` binary at chosen points, the way SQLite's crash tests do, so
// the tests in this folder can check what a user would see.
//
// Faults, chosen by environment variables (none set: the shim does nothing):
//   QF_KILL_AT=FN:N     SIGKILL the whole process on the N-th call of FN,
//                       before the call does anything. FN is one of fwrite,
//                       fflush, fsync, fdatasync, linkat, rename, fclose,
//                       pwrite; fwrite, fflush and fclose count only streams
//                       other than stdin, stdout and stderr (the output
//                       file); pwrite counts pwrite() and pwrite64() (how
//                       SQLite writes its database, journal and WAL).
//   QF_COUNT_TO=FILE    at a normal exit, writes "FN COUNT" to FILE: the
//                       calls of QF_KILL_AT's FN (give N = 0 to only count),
//                       so a test can spread its kill points over a run.
//   QF_KILL_AT=wrote:N  SIGKILL in the fwrite() (to such a stream) that
//                       would bring the bytes written to N or more, before
//                       it writes: a point in the output that does not
//                       depend on how the writer batches its calls.
//   QF_NO_TMPFILE=1     open() with O_TMPFILE fails with EOPNOTSUPP, as on a
//                       file system without it.
//   QF_EIO_PATH=P       reads of a file whose path ends with P fail with EIO
//   QF_EIO_AFTER=N      once N bytes of it were returned (default 0): the
//                       read that would cross byte N returns the bytes before
//                       it, the next one fails. Covers fopen()+fread() (the
//                       stream is rebuilt with fopencookie) and
//                       open()+read().
// Build: cc -shared -fPIC -O1 fault_shim.c -o libquotient_fault_shim.so -ldl
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

// The next definition of `name` (libc's), looked up once.
#define REAL(name)                                                        \
  ({                                                                      \
    static __typeof__(&name) real_;                                       \
    if (!real_) real_ = (__typeof__(&name))dlsym(RTLD_NEXT, #name);       \
    real_;                                                                \
  })

static int is_std(FILE* f) { return f == stdin || f == stdout || f == stderr; }

// QF_KILL_AT: the function name and the call number that dies.
static long kill_calls;  // calls of QF_KILL_AT's function: one kill point per process

static void maybe_kill(const char* fn) {
  const char* spec = getenv("QF_KILL_AT");
  if (!spec) return;
  size_t len = strlen(fn);
  if (strncmp(spec, fn, len) != 0 || spec[len] != ':') return;
  if (__atomic_add_fetch(&kill_calls, 1, __ATOMIC_SEQ_CST) == atol(spec + len + 1)) kill(getpid(), SIGKILL);
}

__attribute__((destructor)) static void report_count(void) {
  const char* to = getenv("QF_COUNT_TO");
  const char* spec = getenv("QF_KILL_AT");
  if (!to || !spec) return;
  FILE* f = REAL(fopen)(to, "w");
  if (!f) return;
  fprintf(f, "%.*s %ld\n", (int)strcspn(spec, ":"), spec, __atomic_load_n(&kill_calls, __ATOMIC_SEQ_CST));
  REAL(fclose)(f);
}

// ---- QF_EIO_PATH: descriptors of the chosen file and the bytes they gave.
enum { kMaxFds = 1024 };
static long delivered[kMaxFds];
static char watched[kMaxFds];

static int eio_match(const char* path) {
  const char* want = getenv("QF_EIO_PATH");
  if (!want || !*want || !path) return 0;
  size_t n = strlen(path), w = strlen(want);
  return n >= w && strcmp(path + n - w, want) == 0;
}

static long eio_after(void) {
  const char* s = getenv("QF_EIO_AFTER");
  return s ? atol(s) : 0;
}

static void watch(int fd, const char* path) {
  if (fd >= 0 && fd < kMaxFds) {
    watched[fd] = (char)eio_match(path);
    delivered[fd] = 0;
  }
}

// How many of `want` bytes fd may still read; -1 (errno EIO) when none.
static ssize_t eio_budget(int fd, size_t want) {
  if (fd < 0 || fd >= kMaxFds || !watched[fd]) return (ssize_t)want;
  long left = eio_after() - delivered[fd];
  if (left <= 0 && want > 0) {
    errno = EIO;
    return -1;
  }
  return (ssize_t)((size_t)left < want ? (size_t)left : want);
}

ssize_t read(int fd, void* buf, size_t n) {
  ssize_t budget = eio_budget(fd, n);
  if (budget < 0) return -1;
  ssize_t got = REAL(read)(fd, buf, (size_t)budget);
  if (got > 0 && fd >= 0 && fd < kMaxFds) delivered[fd] += got;
  return got;
}

static int open_flags_mode(int flags, va_list ap) { return (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, int) : 0; }

static int no_tmpfile(int flags) {
  if ((flags & O_TMPFILE) == O_TMPFILE && getenv("QF_NO_TMPFILE")) {
    errno = EOPNOTSUPP;
    return 1;
  }
  return 0;
}

int open(const char* path, int flags, ...) {
  va_list ap;
  va_start(ap, flags);
  int mode = open_flags_mode(flags, ap);
  va_end(ap);
  if (no_tmpfile(flags)) return -1;
  int fd = REAL(open)(path, flags, mode);
  watch(fd, path);
  return fd;
}

int open64(const char* path, int flags, ...) {
  va_list ap;
  va_start(ap, flags);
  int mode = open_flags_mode(flags, ap);
  va_end(ap);
  if (no_tmpfile(flags)) return -1;
  int fd = REAL(open64)(path, flags, mode);
  watch(fd, path);
  return fd;
}

int openat(int dir, const char* path, int flags, ...) {
  va_list ap;
  va_start(ap, flags);
  int mode = open_flags_mode(flags, ap);
  va_end(ap);
  if (no_tmpfile(flags)) return -1;
  int fd = REAL(openat)(dir, path, flags, mode);
  watch(fd, path);
  return fd;
}

int close(int fd) {
  if (fd >= 0 && fd < kMaxFds) watched[fd] = 0;
  return REAL(close)(fd);
}

// fread() reads through libc's internal read, which LD_PRELOAD cannot
// reach: a watched file opened with fopen() becomes a cookie stream whose
// reads go through read() above.
static ssize_t cookie_read(void* c, char* buf, size_t n) { return read((int)(intptr_t)c, buf, n); }
static int cookie_close(void* c) { return close((int)(intptr_t)c); }

static FILE* eio_fopen(const char* path) {
  int fd = REAL(open)(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return NULL;
  watch(fd, path);
  cookie_io_functions_t io = {cookie_read, NULL, NULL, cookie_close};
  return fopencookie((void*)(intptr_t)fd, "rb", io);
}

FILE* fopen(const char* path, const char* mode) {
  if (eio_match(path) && mode[0] == 'r' && !strchr(mode, '+')) return eio_fopen(path);
  return REAL(fopen)(path, mode);
}

FILE* fopen64(const char* path, const char* mode) {
  if (eio_match(path) && mode[0] == 'r' && !strchr(mode, '+')) return eio_fopen(path);
  return REAL(fopen64)(path, mode);
}

// ---- QF_KILL_AT points on the output path.
// QF_KILL_AT=wrote:N: dies when this write would reach byte N.
static void maybe_kill_at_byte(size_t bytes) {
  static long written;
  const char* spec = getenv("QF_KILL_AT");
  if (!spec || strncmp(spec, "wrote:", 6) != 0) return;
  long before = __atomic_fetch_add(&written, (long)bytes, __ATOMIC_SEQ_CST);
  if (before + (long)bytes >= atol(spec + 6)) kill(getpid(), SIGKILL);
}

size_t fwrite(const void* p, size_t size, size_t n, FILE* f) {
  if (!is_std(f)) {
    maybe_kill("fwrite");
    maybe_kill_at_byte(size * n);
  }
  return REAL(fwrite)(p, size, n, f);
}

int fflush(FILE* f) {
  if (f && !is_std(f)) maybe_kill("fflush");
  return REAL(fflush)(f);
}

int fclose(FILE* f) {
  if (!is_std(f)) maybe_kill("fclose");
  return REAL(fclose)(f);
}

int fsync(int fd) {
  maybe_kill("fsync");
  return REAL(fsync)(fd);
}

int fdatasync(int fd) {
  maybe_kill("fdatasync");
  return REAL(fdatasync)(fd);
}

ssize_t pwrite(int fd, const void* buf, size_t n, off_t at) {
  maybe_kill("pwrite");
  return REAL(pwrite)(fd, buf, n, at);
}

ssize_t pwrite64(int fd, const void* buf, size_t n, off64_t at) {
  maybe_kill("pwrite");
  return REAL(pwrite64)(fd, buf, n, at);
}

int linkat(int olddir, const char* oldpath, int newdir, const char* newpath, int flags) {
  maybe_kill("linkat");
  return REAL(linkat)(olddir, oldpath, newdir, newpath, flags);
}

int rename(const char* from, const char* to) {
  maybe_kill("rename");
  return REAL(rename)(from, to);
}
