// seams check: each rule positive and negative, suppressions, baselines, config
// problems, and the real imports between django.contrib.sessions and auth.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <set>
#include <sstream>

#include "lib/check/assign.h"
#include "lib/check/check.h"
#include "lib/core/error.h"
#include "lib/core/git_file_system.h"
#include "reports/check_report.h"
#include "tests/test_support.h"

using seams::CheckResult;
using seams::Config;
using V = std::vector<std::string>;

namespace {

seams::MemoryFileSystem Shop() {
  seams::MemoryFileSystem fs;
  fs.AddFile("proj/orders/__init__.py", "");
  fs.AddFile("proj/orders/models.py",
             "from django.db import models\nfrom payments.models import Payment\n"
             "class Order(models.Model):\n    payment = models.ForeignKey(Payment, on_delete=models.CASCADE)\n");
  fs.AddFile("proj/orders/views.py",
             "from payments.api import charge\n"
             "from payments.models import Payment  # seams: ignore[private-import]\n"
             "from catalog.models import Product  # seams: ignore\n"
             "import os  # seams: ignore\n");
  fs.AddFile("proj/orders/tasks.py", "from celery import shared_task\n@shared_task\ndef close(order_id):\n    pass\n");
  fs.AddFile("proj/payments/__init__.py", "");
  fs.AddFile("proj/payments/api.py", "def charge():\n    pass\n");
  fs.AddFile("proj/payments/models.py", "from django.db import models\nclass Payment(models.Model):\n    pass\n");
  fs.AddFile("proj/payments/receivers.py",
             "from django.db.models.signals import post_save\nfrom django.dispatch import receiver\n"
             "from orders.models import Order\nfrom orders.tasks import close\n"
             "@receiver(post_save, sender=Order)\ndef paid(sender, instance, **kw):\n    close.delay(instance.pk)\n");
  fs.AddFile("proj/catalog/__init__.py", "");
  fs.AddFile("proj/catalog/models.py", "from django.db import models\nclass Product(models.Model):\n    pass\n");
  fs.AddFile("proj/tools/__init__.py", "");
  fs.AddFile("proj/tools/stray.py", "");
  return fs;
}

Config ShopConfig(const std::string& extra = "") {
  return seams::ParseConfig(R"(
[[context]]
name = "ordering"
members = ["orders"]
depends_on = ["payments"]

[[context]]
name = "payments"
members = ["payments"]
interface = ["payments.api"]

[[context]]
name = "catalog"
members = ["catalog"]
)" + extra,
                            "seams.toml");
}

std::set<std::string> Rules(const CheckResult& result) {
  std::set<std::string> out;
  for (const auto& v : result.violations) {
    out.insert(v.rule + " " + v.path + ":" + std::to_string(v.line) + " " + v.from + " -> " + v.to);
  }
  return out;
}

}  // namespace

TEST_CASE("check: every rule fires where it should and nowhere else", "[check]") {
  auto analysis = seams::test::AnalyzeMemory(Shop());
  CheckResult result = seams::Check(ShopConfig(), analysis);
  CHECK(result.config_problems.empty());
  CHECK(Rules(result) == std::set<std::string>{
                             // orders depends on payments, but Payment is not in its interface.
                             "private-import orders/models.py:2 orders.models -> payments.Payment",
                             // payments does not depend on ordering.
                             "cross-context-import payments/receivers.py:3 payments.receivers -> orders.Order",
                             "cross-context-import payments/receivers.py:4 payments.receivers -> orders.tasks",
                             "cross-context-fk orders/models.py:4 orders.Order -> payments.Payment",
                             "cross-context-signal payments/receivers.py:6 payments.receivers -> orders.Order",
                             "cross-context-task payments/receivers.py:7 payments.receivers -> orders.tasks",
                             "unassigned tools/__init__.py:1 tools -> ",
                             "unassigned tools/stray.py:1 tools.stray -> "});
  // The allowed route is an import of the interface: orders/views.py:1 is clean.
  for (const auto& v : result.violations) CHECK_FALSE((v.path == "orders/views.py" && v.line == 1));
}

TEST_CASE("check: messages and help say the allowed route", "[check]") {
  auto analysis = seams::test::AnalyzeMemory(Shop());
  CheckResult result = seams::Check(ShopConfig(), analysis);
  for (const auto& v : result.violations) {
    if (v.rule == "cross-context-import" && v.line == 3) {
      CHECK(v.message == "payments.receivers (context payments) imports orders.Order (context ordering), which payments does not depend on");
      CHECK(v.help == "add \"ordering\" to depends_on of context \"payments\"; or move the code");
      CHECK(v.source == "from orders.models import Order");
      CHECK(v.Key() == "cross-context-import|payments.receivers|orders.Order");
    }
    if (v.rule == "private-import") CHECK(v.help == "import from the interface of \"payments\": payments.api");
  }
}

TEST_CASE("check: suppressions silence their line; unused ones are reported", "[check]") {
  auto analysis = seams::test::AnalyzeMemory(Shop());
  CheckResult result = seams::Check(ShopConfig(), analysis);
  // views.py:2 (private-import) and :3 (cross-context-import) are suppressed; :4 silences nothing.
  for (const auto& v : result.violations) CHECK(v.path != "orders/views.py");
  REQUIRE(result.unused_suppressions.size() == 1);
  CHECK(result.unused_suppressions[0].path == "orders/views.py");
  CHECK(result.unused_suppressions[0].line == 4);
}

TEST_CASE("check: severities from config, off removes a rule", "[check]") {
  auto analysis = seams::test::AnalyzeMemory(Shop());
  CheckResult result = seams::Check(ShopConfig("\n[rules]\nunassigned = \"off\"\ncross-context-fk = \"error\"\n"), analysis);
  for (const auto& v : result.violations) {
    CHECK(v.rule != "unassigned");
    if (v.rule == "cross-context-fk") CHECK(v.severity == seams::RuleSeverity::kError);
  }
}

TEST_CASE("check: context cycles in depends_on", "[check]") {
  auto analysis = seams::test::AnalyzeMemory(Shop());
  Config config = seams::ParseConfig(
      "[[context]]\nname = \"a\"\nmembers = [\"orders\"]\ndepends_on = [\"b\"]\n"
      "[[context]]\nname = \"b\"\nmembers = [\"payments\"]\ndepends_on = [\"a\"]\n",
      "seams.toml");
  CheckResult result = seams::Check(config, analysis);
  int cycles = 0;
  for (const auto& v : result.violations) {
    if (v.rule != "context-cycle") continue;
    ++cycles;
    CHECK(v.path == "seams.toml");
    CHECK(v.line == 1);
    CHECK(v.message == "contexts depend on each other in a cycle: a -> b -> a");
  }
  CHECK(cycles == 1);
}

TEST_CASE("check: members that match nothing and overlapping members are config problems", "[check]") {
  auto analysis = seams::test::AnalyzeMemory(Shop());
  Config config = seams::ParseConfig(
      "[[context]]\nname = \"a\"\nmembers = [\"orders\", \"nowhere\"]\n"
      "[[context]]\nname = \"b\"\nmembers = [\"orders\"]\n",
      "seams.toml");
  CheckResult result = seams::Check(config, analysis);
  std::set<std::string> problems;
  for (const auto& d : result.config_problems) problems.insert(d.path + ":" + std::to_string(d.line) + " " + d.code);
  CHECK(problems.count("seams.toml:3 member-matches-nothing"));
  CHECK(problems.count("seams.toml:1 overlapping-members"));
}

TEST_CASE("check: baseline — known, new, fixed", "[check]") {
  auto analysis = seams::test::AnalyzeMemory(Shop());
  CheckResult result = seams::Check(ShopConfig(), analysis);
  std::string text = seams::WriteBaseline(result.violations);
  seams::Baseline baseline = seams::ParseBaseline(text, "b.json");
  CHECK(baseline.keys.size() == 8);
  CHECK(baseline.keys.count("cross-context-import|payments.receivers|orders.Order"));
  // Everything known: exit 0, nothing new.
  auto report = seams::BuildCheckReport(analysis, ShopConfig(), result, &baseline);
  CHECK(report["summary"]["errors"] == 0);
  CHECK(report["summary"]["known"] == 8);
  CHECK(seams::CheckExitCode(report) == 0);
  // A stale entry is listed as fixed; a missing one is new.
  baseline.keys.erase("cross-context-import|payments.receivers|orders.Order");
  baseline.keys.insert("cross-context-import|cart.views|orders.models");
  report = seams::BuildCheckReport(analysis, ShopConfig(), result, &baseline);
  CHECK(report["fixed"] == nlohmann::json::array({"cross-context-import|cart.views|orders.models"}));
  CHECK(report["summary"]["errors"] == 1);
  CHECK(seams::CheckExitCode(report) == 1);
  CHECK_THROWS_AS(seams::ParseBaseline("{\"x\": 1}", "b.json"), seams::SeamsError);
}

TEST_CASE("check on django: sessions and auth in separate contexts", "[check][django]") {
  seams::RealFileSystem fs;
  auto analysis = seams::Analyze(fs, SEAMS_DJANGO_DIR, seams::test::DjangoOptions());
  Config config = seams::ParseConfig(
      "[[context]]\nname = \"sessions\"\nmembers = [\"django.contrib.sessions\"]\n"
      "[[context]]\nname = \"auth\"\nmembers = [\"django.contrib.auth\"]\n"
      "[[context]]\nname = \"admin\"\nmembers = [\"django.contrib.admin\"]\n"
      "[rules]\nunassigned = \"off\"\n",
      "seams.toml");
  CheckResult result = seams::Check(config, analysis);
  std::set<std::string> pairs, admin_files, auth_files;
  for (const auto& v : result.violations) {
    if (v.rule != "cross-context-import") continue;
    pairs.insert(v.from_context + " -> " + v.to_context);
    if (v.from_context == "admin") admin_files.insert(v.path);
    if (v.from_context == "auth") auth_files.insert(v.path);
    // The reported line really holds the imported name.
    std::ifstream in(std::string(SEAMS_DJANGO_DIR) + "/" + v.path);
    std::string line;
    for (int i = 0; i < v.line; ++i) std::getline(in, line);
    std::string name = v.source.substr(v.source.rfind(' ') + 1);
    INFO(v.path << ":" << v.line << " " << v.source);
    CHECK(line.find(name) != std::string::npos);
  }
  // Django 3.2's sessions and auth import nothing of each other (auth only names the
  // session middleware in a string); admin imports auth in these files, and
  // auth/admin.py imports admin to register its models.
  CHECK(pairs == std::set<std::string>{"admin -> auth", "auth -> admin"});
  CHECK(auth_files == std::set<std::string>{"contrib/auth/admin.py"});
  CHECK(admin_files == std::set<std::string>{"contrib/admin/forms.py", "contrib/admin/options.py",
                                             "contrib/admin/sites.py", "contrib/admin/views/decorators.py"});
}

TEST_CASE("check --base: the base revision is read from git objects, not the work tree", "[check][git]") {
  namespace fs = std::filesystem;
  fs::path repo = fs::temp_directory_path() / ("seams-git-" + std::to_string(::getpid()));
  fs::remove_all(repo);
  fs::create_directories(repo / "proj" / "orders");
  fs::create_directories(repo / "proj" / "payments");
  auto write = [&](const std::string& rel, const std::string& text) { std::ofstream(repo / rel) << text; };
  write("proj/orders/__init__.py", "");
  write("proj/payments/__init__.py", "");
  write("proj/payments/models.py", "X = 1\n");
  write("proj/orders/views.py", "from payments import models\n");  // old debt, present in the base
  std::string git = "git -C " + repo.string() + " -c user.email=t@t -c user.name=t ";
  REQUIRE(std::system((git + "init -q && " + git + "add -A && " + git + "commit -q -m base").c_str()) == 0);
  write("proj/orders/services.py", "import payments.models\n");  // new debt, committed on top
  REQUIRE(std::system((git + "add -A && " + git + "commit -q -m head").c_str()) == 0);
  write("proj/orders/untracked.py", "from payments.models import X\n");  // only in the work tree

  Config config = seams::ParseConfig(
      "[[context]]\nname = \"orders\"\nmembers = [\"orders\"]\n[[context]]\nname = \"payments\"\nmembers = [\"payments\"]\n",
      "seams.toml");
  std::string root = (repo / "proj").string();
  seams::GitTreeFileSystem base_fs(root, "HEAD~1");
  auto base = seams::Analyze(base_fs, root, seams::AnalysisOptions{});
  std::vector<std::string> base_modules;
  for (const auto& f : base.project.files) base_modules.push_back(f.module);
  CHECK(base_modules == V{"orders", "orders.views", "payments", "payments.models"});
  CHECK(base.project.name == "proj");

  seams::Baseline known;
  for (const auto& v : seams::Check(config, base).violations) known.keys.insert(v.Key());
  seams::RealFileSystem real;
  auto head = seams::Analyze(real, root, seams::AnalysisOptions{});
  auto report = seams::BuildCheckReport(head, config, seams::Check(config, head), &known);
  std::set<std::string> fresh;
  for (const auto& v : report["violations"]) {
    if (v["new"].get<bool>()) fresh.insert(v["path"].get<std::string>());
  }
  CHECK(fresh == std::set<std::string>{"orders/services.py", "orders/untracked.py"});
  CHECK_THROWS_AS(seams::GitTreeFileSystem(root, "no-such-revision"), seams::SeamsError);
  fs::remove_all(repo);
}

TEST_CASE("check: cross-context joins and transactions against agreed contexts", "[check][data]") {
  seams::RealFileSystem fs;
  seams::Analysis analysis =
      seams::Analyze(fs, std::string(SEAMS_SOURCE_DIR) + "/tests/fixtures/queries", seams::AnalysisOptions{});
  Config config = seams::ParseConfig(R"(
[[context]]
name = "customers"
members = ["people"]

[[context]]
name = "sales"
members = ["shop", "billing"]
)",
                                     "seams.toml");
  std::set<std::string> got;
  for (const auto& v : seams::Check(config, analysis).violations) {
    if (v.rule != "cross-context-join" && v.rule != "cross-context-transaction") continue;
    CHECK(v.severity == seams::RuleSeverity::kWarn);
    got.insert(v.rule + " " + v.path + ":" + std::to_string(v.line) + " " + v.from_context + "->" + v.to_context);
  }
  // shop and billing are one context here: the Invoice lookups and place()'s Invoice write do not cross.
  CHECK(got == std::set<std::string>{
                   "cross-context-join shop/models.py:11 sales->customers",
                   "cross-context-join shop/services.py:13 sales->customers",
                   "cross-context-join shop/services.py:14 sales->customers",
                   "cross-context-join shop/services.py:17 sales->customers",
                   "cross-context-join shop/services.py:18 customers->sales",
                   "cross-context-join shop/services.py:21 sales->customers",
                   "cross-context-transaction shop/flows.py:14 customers->sales",
                   "cross-context-transaction shop/flows.py:20 customers->sales",
                   "cross-context-transaction shop/flows.py:33 customers->sales",
                   "cross-context-transaction shop/services.py:36 customers->sales",
                   "cross-context-transaction shop/services.py:44 customers->sales",
                   "cross-context-transaction shop/services.py:57 customers->sales",
               });
  // A transaction that writes through a helper says so; one opened by the project's wrapper names it.
  for (const auto& v : seams::Check(config, analysis).violations) {
    if (v.rule != "cross-context-transaction" || v.path != "shop/flows.py") continue;
    if (v.line == 14) {
      CHECK(v.source == "with transaction.atomic()");
      CHECK(v.message == "transaction in checkout writes billing.Invoice, shop.Order across contexts customers, sales "
                         "(also through issue_invoice); runs receivers people.receivers.remember_last_order");
    }
    if (v.line == 20) CHECK(v.source == "with traced_atomic()");
  }
  // Severity from config, and off.
  Config strict = seams::ParseConfig(
      "[[context]]\nname = \"customers\"\nmembers = [\"people\"]\n[[context]]\nname = \"sales\"\nmembers = "
      "[\"shop\", \"billing\"]\n[rules]\ncross-context-join = \"error\"\ncross-context-transaction = \"off\"\n",
      "seams.toml");
  int joins = 0;
  for (const auto& v : seams::Check(strict, analysis).violations) {
    CHECK(v.rule != "cross-context-transaction");
    if (v.rule == "cross-context-join") {
      ++joins;
      CHECK(v.severity == seams::RuleSeverity::kError);
    }
  }
  CHECK(joins == 6);
}

TEST_CASE("check: a malformed baseline says what is wrong in plain words", "[check]") {
  auto message = [](const std::string& text) -> std::string {
    try {
      seams::ParseBaseline(text, "base.json");
    } catch (const seams::SeamsError& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].path == "base.json");
      return e.problems()[0].message;
    }
    return "accepted";
  };
  CHECK(message("{\"schema\": ") == "malformed baseline: not JSON (at byte 12)");
  // The fuzzer's find: a number beyond a double is nlohmann's out_of_range, not a parse_error.
  CHECK(message("{\"schema\": \"seams.baseline/1\", \"violations\": [1e999]}") ==
        "malformed baseline: not JSON (a number out of range)");
  CHECK(message("[1, 2]") == "not a seams baseline (expected \"schema\": \"seams.baseline/1\")");
  CHECK(message("{\"schema\": 3}") == "not a seams baseline (expected \"schema\": \"seams.baseline/1\")");
  CHECK(message("{\"schema\": \"seams.baseline/1\"}") == "malformed baseline: \"violations\" must be a list of strings");
  CHECK(message("{\"schema\": \"seams.baseline/1\", \"violations\": {}}") ==
        "malformed baseline: \"violations\" must be a list of strings");
  CHECK(message("{\"schema\": \"seams.baseline/1\", \"violations\": [\"a\", 7]}") ==
        "malformed baseline: \"violations\" must be a list of strings");
  CHECK(seams::ParseBaseline("{\"schema\": \"seams.baseline/1\", \"violations\": [\"b\", \"a\"]}", "x").keys ==
        std::set<std::string>{"a", "b"});
}

namespace {

// The assignment as first written: every member of every context tried on every node.
std::vector<std::string> AssignByScanning(const Config& config, const seams::CouplingGraph& graph) {
  std::vector<std::string> out(graph.nodes.size());
  for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
    int best = 0, kernel = 0;
    std::string winner;
    for (const auto& context : config.contexts) {
      for (const auto& member : context.members) {
        const int s = seams::MemberSpecificity(member, graph.nodes[n]);
        if (s > best) best = s, winner = context.name;
      }
    }
    for (const auto& member : config.shared_kernel) kernel = std::max(kernel, seams::MemberSpecificity(member, graph.nodes[n]));
    out[n] = kernel > best ? "shared_kernel" : winner;
  }
  return out;
}

}  // namespace

TEST_CASE("check: the indexed member lookup assigns Django's graph exactly as scanning every member", "[check][django]") {
  seams::RealFileSystem fs;
  auto analysis = seams::Analyze(fs, SEAMS_DJANGO_DIR, seams::test::DjangoOptions());
  const auto& nodes = analysis.coupling.nodes;
  REQUIRE(nodes.size() > 500);
  // Members of every kind, taken from the graph itself: model keys, modules, package
  // prefixes, app labels and globs, spread over contexts so that they overlap and nest.
  std::vector<std::string> members;
  for (std::size_t n = 0; n < nodes.size(); n += 7) {
    const auto& node = nodes[n];
    members.push_back(node.id);
    members.push_back(node.module.substr(0, node.module.rfind('.')));
    if (!node.group.empty()) members.push_back(node.group);
  }
  members.push_back("django.contrib.*.models");
  members.push_back("django.db.**");
  members.push_back("django.?ore");
  Config config;
  for (const char* name : {"c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"}) {
    const std::size_t c = static_cast<std::size_t>(name[1] - '0');
    seams::ContextConfig context;
    context.name = name;
    for (std::size_t m = c; m < members.size(); m += 9) context.members.push_back(members[m]);
    config.contexts.push_back(context);
  }
  config.shared_kernel = {"django.utils", "django.core.*"};
  for (std::size_t n = 3; n < nodes.size(); n += 35) config.shared_kernel.push_back(nodes[n].id);
  std::vector<seams::Diagnostic> problems;
  const auto indexed = seams::AssignContexts(config, analysis.coupling, &problems);
  const auto scanned = AssignByScanning(config, analysis.coupling);
  std::size_t assigned = 0, kernel = 0;
  for (std::size_t n = 0; n < nodes.size(); ++n) {
    INFO(nodes[n].id);
    CHECK(indexed[n] == scanned[n]);
    assigned += !indexed[n].empty();
    kernel += indexed[n] == "shared_kernel";
  }
  // The comparison means something: most nodes are named, some by the kernel.
  CHECK(assigned > nodes.size() / 2);
  CHECK(kernel > 10);
}
