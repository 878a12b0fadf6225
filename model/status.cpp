#include "status.hpp"

namespace quotient::model {

std::string Status::to_string() const {
  std::string out;
  if (!path.empty()) {
    out = path;
    if (line) out += ":" + std::to_string(*line);
    out += ": ";
    if (offset && !line) out += "byte " + std::to_string(*offset) + ": ";
  } else if (offset) {
    out = "byte " + std::to_string(*offset) + ": ";
  }
  return out + message;
}

Status make_error(ErrorCode code, std::string message, std::string path) {
  Status s;
  s.code = code;
  s.message = std::move(message);
  s.path = std::move(path);
  return s;
}

}  // namespace quotient::model
