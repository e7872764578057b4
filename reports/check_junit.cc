// `seams check --format junit`: JUnit XML, for CI systems that show test reports.

#include <ostream>
#include <string>
#include <vector>

#include "reports/check_render.h"
#include "reports/check_render_internal.h"
#include "reports/dot_util.h"

namespace seams {

namespace {

using nlohmann::json;

// "PATH:LINE FROM -> TO": what broke where, readable in a test list.
std::string TestName(const json& v) {
  using namespace check_internal;
  std::string name = Location(StringField(v, "path"), IntField(v, "line"), 0);
  std::string from = StringField(v, "from"), to = StringField(v, "to");
  if (!from.empty()) {
    name += ' ';
    name += from;
    if (!to.empty()) {
      name += " -> ";
      name += to;
    }
  }
  return name;
}

}  // namespace

void WriteCheckJunit(const json& report, std::ostream& out) {
  using namespace check_internal;
  std::vector<const json*> violations = NewViolations(report);
  // A suite with no testcase reads as "no tests ran" in some viewers, so a clean
  // run is one passing testcase.
  std::string tests = std::to_string(violations.empty() ? 1 : violations.size());
  std::string failures = std::to_string(violations.size());
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"seams\" tests=\"" << tests << "\" failures=\"" << failures << "\" errors=\"0\">\n"
      << "  <testsuite name=\"seams\" tests=\"" << tests << "\" failures=\"" << failures
      << "\" errors=\"0\" skipped=\"0\">\n";
  for (const json* v : violations) {
    std::string rule = StringField(*v, "rule");
    std::string classname = "seams.";
    classname += rule;
    out << "    <testcase classname=\"" << XmlEscape(classname, true) << "\" name=\""
        << XmlEscape(TestName(*v), true) << "\">\n"
        << "      <failure type=\"" << XmlEscape(rule, true) << "\" message=\""
        << XmlEscape(StringField(*v, "message"), true) << "\">" << XmlEscape(ViolationBlock(*v), false)
        << "</failure>\n"
        << "    </testcase>\n";
  }
  if (violations.empty()) out << "    <testcase classname=\"seams\" name=\"no new violations\"/>\n";
  out << "  </testsuite>\n"
      << "</testsuites>\n";
}

}  // namespace seams
