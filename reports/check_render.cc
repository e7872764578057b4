// The check-format registry and the pieces the check renderers share.

#include "reports/check_render.h"

#include <algorithm>
#include <map>
#include <utility>

#include "reports/check_render_internal.h"

namespace seams {

namespace check_internal {

namespace {

using nlohmann::json;

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Code points in `text` (UTF-8 continuation bytes do not count).
std::size_t CodePoints(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return !IsContinuationByte(c); }));
}

// The first line of `source` without trailing blanks; "" when it is blank.
std::string DisplayedSource(const std::string& source) {
  std::string line = source.substr(0, source.find('\n'));
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.pop_back();
  return line;
}

// The caret under code point `column` (1-based) of `line`, then `~` to its end.
// Tabs before the caret are copied so that it lines up however tabs are shown.
std::string CaretLine(const std::string& line, int column) {
  std::string caret;
  std::size_t target = static_cast<std::size_t>(column - 1);
  std::size_t point = 0;
  for (char c : line) {
    if (IsContinuationByte(c)) continue;
    if (point == target) break;
    caret += c == '\t' ? '\t' : ' ';
    ++point;
  }
  while (point < target) {  // a column past the end of the shown source
    caret += ' ';
    ++point;
  }
  caret += '^';
  std::size_t total = CodePoints(line);
  if (total > target + 1) caret.append(total - target - 1, '~');
  return caret;
}

// Later lines of a multi-line message indented under the first; CRs dropped.
std::string IndentContinuation(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\r') continue;
    out += c;
    if (c == '\n') out += "    ";
  }
  return out;
}

std::string Counted(int count, const char* noun) {
  std::string out = std::to_string(count);
  out += ' ';
  out += noun;
  if (count != 1) out += 's';
  return out;
}

using Counts = std::map<std::string, int>;

// "name count, …" by count (highest first), then name.
std::string CountList(const Counts& counts) {
  std::vector<std::pair<std::string, int>> items(counts.begin(), counts.end());
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (const auto& [name, count] : items) {
    if (!out.empty()) out += ", ";
    // A name is one line: a newline in a context name must not start a new
    // line (in the github format it could be read as a workflow command).
    for (char c : name) out += c == '\n' || c == '\r' ? ' ' : c;
    out += ' ';
    out += std::to_string(count);
  }
  return out;
}

// Summary numbers, counted the way BuildCheckReport counts them.
struct Summary {
  int errors = 0;
  int warnings = 0;
  int known = 0;
  Counts by_rule;
  Counts by_pair;
};

Summary CountFromViolations(const json& report) {
  Summary s;
  for (const auto& v : ArrayField(report, "violations")) {
    auto it = v.find("new");
    if (it != v.end() && it->is_boolean() && !it->get<bool>()) {
      ++s.known;
      continue;
    }
    (StringField(v, "severity") == "warning" ? s.warnings : s.errors)++;
    ++s.by_rule[StringField(v, "rule")];
    std::string from = StringField(v, "from_context"), to = StringField(v, "to_context");
    if (!from.empty() && !to.empty()) ++s.by_pair[from + " -> " + to];
  }
  int unused = static_cast<int>(ArrayField(report, "unused_suppressions").size());
  if (unused > 0) {
    s.warnings += unused;
    s.by_rule["unused-suppression"] += unused;
  }
  return s;
}

Counts CountsField(const json& object) {
  Counts counts;
  for (const auto& [name, value] : object.items()) {
    if (value.is_number_integer()) counts[name] = value.get<int>();
  }
  return counts;
}

// The report's own summary wins, so the text agrees with the exit code; a field
// it lacks (older reports have no "known") is counted from the violations.
Summary ReadSummary(const json& report) {
  Summary s = CountFromViolations(report);
  auto it = report.find("summary");
  if (it == report.end() || !it->is_object()) return s;
  const json& summary = *it;
  if (summary.contains("errors")) s.errors = IntField(summary, "errors");
  if (summary.contains("warnings")) s.warnings = IntField(summary, "warnings");
  if (summary.contains("known")) s.known = IntField(summary, "known");
  if (auto r = summary.find("by_rule"); r != summary.end() && r->is_object()) s.by_rule = CountsField(*r);
  if (auto p = summary.find("by_context_pair"); p != summary.end() && p->is_object()) s.by_pair = CountsField(*p);
  return s;
}

}  // namespace

std::string StringField(const json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int IntField(const json& object, const char* key) {
  if (!object.is_object()) return 0;
  auto it = object.find(key);
  return it != object.end() && it->is_number_integer() ? it->get<int>() : 0;
}

const json& ArrayField(const json& object, const char* key) {
  static const json kEmpty = json::array();
  if (!object.is_object()) return kEmpty;
  auto it = object.find(key);
  return it != object.end() && it->is_array() ? *it : kEmpty;
}

std::vector<const json*> NewViolations(const json& report) {
  std::vector<const json*> out;
  for (const auto& v : ArrayField(report, "violations")) {
    auto it = v.find("new");
    bool is_new = it == v.end() || !it->is_boolean() || it->get<bool>();
    if (is_new) out.push_back(&v);
  }
  return out;
}

std::string Location(const std::string& path, int line, int column) {
  std::string out = path;
  if (line > 0) {
    if (!out.empty()) out += ':';
    out += std::to_string(line);
    if (column > 0) {
      out += ':';
      out += std::to_string(column);
    }
  }
  return out.empty() ? "seams" : out;
}

std::string ViolationBlock(const json& violation) {
  std::string severity = StringField(violation, "severity");
  if (severity.empty()) severity = "error";
  int column = IntField(violation, "column");
  std::string out = Location(StringField(violation, "path"), IntField(violation, "line"), column);
  out += ": ";
  out += severity;
  out += ": ";
  out += StringField(violation, "rule");
  out += ": ";
  out += IndentContinuation(StringField(violation, "message"));
  out += '\n';
  std::string source = DisplayedSource(StringField(violation, "source"));
  if (!source.empty()) {
    out += "    ";
    out += source;
    out += '\n';
    if (column > 0) {
      out += "    ";
      out += CaretLine(source, column);
      out += '\n';
    }
  }
  std::string help = StringField(violation, "help");
  if (!help.empty()) {
    out += "    help: ";
    out += IndentContinuation(help);
    out += '\n';
  }
  return out;
}

std::string UnusedSuppressionMessage(const json& suppression) {
  std::string rules;
  for (const auto& rule : ArrayField(suppression, "rules")) {
    if (!rule.is_string()) continue;
    if (!rules.empty()) rules += ", ";
    rules += rule.get<std::string>();
  }
  std::string out = "`# seams: ignore";
  if (!rules.empty()) {
    out += '[';
    out += rules;
    out += ']';
  }
  out += "` silenced nothing";
  return out;
}

std::string UnusedSuppressionKey(const json& suppression) {
  std::string key = "unused-suppression|";
  key += StringField(suppression, "path");
  key += '|';
  key += std::to_string(IntField(suppression, "line"));
  return key;
}

std::string SummaryLine(const json& report) {
  Summary s = ReadSummary(report);
  std::string out = "seams: ";
  out += Counted(s.errors, "error");
  out += ", ";
  out += Counted(s.warnings, "warning");
  if (s.known > 0) {
    out += " (";
    out += std::to_string(s.known);
    out += " known in baseline)";
  }
  if (!s.by_rule.empty()) {
    out += "; by rule: ";
    out += CountList(s.by_rule);
  }
  if (!s.by_pair.empty()) {
    out += "; by context pair: ";
    out += CountList(s.by_pair);
  }
  return out;
}

}  // namespace check_internal

const std::vector<Format<CheckReporter>>& CheckFormats() {
  // One row per format: a new format is a new file and a new row here.
  static const std::vector<Format<CheckReporter>> kFormats = {
      {"github", "GitHub Actions annotations", &WriteCheckGithub},
      {"json", "the check report (seams.check/1)", &WriteCheckJson},
      {"junit", "JUnit XML", &WriteCheckJunit},
      {"sarif", "SARIF 2.1.0", &WriteCheckSarif},
      {"text", "compiler-style text", &WriteCheckText, true},
  };
  return kFormats;
}

CheckReporter FindCheckReporter(const std::string& format) {
  const Format<CheckReporter>* row = FindFormat(CheckFormats(), format);
  return row ? row->render : nullptr;
}

}  // namespace seams
