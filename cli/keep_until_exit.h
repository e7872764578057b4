#pragma once
/// Large results the CLI never frees: the process ends right after it has
/// written its reports, and the OS takes the memory back at once, where
/// destroying hundreds of thousands of facts one by one costs a tenth of a
/// warm run. Held through a global, so LeakSanitizer sees them as reachable.

#include <memory>
#include <utility>
#include <vector>

namespace seams::cli {

template <typename T>
T& KeepUntilExit(T&& value) {
  static auto* kept = new std::vector<std::shared_ptr<void>>();  // never destroyed, on purpose
  auto held = std::make_shared<T>(std::move(value));
  kept->push_back(held);
  return *held;
}

}  // namespace seams::cli
