#pragma once
/// The orchestrator: runs the stages of docs/architecture.md in order.

#include <memory>
#include <string>
#include <vector>

#include "lib/cluster/proposal.h"
#include "lib/core/diagnostic.h"
#include "lib/core/file_system.h"
#include "lib/core/progress.h"
#include "lib/data/queries.h"
#include "lib/data/tables.h"
#include "lib/discover/discover.h"
#include "lib/django/django_facts.h"
#include "lib/django/layout.h"
#include "lib/django/models.h"
#include "lib/django/settings.h"
#include "lib/graph/coupling_graph.h"
#include "lib/graph/import_graph.h"
#include "lib/parse/parse.h"
#include "lib/resolve/resolve.h"

namespace seams {

/// Options for one analysis run.
struct AnalysisOptions {
  DiscoverOptions discover;
  ParseOptions parse;  ///< Threads and cache; Analyze adds the Django vocabulary (lib/django/vocabulary.h).
  DjangoOptions django;
  CouplingWeights weights;  ///< Of every edge kind, for the import graph and the coupling graph alike.
  bool cluster = false;        ///< Propose contexts (the cluster stage).
  ProposalOptions proposal;
  /// The walk of the root already made, with the same DiscoverOptions (check makes it
  /// to fingerprint the tree): used instead of walking again. May be null.
  std::shared_ptr<const Project> discovered;
  /// Keep every file's facts in the Analysis. By default Analyze frees what only
  /// its stages read once the coupling graph is built (ReleaseStageFacts).
  bool keep_facts = false;
  /// Build the import graph of modules (Analysis::module_graph), which the graph
  /// views and reports draw. `seams check` reads only the coupling graph and turns it off.
  bool module_graph = true;
};

/// Everything one run learned, stage by stage. Plain values, sorted.
struct Analysis {
  Project project;
  std::vector<FileFacts> facts;       ///< facts[i] belongs to project.files[i].
  DjangoLayout layout;
  Resolution resolution;
  DjangoSettings settings;
  ModelCatalog models;
  std::vector<TableInfo> tables;       ///< The tables Django creates for the models, by name.
  DjangoFacts django;
  QueryFacts queries;                  ///< ORM joins, writes and atomic blocks.
  ImportGraph module_graph;
  CouplingGraph coupling;              ///< Modules and models with every typed, weighted edge.
  bool has_proposal = false;
  Proposal proposal;                   ///< Proposed contexts, when AnalysisOptions::cluster.
  std::vector<Diagnostic> diagnostics;  ///< Of every stage, sorted and deduplicated.
  int parsed_files = 0;               ///< Files whose facts were extracted.
  int skipped_files = 0;              ///< Files listed but not parsed (unreadable, too large).
  /// With a facts cache, the digests of each file's facts (lib/parse/facts_cache.h),
  /// by project.files' order; empty ones for a file not parsed. Without a cache, empty.
  std::vector<FactsDigests> fact_digests;
  std::vector<StageTiming> timings;    ///< Wall time per stage, in order; never written into a report.
};

/// Runs every stage on `root`, in order: discover → parse → Django layout → resolve →
/// settings → models and tables → Django facts → queries → import and coupling
/// graphs → the proposal (when `options.cluster`). Timings land in Analysis::timings.
/// Throws SeamsError only when the root itself cannot be analysed.
Analysis Analyze(const FileSystem& fs, const std::string& root, const AnalysisOptions& options);

/// The parse options Analyze parses with: `options.parse` with the Django
/// vocabulary added, and so the facts-cache keys of that run.
ParseOptions AnalysisParseOptions(const AnalysisOptions& options);

/// Frees what only the data stage reads (FindQueries): each file's query chains,
/// call sites and with-blocks. Analyze calls it once the data stage is done, so
/// an Analysis never holds them.
void ReleaseDataFacts(Analysis* analysis);

/// Frees what only the stages read: of each file's facts, keeps its line count,
/// parse status and suppressions (what the reports and the rules read later).
/// Analyze calls it once the coupling graph is built, before the module graph
/// (unless AnalysisOptions::keep_facts), so the facts and both graphs, the
/// proposal or a report are never in memory together.
void ReleaseStageFacts(Analysis* analysis);

}  // namespace seams
