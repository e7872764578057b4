// `seams check --format text`: compiler-style diagnostics and one summary line.

#include <ostream>

#include "reports/check_render.h"
#include "reports/check_render_internal.h"

namespace seams {

void WriteCheckText(const nlohmann::json& report, std::ostream& out) {
  using namespace check_internal;
  // Known (baseline) violations are left out: they do not fail the build and
  // would bury the new ones; the summary counts them.
  for (const nlohmann::json* violation : NewViolations(report)) out << ViolationBlock(*violation);
  for (const auto& suppression : ArrayField(report, "unused_suppressions")) {
    out << Location(StringField(suppression, "path"), IntField(suppression, "line"), 0)
        << ": warning: unused-suppression: " << UnusedSuppressionMessage(suppression) << '\n'
        << "    help: " << kUnusedSuppressionHelp << '\n';
  }
  for (const auto& key : ArrayField(report, "fixed")) {
    if (key.is_string()) out << "note: baseline entry no longer occurs: " << key.get<std::string>() << '\n';
  }
  out << SummaryLine(report) << '\n';
}

}  // namespace seams
