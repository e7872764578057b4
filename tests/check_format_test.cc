// The renderers of `seams check`: exact text and GitHub output, SARIF and JUnit
// structure, empty reports, determinism, and a report from the real pipeline.

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>

#include "lib/check/check.h"
#include "lib/config/config.h"
#include "reports/check_render.h"
#include "reports/check_report.h"
#include "tests/test_support.h"

using nlohmann::json;

namespace {

// 2 new violations (one a warning whose message has ':', ',', '%', a newline and
// XML specials), 1 known, 1 fixed baseline key, 1 unused suppression.
json SampleReport() {
  return json::parse(R"json({
  "schema": "seams.check/1",
  "project": {"name": "shopwise"},
  "config": "seams.toml",
  "rules": [
    {"id": "cross-context-fk", "severity": "error", "description": "A ForeignKey to another context's model."},
    {"id": "cross-context-import", "severity": "error", "description": "An import of another context not listed in depends_on."},
    {"id": "cross-context-signal", "severity": "warning", "description": "A receiver of another context's signal."},
    {"id": "unused-suppression", "severity": "warning", "description": "A `# seams: ignore` comment that silenced nothing."}
  ],
  "violations": [
    {"rule": "cross-context-import", "severity": "error", "path": "orders/views.py", "line": 12, "column": 1,
     "message": "orders.views (context ordering) imports payments.models (context payments), which ordering does not depend on",
     "help": "add \"payments\" to depends_on of context \"ordering\"; or move the code",
     "source": "from payments.models import Payment",
     "from": "orders.views", "to": "payments.models", "from_context": "ordering", "to_context": "payments",
     "key": "cross-context-import|orders.views|payments.models", "new": true},
    {"rule": "cross-context-signal", "severity": "warning", "path": "payments/receivers.py", "line": 7, "column": 5,
     "message": "payments.receivers (context payments) receives a signal from orders.models: 100% of saves, every time\nsee <Order> & 'post_save'",
     "help": "publish an event from context \"ordering\" and subscribe to it",
     "source": "    @receiver(post_save, sender=Order)\n    def paid(sender, **kw):",
     "from": "payments.receivers", "to": "orders.models", "from_context": "payments", "to_context": "ordering",
     "key": "cross-context-signal|payments.receivers|orders.models", "new": true},
    {"rule": "cross-context-fk", "severity": "error", "path": "catalog/models.py", "line": 30, "column": 1,
     "message": "catalog.Product (context catalog) has a fk relation to orders.Order (context ordering)",
     "help": "store the id", "source": "order = models.ForeignKey(Order)",
     "from": "catalog.Product", "to": "orders.Order", "from_context": "catalog", "to_context": "ordering",
     "key": "cross-context-fk|catalog.Product|orders.Order", "new": false}
  ],
  "fixed": ["cross-context-import|cart.views|orders.models"],
  "unused_suppressions": [{"path": "cart/views.py", "line": 3, "rules": ["cross-context-import"]}],
  "summary": {"errors": 1, "warnings": 2, "known": 1,
              "by_rule": {"cross-context-import": 1, "cross-context-signal": 1, "unused-suppression": 1},
              "by_context_pair": {"ordering -> payments": 1, "payments -> ordering": 1}}
})json");
}

json EmptyReport() {
  return json::parse(R"({"schema": "seams.check/1", "project": {"name": "p"}, "config": "seams.toml",
    "rules": [{"id": "cross-context-import", "severity": "error", "description": "d"}],
    "violations": [], "fixed": [], "unused_suppressions": [],
    "summary": {"errors": 0, "warnings": 0, "known": 0, "by_rule": {}, "by_context_pair": {}}})");
}

std::string Render(const std::string& format, const json& report) {
  seams::CheckReporter reporter = seams::FindCheckReporter(format);
  REQUIRE(reporter != nullptr);
  std::ostringstream out;
  reporter(report, out);
  return out.str();
}

std::size_t Count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

std::filesystem::path TempFile(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("seams_check_format_" + std::to_string(getpid()) + "_" + name);
}

// Runs `command` and returns its stdout; `status` gets the exit status.
std::string RunCommand(const std::string& command, int* status) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    *status = -1;
    return output;
  }
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  *status = pclose(pipe);
  return output;
}

bool HavePython() { return std::system("command -v " SEAMS_TEST_PYTHON " >/dev/null 2>&1") == 0; }

}  // namespace

TEST_CASE("check-format: the registry knows the five formats", "[check-format]") {
  CHECK(seams::FormatNames(seams::CheckFormats()) == std::vector<std::string>{"github", "json", "junit", "sarif", "text"});
  for (const auto& format : seams::FormatNames(seams::CheckFormats())) CHECK(seams::FindCheckReporter(format) != nullptr);
  CHECK(seams::FindCheckReporter("text") == &seams::WriteCheckText);
  CHECK(seams::FindCheckReporter("sarif") == &seams::WriteCheckSarif);
  CHECK(seams::FindCheckReporter("xml") == nullptr);
  CHECK(seams::FindCheckReporter("") == nullptr);
}

TEST_CASE("check-format: text is compiler-style, new violations only, one summary line", "[check-format]") {
  const std::string expected =
      "orders/views.py:12:1: error: cross-context-import: orders.views (context ordering) imports payments.models "
      "(context payments), which ordering does not depend on\n"
      "    from payments.models import Payment\n"
      "    ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
      "    help: add \"payments\" to depends_on of context \"ordering\"; or move the code\n"
      "payments/receivers.py:7:5: warning: cross-context-signal: payments.receivers (context payments) receives a "
      "signal from orders.models: 100% of saves, every time\n"
      "    see <Order> & 'post_save'\n"
      "        @receiver(post_save, sender=Order)\n"
      "        ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
      "    help: publish an event from context \"ordering\" and subscribe to it\n"
      "cart/views.py:3: warning: unused-suppression: `# seams: ignore[cross-context-import]` silenced nothing\n"
      "    help: remove the comment, or the rules in it that no longer occur\n"
      "note: baseline entry no longer occurs: cross-context-import|cart.views|orders.models\n"
      "seams: 1 error, 2 warnings (1 known in baseline); by rule: cross-context-import 1, cross-context-signal 1, "
      "unused-suppression 1; by context pair: ordering -> payments 1, payments -> ordering 1\n";
  CHECK(Render("text", SampleReport()) == expected);
}

TEST_CASE("check-format: text caret lines up under tabs and multi-byte characters", "[check-format]") {
  json report = EmptyReport();
  report["violations"] = json::array({{{"rule", "r"}, {"severity", "error"}, {"path", "a.py"}, {"line", 2},
                                       {"column", 4}, {"message", "m"}, {"source", "\tx\xC3\xA9 = y  \r"},
                                       {"new", true}}});
  // Column 4 is the space after "xé": the tab is kept, "é" is one column, the trailing blanks are not shown.
  CHECK(Render("text", report) ==
        "a.py:2:4: error: r: m\n"
        "    \tx\xC3\xA9 = y\n"
        "    \t  ^~~~\n"
        "seams: 0 errors, 0 warnings\n");
  // Unknown line and column: no caret, and the location is just the path.
  report["violations"][0]["line"] = 0;
  report["violations"][0]["column"] = 0;
  CHECK(Render("text", report) ==
        "a.py: error: r: m\n"
        "    \tx\xC3\xA9 = y\n"
        "seams: 0 errors, 0 warnings\n");
}

TEST_CASE("check-format: summary lists by count, then name; counts missing fields", "[check-format]") {
  json report = EmptyReport();
  report["summary"] = {{"errors", 7}, {"warnings", 1}, {"known", 0},
                       {"by_rule", {{"a-rule", 1}, {"b-rule", 3}, {"c-rule", 3}}},
                       {"by_context_pair", {{"x -> y", 2}}}};
  CHECK(Render("text", report) ==
        "seams: 7 errors, 1 warning; by rule: b-rule 3, c-rule 3, a-rule 1; by context pair: x -> y 2\n");
  // A report without a summary (or without "known") is counted from its violations.
  json bare = SampleReport();
  bare.erase("summary");
  std::string text = Render("text", bare);
  CHECK(text.substr(text.rfind("seams: ")) ==
        "seams: 1 error, 2 warnings (1 known in baseline); by rule: cross-context-import 1, cross-context-signal 1, "
        "unused-suppression 1; by context pair: ordering -> payments 1, payments -> ordering 1\n");
  json no_known = SampleReport();
  no_known["summary"].erase("known");
  CHECK(Render("text", no_known) == Render("text", SampleReport()));
}

TEST_CASE("check-format: github workflow commands with GitHub's escaping", "[check-format]") {
  const std::string expected =
      "::error file=orders/views.py,line=12,col=1,title=cross-context-import::orders.views (context ordering) imports "
      "payments.models (context payments), which ordering does not depend on%0Ahelp: add \"payments\" to depends_on "
      "of context \"ordering\"; or move the code\n"
      "::warning file=payments/receivers.py,line=7,col=5,title=cross-context-signal::payments.receivers (context "
      "payments) receives a signal from orders.models: 100%25 of saves, every time%0Asee <Order> & 'post_save'%0Ahelp: "
      "publish an event from context \"ordering\" and subscribe to it\n"
      "::warning file=cart/views.py,line=3,title=unused-suppression::`# seams: ignore[cross-context-import]` silenced "
      "nothing\n"
      "::notice title=seams::baseline entry no longer occurs: cross-context-import|cart.views|orders.models\n"
      "seams: 1 error, 2 warnings (1 known in baseline); by rule: cross-context-import 1, cross-context-signal 1, "
      "unused-suppression 1; by context pair: ordering -> payments 1, payments -> ordering 1\n";
  CHECK(Render("github", SampleReport()) == expected);

  // Property values also escape ':' and ','; data escapes '%', CR and LF only.
  json report = EmptyReport();
  report["violations"] = json::array({{{"rule", "odd:rule,1"}, {"severity", "error"}, {"path", "a,b/c:d%.py"},
                                       {"line", 1}, {"column", 0}, {"message", "50%\r\nx: y, z"}, {"new", true}}});
  CHECK(Render("github", report) ==
        "::error file=a%2Cb/c%3Ad%25.py,line=1,title=odd%3Arule%2C1::50%25%0D%0Ax: y, z\n"
        "seams: 0 errors, 0 warnings\n");
}

TEST_CASE("check-format: sarif 2.1.0 with rules and the new violations only", "[check-format]") {
  std::string text = Render("sarif", SampleReport());
  REQUIRE(!text.empty());
  CHECK(text.back() == '\n');
  json sarif = json::parse(text);
  CHECK(sarif["version"] == "2.1.0");
  CHECK(sarif["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  REQUIRE(sarif["runs"].size() == 1);
  const json& run = sarif["runs"][0];
  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "seams");
  CHECK(driver["version"].is_string());
  std::vector<std::string> ids;
  for (const auto& rule : driver["rules"]) {
    ids.push_back(rule["id"].get<std::string>());
    CHECK(rule["shortDescription"]["text"].is_string());
    CHECK(rule["fullDescription"]["text"].is_string());
    CHECK(std::set<std::string>{"error", "warning", "note", "none"}.count(rule["defaultConfiguration"]["level"]));
  }
  CHECK(ids == std::vector<std::string>{"cross-context-fk", "cross-context-import", "cross-context-signal",
                                        "unused-suppression"});
  CHECK(driver["rules"][2]["defaultConfiguration"]["level"] == "warning");

  const json& results = run["results"];
  REQUIRE(results.size() == 3);  // 2 new violations + 1 unused suppression; the known one is not a result
  std::set<std::string> fingerprints;
  for (const auto& result : results) {
    const std::string rule = result["ruleId"];
    INFO(rule);
    REQUIRE(result["ruleIndex"].is_number_integer());
    CHECK(driver["rules"][result["ruleIndex"].get<std::size_t>()]["id"] == rule);
    CHECK(std::set<std::string>{"error", "warning"}.count(result["level"]));
    CHECK(!result["message"]["text"].get<std::string>().empty());
    const json& physical = result["locations"][0]["physicalLocation"];
    CHECK(physical["artifactLocation"]["uri"].is_string());
    CHECK(physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
    CHECK(physical["region"]["startLine"].get<int>() >= 1);
    fingerprints.insert(result["partialFingerprints"]["seams/v1"].get<std::string>());
  }
  CHECK(fingerprints == std::set<std::string>{"cross-context-import|orders.views|payments.models",
                                              "cross-context-signal|payments.receivers|orders.models",
                                              "unused-suppression|cart/views.py|3"});
  const json& first = results[0];
  CHECK(first["ruleId"] == "cross-context-import");
  CHECK(first["level"] == "error");
  CHECK(first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "orders/views.py");
  CHECK(first["locations"][0]["physicalLocation"]["region"] == json({{"startLine", 12}, {"startColumn", 1}}));
  CHECK(first["message"]["text"] ==
        "orders.views (context ordering) imports payments.models (context payments), which ordering does not depend "
        "on\nhelp: add \"payments\" to depends_on of context \"ordering\"; or move the code");
  CHECK(results[1]["level"] == "warning");
  CHECK(text.find("catalog.Product") == std::string::npos);  // nothing of the known violation
}

TEST_CASE("check-format: sarif adds a rule the report's list lacks", "[check-format]") {
  json report = EmptyReport();
  report["violations"] = json::array({{{"rule", "new-rule"}, {"severity", "warning"}, {"path", "a.py"}, {"line", 0},
                                       {"column", 0}, {"message", "m"}, {"key", "k"}, {"new", true}}});
  json sarif = json::parse(Render("sarif", report));
  const json& driver = sarif["runs"][0]["tool"]["driver"];
  REQUIRE(driver["rules"].size() == 2);
  CHECK(driver["rules"][1]["id"] == "new-rule");
  const json& result = sarif["runs"][0]["results"][0];
  CHECK(result["ruleIndex"] == 1);
  // SARIF lines start at 1: an unknown line leaves the region out.
  CHECK_FALSE(result["locations"][0]["physicalLocation"].contains("region"));
}

TEST_CASE("check-format: junit has one failing testcase per new violation, escaped", "[check-format]") {
  std::string xml = Render("junit", SampleReport());
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites", 0) == 0);
  CHECK(xml.find("<testsuite name=\"seams\" tests=\"2\" failures=\"2\" errors=\"0\"") != std::string::npos);
  CHECK(Count(xml, "<testcase ") == 2);
  CHECK(Count(xml, "</testcase>") == 2);
  CHECK(Count(xml, "<failure ") == 2);
  CHECK(Count(xml, "</failure>") == 2);
  CHECK(Count(xml, "<testsuite ") == 1);
  CHECK(Count(xml, "</testsuite>") == 1);
  CHECK(Count(xml, "</testsuites>") == 1);
  CHECK(xml.find("<testcase classname=\"seams.cross-context-import\" "
                 "name=\"orders/views.py:12 orders.views -&gt; payments.models\">") != std::string::npos);
  CHECK(xml.find("<failure type=\"cross-context-signal\" message=\"payments.receivers (context payments) receives "
                 "a signal from orders.models: 100% of saves, every time&#10;see &lt;Order&gt; &amp; "
                 "&apos;post_save&apos;\">") != std::string::npos);
  CHECK(xml.find("catalog.Product") == std::string::npos);

  if (!HavePython()) {
    WARN(SEAMS_TEST_PYTHON " not found: the XML is not parsed");
    return;
  }
  // A real XML parser reads it back, and gets the message with its newline intact.
  auto path = TempFile("junit.xml");
  std::ofstream(path) << xml;
  int status = 0;
  std::string message = RunCommand(
      SEAMS_TEST_PYTHON " -c 'import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); "
      "sys.stdout.write(d.getElementsByTagName(\"failure\")[1].getAttribute(\"message\"))' " +
          path.string(),
      &status);
  std::filesystem::remove(path);
  CHECK(status == 0);
  CHECK(message == SampleReport()["violations"][1]["message"].get<std::string>());
}

TEST_CASE("check-format: junit escapes characters XML forbids", "[check-format]") {
  json report = EmptyReport();
  report["violations"] = json::array({{{"rule", "r"}, {"path", "a.py"}, {"line", 1}, {"message", "bell\x07 \"q\""},
                                       {"from", "a"}, {"to", ""}, {"new", true}}});
  std::string xml = Render("junit", report);
  CHECK(xml.find("name=\"a.py:1 a\"") != std::string::npos);
  CHECK(xml.find("message=\"bell\xEF\xBF\xBD &quot;q&quot;\"") != std::string::npos);
  CHECK(xml.find('\x07') == std::string::npos);
}

TEST_CASE("check-format: an empty report", "[check-format]") {
  json report = EmptyReport();
  CHECK(Render("text", report) == "seams: 0 errors, 0 warnings\n");
  CHECK(Render("github", report) == "seams: 0 errors, 0 warnings\n");
  CHECK(Render("junit", report) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"seams\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
        "  <testsuite name=\"seams\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
        "    <testcase classname=\"seams\" name=\"no new violations\"/>\n"
        "  </testsuite>\n"
        "</testsuites>\n");
  json sarif = json::parse(Render("sarif", report));
  CHECK(sarif["runs"][0]["results"] == json::array());
  // Only known violations: nothing fails, the summary says how many are known.
  json known = SampleReport();
  known["violations"] = json::array({SampleReport()["violations"][2]});
  known["unused_suppressions"] = json::array();
  known["fixed"] = json::array();
  known["summary"] = {{"errors", 0}, {"warnings", 0}, {"known", 1}, {"by_rule", json::object()},
                      {"by_context_pair", json::object()}};
  CHECK(Render("text", known) == "seams: 0 errors, 0 warnings (1 known in baseline)\n");
  CHECK(Render("junit", known).find("name=\"no new violations\"") != std::string::npos);
  // Not even an object: still a summary, never a throw.
  CHECK(Render("text", json::object()) == "seams: 0 errors, 0 warnings\n");
  CHECK(Render("text", json()) == "seams: 0 errors, 0 warnings\n");
  CHECK_NOTHROW(Render("sarif", json()));
  CHECK_NOTHROW(Render("junit", json()));
  CHECK_NOTHROW(Render("github", json()));
}

TEST_CASE("check-format: json is the report, sorted and pretty", "[check-format]") {
  std::string text = Render("json", SampleReport());
  CHECK(text.back() == '\n');
  CHECK(json::parse(text) == SampleReport());
  CHECK(text.rfind("{\n  \"config\": \"seams.toml\",\n  \"fixed\": [\n    \"cross-context", 0) == 0);
}

TEST_CASE("check-format: same input, same bytes; a saved report renders the same", "[check-format]") {
  for (const auto& format : seams::FormatNames(seams::CheckFormats())) {
    INFO(format);
    std::string once = Render(format, SampleReport());
    CHECK(once == Render(format, SampleReport()));
    // `seams check --format json` saved and rendered again gives the same output.
    CHECK(once == Render(format, json::parse(Render("json", SampleReport()))));
  }
}

TEST_CASE("check-format: a report from the real pipeline renders in every format", "[check-format]") {
  seams::MemoryFileSystem fs;
  fs.AddFile("proj/orders/__init__.py", "");
  fs.AddFile("proj/orders/views.py", "from payments.models import Payment\nimport os  # seams: ignore\n");
  fs.AddFile("proj/payments/__init__.py", "");
  fs.AddFile("proj/payments/models.py", "from django.db import models\nclass Payment(models.Model):\n    pass\n");
  auto analysis = seams::test::AnalyzeMemory(fs);
  seams::Config config = seams::ParseConfig(
      "[[context]]\nname = \"ordering\"\nmembers = [\"orders\"]\n\n"
      "[[context]]\nname = \"payments\"\nmembers = [\"payments\"]\n",
      "seams.toml");
  seams::CheckResult result = seams::Check(config, analysis);
  json report = seams::BuildCheckReport(analysis, config, result, nullptr);
  REQUIRE(!report["violations"].empty());

  std::string text = Render("text", report);
  CHECK_THAT(text, Catch::StartsWith("orders/views.py:1:1: error: cross-context-import: orders.views (context ordering) imports "
                                     "payments.Payment (context payments), which ordering does not depend on\n"
                                     "    from payments.models import Payment\n"
                                     "    ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"));
  CHECK(text.find("orders/views.py:2: warning: unused-suppression: `# seams: ignore` silenced nothing\n") !=
        std::string::npos);
  std::string summary = "seams: " + std::to_string(report["summary"]["errors"].get<int>()) + " error";
  CHECK(text.substr(text.rfind("seams: ")).rfind(summary, 0) == 0);

  json sarif = json::parse(Render("sarif", report));
  CHECK(sarif["runs"][0]["results"].size() == report["violations"].size() + report["unused_suppressions"].size());
  std::string xml = Render("junit", report);
  CHECK(Count(xml, "<testcase ") == report["violations"].size());
}
