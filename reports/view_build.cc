// The views `seams diagram` knows, and the one entry point that builds them.

#include "reports/view_internal.h"

namespace seams {

using view_internal::ReportIndex;
using nlohmann::json;

bool ParseViewKind(const std::string& text, ViewKind* kind) {
  static const std::map<std::string, ViewKind> kinds = {
      {"contexts", ViewKind::kContexts}, {"apps", ViewKind::kApps}, {"models", ViewKind::kModels}, {"context", ViewKind::kContext}};
  auto it = kinds.find(text);
  if (it == kinds.end()) return false;
  *kind = it->second;
  return true;
}

std::vector<std::string> ViewNames() { return {"contexts", "apps", "models", "context"}; }

std::string ViewColour(int index) {
  static constexpr const char* kPalette[] = {"#dde8f5", "#e3f1dc", "#fbe8d3", "#efe0f3", "#fdf6c9", "#d9f0ef",
                                             "#f6dcdc", "#e0e7ff", "#f0f0d8", "#e8dccb", "#d5ecd5", "#f3e1ea"};
  if (index < 0) return "#f5f5f5";
  return kPalette[static_cast<std::size_t>(index) % (sizeof kPalette / sizeof kPalette[0])];
}

ViewBuilder::ViewBuilder(const json& report) : report_(report), index_(std::make_unique<ReportIndex>(report)) {}

ViewBuilder::~ViewBuilder() = default;

View ViewBuilder::Build(ViewKind kind, const ViewOptions& options) const {
  const ReportIndex& index = *index_;
  switch (kind) {
    case ViewKind::kContexts: return view_internal::ContextMap(report_, index, options);
    case ViewKind::kApps: return view_internal::Apps(report_, index, options);
    case ViewKind::kModels: return view_internal::Models(report_, index, options);
    case ViewKind::kContext: return view_internal::OneContext(report_, index, options);
    case ViewKind::kGraph: break;
  }
  return view_internal::ContextMap(report_, index, options);
}

View BuildView(const json& report, ViewKind kind, const ViewOptions& options) {
  return ViewBuilder(report).Build(kind, options);
}

}  // namespace seams
