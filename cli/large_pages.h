#pragma once
/// `seams check`'s heap in 2 MiB pages, where the kernel offers them.

namespace seams::cli {

/// With mimalloc (the executable links it), reserves the heap as one arena the
/// kernel may back with 2 MiB pages (transparent huge pages, in the `madvise`
/// mode Debian ships), and lets every thread's first segment use it too. A warm
/// `seams check` otherwise spends a third of its time taking page faults one
/// 4 KiB page at a time. With RestartWithLargePages the whole heap is in 2 MiB
/// pages from the start (docs/scale.md: a quarter more at the peak of a 5M-line
/// cold check). `analyze`, which has a peak-memory target, does neither.
/// MIMALLOC_LARGE_OS_PAGES=0 in the environment turns both off; without
/// mimalloc they do nothing.
void UseLargePages();

/// mimalloc reads MIMALLOC_LARGE_OS_PAGES once, when the process starts, and
/// only then are the first segments of the heap (the ones a short run lives in)
/// taken in 2 MiB pages: enabling the option later reaches only what is taken
/// after. So `seams check`, when the variable is unset, sets it to 1 and runs
/// itself again (execv of /proc/self/exe, before anything else): on Django's
/// source a warm check after an edit takes about 70 ms instead of 90. Any other
/// command, a variable already set (to anything), or a failed execv goes on
/// unchanged. Without mimalloc it does nothing.
void RestartWithLargePages(int argc, char** argv);

}  // namespace seams::cli
