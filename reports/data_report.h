#pragma once
/// The `data` object of report.json: the database decomposition plan.

#include <nlohmann/json.hpp>

#include "lib/pipeline.h"

namespace seams {

/// `{"tables": [...]}`: every table Django creates, with its model and the
/// proposed context of that model (null without a proposal, "shared_kernel"
/// for a model kept out of clustering).
nlohmann::json BuildDataReport(const Analysis& analysis);

}  // namespace seams
