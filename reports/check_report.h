#pragma once
/// The check report (`"schema": "seams.check/1"`): the contract every check format renders.

#include <nlohmann/json.hpp>
#include <optional>

#include "lib/check/check.h"

namespace seams {

inline constexpr const char* kCheckSchema = "seams.check/1";

/// Builds the check report. With a baseline, violations whose key it holds are
/// marked `"new": false` and baseline keys that no longer occur are listed in
/// `fixed`; without one, every violation is new. The summary counts new ones.
nlohmann::json BuildCheckReport(const Analysis& analysis, const Config& config, const CheckResult& result,
                                const Baseline* baseline);

/// Exit code of `seams check` for a report: 1 when a new violation is an error, else 0.
int CheckExitCode(const nlohmann::json& report);

}  // namespace seams
