#include "lib/check/line_shift.h"

#include <algorithm>
#include <charconv>

#include "lib/core/content_hash.h"

namespace seams {

namespace {

constexpr std::string_view kEntryHeader = "seams-shape-entry/1\n";

// Line 1 keeps its place: where `unassigned` puts its violations, it means the same before and after.
bool KeepsLineOne(const LineMap& map) {
  auto one = map.find(1);
  if (one != map.end()) return one->second == 1;
  return std::none_of(map.begin(), map.end(), [](const auto& pair) { return pair.second == 1; });
}

// True when a string of `value` names `path` followed by ':' (a place written in text).
bool NamesPlaceIn(const nlohmann::json& value, const std::string& place) {
  for (const auto& item : value) {
    if (item.is_string() && item.get_ref<const std::string&>().find(place) != std::string::npos) return true;
    if (item.is_array()) {
      for (const auto& inner : item) {
        if (inner.is_string() && inner.get_ref<const std::string&>().find(place) != std::string::npos) return true;
      }
    }
  }
  return false;
}

// Moves the `line` of `item` by `map`; false when it is no fact's line (and not 0, which no fact moves).
bool Move(nlohmann::json* item, const LineMap& map) {
  auto line = item->find("line");
  if (line == item->end() || !line->is_number_integer()) return false;
  const int at = line->get<int>();
  auto to = map.find(at);
  if (to != map.end()) {
    *line = to->second;
    return true;
  }
  return at == 0;
}

}  // namespace

std::optional<LineMap> LineMapOf(const std::vector<int>& before, const std::vector<int>& after) {
  if (before.size() != after.size()) return std::nullopt;
  LineMap map;
  for (std::size_t i = 0; i < before.size(); ++i) {
    auto [it, inserted] = map.emplace(before[i], after[i]);
    if (!inserted && it->second != after[i]) return std::nullopt;  // one line to two places
  }
  int last = -1;
  for (const auto& [from, to] : map) {
    if (to <= last) return std::nullopt;  // two lines swapped or merged
    if ((from == 0) != (to == 0)) return std::nullopt;  // "no line" moved, or a line became none
    last = to;
  }
  return map;
}

std::optional<nlohmann::json> ShiftReport(const nlohmann::json& report, const std::vector<MovedFile>& moved) {
  if (moved.empty()) return report;
  nlohmann::json out = report;
  auto violations = out.find("violations");
  auto unused = out.find("unused_suppressions");
  if (violations == out.end() || !violations->is_array() || unused == out.end() || !unused->is_array()) {
    return std::nullopt;
  }
  std::map<std::string, const MovedFile*> by_path;
  for (const auto& file : moved) by_path[file.path] = &file;
  for (auto* list : {&*violations, &*unused}) {
    for (auto& item : *list) {
      if (!item.is_object()) return std::nullopt;
      for (const auto& file : moved) {
        if (NamesPlaceIn(item, file.path + ":")) return std::nullopt;
      }
      auto path = item.find("path");
      if (path == item.end() || !path->is_string()) return std::nullopt;
      auto file = by_path.find(path->get<std::string>());
      if (file == by_path.end()) continue;
      const MovedFile& m = *file->second;
      auto rule = item.find("rule");
      if (list == &*violations && rule != item.end() && *rule == "unassigned") {
        // A whole module's violation, at line 1 whatever the facts: it must mean the same line.
        if (!KeepsLineOne(m.lines)) return std::nullopt;
        continue;
      }
      if (!Move(&item, m.lines)) return std::nullopt;
    }
  }
  // A suppression on line 1 may silence an `unassigned` violation, which is not in the report to see.
  for (const auto& file : moved) {
    if (file.suppression_on_line_1 && !KeepsLineOne(file.lines)) return std::nullopt;
  }
  return out;
}

std::string ShapeEntry::Encode() const {
  std::string text(kEntryHeader);
  text += std::to_string(content_digests.size()) + "\n";
  for (const auto& digest : content_digests) text += (digest.empty() ? "-" : digest) + "\n";
  return text + report;
}

std::optional<ShapeEntry> ShapeEntry::Decode(std::string_view text) {
  if (text.substr(0, kEntryHeader.size()) != kEntryHeader) return std::nullopt;
  text.remove_prefix(kEntryHeader.size());
  std::size_t count = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), count);
  if (ec != std::errc() || end == text.data() + text.size() || *end != '\n') return std::nullopt;
  // Only the writer's form of the count (no leading zeros): one entry, one text.
  if (std::string_view(text.data(), static_cast<std::size_t>(end - text.data())) != std::to_string(count)) {
    return std::nullopt;
  }
  text.remove_prefix(static_cast<std::size_t>(end - text.data()) + 1);
  if (count > text.size() / 2) return std::nullopt;  // every digest takes at least two bytes
  ShapeEntry entry;
  entry.content_digests.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    auto newline = text.find('\n');
    if (newline == std::string_view::npos) return std::nullopt;
    std::string_view digest = text.substr(0, newline);
    if (digest == "-") entry.content_digests.emplace_back();
    else if (IsHexDigest(digest)) entry.content_digests.emplace_back(digest);
    else return std::nullopt;
    text.remove_prefix(newline + 1);
  }
  entry.report = std::string(text);
  return entry;
}

std::optional<nlohmann::json> ShiftedReport(const ShapeEntry& entry, const Project& project,
                                            const std::vector<std::string>& content_digests, const FactsCache& cache,
                                            std::size_t max_moved) {
  if (entry.content_digests.size() != project.files.size() || content_digests.size() != project.files.size()) {
    return std::nullopt;
  }
  std::vector<MovedFile> moved;
  for (std::size_t i = 0; i < project.files.size(); ++i) {
    const std::string& before = entry.content_digests[i];
    const std::string& after = content_digests[i];
    if (before == after) continue;
    if (before.empty() || after.empty() || moved.size() == max_moved) return std::nullopt;
    const std::string& path = project.files[i].path;
    std::optional<FileFacts> old_facts = cache.Load(cache.KeyOfDigest(before), path);
    std::optional<FileFacts> new_facts = cache.Load(cache.KeyOfDigest(after), path);
    if (!old_facts || !new_facts) return std::nullopt;
    FactsShape old_shape = ShapeOf(*old_facts), new_shape = ShapeOf(*new_facts);
    if (old_shape.digest != new_shape.digest) return std::nullopt;
    std::optional<LineMap> lines = LineMapOf(old_shape.lines, new_shape.lines);
    if (!lines) return std::nullopt;
    auto on_line_1 = [](const FileFacts& f) {
      return std::any_of(f.suppressions.begin(), f.suppressions.end(), [](const auto& s) { return s.line == 1; });
    };
    moved.push_back({path, std::move(*lines), on_line_1(*old_facts) || on_line_1(*new_facts)});
  }
  nlohmann::json report = nlohmann::json::parse(entry.report, nullptr, /*allow_exceptions=*/false);
  if (report.is_discarded() || !report.is_object()) return std::nullopt;
  return ShiftReport(report, moved);
}

}  // namespace seams
