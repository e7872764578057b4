#pragma once
// Internal to lib/parse: the tree-sitter handles. Not a public header.

#include <string>

#include "lib/parse/parse.h"

struct TSLanguage;
struct TSParser;

namespace seams {

/// The Python grammar.
const TSLanguage* PythonLanguage();

/// Parses `source` with `parser` (owned by the calling thread) and extracts its facts.
FileFacts ExtractFacts(TSParser* parser, const std::string& path, std::string source, const ParseOptions& options);

}  // namespace seams
