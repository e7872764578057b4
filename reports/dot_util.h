#pragma once
/// Helpers shared by the DOT renderers.

#include <string>

namespace seams {

/// A DOT double-quoted string: backslashes and quotes escaped, newlines as \n.
std::string DotQuote(const std::string& text);

/// A number with at most two decimals and no trailing zeros ("1.5", "2").
std::string DotNumber(double value);

}  // namespace seams
