#include "cli/large_pages.h"

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include <unistd.h>

#ifdef SEAMS_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace seams::cli {

void UseLargePages() {
#ifdef SEAMS_WITH_MIMALLOC
  const char* setting = std::getenv("MIMALLOC_LARGE_OS_PAGES");
  if (setting != nullptr && std::strcmp(setting, "0") == 0) return;
  mi_option_enable(mi_option_large_os_pages);
  // A thread's first segment is otherwise committed lazily and never in large pages.
  mi_option_set(mi_option_eager_commit_delay, 0);
  // Address space only: pages become resident as they are touched. A heap that
  // outgrows it (a 5M-line estate's check peaks near 1 GiB) takes segments from
  // the OS as before, in large pages too. A failure (no room, a strict overcommit
  // policy) changes nothing. (mimalloc 2.0.9 took no segment from a 4 GiB arena.)
  constexpr std::size_t kArenaBytes = std::size_t{1} << 30;
  mi_reserve_os_memory(kArenaBytes, /*commit=*/true, /*allow_large=*/true);
#endif
}

void RestartWithLargePages(int argc, char** argv) {
#ifdef SEAMS_WITH_MIMALLOC
  if (argc < 2 || std::string_view(argv[1]) != "check" || std::getenv("MIMALLOC_LARGE_OS_PAGES") != nullptr) return;
  if (::setenv("MIMALLOC_LARGE_OS_PAGES", "1", /*overwrite=*/0) != 0) return;
  ::execv("/proc/self/exe", argv);  // returns only on failure: go on as we are
#else
  (void)argc;
  (void)argv;
#endif
}

}  // namespace seams::cli
