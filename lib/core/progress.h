#pragma once
/// Progress and timing of a run, reported by the library and shown (or not)
/// by the CLI: the library has no I/O policy.

#include <cstddef>
#include <functional>
#include <string>

namespace seams {

/// The stages whose progress is reported file by file.
enum class ProgressStage { kDiscover, kParse };

/// Called as work gets done: `done` items so far of `total` (0 when the total
/// is not known yet, as while discovering). May be called from worker threads,
/// concurrently; it must be cheap and thread-safe.
using ProgressFn = std::function<void(ProgressStage stage, std::size_t done, std::size_t total)>;

/// How long one stage of a run took, and what it produced ("859 files").
struct StageTiming {
  std::string stage;
  double seconds = 0;
  std::string detail;
  std::size_t peak_rss_bytes = 0;  ///< The process's peak resident memory when the stage ended (0: unknown).
};

/// The process's peak resident memory so far, in bytes (0 where the OS does not say).
std::size_t PeakRssBytes();

}  // namespace seams
