// Saved reports read back by diagram, explain and score: a report nested too
// deep, or with a field of the wrong type, is a usage error naming the file and
// the JSON Pointer of the bad field, never a crash or a library's own text.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lib/core/error.h"
#include "reports/report_reader.h"
#include "reports/schema_validate.h"
#include "tests/report_every_way.h"
#include "tests/test_support.h"

namespace {

using nlohmann::json;

const json& Golden() {
  static const json report =
      json::parse(seams::test::ReadText(std::string(SEAMS_SOURCE_DIR) + "/tests/golden/shopwise/report.json"));
  return report;
}

// The JSON Pointer of every value under `value`, in document order.
void Pointers(const json& value, const std::string& at, std::vector<std::string>* out) {
  out->push_back(at);
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) Pointers(member, at + "/" + key, out);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) Pointers(value[i], at + "/" + std::to_string(i), out);
  }
}

// A value of another JSON type than `value`; `round` picks among them.
json OtherType(const json& value, std::size_t round) {
  const std::vector<json> options = {json("x"), json(7), json(true), json::array(), json::object(), json(2.5)};
  for (std::size_t i = 0; i < options.size(); ++i) {
    const json& candidate = options[(round + i) % options.size()];
    const bool same = candidate.type() == value.type() || (candidate.is_number() && value.is_number());
    if (!same) return candidate;
  }
  return json(nullptr);
}

// The message of the SeamsError reading `text` throws, "" when it reads.
std::string ReadError(const std::string& text) {
  try {
    json report = seams::ParseAnalysisReport(text, "report.json");
    seams::test::ReadReportEveryWay(report);
  } catch (const seams::SeamsError& e) {
    CHECK(e.kind() == seams::ErrorKind::kUsage);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the shopwise golden report reads back every way", "[reports][reliability]") {
  CHECK(seams::FirstSchemaViolation(seams::AnalysisReportSchema(), Golden()) == "");
  CHECK(ReadError(Golden().dump()) == "");
}

TEST_CASE("a field of the wrong type names the file and the field's JSON Pointer", "[reports][reliability]") {
  json report = Golden();
  report["graph"]["nodes"][0]["context"] = 3;
  CHECK(ReadError(report.dump()) == "report.json: /graph/nodes/0/context: expected a string or null, got a number");
  report = Golden();
  report["graph"]["edges"][1].erase("weight");
  CHECK(ReadError(report.dump()) == "report.json: /graph/edges/1: missing the required field \"weight\"");
  report = Golden();
  report["graph"]["edges"][0]["count"] = 4294967296LL;
  CHECK(ReadError(report.dump()) == "report.json: /graph/edges/0/count: expected a 32-bit integer, got 4294967296");
  // Each count fits, their total does not: the readers' sums would overflow.
  report = Golden();
  report["graph"]["edges"][0]["count"] = 2147483647;
  report["graph"]["edges"][1]["count"] = 2147483647;
  CHECK_THAT(ReadError(report.dump()),
             Catch::StartsWith("report.json: /graph/edges: the counts add up to 4294967"));
}

TEST_CASE("mutating the type of any field of a report is a usage error at that field", "[reports][reliability]") {
  // A corrupted-report mini-fuzz: fields spread over the whole report, each
  // given another JSON type in turn (in place, then put back: no copy of the
  // report per mutation, so the sanitizer build stays quick); reading must
  // either work (the type is allowed there) or fail naming that field, and
  // diagram, explain and score must never meet a library error.
  json report = Golden();
  std::vector<std::string> pointers;
  Pointers(report, "", &pointers);
  const std::size_t step = pointers.size() / 100 + 1;
  std::size_t rejected = 0, tried = 0;
  for (std::size_t i = 1; i < pointers.size(); i += step, ++tried) {
    const json::json_pointer pointer(pointers[i]);
    json original = std::move(report[pointer]);
    report[pointer] = OtherType(original, i);
    INFO(pointers[i] << " := " << report[pointer].dump());
    std::string message;
    try {
      seams::CheckAnalysisReport(report, "report.json");
      seams::test::ReadReportEveryWay(report);
    } catch (const seams::SeamsError& e) {
      CHECK(e.kind() == seams::ErrorKind::kUsage);
      message = e.what();
    }
    report[pointer] = std::move(original);
    if (message.empty()) continue;
    ++rejected;
    CHECK_THAT(message, Catch::StartsWith("report.json: " + pointers[i] + ":"));
    CHECK_THAT(message, !Catch::Contains("json.exception") && !Catch::Contains("map::at"));
  }
  CHECK(report == Golden());
  CHECK(tried >= 90);
  CHECK(rejected * 10 >= tried * 9);  // nearly every field has one type; "anything" fields are rare
}

TEST_CASE("a report nested 50,000 deep is refused before anything walks it", "[reports][reliability]") {
  std::string text = Golden().dump();
  const std::string context = "\"context\":";
  const std::size_t at = text.find(context, text.find("\"nodes\":"));
  REQUIRE(at != std::string::npos);
  const std::size_t value = at + context.size();
  const std::size_t end = text.find_first_of(",}", value);
  text.replace(value, end - value, std::string(50000, '[') + std::string(50000, ']'));
  CHECK_THAT(ReadError(text), Catch::StartsWith("report.json: nested deeper than 512 arrays and objects (at byte"));
  // 512 levels is allowed by the reader, and then refused by the schema at that field.
  text = Golden().dump();
  text.replace(value, end - value, std::string(500, '[') + std::string(500, ']'));
  CHECK_THAT(ReadError(text), Catch::StartsWith("report.json: /graph/nodes/0/context: expected a string or null, got an array"));
}

TEST_CASE("an edge to a node the report does not list is read, not an abort (the fuzzer's find)", "[reports][reliability]") {
  json report = Golden();
  REQUIRE_FALSE(report.at("graph").at("edges").empty());
  // Every edge leaves from or goes to a node no one lists, as in a hand-edited report.
  for (auto& edge : report.at("graph").at("edges")) {
    edge["from"] = "nowhere.module";
  }
  std::string error;
  CHECK_NOTHROW(error = ReadError(report.dump()));
  CHECK(error == "");
}
