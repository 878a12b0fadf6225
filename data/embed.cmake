# Script mode: turn a text file into a C++ string_view definition.
# Called by quotient_embed() in the top-level CMakeLists.txt.
file(READ "${IN}" content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
file(WRITE "${OUT}"
  "// Generated from ${IN} by data/embed.cmake. Do not edit.\n"
  "#include <string_view>\n"
  "namespace quotient::data {\n"
  "static const char ${VAR}_bytes[] = {${bytes} 0};\n"
  "extern const std::string_view ${VAR}(${VAR}_bytes, sizeof(${VAR}_bytes) - 1);\n"
  "}  // namespace quotient::data\n")
