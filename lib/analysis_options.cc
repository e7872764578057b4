// One precedence rule: command line > config > defaults.

#include "lib/analysis_options.h"

#include <algorithm>

#include "lib/core/error.h"
#include "lib/core/names.h"

namespace seams {

namespace {

// Appends what `more` holds that `list` does not, in order.
void AddAll(const std::vector<std::string>& more, std::vector<std::string>* list) {
  for (const auto& item : more) {
    if (std::find(list->begin(), list->end(), item) == list->end()) list->push_back(item);
  }
}

// Loaders are matched on the callee's last name.
std::vector<std::string> LastComponents(const std::vector<std::string>& dotted) {
  std::vector<std::string> out;
  for (const auto& name : dotted) out.push_back(LastName(name));
  return out;
}

template <typename T>
void Override(const std::optional<T>& flag, T* value) {
  if (flag) *value = *flag;
}

}  // namespace

AnalysisOptions ResolveAnalysisOptions(const Config& config, const AnalysisFlags& flags) {
  AnalysisOptions options;  // the defaults

  // Lists: the config's, then the command line's.
  AddAll(config.exclude, &options.discover.exclude);
  AddAll(flags.exclude, &options.discover.exclude);
  AddAll(config.model_bases, &options.django.model_bases);
  AddAll(flags.model_bases, &options.django.model_bases);
  // Config only: the project's additions to the ecosystem knowledge base.
  options.django.known_models.insert(options.django.known_models.end(), config.known_models.begin(),
                                     config.known_models.end());
  options.django.known_fields.insert(options.django.known_fields.end(), config.known_fields.begin(),
                                     config.known_fields.end());
  AddAll(LastComponents(config.model_loaders), &options.django.model_loaders);
  AddAll(LastComponents(flags.model_loaders), &options.django.model_loaders);
  AddAll(LastComponents(config.class_loaders), &options.django.class_loaders);
  AddAll(LastComponents(flags.class_loaders), &options.django.class_loaders);

  // Weights: the edge-kind table, then the config, then --weight.
  for (const auto& [name, value] : config.weights) {
    CouplingKind kind;
    if (ParseCouplingKind(name, &kind)) options.weights.Set(kind, value);
  }
  if (flags.cluster) {
    for (const auto& text : flags.cluster->weights) {
      auto [kind, value] = ParseWeightAssignment(text);
      options.weights.Set(kind, value);
    }
  }

  // Command line only.
  Override(flags.max_file_bytes, &options.discover.max_file_bytes);
  options.parse.jobs = flags.jobs;
  if (!flags.no_cache) options.parse.cache_dir = flags.cache_dir;

  // Scope: the config's [scope], then the command line's.
  ScopeOptions& scope = options.proposal.scope;
  if (config.scope.mode) scope.whole_project = *config.scope.mode == "project";
  if (config.scope.include_tests) scope.include_tests = *config.scope.include_tests;
  AddAll(config.scope.inside, &scope.inside);
  AddAll(config.scope.outside, &scope.outside);

  // Config only: the shared kernel and pins.
  AddAll(config.shared_kernel, &options.proposal.kernel_add);
  AddAll(config.not_shared_kernel, &options.proposal.kernel_remove);
  for (const auto& [name, members] : config.pins) options.proposal.pins[name] = members;

  if (flags.cluster) {
    const ClusterFlags& cluster = *flags.cluster;
    ProposalOptions& proposal = options.proposal;
    options.cluster = true;
    if (cluster.level && !ParseClusterLevel(*cluster.level, &proposal.level)) {
      throw SeamsError(ErrorKind::kUsage, "--level " + *cluster.level + ": expected model, module or app");
    }
    Override(cluster.services, &proposal.services);
    Override(cluster.resolution, &proposal.resolution);
    Override(cluster.seed, &proposal.seed);
    Override(cluster.consensus_runs, &proposal.consensus_runs);
    if (cluster.include_tests) proposal.scope.include_tests = true;
    if (cluster.scope) {
      if (*cluster.scope != "application" && *cluster.scope != "project")
        throw SeamsError(ErrorKind::kUsage, "--scope " + *cluster.scope + ": expected application or project");
      proposal.scope.whole_project = *cluster.scope == "project";
    }
    AddAll(cluster.inside, &proposal.scope.inside);
    AddAll(cluster.outside, &proposal.scope.outside);
    if (cluster.no_shared_kernel) proposal.shared_kernel = false;
    Override(cluster.hub_share, &proposal.hub_share);
    Override(cluster.same_app, &proposal.same_app_weight);
  }
  return options;
}

}  // namespace seams
