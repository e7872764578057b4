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

std::size_t ParseAndWalk(const std::string& source) {
  ParserPtr parser = NewParser();
  TSTree* tree = ts_parser_parse_string(parser.get(), nullptr, source.data(), static_cast<uint32_t>(source.size()));
  if (!tree) return 0;
  std::size_t named = 0;
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  for (bool more = true; more;) {
    named += ts_node_is_named(ts_tree_cursor_current_node(&cursor)) ? 1 : 0;
    if (ts_tree_cursor_goto_first_child(&cursor)) continue;
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        more = false;
        break;
      }
    }
  }
  ts_tree_cursor_delete(&cursor);
  ts_tree_delete(tree);
  return named;
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
  // The digests the stamps remember, with their keys; and the facts of a digest
  // several files share (empty __init__.py files: 151 of Django's 859), loaded
  // once, before the threads.
  struct Shared {
    FileFacts facts;
    FactsDigests digests;
    std::string entry;
  };
  std::vector<std::optional<std::string>> known(project.files.size());
  std::vector<std::string> keys(project.files.size());
  std::map<std::string, Shared> shared;
  // A run that loads many files' facts reads them from the pack, one file. The
  // pack is written again from this run's entries when too many files were not
  // in it: a cold run, or many edits since it was written.
  constexpr std::size_t kPackFrom = 64;  // files
  bool write_pack = false;
  std::vector<std::string> entries;  // each file's entry, when the pack is written
  if (cache && options.digests) {
    const bool packed = project.files.size() >= kPackFrom;
    if (packed) cache->ReadPack();
    std::size_t outside = 0;
    std::map<std::string, int> uses;
    for (std::size_t i = 0; i < project.files.size(); ++i) {
      const SourceFile& file = project.files[i];
      if (file.too_large) continue;
      known[i] = options.digests->Find(JoinPath(project.root, file.path), file.stamp);
      if (known[i]) keys[i] = cache->KeyOfDigest(*known[i]), ++uses[*known[i]];
      if (!known[i] || !cache->pack().Find(keys[i])) ++outside;
    }
    write_pack = packed && outside > std::max(kPackFrom / 2, project.files.size() / 16);
    if (write_pack) entries.resize(project.files.size());
    for (const auto& [digest, count] : uses) {
      if (count < 2) continue;
      Shared one;
      if (auto cached = cache->Load(cache->KeyOfDigest(digest), "", &one.digests, write_pack ? &one.entry : nullptr)) {
        one.facts = std::move(*cached);
        shared[digest] = std::move(one);
      }
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
      std::string* entry = write_pack ? &entries[i] : nullptr;
      if (known[i]) {
        if (auto one = shared.find(*known[i]); one != shared.end()) {
          facts = one->second.facts;
          for (auto& d : facts.diagnostics) d.path = file.path;
          if (fact_digest) *fact_digest = one->second.digests;
          continue;
        }
        if (auto cached = cache->Load(keys[i], file.path, fact_digest, entry)) {
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
      std::string& key = keys[i];
      if (cache) {
        const std::string digest = ContentDigests::Of(contents);
        if (options.digests) options.digests->Remember(path, file.stamp, digest);
        key = cache->KeyOfDigest(digest);
        if (digest != known[i]) {
          if (auto cached = cache->Load(key, file.path, fact_digest, entry)) {
            facts = std::move(*cached);
            continue;
          }
        }
      }
      facts = ExtractFacts(parser.get(), file.path, std::move(contents), options);
      if (cache) cache->Store(key, facts, fact_digest, entry);
    }
  };
  if (jobs == 1) {
    worker();
  } else {
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
    for (auto& thread : threads) thread.join();
  }
  if (write_pack) {
    std::vector<std::pair<std::string, std::string_view>> pack;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (!entries[i].empty()) pack.emplace_back(keys[i], entries[i]);
    }
    for (const auto& [digest, one] : shared) {
      if (!one.entry.empty()) pack.emplace_back(cache->KeyOfDigest(digest), one.entry);
    }
    cache->WritePack(std::move(pack));
  }
  return results;
}

}  // namespace seams
