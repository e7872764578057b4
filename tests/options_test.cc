// ResolveAnalysisOptions: command line > config > defaults, for every option both can set,
// and the lists that add up instead.

#include <catch2/catch.hpp>

#include <algorithm>

#include "lib/analysis_options.h"
#include "lib/config/config.h"
#include "lib/core/error.h"
#include "lib/django/vocabulary.h"
#include "tests/test_support.h"

using seams::AnalysisFlags;
using seams::AnalysisOptions;
using seams::ClusterFlags;
using seams::Config;
using seams::CouplingKind;
using seams::ParseConfig;
using seams::ResolveAnalysisOptions;

namespace {

Config ConfigOf(const std::string& text) { return ParseConfig(text, "seams.toml"); }

AnalysisFlags WithWeights(std::vector<std::string> weights) {
  AnalysisFlags flags;
  flags.cluster = ClusterFlags{};
  flags.cluster->weights = std::move(weights);
  return flags;
}

}  // namespace

TEST_CASE("weights: --weight beats the config, which beats the edge-kind table", "[options]") {
  // The reported bug: the config was applied after the flags, so fk stayed at the config's 5.
  CHECK(ResolveAnalysisOptions(ConfigOf("[weights]\nfk = 5\n"), WithWeights({"fk=100"})).weights.Of(CouplingKind::kFk) ==
        100);
  CHECK(ResolveAnalysisOptions(ConfigOf("[weights]\nfk = 7\n"), WithWeights({"fk=100"})).weights.Of(CouplingKind::kFk) ==
        100);
  // Config alone beats the default; neither leaves the table's default.
  CHECK(ResolveAnalysisOptions(ConfigOf("[weights]\nfk = 7\n"), WithWeights({})).weights.Of(CouplingKind::kFk) == 7);
  CHECK(ResolveAnalysisOptions(Config{}, WithWeights({})).weights.Of(CouplingKind::kFk) == 5);
  // Each kind on its own: a flag on one kind leaves the config's other kinds alone.
  AnalysisOptions mixed =
      ResolveAnalysisOptions(ConfigOf("[weights]\nfk = 7\nimport = 3\n"), WithWeights({"import=9", "m2m=0"}));
  CHECK(mixed.weights.Of(CouplingKind::kFk) == 7);
  CHECK(mixed.weights.Of(CouplingKind::kImport) == 9);
  CHECK(mixed.weights.Of(CouplingKind::kM2m) == 0);
  CHECK(mixed.weights.Of(CouplingKind::kSignal) == 2);
  // Repeated on the command line: the last one wins.
  CHECK(ResolveAnalysisOptions(Config{}, WithWeights({"fk=1", "fk=2"})).weights.Of(CouplingKind::kFk) == 2);
  // The config's weights hold for commands that do not cluster (check, score) too.
  CHECK(ResolveAnalysisOptions(ConfigOf("[weights]\nfk = 7\n"), AnalysisFlags{}).weights.Of(CouplingKind::kFk) == 7);
}

TEST_CASE("a bad --weight or --level is a usage error", "[options]") {
  try {
    ResolveAnalysisOptions(Config{}, WithWeights({"bogus=1"}));
    FAIL("no error");
  } catch (const seams::SeamsError& e) {
    CHECK(e.kind() == seams::ErrorKind::kUsage);
  }
  AnalysisFlags flags;
  flags.cluster = ClusterFlags{};
  flags.cluster->level = "galaxy";
  try {
    ResolveAnalysisOptions(Config{}, flags);
    FAIL("no error");
  } catch (const seams::SeamsError& e) {
    CHECK(e.kind() == seams::ErrorKind::kUsage);
    CHECK(std::string(e.what()).find("galaxy") != std::string::npos);
  }
}

TEST_CASE("excluded globs: the config's and the command line's add up", "[options]") {
  AnalysisFlags flags;
  flags.exclude = {"**/vendor/**", "**/legacy/**"};
  AnalysisOptions options = ResolveAnalysisOptions(ConfigOf("exclude = [\"**/legacy/**\", \"docs/**\"]\n"), flags);
  CHECK(options.discover.exclude == std::vector<std::string>{"**/legacy/**", "docs/**", "**/vendor/**"});
  CHECK(ResolveAnalysisOptions(Config{}, AnalysisFlags{}).discover.exclude.empty());
}

TEST_CASE("model bases and loaders: config and command line add up, loaders by their last name", "[options]") {
  Config config = ConfigOf(
      "[django]\nmodel_bases = [\"mptt.models.MPTTModel\"]\nmodel_loaders = [\"shop.loading.load_model\"]\n"
      "class_loaders = [\"shop.loading.load_class\"]\n");
  AnalysisFlags flags;
  flags.model_bases = {"polymorphic.models.PolymorphicModel", "mptt.models.MPTTModel"};
  flags.model_loaders = {"fetch_model"};
  flags.class_loaders = {"x.fetch_class"};
  AnalysisOptions options = ResolveAnalysisOptions(config, flags);
  CHECK(options.django.model_bases ==
        std::vector<std::string>{"mptt.models.MPTTModel", "polymorphic.models.PolymorphicModel"});
  CHECK(options.django.model_loaders == std::vector<std::string>{"get_model", "load_model", "fetch_model"});
  CHECK(options.django.class_loaders == std::vector<std::string>{"get_class", "load_class", "fetch_class"});
  // Defaults: Django's own loaders only.
  AnalysisOptions none = ResolveAnalysisOptions(Config{}, AnalysisFlags{});
  CHECK(none.django.model_bases.empty());
  CHECK(none.django.model_loaders == std::vector<std::string>{"get_model"});
  CHECK(none.django.class_loaders == std::vector<std::string>{"get_class"});
}

TEST_CASE("the parser records the loaders' calls without the caller naming them", "[options]") {
  // lib/django declares its vocabulary; no caller pushes call names into the parse options.
  AnalysisFlags flags;
  flags.model_loaders = {"shop.loading.load_model"};
  AnalysisOptions options = ResolveAnalysisOptions(Config{}, flags);
  CHECK(options.parse.call_names.empty());
  options.keep_facts = true;
  seams::MemoryFileSystem fs;
  fs.AddFile("proj/a.py", "Order = load_model('orders', 'Order')\nx = unrelated_call()\n");
  seams::Analysis analysis = seams::Analyze(fs, "proj", options);
  REQUIRE(analysis.facts.size() == 1);
  std::vector<std::string> callees;
  for (const auto& call : analysis.facts[0].calls) callees.push_back(call.call.text);
  CHECK(callees == std::vector<std::string>{"load_model"});
  CHECK(seams::DjangoCallNames({}).count("load_model") == 0);
  CHECK(seams::DjangoCallNames(options.django).count("load_model") == 1);
}

TEST_CASE("clustering flags: given beats the library's default, absent keeps it", "[options]") {
  const seams::ProposalOptions defaults;
  AnalysisOptions plain = ResolveAnalysisOptions(Config{}, AnalysisFlags{});
  CHECK_FALSE(plain.cluster);

  AnalysisFlags unset;
  unset.cluster = ClusterFlags{};
  AnalysisOptions keep = ResolveAnalysisOptions(Config{}, unset);
  CHECK(keep.cluster);
  CHECK(keep.proposal.level == defaults.level);
  CHECK(keep.proposal.services == defaults.services);
  CHECK(keep.proposal.resolution == defaults.resolution);
  CHECK(keep.proposal.seed == defaults.seed);
  CHECK(keep.proposal.consensus_runs == defaults.consensus_runs);
  CHECK(keep.proposal.scope.include_tests == defaults.scope.include_tests);
  CHECK(keep.proposal.shared_kernel == defaults.shared_kernel);
  CHECK(keep.proposal.hub_share == defaults.hub_share);
  CHECK(keep.proposal.same_app_weight == defaults.same_app_weight);

  AnalysisFlags given;
  given.cluster = ClusterFlags{};
  given.cluster->level = "app";
  given.cluster->services = 7;
  given.cluster->resolution = 2.5;
  given.cluster->seed = 42;
  given.cluster->consensus_runs = 3;
  given.cluster->include_tests = true;
  given.cluster->no_shared_kernel = true;
  given.cluster->hub_share = 0.25;
  given.cluster->same_app = 0;
  AnalysisOptions set = ResolveAnalysisOptions(Config{}, given);
  CHECK(set.proposal.level == seams::ClusterLevel::kApp);
  CHECK(set.proposal.services == 7);
  CHECK(set.proposal.resolution == 2.5);
  CHECK(set.proposal.seed == 42);
  CHECK(set.proposal.consensus_runs == 3);
  CHECK(set.proposal.scope.include_tests);
  CHECK_FALSE(set.proposal.shared_kernel);
  CHECK(set.proposal.hub_share == 0.25);
  CHECK(set.proposal.same_app_weight == 0);
}

TEST_CASE("config-only options: the shared kernel and pins reach the proposal", "[options]") {
  Config config = ConfigOf(
      "shared_kernel = [\"core\"]\nnot_shared_kernel = [\"utils.money\"]\n[pins]\nbilling = [\"payments\"]\n");
  AnalysisFlags flags;
  flags.cluster = ClusterFlags{};
  flags.cluster->no_shared_kernel = true;  // no hub detection; the config's forced members still hold
  AnalysisOptions options = ResolveAnalysisOptions(config, flags);
  CHECK(options.proposal.kernel_add == std::vector<std::string>{"core"});
  CHECK(options.proposal.kernel_remove == std::vector<std::string>{"utils.money"});
  CHECK(options.proposal.pins.at("billing") == std::vector<std::string>{"payments"});
  CHECK_FALSE(options.proposal.shared_kernel);
}

TEST_CASE("command-line-only options: file size, threads and the cache", "[options]") {
  AnalysisFlags flags;
  CHECK(ResolveAnalysisOptions(Config{}, flags).discover.max_file_bytes == seams::DiscoverOptions{}.max_file_bytes);
  flags.max_file_bytes = 1234;
  flags.jobs = 3;
  flags.cache_dir = "/tmp/c";
  AnalysisOptions options = ResolveAnalysisOptions(Config{}, flags);
  CHECK(options.discover.max_file_bytes == 1234);
  CHECK(options.parse.jobs == 3);
  CHECK(options.parse.cache_dir == "/tmp/c");
  flags.no_cache = true;
  CHECK(ResolveAnalysisOptions(Config{}, flags).parse.cache_dir.empty());
}
