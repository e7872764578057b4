#include "lib/core/memory.h"

// mimalloc's, when the executable links it; null otherwise (a weak reference
// keeps the library free of a link dependency on the allocator).
extern "C" void mi_collect(bool force) __attribute__((weak));

namespace seams {

void ReturnFreedMemory() {
  if (mi_collect != nullptr) mi_collect(true);
}

}  // namespace seams
