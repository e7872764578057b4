#pragma once
/// Output-format registries. Each command that prints or writes a report has
/// one table of formats (a row per format: name, description, renderer), and
/// everything that lists formats reads that table: the `--format` choices and
/// their help text, the lookup, the default set. A new format is a new
/// renderer and one new row, as in ruff's and dependency-cruiser's emitters.
///
/// The tables:
/// - `GraphFormats()` (reports/graph_report.h): `seams graph`;
/// - `CheckFormats()` (reports/check_render.h): `seams check`;
/// - `ProposalFormats()` (reports/proposal_render.h): `seams cluster`;
/// - `ViewFormats()` (reports/view.h): `seams diagram`;
/// - `AnalysisFormats()` (reports/analysis_outputs.h): `seams analyze`.

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace seams {

/// A renderer that is a function of a JSON report alone.
using Reporter = void (*)(const nlohmann::json& report, std::ostream& out);

/// One row of a registry: `render` is the command's renderer type; rows with
/// `is_default` make the command's default `--format` (one for the commands
/// that print one format, a set for `seams analyze`).
template <typename Render>
struct Format {
  std::string_view name;
  std::string_view description;
  Render render;
  bool is_default = false;
};

/// The row named `name`, or nullptr.
template <typename Render>
const Format<Render>* FindFormat(const std::vector<Format<Render>>& table, std::string_view name) {
  for (const auto& format : table) {
    if (format.name == name) return &format;
  }
  return nullptr;
}

/// The names of a table, in its order.
template <typename Render>
std::vector<std::string> FormatNames(const std::vector<Format<Render>>& table) {
  std::vector<std::string> names;
  for (const auto& format : table) names.emplace_back(format.name);
  return names;
}

/// The names of the default rows, in table order.
template <typename Render>
std::vector<std::string> DefaultFormats(const std::vector<Format<Render>>& table) {
  std::vector<std::string> names;
  for (const auto& format : table) {
    if (format.is_default) names.emplace_back(format.name);
  }
  return names;
}

/// `--format` help: one "name: description" per row, "; "-separated.
template <typename Render>
std::string FormatHelp(const std::vector<Format<Render>>& table) {
  std::string help;
  for (const auto& format : table) {
    if (!help.empty()) help += "; ";
    help.append(format.name).append(": ").append(format.description);
  }
  return help;
}

}  // namespace seams
