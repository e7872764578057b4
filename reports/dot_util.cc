#include "reports/dot_util.h"

#include <cmath>
#include <cstdio>

namespace seams {

std::string DotQuote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      continue;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string DotNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", std::round(value * 100.0) / 100.0);
  std::string text = buffer;
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

void AppendJoined(std::string* out, const std::string& separator, const std::string& item) {
  if (!out->empty()) *out += separator;
  *out += item;
}

}  // namespace seams
