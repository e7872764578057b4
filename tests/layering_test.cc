// The architecture checks itself: lib/ never includes reports/ or cli/; only
// lib/parse sees tree-sitter; only lib/graph and lib/cluster sources see Boost.Graph;
// public headers speak our own types.

#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "tests/test_support.h"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> Includes(const fs::path& file) {
  static const std::regex kInclude(R"(#include\s*[<"]([^>"]+)[>"])");
  std::vector<std::string> out;
  std::string text = seams::test::ReadText(file.string());
  for (std::sregex_iterator it(text.begin(), text.end(), kInclude), end; it != end; ++it) out.push_back((*it)[1]);
  return out;
}

}  // namespace

TEST_CASE("layering of lib/", "[layering]") {
  fs::path lib = fs::path(SEAMS_SOURCE_DIR) / "lib";
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(lib)) {
    if (!entry.is_regular_file()) continue;
    std::string rel = fs::relative(entry.path(), SEAMS_SOURCE_DIR).string();
    std::string ext = entry.path().extension().string();
    if (ext != ".h" && ext != ".cc") continue;
    ++files;
    for (const auto& include : Includes(entry.path())) {
      INFO(rel << " includes " << include);
      CHECK(include.rfind("reports/", 0) != 0);
      CHECK(include.rfind("cli/", 0) != 0);
      if (include.find("tree_sitter") != std::string::npos) CHECK(rel.rfind("lib/parse/", 0) == 0);
      if (include.rfind("boost/graph", 0) == 0) {
        CHECK((rel.rfind("lib/graph/", 0) == 0 || rel.rfind("lib/cluster/", 0) == 0));
        CHECK(ext == ".cc");
      }
    }
  }
  CHECK(files > 10);
}
