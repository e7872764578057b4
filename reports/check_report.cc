#include "reports/check_report.h"

#include <map>
#include <set>

namespace seams {

namespace {

std::string SeverityText(RuleSeverity severity) { return severity == RuleSeverity::kError ? "error" : "warning"; }

}  // namespace

nlohmann::json BuildCheckReport(const Analysis& analysis, const Config& config, const CheckResult& result,
                                const Baseline* baseline) {
  using nlohmann::json;
  json report;
  report["schema"] = kCheckSchema;
  report["project"] = {{"name", analysis.project.name}};
  report["config"] = config.path;
  json rules = json::array();
  for (const auto& rule : kCheckRules) {
    auto it = config.rules.find(rule.id);
    RuleSeverity severity = it == config.rules.end() ? rule.default_severity : it->second;
    rules.push_back({{"id", rule.id}, {"severity", RuleSeverityName(severity)}, {"description", rule.description}});
  }
  report["rules"] = std::move(rules);

  std::set<std::string> seen;
  json violations = json::array();
  int errors = 0, warnings = 0, known = 0;
  std::map<std::string, int> by_rule, by_pair;
  for (const auto& v : result.violations) {
    bool is_new = !baseline || !baseline->keys.count(v.Key());
    seen.insert(v.Key());
    violations.push_back({{"rule", v.rule}, {"severity", SeverityText(v.severity)}, {"path", v.path}, {"line", v.line},
                          {"column", v.column}, {"message", v.message}, {"help", v.help}, {"source", v.source},
                          {"from", v.from}, {"to", v.to}, {"from_context", v.from_context},
                          {"to_context", v.to_context}, {"key", v.Key()}, {"new", is_new}});
    if (!is_new) {
      ++known;
      continue;
    }
    (v.severity == RuleSeverity::kError ? errors : warnings)++;
    ++by_rule[v.rule];
    if (!v.from_context.empty() && !v.to_context.empty()) ++by_pair[v.from_context + " -> " + v.to_context];
  }
  warnings += static_cast<int>(result.unused_suppressions.size());
  if (!result.unused_suppressions.empty()) by_rule["unused-suppression"] += static_cast<int>(result.unused_suppressions.size());
  report["violations"] = std::move(violations);
  json fixed = json::array();
  if (baseline) {
    for (const auto& key : baseline->keys) {
      if (!seen.count(key)) fixed.push_back(key);
    }
  }
  report["fixed"] = std::move(fixed);
  json unused = json::array();
  for (const auto& s : result.unused_suppressions) unused.push_back({{"path", s.path}, {"line", s.line}, {"rules", s.rules}});
  report["unused_suppressions"] = std::move(unused);
  report["summary"] = {{"errors", errors}, {"warnings", warnings}, {"known", known},
                       {"by_rule", by_rule}, {"by_context_pair", by_pair}};
  return report;
}

int CheckExitCode(const nlohmann::json& report) { return report.at("summary").at("errors").get<int>() > 0 ? 1 : 0; }

}  // namespace seams
