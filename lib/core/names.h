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

}  // namespace seams
