// One table per enumeration: the edge kinds and the check rules are written
// down once, and the JSON Schema, config validation and both graphs agree with
// them.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>

#include "lib/config/check_rules.h"
#include "lib/config/config.h"
#include "lib/core/error.h"
#include "lib/graph/edge_kinds.h"
#include "reports/analysis_report.h"
#include "tests/test_support.h"

namespace {

nlohmann::json Schema(const char* name) {
  return nlohmann::json::parse(seams::test::ReadText(std::string(SEAMS_SOURCE_DIR) + "/reports/schema/" + name));
}

std::vector<std::string> Strings(const nlohmann::json& array) {
  std::vector<std::string> out;
  for (const auto& item : array) out.push_back(item.get<std::string>());
  return out;
}

std::string ConfigError(const std::string& text) {
  try {
    seams::ParseConfig(text, "seams.toml");
  } catch (const seams::SeamsError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("edge kinds: the table is in enum order and the schema's enum is the table", "[tables]") {
  std::vector<std::string> names;
  for (std::size_t k = 0; k < seams::kCouplingKinds; ++k) {
    CHECK(static_cast<std::size_t>(seams::kEdgeKinds[k].kind) == k);
    names.push_back(seams::kEdgeKinds[k].name);
    seams::CouplingKind parsed;
    REQUIRE(seams::ParseCouplingKind(names.back(), &parsed));
    CHECK(parsed == seams::kEdgeKinds[k].kind);
    CHECK(seams::kEdgeKinds[k].default_weight > 0);
  }
  CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
  CHECK(Strings(Schema("analysis.schema.json").at("$defs").at("couplingKind").at("enum")) == names);
  // The import kinds are the table's import rows.
  std::vector<std::string> imports;
  for (auto kind : {seams::ImportKind::kModule, seams::ImportKind::kLazy, seams::ImportKind::kTyping}) {
    imports.push_back(seams::CouplingKindName(seams::ImportCouplingKind(kind)));
    CHECK(imports.back() == seams::ImportKindName(kind));
  }
  CHECK(Strings(Schema("analysis.schema.json").at("$defs").at("importEvidence").at("properties").at("kind").at("enum")) ==
        imports);
}

TEST_CASE("edge kinds: config validation and --weight accept exactly the table", "[tables]") {
  for (const auto& row : seams::kEdgeKinds) {
    std::string name = row.name;
    seams::Config config = seams::ParseConfig("[weights]\n" + name + " = 7.5\n", "seams.toml");
    CHECK(config.weights.at(name) == 7.5);
    auto [kind, value] = seams::ParseWeightAssignment(name + "=3");
    CHECK(kind == row.kind);
    CHECK(value == 3);
  }
  std::string error = ConfigError("[weights]\nforeign_key = 1\n");
  CHECK_THAT(error, Catch::Contains("kinds: " + seams::CouplingKindList()));
  CHECK_THROWS_WITH(seams::ParseWeightAssignment("foreign_key=1"), Catch::Contains(seams::CouplingKindList()));
  CHECK_THROWS_WITH(seams::ParseWeightAssignment("fk=-1"), Catch::Contains("number ≥ 0"));
  CHECK_THROWS_WITH(seams::ParseWeightAssignment("fk=3x"), Catch::Contains("number ≥ 0"));
  CHECK_THROWS_WITH(seams::ParseWeightAssignment("fk=inf"), Catch::Contains("finite"));
  CHECK_THROWS_WITH(seams::ParseWeightAssignment("fk=nan"), Catch::Contains("finite"));
}

TEST_CASE("check rules: config validation, defaults and the check report read one table", "[tables]") {
  std::vector<std::string> ids;
  for (const auto& rule : seams::kCheckRules) {
    ids.push_back(rule.id);
    CHECK(std::string(rule.description).size() > 10);
    CHECK(seams::DefaultRuleSeverities().at(rule.id) == rule.default_severity);
    seams::Config config = seams::ParseConfig(std::string("[rules]\n\"") + rule.id + "\" = \"off\"\n", "seams.toml");
    CHECK(config.rules.at(rule.id) == seams::RuleSeverity::kOff);
  }
  CHECK(std::is_sorted(ids.begin(), ids.end()));
  CHECK(seams::DefaultRuleSeverities().size() == ids.size());
  CHECK_THAT(ConfigError("[rules]\ncross-app-import = \"off\"\n"), Catch::Contains("rules: " + seams::CheckRuleList()));
}

TEST_CASE("one weight table: --weight import=9 weighs the module graph and the coupling graph alike", "[tables]") {
  seams::MemoryFileSystem fs;
  fs.AddFile("proj/a/__init__.py", "");
  fs.AddFile("proj/a/x.py", "import b.y\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import b.z\n");
  fs.AddFile("proj/a/w.py", "def f():\n    import b.y\n");
  fs.AddFile("proj/b/__init__.py", "");
  fs.AddFile("proj/b/y.py", "");
  fs.AddFile("proj/b/z.py", "");
  seams::AnalysisOptions options;
  options.weights.Set(seams::CouplingKind::kImport, 9);
  options.weights.Set(seams::CouplingKind::kImportLazy, 3);
  options.weights.Set(seams::CouplingKind::kImportTyping, 0.5);
  seams::Analysis analysis = seams::Analyze(fs, "proj", options);
  std::map<std::string, double> modules, couplings;
  for (const auto& e : analysis.module_graph.edges) modules[e.from + ">" + e.to] = e.weight;
  for (const auto& e : analysis.coupling.edges) {
    couplings[analysis.coupling.nodes[e.from].id + ">" + analysis.coupling.nodes[e.to].id] += e.weight;
  }
  CHECK(modules == std::map<std::string, double>{{"a.w>b.y", 3}, {"a.x>b.y", 9}, {"a.x>b.z", 0.5}});
  CHECK(couplings == modules);
  // And so in report.json: the module imports and the coupling graph's import edges.
  nlohmann::json report = seams::BuildAnalysisReport(analysis);
  std::map<std::string, double> reported;
  for (const auto& e : report.at("module_imports")) reported[e.at("from").get<std::string>() + ">" + e.at("to").get<std::string>()] = e.at("weight");
  CHECK(reported == modules);
}
