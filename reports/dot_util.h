#pragma once
/// Helpers shared by the renderers: DOT strings and numbers, XML text, joins.

#include <string>

namespace seams {

/// A DOT double-quoted string: backslashes and quotes escaped, newlines as \n.
std::string DotQuote(const std::string& text);

/// A number with at most two decimals and no trailing zeros ("1.5", "2").
std::string DotNumber(double value);

/// Appends `separator` then `item` to `*out`, or `item` alone when `*out` is
/// empty and the separator is a list separator — the one join of the renderers.
void AppendJoined(std::string* out, const std::string& separator, const std::string& item);

/// XML-escapes `text` for an attribute value (`attribute`) or element content:
/// JUnit reports, and the HTML-like labels of Graphviz.
std::string XmlEscape(const std::string& text, bool attribute);

}  // namespace seams
