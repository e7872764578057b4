#pragma once
/// Turns raw file bytes into text tree-sitter can parse, reporting what had to change.

#include <string>
#include <vector>

#include "lib/core/diagnostic.h"

namespace seams {

/// Prepares `bytes` (a whole .py file) for parsing, in place, keeping byte
/// offsets and line numbers where it can:
/// - a UTF-8 byte-order mark is removed;
/// - a file declaring a Latin-1/cp1252 coding (PEP 263) is transcoded to UTF-8;
/// - NUL bytes become spaces (diagnostic `nul-byte`);
/// - bytes that are not UTF-8 become '?' (diagnostic `invalid-utf8` with the line).
void DecodeSource(const std::string& path, std::string* bytes, std::vector<Diagnostic>* diagnostics);

/// True when `text` is valid UTF-8; otherwise `bad_offset` is the first bad byte.
bool IsValidUtf8(const std::string& text, size_t* bad_offset);

}  // namespace seams
