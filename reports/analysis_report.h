#pragma once
/// The analysis report (`report.json`): the product's API. Every other format
/// can be rendered from it.

#include <nlohmann/json.hpp>

#include "lib/pipeline.h"
#include "reports/json_document.h"

namespace seams {

/// Schema identifier written into every analysis report.
inline constexpr const char* kAnalysisSchema = "seams.analysis/3";

/// Builds the analysis report: project, settings, apps, modules, models with
/// their relations, views, URLs, admin registrations, signals, tasks, forms and
/// serializers, string-loader uses, import edges and diagnostics — each with
/// path and line. Deterministic: sorted lists, relative paths, no timestamps.
nlohmann::json BuildAnalysisReport(const Analysis& analysis);
/// The same report as a document, written member by member (JsonDocument::Write)
/// without the whole tree in memory. It reads `analysis`, which must outlive it.
JsonDocument AnalysisDocument(const Analysis& analysis);

}  // namespace seams
