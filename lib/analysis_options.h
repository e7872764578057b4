#pragma once
/// Where the command line, the config and the defaults meet: one precedence rule
/// for every option of an analysis run.
///
///   command line  >  config (seams.toml / [tool.seams])  >  defaults
///
/// A value given on the command line wins over the config's, which wins over the
/// library's default (the edge-kind table for weights, ProposalOptions and
/// DiscoverOptions for the rest). Lists add up instead (config first, then the
/// command line, duplicates dropped): `exclude`, model bases, loaders and the
/// scope's `inside` / `outside` each widen what the other says.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lib/config/config.h"
#include "lib/pipeline.h"

namespace seams {

/// The clustering flags as typed; an empty optional was not given.
struct ClusterFlags {
  std::optional<std::string> level;  ///< "model", "module" or "app".
  std::optional<int> services;
  std::optional<double> resolution;
  std::optional<std::uint64_t> seed;
  std::optional<int> consensus_runs;
  bool include_tests = false;
  std::optional<std::string> scope;  ///< "application" or "project".
  std::vector<std::string> inside;   ///< Members always inside the application.
  std::vector<std::string> outside;  ///< Members always outside it.
  bool no_shared_kernel = false;
  std::optional<double> hub_share;
  std::optional<double> same_app;
  std::vector<std::string> weights;  ///< "KIND=VALUE", in order; a later one wins.
};

/// The analysis flags as typed; empty means not given. Every flag that changes
/// what a run finds is part of `seams check`'s result-cache key
/// (ResultKeyParts, cli/check_command.cc): a new one must be added there.
struct AnalysisFlags {
  std::vector<std::string> exclude;
  unsigned jobs = 0;  ///< 0: one per core.
  std::optional<std::uint64_t> max_file_bytes;
  std::string cache_dir;  ///< "" for none.
  bool no_cache = false;
  std::vector<std::string> model_bases;
  std::vector<std::string> model_loaders;
  std::vector<std::string> class_loaders;
  std::optional<ClusterFlags> cluster;  ///< Set: propose contexts with these flags.
};

/// The options of a run from `config` (a default Config when the project has
/// none) and `flags`, by the rule above. Loader names are kept by their last
/// component, as calls are matched. Throws SeamsError(kUsage) for a bad
/// `--weight` or `--level`.
AnalysisOptions ResolveAnalysisOptions(const Config& config, const AnalysisFlags& flags);

}  // namespace seams
