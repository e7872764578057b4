#include "lib/pipeline.h"

#include <chrono>
#include <future>
#include <memory>
#include <set>

#include "lib/core/memory.h"
#include "lib/django/knowledge.h"
#include "lib/django/symbols.h"
#include "lib/django/vocabulary.h"

namespace seams {

namespace {

/// Records how long each stage takes, from one mark to the next.
class StageClock {
 public:
  explicit StageClock(std::vector<StageTiming>* timings) : timings_(timings), start_(Clock::now()) {}
  void Mark(const std::string& stage, const std::string& detail) {
    auto now = Clock::now();
    timings_->push_back({stage, std::chrono::duration<double>(now - start_).count(), detail, PeakRssBytes()});
    start_ = now;
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::vector<StageTiming>* timings_;
  Clock::time_point start_;
};

std::string Count(std::size_t n, const char* what) { return std::to_string(n) + " " + what; }

}  // namespace

Analysis Analyze(const FileSystem& fs, const std::string& root, const AnalysisOptions& options) {
  Analysis analysis;
  StageClock clock(&analysis.timings);
  const std::launch beside = options.parse.jobs == 1 ? std::launch::deferred : std::launch::async;
  // The bundled knowledge of third-party models is parsed once per process (toml++,
  // about 3 ms): on another thread while the files are found and read, so the model
  // stage finds it ready.
  std::future<void> knowledge = std::async(beside, [] { BundledKnowledge(); });

  // With a facts cache, the digests of the files are remembered by their stamps, so a file
  // that did not change is not read again (taken before the walk stamps the files).
  ParseOptions parse = AnalysisParseOptions(options);
  if (!parse.cache_dir.empty() && !parse.digests) parse.digests = std::make_shared<ContentDigests>(parse.cache_dir);
  DiscoverOptions discover = options.discover;
  if (!discover.digests) discover.digests = parse.digests.get();

  // Find the Python files and name their modules, so every later stage speaks in module names.
  analysis.project = options.discovered ? *options.discovered : Discover(fs, root, discover);
  clock.Mark("discover", Count(analysis.project.files.size(), "files"));

  // Parse every file on all cores; each syntax tree is freed as soon as its facts are out.
  // The parser records the calls and attributes the Django stages read, and no others.
  analysis.facts =
      ParseProject(fs, analysis.project, parse, parse.cache_dir.empty() ? nullptr : &analysis.fact_digests);
  if (parse.digests) parse.digests->Save();
  clock.Mark("parse", Count(analysis.project.files.size(), "files"));

  // Read the Django layout (settings module, apps and their labels) from the facts,
  // because the app of a module is what the app-level graph is drawn in.
  analysis.layout = FindDjangoLayout(analysis.project, analysis.facts);

  // Resolve every import to a project module or an external package, on another
  // thread while the Django stages run: it reads the files' imports, which no stage
  // writes before it is joined (below). With one job, it runs when joined.
  std::future<Resolution> resolving =
      std::async(beside, [&analysis] { return ResolveImports(analysis.project, analysis.facts); });
  clock.Mark("layout", Count(analysis.layout.apps.size(), "apps"));

  // Read the settings (INSTALLED_APPS, AUTH_USER_MODEL, ROOT_URLCONF) as far as
  // literals allow, then mark which discovered apps are installed.
  ModuleIndex index(analysis.project);
  analysis.settings = ReadSettings(analysis.project, analysis.facts, index, analysis.layout.settings_module);
  MarkInstalledApps(analysis.project, analysis.settings, &analysis.layout);

  // Find the models and their relations; names are resolved through imports and re-exports.
  // Read through the facts, so freed with them (below).
  auto symbols = std::make_unique<SymbolTable>(analysis.project, analysis.facts, index);
  knowledge.get();
  analysis.models =
      FindModels(analysis.project, analysis.facts, analysis.layout, analysis.settings, *symbols, options.django);
  analysis.tables = TablesOf(analysis.models, analysis.settings);
  clock.Mark("models", Count(analysis.models.models.size(), "models"));

  // Read views, URLs, admin, signals, tasks, forms and serializers: the couplings imports
  // miss; on another thread while the data stage runs (both only read what is above).
  std::future<DjangoFacts> django = std::async(beside, [&analysis, &symbols, &options] {
    return AnalyzeDjango({analysis.project, analysis.facts, analysis.layout, analysis.settings, *symbols,
                          analysis.models, options.django});
  });

  // Follow every ORM lookup through the model graph, and read the atomic blocks and their writes.
  analysis.queries =
      FindQueries({analysis.project, analysis.facts, *symbols, analysis.models, analysis.settings, options.django,
                   options.parse.jobs});
  clock.Mark("data", Count(analysis.tables.size(), "tables") + ", " + Count(analysis.queries.joins.size(), "joins") +
                         ", " + Count(analysis.queries.transactions.size(), "atomic blocks"));
  analysis.django = django.get();
  clock.Mark("django", Count(analysis.django.views.size(), "views") + ", " + Count(analysis.django.urls.size(), "URLs"));
  analysis.resolution = resolving.get();
  // Only the data stage reads the query chains, call sites and with-blocks: free them
  // before the graphs are built, so they and the graphs are never in memory together.
  ReleaseDataFacts(&analysis);
  ReturnFreedMemory();

  // Join imports and Django facts into one weighted coupling graph of modules and models.
  analysis.coupling = BuildCouplingGraph({analysis.project, analysis.facts, analysis.layout, analysis.resolution,
                                          *symbols, analysis.models, analysis.django},
                                         options.weights);
  // Each model node carries the tables it owns, as Django names them, for the contexts' ownership.
  for (const auto& table : analysis.tables) {
    int node = analysis.coupling.Find(table.model);
    if (node >= 0 && analysis.coupling.nodes[static_cast<std::size_t>(node)].kind == NodeKind::kModel)
      analysis.coupling.nodes[static_cast<std::size_t>(node)].tables.push_back(table.table);
  }

  // What the files had to say, and which were parsed; then no stage reads their facts
  // again. The module graph, the rules and the reports need each file's line count and
  // suppressions only: the rest goes before the module graph is built, so facts, both
  // graphs, the proposal and the reports are never in memory together.
  analysis.diagnostics = analysis.project.diagnostics;
  for (const FileFacts& facts : analysis.facts) {
    analysis.diagnostics.insert(analysis.diagnostics.end(), facts.diagnostics.begin(), facts.diagnostics.end());
    if (facts.parsed) ++analysis.parsed_files; else ++analysis.skipped_files;
  }
  symbols.reset();
  if (!options.keep_facts) ReleaseStageFacts(&analysis);
  ReturnFreedMemory();  // so the module graph and the proposal reuse what the facts held

  // Turn resolved imports into a weighted, evidenced module graph.
  if (options.module_graph) {
    analysis.module_graph =
        BuildModuleGraph(analysis.project, analysis.facts, analysis.layout, analysis.resolution, options.weights);
  }
  clock.Mark("graph", Count(analysis.coupling.nodes.size(), "nodes") + ", " + Count(analysis.coupling.edges.size(), "edges"));

  // Cluster the coupling graph into proposed contexts, with the routes the gateway will need.
  if (options.cluster) {
    std::vector<RouteInfo> routes;
    for (const auto& url : analysis.django.urls) {
      if (url.reachable && !url.view.empty()) routes.push_back({url.prefix, url.view.substr(0, url.view.rfind('.'))});
    }
    ProposalOptions proposal = options.proposal;
    if (proposal.scope.settings_module.empty()) proposal.scope.settings_module = analysis.layout.settings_module;
    // The apps, as the coupling graph groups them, seed the application's scope.
    std::set<std::string> app_groups;
    for (const auto& node : analysis.coupling.nodes) {
      for (const auto& app : analysis.layout.apps) {
        if (node.group == app.label) app_groups.insert(node.group);
      }
    }
    proposal.scope.app_groups.assign(app_groups.begin(), app_groups.end());
    analysis.proposal = ProposeContexts(analysis.coupling, routes, proposal);
    analysis.has_proposal = true;
    clock.Mark("cluster", Count(analysis.proposal.contexts.size(), "contexts"));
  }

  // Add what the other stages had to say to the walk's and the files', in one sorted list.
  auto& all = analysis.diagnostics;
  all.insert(all.end(), analysis.layout.diagnostics.begin(), analysis.layout.diagnostics.end());
  all.insert(all.end(), analysis.resolution.diagnostics.begin(), analysis.resolution.diagnostics.end());
  all.insert(all.end(), analysis.settings.diagnostics.begin(), analysis.settings.diagnostics.end());
  all.insert(all.end(), analysis.models.diagnostics.begin(), analysis.models.diagnostics.end());
  all.insert(all.end(), analysis.django.diagnostics.begin(), analysis.django.diagnostics.end());
  all.insert(all.end(), analysis.proposal.diagnostics.begin(), analysis.proposal.diagnostics.end());
  SortDiagnostics(&all);
  return analysis;
}

ParseOptions AnalysisParseOptions(const AnalysisOptions& options) {
  return WithDjangoVocabulary(options.parse, options.django);
}

void ReleaseDataFacts(Analysis* analysis) {
  for (auto& facts : analysis->facts) {
    facts.chains = PackedChains();
    facts.call_sites = PackedCallSites();
    std::vector<BlockFact>().swap(facts.blocks);
  }
}

void ReleaseStageFacts(Analysis* analysis) {
  for (auto& facts : analysis->facts) {
    FileFacts kept;
    kept.lines = facts.lines;
    kept.parsed = facts.parsed;
    kept.has_syntax_error = facts.has_syntax_error;
    kept.suppressions = std::move(facts.suppressions);
    facts = std::move(kept);
  }
}

}  // namespace seams
