// The architecture checks itself, by the #include lines: the stages form a DAG
// (core → discover → parse → resolve → django → {data, graph} → cluster →
// pipeline → config → {check, analysis options}); lib/ never includes reports/ or
// cli/, reports/ never includes cli/; only lib/parse sees tree-sitter; only
// lib/graph and lib/cluster sources see Boost.Graph.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
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

// Where each part of lib/ sits: a file may include its own part and parts of a lower
// rank only. Equal ranks (data and graph; check and the options) never include each other.
const std::map<std::string, int>& Ranks() {
  static const std::map<std::string, int> k = {
      {"lib/core", 0},    {"lib/discover", 1}, {"lib/parse", 2},     {"lib/resolve", 3},
      {"lib/django", 4},  {"lib/data", 5},     {"lib/graph", 5},     {"lib/cluster", 6},
      {"lib/pipeline", 7}, {"lib/config", 8},  {"lib/check", 9},     {"lib/analysis_options", 9},
  };
  return k;
}

// "lib/parse/extract.cc" → "lib/parse"; "lib/pipeline.h" → "lib/pipeline"; "" outside lib/.
std::string PartOf(const std::string& path) {
  if (path.rfind("lib/", 0) != 0) return "";
  auto slash = path.find('/', 4);
  if (slash != std::string::npos) return path.substr(0, slash);
  return path.substr(0, path.rfind('.'));
}

std::vector<fs::path> SourcesUnder(const std::string& dir) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(SEAMS_SOURCE_DIR) / dir)) {
    std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".h" || ext == ".cc")) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("the stages of lib/ form the documented DAG", "[layering]") {
  // Sanity of the table itself: the chain of the pipeline.
  CHECK(PartOf("lib/parse/extract.cc") == "lib/parse");
  CHECK(PartOf("lib/pipeline.h") == "lib/pipeline");
  CHECK(PartOf("reports/x.h").empty());
  const auto& rank = Ranks();
  const std::vector<std::string> chain = {"lib/core", "lib/discover", "lib/parse", "lib/resolve",
                                          "lib/django", "lib/graph", "lib/cluster"};
  for (std::size_t i = 1; i < chain.size(); ++i) CHECK(rank.at(chain[i - 1]) < rank.at(chain[i]));
  CHECK(rank.at("lib/django") < rank.at("lib/data"));
  CHECK(rank.at("lib/data") < rank.at("lib/check"));

  int edges = 0;
  for (const auto& file : SourcesUnder("lib")) {
    std::string rel = fs::relative(file, SEAMS_SOURCE_DIR).string();
    std::string from = PartOf(rel);
    INFO(rel);
    // A new part of lib/ must be placed in the DAG (and in docs/architecture.md).
    REQUIRE(rank.count(from));
    for (const auto& include : Includes(file)) {
      std::string to = PartOf(include);
      if (to.empty() || to == from) continue;
      INFO(rel << " includes " << include);
      REQUIRE(rank.count(to));
      CHECK(rank.at(to) < rank.at(from));
      ++edges;
    }
  }
  CHECK(edges > 50);
}

TEST_CASE("reports/ never includes cli/", "[layering]") {
  int files = 0;
  for (const auto& file : SourcesUnder("reports")) {
    ++files;
    for (const auto& include : Includes(file)) {
      INFO(file.string() << " includes " << include);
      CHECK(include.rfind("cli/", 0) != 0);
    }
  }
  CHECK(files > 10);
}

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
