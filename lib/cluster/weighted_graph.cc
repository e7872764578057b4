// Canonical numbering of partitions.

#include "lib/cluster/weighted_graph.h"

#include <unordered_map>

namespace seams {

Partition Canonical(std::vector<int> membership) {
  Partition out;
  const int n = static_cast<int>(membership.size());
  // Labels are usually already 0..n-1, where a vector beats a hash map; any
  // other label falls back to the map. Either way a label's new number is the
  // order of its first node, which is what makes equal partitions compare equal.
  std::vector<int> dense(membership.size(), -1);
  std::unordered_map<int, int> sparse;
  for (int& label : membership) {
    int* slot = nullptr;
    if (label >= 0 && label < n) {
      slot = &dense[static_cast<std::size_t>(label)];
    } else {
      slot = &sparse.try_emplace(label, -1).first->second;
    }
    if (*slot < 0) *slot = out.count++;
    label = *slot;
  }
  out.membership = std::move(membership);
  return out;
}

}  // namespace seams
