#include "cli/cluster_options.h"

#include <sstream>

#include "cli/config_loading.h"

namespace seams::cli {

namespace {

template <typename T>
std::string Shown(T value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

}  // namespace

void AddClusterOptions(CLI::App* command, ClusterFlags* flags) {
  const ProposalOptions defaults;
  command->add_option("--level", flags->level, "What to cluster: model (models and model-free modules), module or app")
      ->check(CLI::IsMember({"model", "module", "app"}))
      ->default_str(ClusterLevelName(defaults.level));
  auto* services = command->add_option("--services", flags->services, "Search the resolution for this many contexts");
  command->add_option("--resolution", flags->resolution, "Leiden resolution (higher: more, smaller contexts)")
      ->excludes(services)
      ->default_str(Shown(defaults.resolution));
  command->add_option("--seed", flags->seed, "Random seed of Leiden")->default_str(Shown(defaults.seed));
  command->add_option("--consensus-runs", flags->consensus_runs, "Extra seeds for each member's confidence")
      ->default_str(Shown(defaults.consensus_runs));
  command->add_flag("--include-tests", flags->include_tests, "Cluster tests and migrations too");
  command->add_option("--scope", flags->scope,
                      "What is clustered: application (the Django apps and the code they import; the rest is "
                      "listed as outside) or project (every module but tests and migrations)")
      ->check(CLI::IsMember({"application", "project"}))
      ->default_str("application");
  command->add_option("--inside", flags->inside,
                      "Member (module, package or app.Model) always inside the application; repeatable");
  command->add_option("--outside", flags->outside, "Member always outside the application, never in a context; repeatable");
  command->add_flag("--no-shared-kernel", flags->no_shared_kernel, "Do not set hubs apart");
  command->add_option("--hub-share", flags->hub_share,
                      "A unit is a hub when this share of the other apps depends on it")
      ->default_str(Shown(defaults.hub_share));
  command->add_option("--same-app", flags->same_app,
                      "Weight tying each unit to the rest of its app (0: cluster on code couplings alone)")
      ->default_str(Shown(defaults.same_app_weight));
  command->add_option("--weight", flags->weights,
                      "Edge weight, KIND=VALUE (e.g. fk=8), over the config's [weights]; repeatable. Kinds: " +
                          CouplingKindList());
}

Analysis& AnalyzeAndCluster(const CommonOptions& common, const ClusterFlags& flags, const std::string& config_path,
                           std::ostream& err) {
  // The project's config, when there is one, adds exclusions, weights, pins and kernel members.
  Config config = LoadProjectConfig(common.path, config_path, false);
  AnalysisFlags analysis_flags = common.analysis;
  analysis_flags.cluster = flags;
  AnalysisOptions options = ResolveAnalysisOptions(config, analysis_flags);
  RealFileSystem fs;
  Analysis& analysis = RunAnalysis(fs, AnalysisRoot(config, common.path), options, common, err);
  PrintDiagnostics(analysis, common, err);
  return analysis;
}

}  // namespace seams::cli
