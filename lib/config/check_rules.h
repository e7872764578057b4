#pragma once
/// The rules of `seams check`: one table of id, default severity and
/// description, read by config validation (`[tool.seams.rules]`), the check
/// report's `rules` (and so SARIF's rule list), `--help` and the schema test.
///
/// To add a rule: add its row here, then emit violations with that id in
/// lib/check/check.cc.

#include <map>
#include <string>

namespace seams {

/// How a rule reports: fail the build, warn, or not at all.
enum class RuleSeverity { kError, kWarn, kOff };

/// "error", "warn", "off".
const char* RuleSeverityName(RuleSeverity severity);

/// One row of the rule table.
struct CheckRuleInfo {
  const char* id;
  RuleSeverity default_severity;
  const char* description;
};

/// Every rule, sorted by id.
inline constexpr CheckRuleInfo kCheckRules[] = {
    {"context-cycle", RuleSeverity::kError, "Contexts that depend on each other in a cycle."},
    {"cross-context-fk", RuleSeverity::kWarn,
     "A ForeignKey, OneToOne, ManyToMany or model inheritance to another context's model."},
    {"cross-context-import", RuleSeverity::kError, "An import of another context that is not listed in depends_on."},
    {"cross-context-join", RuleSeverity::kWarn,
     "An ORM lookup whose relation path reaches another context's model (a SQL join across the boundary)."},
    {"cross-context-signal", RuleSeverity::kWarn,
     "A signal receiver in one context reacting to another context's model or signal."},
    {"cross-context-task", RuleSeverity::kWarn, "A Celery task of another context queued directly."},
    {"cross-context-transaction", RuleSeverity::kWarn,
     "A transaction.atomic block that writes models of two contexts, or runs another context's receivers."},
    {"private-import", RuleSeverity::kError, "An import of another context outside its declared interface."},
    {"unassigned", RuleSeverity::kWarn, "A module or model that belongs to no context."},
    {"unused-suppression", RuleSeverity::kWarn, "A `# seams: ignore` comment that silenced nothing."},
};

/// The row of rule `id`, or nullptr.
const CheckRuleInfo* FindCheckRule(const std::string& id);

/// Every rule id, comma separated, for messages and --help.
std::string CheckRuleList();

/// Rule id → default severity, from the table.
const std::map<std::string, RuleSeverity>& DefaultRuleSeverities();

}  // namespace seams
