#pragma once
/// Members → contexts: which agreed context (or the shared kernel) each
/// coupling-graph node belongs to. Used by `seams check` and `seams score`.

#include <string>
#include <vector>

#include "lib/config/config.h"
#include "lib/core/diagnostic.h"
#include "lib/graph/coupling_graph.h"

namespace seams {

/// How specifically `member` (a config member) names `node`: 0 = not at all;
/// higher wins. A model key (1000) beats its module (500 + length), a module
/// beats a package prefix (100 + length), a package beats an app label (50),
/// and a glob (1) comes last.
int MemberSpecificity(const std::string& member, const CouplingNode& node);

/// The context of every node of `graph`: the context whose member names it most
/// specifically, "shared_kernel" when a `shared_kernel` member names it strictly
/// more specifically than every context, "" when nothing names it. Adds
/// `overlapping-members` (two contexts claim a node equally; the first listed
/// wins) and `member-matches-nothing` errors, located in the config, to `problems`.
std::vector<std::string> AssignContexts(const Config& config, const CouplingGraph& graph,
                                        std::vector<Diagnostic>* problems);

}  // namespace seams
