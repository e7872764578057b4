// `seams check --format github`: GitHub Actions workflow commands, which the
// runner turns into annotations on the pull request's diff.

#include <ostream>
#include <string>

#include "reports/check_render.h"
#include "reports/check_render_internal.h"

namespace seams {

namespace {

using nlohmann::json;

// Command data (the part after `::`): the runner decodes %25, %0D and %0A.
std::string EscapeData(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

// A property value: also `:` and `,`, which would end the value or the property list.
std::string EscapeProperty(const std::string& text) {
  std::string out;
  for (char c : EscapeData(text)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

// `::COMMAND file=…,line=…,col=…,title=…::DATA`, leaving out unknown properties.
void WriteCommand(std::ostream& out, const std::string& command, const std::string& path, int line, int column,
                  const std::string& title, const std::string& data) {
  std::string properties;
  auto add = [&properties](const char* name, const std::string& value) {
    if (!properties.empty()) properties += ',';
    properties += name;
    properties += '=';
    properties += EscapeProperty(value);
  };
  if (!path.empty()) add("file", path);
  if (line > 0) {
    add("line", std::to_string(line));
    if (column > 0) add("col", std::to_string(column));
  }
  if (!title.empty()) add("title", title);
  out << "::" << command;
  if (!properties.empty()) out << ' ' << properties;
  out << "::" << EscapeData(data) << '\n';
}

}  // namespace

void WriteCheckGithub(const json& report, std::ostream& out) {
  using namespace check_internal;
  for (const json* v : NewViolations(report)) {
    std::string message = StringField(*v, "message");
    std::string help = StringField(*v, "help");
    // The annotation is all a reviewer sees, so it carries the way out too.
    if (!help.empty()) {
      message += "\nhelp: ";
      message += help;
    }
    WriteCommand(out, StringField(*v, "severity") == "warning" ? "warning" : "error", StringField(*v, "path"),
                 IntField(*v, "line"), IntField(*v, "column"), StringField(*v, "rule"), message);
  }
  for (const auto& s : ArrayField(report, "unused_suppressions")) {
    WriteCommand(out, "warning", StringField(s, "path"), IntField(s, "line"), 0, "unused-suppression",
                 UnusedSuppressionMessage(s));
  }
  for (const auto& key : ArrayField(report, "fixed")) {
    if (!key.is_string()) continue;
    std::string note = "baseline entry no longer occurs: ";
    note += key.get<std::string>();
    WriteCommand(out, "notice", "", 0, 0, "seams", note);
  }
  // A plain line is echoed to the job log: the totals at a glance.
  out << SummaryLine(report) << '\n';
}

}  // namespace seams
