// `seams check --format json`: the report itself.

#include <ostream>

#include "reports/check_render.h"

namespace seams {

void WriteCheckJson(const nlohmann::json& report, std::ostream& out) {
  // nlohmann::json objects are std::maps, so keys come out sorted. Replacing bad
  // UTF-8 (a source line from a file in another encoding) beats failing the run.
  out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace seams
