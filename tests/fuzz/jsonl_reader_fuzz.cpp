// Fuzz target: the JSONL document reader. The input is written to a file
// named x.jsonl in a private temporary directory and read to the end twice:
// with the default limits and with a 16-byte document limit (so the
// "line too long" path is reachable). Checks every item is a document or a
// failure from that file, lines and offsets increase, each item starts at a
// line start, every byte is accounted for in bytes_read(), and every item
// survives a protobuf round trip (its strings are valid UTF-8).
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "fuzz_util.hpp"
#include "readers.hpp"

namespace {

std::string g_dir, g_path;

void remove_dir() { std::filesystem::remove_all(g_dir); }

void read_all(std::string_view bytes, quotient::ReaderConfig config) {
  using namespace quotient;
  InputReader reader({g_path}, config);
  InputItem item;
  uint64_t last_line = 0, last_offset = 0;
  size_t items = 0;
  while (reader.next(&item)) {
    ++items;
    FUZZ_CHECK(item.source == g_path);
    FUZZ_CHECK(item.line > last_line && (items == 1 || item.offset > last_offset));
    FUZZ_CHECK(item.offset < bytes.size());
    FUZZ_CHECK(item.offset == 0 || bytes[item.offset - 1] == '\n');
    if (item.failure) {
      FUZZ_CHECK(item.failure->source() == g_path && item.failure->source_offset() == item.offset);
      FUZZ_CHECK(item.failure->status() != DocumentResult::OK && item.failure->diagnostics_size() == 1);
      DocumentResult back;  // protobuf refuses a string field that is not UTF-8: -f pb could not be read back
      FUZZ_CHECK(back.ParseFromString(item.failure->SerializeAsString()));
    } else {
      FUZZ_CHECK(!item.doc.id().empty());
      Document back;
      FUZZ_CHECK(back.ParseFromString(item.doc.SerializeAsString()));
    }
    last_line = item.line;
    last_offset = item.offset;
  }
  FUZZ_CHECK(items <= static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1);
  FUZZ_CHECK(reader.bytes_read() == bytes.size());
  FUZZ_CHECK(reader.bytes_total() == bytes.size());
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  quotient::fuzz::quiet_protobuf();
  const char* shm = "/dev/shm";
  std::string base = ::access(shm, W_OK) == 0 ? shm : std::filesystem::temp_directory_path().string();
  std::string tmpl = base + "/quotient-jsonl-fuzz-XXXXXX";
  if (!::mkdtemp(tmpl.data())) {
    std::perror("jsonl_reader_fuzz: mkdtemp");
    std::exit(1);
  }
  g_dir = tmpl;
  g_path = g_dir + "/x.jsonl";
  std::atexit(remove_dir);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  {
    std::ofstream f(g_path, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    FUZZ_CHECK(f.good());
  }
  read_all(bytes, quotient::ReaderConfig{});
  quotient::ReaderConfig small;
  small.max_document_bytes = 16;
  read_all(bytes, small);
  return 0;
}
