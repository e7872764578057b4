#pragma once
/// The analysis report (`report.json`): the product's API. Every other format
/// can be rendered from it.

#include <nlohmann/json.hpp>

#include "lib/pipeline.h"

namespace seams {

/// Schema identifier written into every analysis report.
inline constexpr const char* kAnalysisSchema = "seams.analysis/3";

/// Builds the analysis report: project, settings, apps, modules, models with
/// their relations, views, URLs, admin registrations, signals, tasks, forms and
/// serializers, string-loader uses, import edges and diagnostics — each with
/// path and line. Deterministic: sorted lists, relative paths, no timestamps.
nlohmann::json BuildAnalysisReport(const Analysis& analysis);

}  // namespace seams
