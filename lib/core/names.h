#pragma once
/// Dotted Python names: "django.contrib.auth.models.User".

#include <string>

namespace seams {

/// The part after the last dot ("User"); the whole name when it has no dot.
inline std::string LastName(const std::string& dotted) {
  auto dot = dotted.rfind('.');
  return dot == std::string::npos ? dotted : dotted.substr(dot + 1);
}

/// The part before the last dot ("django.contrib.auth.models"); "" when it has no dot.
inline std::string ParentName(const std::string& dotted) {
  auto dot = dotted.rfind('.');
  return dot == std::string::npos ? std::string() : dotted.substr(0, dot);
}

/// `text` with A–Z lowered, as Django lowers model names for tables and references
/// (only ASCII: identifiers with other letters are left as written, whatever the locale).
inline std::string AsciiLower(std::string text) {
  for (auto& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

}  // namespace seams
