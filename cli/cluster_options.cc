#include "cli/cluster_options.h"

#include "cli/config_loading.h"
#include "lib/core/error.h"

namespace seams::cli {

void AddClusterOptions(CLI::App* command, ClusterFlags* flags) {
  command->add_option("--level", flags->level, "What to cluster: model (models and model-free modules), module or app")
      ->check(CLI::IsMember({"model", "module", "app"}))
      ->capture_default_str();
  auto* services = command->add_option("--services", flags->services, "Search the resolution for this many contexts");
  command->add_option("--resolution", flags->resolution, "Leiden resolution (higher: more, smaller contexts)")
      ->excludes(services)
      ->capture_default_str();
  command->add_option("--seed", flags->seed, "Random seed of Leiden")->capture_default_str();
  command->add_option("--consensus-runs", flags->consensus_runs, "Extra seeds for each member's confidence")
      ->capture_default_str();
  command->add_flag("--include-tests", flags->include_tests, "Cluster tests and migrations too");
  command->add_option("--scope", flags->scope,
                      "What is clustered: application (the Django apps and the code they import; the rest is "
                      "listed as outside) or project (every module but tests and migrations)")
      ->check(CLI::IsMember({"application", "project"}));
  command->add_option("--inside", flags->inside, "Member (module, package or app.Model) always inside the application; repeatable");
  command->add_option("--outside", flags->outside, "Member always outside the application, never in a context; repeatable");
  command->add_flag("--no-shared-kernel", flags->no_shared_kernel, "Do not set hubs apart");
  command->add_option("--hub-share", flags->hub_share,
                      "A unit is a hub when this share of the other apps depends on it")
      ->capture_default_str();
  command->add_option("--same-app", flags->same_app,
                      "Weight tying each unit to the rest of its app (0: cluster on code couplings alone)")
      ->capture_default_str();
  command->add_option("--weight", flags->weights, "Edge weight, KIND=VALUE (e.g. fk=8); repeatable");
}

void ApplyClusterFlags(const ClusterFlags& flags, AnalysisOptions* options) {
  options->cluster = true;
  ParseClusterLevel(flags.level, &options->proposal.level);
  options->proposal.services = flags.services;
  options->proposal.resolution = flags.resolution;
  options->proposal.seed = flags.seed;
  options->proposal.consensus_runs = flags.consensus_runs;
  ScopeOptions& scope = options->proposal.scope;
  if (flags.include_tests) scope.include_tests = true;
  if (!flags.scope.empty()) scope.whole_project = flags.scope == "project";
  scope.inside.insert(scope.inside.end(), flags.inside.begin(), flags.inside.end());
  scope.outside.insert(scope.outside.end(), flags.outside.begin(), flags.outside.end());
  options->proposal.shared_kernel = !flags.no_shared_kernel;
  options->proposal.hub_share = flags.hub_share;
  options->proposal.same_app_weight = flags.same_app;
  for (const auto& text : flags.weights) {
    auto [kind, value] = ParseWeightAssignment(text);
    options->weights.Set(kind, value);
  }
}

Analysis AnalyzeAndCluster(const CommonOptions& common, const ClusterFlags& flags, const std::string& config_path,
                           std::ostream& err) {
  AnalysisOptions options = ToAnalysisOptions(common);
  // The project's config, when there is one, adds exclusions, weights, scope, pins and kernel
  // members; the flags come after it, so the command line wins.
  Config config = LoadProjectConfig(common.path, config_path, false);
  ApplyConfig(config, &options);
  ApplyClusterFlags(flags, &options);
  RealFileSystem fs;
  Analysis analysis = RunAnalysis(fs, AnalysisRoot(config, common.path), options, common, err);
  PrintDiagnostics(analysis, common, err);
  return analysis;
}

}  // namespace seams::cli
