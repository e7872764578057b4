// Parsing a whole project on all cores: one tree-sitter parser per thread.

#include <tree_sitter/api.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <thread>

#include "lib/parse/facts_cache.h"
#include "lib/parse/parse.h"
#include "lib/parse/ts_parser.h"

extern "C" const TSLanguage* tree_sitter_python(void);

namespace seams {

namespace {

using ParserPtr = std::unique_ptr<TSParser, decltype(&ts_parser_delete)>;

ParserPtr NewParser() {
  ParserPtr parser(ts_parser_new(), ts_parser_delete);
  ts_parser_set_language(parser.get(), PythonLanguage());
  return parser;
}

}  // namespace

const TSLanguage* PythonLanguage() { return tree_sitter_python(); }

FileFacts ParseSource(const std::string& path, std::string source, const ParseOptions& options) {
  ParserPtr parser = NewParser();
  return ExtractFacts(parser.get(), path, std::move(source), options);
}

std::size_t ParseOnly(const std::string& source) {
  ParserPtr parser = NewParser();
  TSTree* tree = ts_parser_parse_string(parser.get(), nullptr, source.data(), static_cast<uint32_t>(source.size()));
  if (!tree) return 0;
  std::size_t count = ts_node_descendant_count(ts_tree_root_node(tree));
  ts_tree_delete(tree);
  return count;
}

std::vector<FileFacts> ParseProject(const FileSystem& fs, const Project& project, const ParseOptions& options,
                                    std::vector<FactsDigests>* fact_digests) {
  std::vector<FileFacts> results(project.files.size());
  if (fact_digests) fact_digests->assign(project.files.size(), FactsDigests());
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, project.files.size())));

  // Files are handed out largest first so one big file does not finish last alone;
  // results land at the file's own index, so the order never depends on threads.
  std::vector<std::size_t> order(project.files.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return project.files[a].size > project.files[b].size; });

  std::unique_ptr<FactsCache> cache;
  if (!options.cache_dir.empty()) cache = std::make_unique<FactsCache>(options.cache_dir, options);
  // The digests the stamps remember, and the facts of a digest several files share
  // (empty __init__.py files: 151 of Django's 859), loaded once, before the threads.
  std::vector<std::optional<std::string>> known(project.files.size());
  std::map<std::string, std::pair<FileFacts, FactsDigests>> shared;
  if (cache && options.digests) {
    std::map<std::string, int> uses;
    for (std::size_t i = 0; i < project.files.size(); ++i) {
      const SourceFile& file = project.files[i];
      if (file.too_large) continue;
      known[i] = options.digests->Find(JoinPath(project.root, file.path), file.stamp);
      if (known[i]) ++uses[*known[i]];
    }
    for (const auto& [digest, count] : uses) {
      if (count < 2) continue;
      FactsDigests digests;
      if (auto cached = cache->Load(cache->KeyOfDigest(digest), "", &digests))
        shared[digest] = std::make_pair(std::move(*cached), std::move(digests));
    }
  }
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  // Counts a file as done however its iteration ends, and tells the caller.
  struct Done {
    std::atomic<std::size_t>& done;
    const ParseOptions& options;
    std::size_t total;
    ~Done() {
      std::size_t now = done.fetch_add(1) + 1;
      if (options.progress) options.progress(ProgressStage::kParse, now, total);
    }
  };
  auto worker = [&]() {
    ParserPtr parser = NewParser();
    std::string contents, error;
    for (std::size_t k = next.fetch_add(1); k < order.size(); k = next.fetch_add(1)) {
      Done counted{done, options, order.size()};
      std::size_t i = order[k];
      const SourceFile& file = project.files[i];
      FileFacts& facts = results[i];
      if (file.too_large) continue;  // reported by Discover
      const std::string path = JoinPath(project.root, file.path);
      FactsDigests* fact_digest = fact_digests ? &(*fact_digests)[i] : nullptr;
      // Unchanged bytes (and options) give the same facts: take them from the cache,
      // without reading the file when its stamp says its bytes are the ones remembered.
      if (known[i]) {
        if (auto one = shared.find(*known[i]); one != shared.end()) {
          facts = one->second.first;
          for (auto& d : facts.diagnostics) d.path = file.path;
          if (fact_digest) *fact_digest = one->second.second;
          continue;
        }
        if (auto cached = cache->Load(cache->KeyOfDigest(*known[i]), file.path, fact_digest)) {
          facts = std::move(*cached);
          continue;
        }
      }
      contents.clear();
      if (!fs.ReadFile(path, &contents, &error)) {
        facts.diagnostics.push_back(
            {"unreadable-file", Severity::kWarning, file.path, 0, 0, "cannot read file: " + error + "; skipped"});
        continue;
      }
      std::string key;
      if (cache) {
        const std::string digest = ContentDigests::Of(contents);
        if (options.digests) options.digests->Remember(path, file.stamp, digest);
        key = cache->KeyOfDigest(digest);
        if (digest != known[i]) {
          if (auto cached = cache->Load(key, file.path, fact_digest)) {
            facts = std::move(*cached);
            continue;
          }
        }
      }
      facts = ExtractFacts(parser.get(), file.path, std::move(contents), options);
      if (cache) cache->Store(key, facts, fact_digest);
    }
  };
  if (jobs == 1) {
    worker();
  } else {
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
    for (auto& thread : threads) thread.join();
  }
  return results;
}

}  // namespace seams
