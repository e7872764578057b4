#include "tests/test_support.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lib/django/vocabulary.h"

namespace seams::test {

std::string TempDir(const std::string& prefix) {
  std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  return pattern;
}

FileFacts Parse(const std::string& source) { return ParseSource("test.py", source, WithDjangoVocabulary({}, {})); }

Analysis AnalyzeMemory(const MemoryFileSystem& fs, unsigned jobs) {
  AnalysisOptions options;
  options.parse.jobs = jobs;
  return Analyze(fs, "proj", options);
}

std::vector<std::string> TargetsOf(const Analysis& analysis, const std::string& module) {
  std::vector<std::string> out;
  for (const auto& import : analysis.resolution.imports) {
    if (analysis.project.files[import.file].module != module) continue;
    std::string text = import.target;
    if (!import.symbol.empty()) text += ":" + import.symbol;
    if (import.target_kind == TargetKind::kStdlib) text = "stdlib " + text;
    if (import.target_kind == TargetKind::kThirdParty) text = "3rd " + text;
    if (import.target_kind == TargetKind::kUnresolved) text = "unresolved " + text;
    out.push_back(text);
  }
  return out;
}

std::vector<std::string> Codes(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.code);
  return out;
}

void CheckGolden(const std::string& actual, const std::string& path) {
  const char* update = std::getenv("SEAMS_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    FAIL_CHECK("golden file " << path << " rewritten (SEAMS_UPDATE_GOLDEN=1): review the diff, run again without it");
    return;
  }
  INFO("golden file " << path << " (SEAMS_UPDATE_GOLDEN=1 rewrites it; review the diff)");
  CHECK(actual == ReadText(path));
}

AnalysisOptions DjangoOptions() {
  AnalysisOptions options;
  options.parse.cache_dir = SEAMS_TEST_CACHE_DIR;
  return options;
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace seams::test
