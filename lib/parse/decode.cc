#include "lib/parse/decode.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <regex>

namespace seams {

namespace {

int LineOf(const std::string& text, size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// Length of the valid UTF-8 sequence starting at i, or 0 when invalid.
size_t Utf8SequenceLength(const std::string& s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n = 0;
  unsigned min = 0;
  unsigned cp = 0;
  if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1Fu; min = 0x80; }
  else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0Fu; min = 0x800; }
  else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07u; min = 0x10000; }
  else return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// The PEP 263 coding declared on one of the first two lines, lower-cased, or "".
std::string DeclaredCoding(const std::string& text) {
  size_t end = 0;
  for (int line = 0; line < 2 && end != std::string::npos; ++line) end = text.find('\n', end + (line ? 1 : 0));
  std::string head = text.substr(0, end == std::string::npos ? text.size() : end);
  static const std::regex kCoding("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)", std::regex::multiline);
  std::smatch match;
  if (!std::regex_search(head, match, kCoding)) return "";
  std::string coding = match[1];
  std::transform(coding.begin(), coding.end(), coding.begin(), [](unsigned char c) {
    return static_cast<char>(c == '_' ? '-' : std::tolower(c));
  });
  return coding;
}

}  // namespace

bool IsValidUtf8(const std::string& text, size_t* bad_offset) {
  for (size_t i = 0; i < text.size();) {
    // Source is nearly all ASCII: skip eight such bytes at a time.
    if (i + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    size_t n = Utf8SequenceLength(text, i);
    if (n == 0) {
      *bad_offset = i;
      return false;
    }
    i += n;
  }
  return true;
}

void DecodeSource(const std::string& path, std::string* bytes, std::vector<Diagnostic>* diagnostics) {
  std::string& text = *bytes;
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);

  if (auto nul = text.find('\0'); nul != std::string::npos) {
    diagnostics->push_back({"nul-byte", Severity::kWarning, path, LineOf(text, nul), 0,
                            "source contains NUL bytes (Python refuses such files); read them as spaces"});
    std::replace(text.begin(), text.end(), '\0', ' ');
  }

  size_t bad = 0;
  if (IsValidUtf8(text, &bad)) return;

  std::string coding = DeclaredCoding(text);
  if (coding == "latin-1" || coding == "iso-8859-1" || coding == "iso8859-1" || coding == "latin1" ||
      coding == "cp1252" || coding == "windows-1252" || coding == "iso-8859-15") {
    std::string utf8;
    utf8.reserve(text.size() + text.size() / 8);
    for (unsigned char c : text) {
      if (c < 0x80) {
        utf8 += static_cast<char>(c);
      } else {
        utf8 += static_cast<char>(0xC0 | (c >> 6));
        utf8 += static_cast<char>(0x80 | (c & 0x3F));
      }
    }
    text = std::move(utf8);
    return;
  }

  diagnostics->push_back({"invalid-utf8", Severity::kWarning, path, LineOf(text, bad), 0,
                          "source is not valid UTF-8" +
                              (coding.empty() ? std::string() : " (declared coding '" + coding + "' is not supported)") +
                              "; undecodable bytes read as '?'"});
  for (size_t i = 0; i < text.size();) {
    size_t n = Utf8SequenceLength(text, i);
    if (n == 0) {
      text[i] = '?';
      n = 1;
    }
    i += n;
  }
}

}  // namespace seams
