// libFuzzer target: a saved report.json read back by `seams diagram`,
// `seams explain` and `seams score`. A bad report may only throw SeamsError.

#include <cstddef>
#include <cstdint>
#include <string>

#include "lib/core/error.h"
#include "reports/report_reader.h"
#include "tests/report_every_way.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nlohmann::json report;
  try {
    report = seams::ParseAnalysisReport(std::string(reinterpret_cast<const char*>(data), size), "report.json");
  } catch (const seams::SeamsError&) {
    return 0;  // refused with a message naming the file and the field
  }
  seams::test::ReadReportEveryWay(report);
  return 0;
}
