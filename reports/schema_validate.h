#pragma once
/// Checking a JSON value against one of Seams's own schemas (reports/schema/),
/// so a saved report that passes can be read with `.at(...).get<T>()` without
/// a type error: every field a reader touches has its declared type.
///
/// The subset of JSON Schema 2020-12 the schemas use: type, enum, const,
/// properties, required, additionalProperties, items, minItems, minLength,
/// minProperties, propertyNames, dependentRequired, minimum, maximum,
/// $ref (to "#/$defs/…"), allOf and if/then/else. `pattern` is not checked:
/// no reader depends on it.

#include <nlohmann/json.hpp>
#include <string>

namespace seams {

/// Deepest nesting of arrays and objects a saved report may have. Seams's
/// reports nest at most about ten levels; a deeper document is not one of them.
inline constexpr int kMaxReportDepth = 512;

/// The first byte offset where `text` nests arrays and objects deeper than
/// `max_depth`, or -1. A linear scan that never recurses, run before parsing
/// so no reader (or copy, or destructor) walks an unbounded depth.
long long FirstTooDeep(const std::string& text, int max_depth);

/// The first way `value` breaks `schema` (whose "$defs" resolve $ref), as
/// "/graph/nodes/0/context: expected a string or null, got a number"; "" when
/// it conforms. The path is a JSON Pointer (RFC 6901) into `value`.
std::string FirstSchemaViolation(const nlohmann::json& schema, const nlohmann::json& value);

/// The analysis report's schema (reports/schema/analysis.schema.json, compiled in).
const nlohmann::json& AnalysisReportSchema();

}  // namespace seams
