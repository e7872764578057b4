// libFuzzer target: the baseline reader (`seams check --baseline FILE`). A bad
// baseline may only throw SeamsError.

#include <cstddef>
#include <cstdint>
#include <string>

#include "lib/check/check.h"
#include "lib/core/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    seams::ParseBaseline(std::string(reinterpret_cast<const char*>(data), size), "baseline.json");
  } catch (const seams::SeamsError&) {
    // What `seams check` prints with exit 2.
  }
  return 0;
}
