// `seams check --format sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, IDEs).

#include <map>
#include <ostream>
#include <string>

#include "reports/check_render.h"
#include "reports/check_render_internal.h"

namespace seams {

namespace {

using nlohmann::json;

// Keep in step with project(VERSION) in CMakeLists.txt and `--version` in cli/main.cc.
constexpr const char* kToolVersion = "0.1.0";
// The project has no public home yet; when it has one, set this and every rule
// gets a helpUri `<uri>#<rule id>` too. SARIF wants an absolute URI or nothing.
constexpr const char* kInformationUri = "";

// SARIF levels: "none", "note", "warning", "error". A rule turned off in the
// config is "none"; an unknown severity is left to the viewer as "warning".
std::string SarifLevel(const std::string& severity) {
  if (severity == "error" || severity == "warning" || severity == "note") return severity;
  if (severity == "off" || severity == "none") return "none";
  return "warning";
}

json RuleDescriptor(const std::string& id, const std::string& description, const std::string& severity) {
  const std::string& text = description.empty() ? id : description;
  json rule = {{"id", id},
               {"shortDescription", {{"text", text}}},
               {"fullDescription", {{"text", text}}},
               {"defaultConfiguration", {{"level", SarifLevel(severity)}}}};
  if (*kInformationUri) {
    std::string help_uri = kInformationUri;
    help_uri += '#';
    help_uri += id;
    rule["helpUri"] = help_uri;
  }
  return rule;
}

// The driver's rules, with each id's index for `ruleIndex`.
class RuleTable {
 public:
  explicit RuleTable(const json& report) {
    for (const auto& rule : check_internal::ArrayField(report, "rules")) {
      std::string id = check_internal::StringField(rule, "id");
      if (id.empty() || index_.count(id)) continue;
      Add(id, check_internal::StringField(rule, "description"), check_internal::StringField(rule, "severity"));
    }
  }

  // The index of `id`, appending a descriptor when the report's rule list lacks it
  // (SARIF asks every ruleIndex to point into the driver's rules).
  int IndexOf(const std::string& id, const std::string& severity) {
    auto it = index_.find(id);
    if (it != index_.end()) return it->second;
    return Add(id, "", severity);
  }

  json TakeRules() { return std::move(rules_); }

 private:
  int Add(const std::string& id, const std::string& description, const std::string& severity) {
    int index = static_cast<int>(rules_.size());
    rules_.push_back(RuleDescriptor(id, description, severity));
    index_[id] = index;
    return index;
  }

  json rules_ = json::array();
  std::map<std::string, int> index_;
};

// One physical location; the region only when the line is known (SARIF lines start at 1).
json SarifLocations(const std::string& path, int line, int column) {
  json physical = {{"artifactLocation", {{"uri", path}, {"uriBaseId", "%SRCROOT%"}}}};
  if (line > 0) {
    json region = {{"startLine", line}};
    if (column > 0) region["startColumn"] = column;
    physical["region"] = std::move(region);
  }
  return json::array({{{"physicalLocation", std::move(physical)}}});
}

}  // namespace

void WriteCheckSarif(const json& report, std::ostream& out) {
  using namespace check_internal;
  RuleTable rules(report);
  json results = json::array();
  // Only new violations: known ones are accepted debt, and an alert for each
  // would defeat the baseline.
  for (const json* v : NewViolations(report)) {
    std::string rule = StringField(*v, "rule");
    std::string level = SarifLevel(StringField(*v, "severity"));
    std::string text = StringField(*v, "message");
    std::string help = StringField(*v, "help");
    if (!help.empty()) {
      text += "\nhelp: ";
      text += help;
    }
    json result = {{"ruleId", rule},
                   {"ruleIndex", rules.IndexOf(rule, level)},
                   {"level", level},
                   {"message", {{"text", text}}},
                   {"locations", SarifLocations(StringField(*v, "path"), IntField(*v, "line"), IntField(*v, "column"))},
                   {"partialFingerprints", {{"seams/v1", StringField(*v, "key")}}}};
    results.push_back(std::move(result));
  }
  // Unused suppressions are warnings in the summary, so they are alerts too.
  for (const auto& s : ArrayField(report, "unused_suppressions")) {
    std::string text = UnusedSuppressionMessage(s);
    text += "\nhelp: ";
    text += kUnusedSuppressionHelp;
    json result = {{"ruleId", "unused-suppression"},
                   {"ruleIndex", rules.IndexOf("unused-suppression", "warning")},
                   {"level", "warning"},
                   {"message", {{"text", text}}},
                   {"locations", SarifLocations(StringField(s, "path"), IntField(s, "line"), 0)},
                   {"partialFingerprints", {{"seams/v1", UnusedSuppressionKey(s)}}}};
    results.push_back(std::move(result));
  }

  json driver = {{"name", "seams"}, {"version", kToolVersion}, {"rules", rules.TakeRules()}};
  if (*kInformationUri) driver["informationUri"] = kInformationUri;
  json sarif = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", json::array({{{"tool", {{"driver", std::move(driver)}}}, {"results", std::move(results)}}})}};
  out << sarif.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace seams
