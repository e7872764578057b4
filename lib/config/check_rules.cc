#include "lib/config/check_rules.h"

namespace seams {

const char* RuleSeverityName(RuleSeverity severity) {
  switch (severity) {
    case RuleSeverity::kError: return "error";
    case RuleSeverity::kWarn: return "warn";
    case RuleSeverity::kOff: return "off";
  }
  return "off";
}

const CheckRuleInfo* FindCheckRule(const std::string& id) {
  for (const auto& rule : kCheckRules) {
    if (id == rule.id) return &rule;
  }
  return nullptr;
}

std::string CheckRuleList() {
  std::string out;
  for (const auto& rule : kCheckRules) {
    if (!out.empty()) out += ", ";
    out += rule.id;
  }
  return out;
}

const std::map<std::string, RuleSeverity>& DefaultRuleSeverities() {
  static const std::map<std::string, RuleSeverity> kDefaults = [] {
    std::map<std::string, RuleSeverity> out;
    for (const auto& rule : kCheckRules) out[rule.id] = rule.default_severity;
    return out;
  }();
  return kDefaults;
}

}  // namespace seams
