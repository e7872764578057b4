#pragma once
/// Pieces shared by the check renderers (check_*.cc only): tolerant field
/// access to the report, and the text blocks more than one format prints.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace seams::check_internal {

/// `object[key]` when it is a string, else "".
std::string StringField(const nlohmann::json& object, const char* key);

/// `object[key]` when it is an integer, else 0.
int IntField(const nlohmann::json& object, const char* key);

/// `object[key]` when it is an array, else an empty array.
const nlohmann::json& ArrayField(const nlohmann::json& object, const char* key);

/// The violations marked new (a missing `"new"` counts as new), in report order.
std::vector<const nlohmann::json*> NewViolations(const nlohmann::json& report);

/// `path:line:column`, leaving out unknown parts; "seams" when all are unknown.
std::string Location(const std::string& path, int line, int column);

/// A violation's compiler-style block (header, source, caret, help), each line ending in '\n'.
std::string ViolationBlock(const nlohmann::json& violation);

/// "`# seams: ignore[a, b]` silenced nothing" for an unused-suppression entry.
std::string UnusedSuppressionMessage(const nlohmann::json& suppression);

/// The way out of an unused suppression.
inline constexpr const char* kUnusedSuppressionHelp = "remove the comment, or the rules in it that no longer occur";

/// The fingerprint of an unused suppression: `unused-suppression|PATH|LINE`.
std::string UnusedSuppressionKey(const nlohmann::json& suppression);

/// The one summary line (no newline); see WriteCheckText.
std::string SummaryLine(const nlohmann::json& report);

}  // namespace seams::check_internal
