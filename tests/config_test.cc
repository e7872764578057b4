// seams.toml / [tool.seams]: what is read, and every error with its file, line and column.

#include <catch2/catch.hpp>

#include "lib/config/config.h"
#include "lib/core/error.h"

using seams::Config;
using seams::ParseConfig;

namespace {

std::string ErrorOf(const std::string& text, const std::string& path = "seams.toml") {
  try {
    ParseConfig(text, path);
  } catch (const seams::SeamsError& e) {
    CHECK(e.kind() == seams::ErrorKind::kConfig);
    // Only the CLI's error boundary writes a severity.
    CHECK(std::string(e.what()).find("error:") == std::string::npos);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a full config is read", "[config]") {
  Config c = ParseConfig(R"(
exclude = ["**/legacy/**"]
shared_kernel = ["core"]

[[context]]
name = "ordering"
members = ["cart", "checkout", "orders.models.Order"]
depends_on = ["catalog"]
interface = ["orders.api"]
owners = ["@team-orders"]

[[context]]
name = "catalog"
members = ["catalog", "inventory"]

[weights]
fk = 8
import = 1.5

[rules]
cross-context-fk = "error"
unassigned = "off"

[pins]
payments = ["payments"]

[django]
model_bases = ["mptt.models.MPTTModel"]
model_loaders = ["oscar.core.loading.get_model"]
)",
                         "seams.toml");
  CHECK(c.exclude == std::vector<std::string>{"**/legacy/**"});
  CHECK(c.shared_kernel == std::vector<std::string>{"core"});
  REQUIRE(c.contexts.size() == 2);
  CHECK(c.contexts[0].name == "ordering");
  CHECK(c.contexts[0].line == 5);
  CHECK(c.contexts[0].member_lines.at("checkout") == 7);
  CHECK(c.contexts[0].interface == std::vector<std::string>{"orders.api"});
  CHECK(c.contexts[0].owners == std::vector<std::string>{"@team-orders"});
  CHECK(c.weights.at("fk") == 8);
  CHECK(c.weights.at("import") == 1.5);
  CHECK(c.rules.at("cross-context-fk") == seams::RuleSeverity::kError);
  CHECK(c.rules.at("unassigned") == seams::RuleSeverity::kOff);
  CHECK(c.rules.at("cross-context-import") == seams::RuleSeverity::kError);  // default kept
  CHECK(c.pins.at("payments") == std::vector<std::string>{"payments"});
  CHECK(c.model_bases == std::vector<std::string>{"mptt.models.MPTTModel"});
}

TEST_CASE("pyproject.toml: [tool.seams] is the config", "[config]") {
  Config c = ParseConfig("[project]\nname = \"x\"\n\n[tool.seams]\nexclude = [\"a\"]\n\n[[tool.seams.context]]\n"
                         "name = \"a\"\nmembers = [\"a\"]\n",
                         "pyproject.toml");
  CHECK(c.exclude == std::vector<std::string>{"a"});
  REQUIRE(c.contexts.size() == 1);
  CHECK(c.contexts[0].line == 7);
  CHECK(ErrorOf("[project]\nname = \"x\"\n", "pyproject.toml") == "pyproject.toml: no [tool.seams] table");
}

TEST_CASE("every config problem is a located diagnostic of severity error", "[config]") {
  try {
    ParseConfig("colour = 1\n[[context]]\nmembers = [\"a\"]\n", "x/seams.toml");
    FAIL("no error");
  } catch (const seams::SeamsError& e) {
    REQUIRE(e.problems().size() == 2);
    for (const auto& d : e.problems()) {
      CHECK(d.path == "x/seams.toml");
      CHECK(d.severity == seams::Severity::kError);
      CHECK(d.message.find("error") == std::string::npos);
    }
    CHECK(e.problems()[0].line == 1);
    CHECK(e.problems()[0].column == 1);
    CHECK(e.problems()[1].line == 2);
  }
}

TEST_CASE("config errors name the file, line and column, with help", "[config]") {
  CHECK(ErrorOf("exclude = [\"a\"\n") == "seams.toml:1:16: Error while parsing array: encountered end-of-file");
  CHECK(ErrorOf("colour = \"red\"\n") ==
        "seams.toml:1:1: unknown key 'colour' in [tool.seams]\n"
        "  help: known keys: context, django, exclude, not_shared_kernel, pins, root, rules, scope, shared_kernel, weights");
  CHECK(ErrorOf("[[context]]\nname = \"a\"\nmembers = [\"a\"]\ndepends_on = [\"b\"]\n") ==
        "seams.toml:4:15: depends_on names an unknown context 'b'\n"
        "  help: declare it with [[tool.seams.context]] name = \"b\", or remove it");
  CHECK(ErrorOf("[weights]\nfoo = 1\n") .find("seams.toml:2:1: unknown edge kind 'foo'") == 0);
  CHECK(ErrorOf("[rules]\ncross-context-import = \"fatal\"\n") ==
        "seams.toml:2:24: severity of 'cross-context-import' must be \"error\", \"warn\" or \"off\"");
  CHECK(ErrorOf("[[context]]\nmembers = [\"a\"]\n") == "seams.toml:1:1: a context needs a name\n  help: name = \"orders\"");
  CHECK(ErrorOf("[[context]]\nname = \"a\"\nmembers = [\"a\"]\n[[context]]\nname = \"a\"\nmembers = [\"b\"]\n") ==
        "seams.toml:4:1: context 'a' is declared twice (first at line 1)");
  CHECK(ErrorOf("exclude = \"a\"\n") == "seams.toml:1:11: 'exclude' must be an array of strings\n  help: exclude = [\"…\"]");
}

TEST_CASE("[scope]: what the proposal clusters, and its errors", "[config]") {
  Config config = ParseConfig(
      "[scope]\nmode = \"project\"\ninclude_tests = true\ninside = [\"scripts\"]\noutside = [\"legacy\", \"shop.old\"]\n",
      "seams.toml");
  REQUIRE(config.scope.mode);
  CHECK(*config.scope.mode == "project");
  REQUIRE(config.scope.include_tests);
  CHECK(*config.scope.include_tests);
  CHECK(config.scope.inside == std::vector<std::string>{"scripts"});
  CHECK(config.scope.outside == std::vector<std::string>{"legacy", "shop.old"});
  // Left out, the defaults (or the command line) apply.
  Config empty = ParseConfig("", "seams.toml");
  CHECK_FALSE(empty.scope.mode);
  CHECK_FALSE(empty.scope.include_tests);

  CHECK(ErrorOf("[scope]\nmode = \"everything\"\n").find("seams.toml:2:8: unknown scope mode 'everything'") == 0);
  CHECK(ErrorOf("[scope]\ninclude_tests = \"yes\"\n") == "seams.toml:2:17: 'include_tests' must be true or false");
  CHECK(ErrorOf("[scope]\nwhere = 1\n") ==
        "seams.toml:2:1: unknown key 'where' in [tool.seams.scope]\n  help: known keys: include_tests, inside, mode, outside");
  CHECK(ErrorOf("scope = \"project\"\n").find("seams.toml:1:9: 'scope' must be a table") == 0);
}
