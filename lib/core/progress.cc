#include "lib/core/progress.h"

#include <sys/resource.h>

namespace seams {

std::size_t PeakRssBytes() {
  struct rusage usage {};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<std::size_t>(usage.ru_maxrss) * 1024;  // Linux reports kilobytes.
}

}  // namespace seams
