// seams_bench: how far the whole analysis is from the cost of parsing alone.
//
//   seams_bench [PATH] [--repeat N]
//
// Measures, taking the best (minimum) of N repeats each:
//   parse-only  – every file read into memory first (untimed), then parsed with
//                 seams::ParseOnly on one thread (tree built and freed, no facts);
//   parse + walk – the same, and one cursor over every node doing nothing: the
//                 floor of any extraction that looks at the whole tree;
//   parse + facts – seams::ParseSource (parse and fact extraction) on one thread;
//   end-to-end  – seams::Analyze (discover, read, parse + extract, layout,
//                 resolve, graph) on one thread and on all cores.
//   discover    – seams::Discover alone (the serial walk that starts end-to-end), for context.
// Targets: end-to-end on all cores <= 1.5 x (parse-only / cores); the CPU of
// end-to-end on one thread (its wall time: one thread) <= 1.25 x parse-only.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "lib/core/file_system.h"
#include "lib/discover/discover.h"
#include "lib/parse/parse.h"
#include "lib/pipeline.h"

namespace {

constexpr const char* kDefaultPath = "/usr/lib/python3/dist-packages/django";
constexpr double kTargetFactor = 1.5;
constexpr double kCpuFactor = 1.25;

void Usage(const char* argv0) {
  std::fprintf(stderr, "usage: %s [PATH] [--repeat N]\n  default PATH: %s, default N: 3\n", argv0, kDefaultPath);
}

/// Runs `body` `repeat` times and returns the fastest wall-clock time in seconds.
double BestOf(int repeat, const std::function<void()>& body) {
  double best = std::numeric_limits<double>::infinity();
  for (int r = 0; r < repeat; ++r) {
    auto start = std::chrono::steady_clock::now();
    body();
    auto stop = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double>(stop - start).count());
  }
  return best;
}

/// `text` as the body of a JSON string.
std::string JsonEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += buffer;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = kDefaultPath;
  int repeat = 3;
  bool have_path = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc) {
      char* end = nullptr;
      long value = std::strtol(argv[++i], &end, 10);
      if (*end != '\0' || value < 1 || value > 1000) {
        Usage(argv[0]);
        return 2;
      }
      repeat = static_cast<int>(value);
    } else if (arg == "-h" || arg == "--help") {
      Usage(argv[0]);
      return 0;
    } else if (!arg.empty() && arg[0] != '-' && !have_path) {
      path = arg;
      have_path = true;
    } else {
      Usage(argv[0]);
      return 2;
    }
  }

  try {
    seams::RealFileSystem fs;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());

    // Untimed: find and read every file the pipeline would parse.
    seams::Project project = seams::Discover(fs, path, seams::DiscoverOptions{});
    std::vector<std::string> sources;
    sources.reserve(project.files.size());
    std::uint64_t bytes = 0;
    for (const seams::SourceFile& file : project.files) {
      if (file.too_large) continue;
      std::string contents, error;
      if (!fs.ReadFile(seams::JoinPath(project.root, file.path), &contents, &error)) {
        std::fprintf(stderr, "warning: cannot read %s: %s\n", file.path.c_str(), error.c_str());
        continue;
      }
      bytes += contents.size();
      sources.push_back(std::move(contents));
    }
    if (sources.empty()) {
      std::fprintf(stderr, "error: no readable Python files under %s\n", path.c_str());
      return 1;
    }

    // a. Parse only, one thread, from memory.
    std::size_t nodes = 0;
    double parse_only = BestOf(repeat, [&] {
      std::size_t count = 0;
      for (const std::string& source : sources) count += seams::ParseOnly(source);
      nodes = count;
    });

    // The floor of any extraction that looks at every node: parse, then one cursor
    // over the whole tree doing nothing. And the parse stage's own work without
    // reading files: parse and extract every file's facts, one thread.
    double parse_walk = BestOf(repeat, [&] {
      std::size_t count = 0;
      for (const std::string& source : sources) count += seams::ParseAndWalk(source);
      if (count == 0) std::fprintf(stderr, "warning: no named nodes walked\n");
    });
    seams::ParseOptions parse_options;
    double parse_facts = BestOf(repeat, [&] {
      std::size_t imports = 0;
      for (const std::string& source : sources) imports += seams::ParseSource("x.py", source, parse_options).imports.size();
      if (imports == 0) std::fprintf(stderr, "warning: no imports found\n");
    });

    // Context for the end-to-end numbers: the walk alone, which runs before the parallel parse.
    double discover = BestOf(repeat, [&] { (void)seams::Discover(fs, path, seams::DiscoverOptions{}); });

    // b. End to end, one thread and all cores.
    int parsed_files = 0;
    std::size_t discovered_files = 0;
    auto end_to_end = [&](unsigned jobs) {
      seams::AnalysisOptions options;
      options.parse.jobs = jobs;
      return BestOf(repeat, [&] {
        seams::Analysis analysis = seams::Analyze(fs, path, options);
        parsed_files = analysis.parsed_files;
        discovered_files = analysis.project.files.size();
      });
    };
    double e2e_one = end_to_end(1);
    double e2e_all = end_to_end(0);

    const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
    const double ratio = e2e_all / parse_only;
    const double target = kTargetFactor * parse_only / static_cast<double>(cores);
    const bool pass = e2e_all <= target;

    std::printf("seams_bench: %s (best of %d)\n\n", path.c_str(), repeat);
    std::printf("  %-40s %12zu\n", "files (parsed)", sources.size());
    std::printf("  %-40s %12llu  (%.2f MB)\n", "bytes", static_cast<unsigned long long>(bytes), mb);
    std::printf("  %-40s %12zu\n", "syntax nodes", nodes);
    std::printf("  %-40s %12u\n", "cores", cores);
    std::printf("  %-40s %12.3f s  (%.1f MB/s)\n", "parse-only, 1 thread", parse_only, mb / parse_only);
    std::printf("  %-40s %12.3f s  (%.2f x parse-only)\n", "parse + walk every node, 1 thread", parse_walk,
                parse_walk / parse_only);
    std::printf("  %-40s %12.3f s  (%.2f x parse-only)\n", "parse + facts, 1 thread", parse_facts,
                parse_facts / parse_only);
    std::printf("  %-40s %12.3f s  (serial, part of end-to-end)\n", "discover only", discover);
    std::printf("  %-40s %12.3f s  (%.2f x parse-only)\n", "end-to-end, 1 thread", e2e_one, e2e_one / parse_only);
    std::printf("  %-40s %12.3f s  (%.2f x parse-only)\n", "end-to-end, all cores", e2e_all, ratio);
    std::printf("  %-40s %12.3f\n", "ratio end-to-end(all cores)/parse-only", ratio);
    std::printf("  %-40s %12.3f s\n", "target: 1.5 x (parse-only / cores)", target);
    std::printf("\ntarget: end-to-end on all cores <= 1.5 x (parse-only / cores): %s  (%.3f s, limit %.3f s)\n",
                pass ? "PASS" : "MISS", e2e_all, target);
    std::printf("target: end-to-end on 1 thread <= %.2f x parse-only: %s  (%.2f x; the walk alone is %.2f x)\n",
                kCpuFactor, e2e_one <= kCpuFactor * parse_only ? "PASS" : "MISS", e2e_one / parse_only,
                parse_walk / parse_only);
    if (parsed_files != static_cast<int>(sources.size())) {
      std::printf("note: Analyze parsed %d of %zu discovered files (%zu read here)\n", parsed_files, discovered_files,
                  sources.size());
    }
    std::printf(
        "BENCH {\"path\":\"%s\",\"repeat\":%d,\"files\":%zu,\"bytes\":%llu,\"mb\":%.3f,\"nodes\":%zu,\"cores\":%u,"
        "\"parse_only_s\":%.6f,\"parse_walk_s\":%.6f,\"parse_facts_s\":%.6f,\"discover_s\":%.6f,\"e2e_1thread_s\":%.6f,\"e2e_all_cores_s\":%.6f,"
        "\"ratio_e2e_all_over_parse_only\":%.4f,\"target_s\":%.6f,\"pass\":%s}\n",
        JsonEscape(path).c_str(), repeat, sources.size(), static_cast<unsigned long long>(bytes), mb, nodes, cores,
        parse_only, parse_walk, parse_facts, discover, e2e_one, e2e_all, ratio, target, pass ? "true" : "false");
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}
