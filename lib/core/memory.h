#pragma once
/// Giving freed memory back at once, where the allocator can.

namespace seams {

/// Has the allocator return the memory freed so far to the OS now rather than
/// when it gets round to it. With mimalloc (the executables link it), memory
/// freed by one thread that parse threads allocated stays in their abandoned
/// segments, and pages wait 25 ms before they are given back: how much a run
/// then holds at its peak depended on timing (saleor: 110 to 124 MiB). Without
/// mimalloc (the tests, the sanitizer builds) it does nothing.
void ReturnFreedMemory();

}  // namespace seams
