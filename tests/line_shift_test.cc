// The shape cutoff of the warm path: facts shapes that leave out only the line
// numbers (on Django's auth models), the map of moved lines, and the report
// moved by it, with every case where moving it would not give a cold run's answer.

#include <catch2/catch.hpp>

#include "lib/check/line_shift.h"
#include "lib/parse/facts_cache.h"
#include "tests/test_support.h"

namespace {

using nlohmann::json;

seams::FactsShape ShapeOfSource(const std::string& source) { return seams::ShapeOf(seams::test::Parse(source)); }

json Violation(const std::string& path, int line, const std::string& rule = "cross-context-import",
               const std::string& source = "import x") {
  return {{"path", path}, {"line", line}, {"column", 1}, {"rule", rule}, {"source", source}, {"key", rule + "|a|b"}};
}

json Report(json violations, json unused = json::array()) {
  return {{"schema", "seams.check/1"}, {"violations", std::move(violations)}, {"unused_suppressions", std::move(unused)}};
}

}  // namespace

TEST_CASE("facts shapes: the same facts on other lines", "[cache]") {
  const std::string models = seams::test::ReadText(std::string(SEAMS_DJANGO_DIR) + "/contrib/auth/models.py");
  REQUIRE_FALSE(models.empty());
  const seams::FactsShape shape = ShapeOfSource(models);
  CHECK(shape.digest.size() == 32);
  REQUIRE(shape.lines.size() > 100);  // imports, classes, fields, calls, chains …

  // A line added at the top: the same shape, every line one further.
  const seams::FactsShape top = ShapeOfSource("# moved\n" + models);
  CHECK(top.digest == shape.digest);
  REQUIRE(top.lines.size() == shape.lines.size());
  for (std::size_t i = 0; i < shape.lines.size(); ++i) {
    if (shape.lines[i] != 0) CHECK(top.lines[i] == shape.lines[i] + 1);
  }
  // ... which the facts digest does not keep.
  std::size_t end = 0;
  const std::string a = seams::SerializeFacts(seams::test::Parse(models), &end);
  const std::string fa = seams::FactsDigest(a, end);
  const std::string b = seams::SerializeFacts(seams::test::Parse("# moved\n" + models), &end);
  CHECK(seams::FactsDigest(b, end) != fa);

  // A blank line in the middle moves the lines below it only.
  const std::size_t middle = models.find("\nclass User(");
  REQUIRE(middle != std::string::npos);
  const seams::FactsShape inside = ShapeOfSource(std::string(models).insert(middle, "\n"));
  CHECK(inside.digest == shape.digest);
  auto map = seams::LineMapOf(shape.lines, inside.lines);
  REQUIRE(map);
  CHECK(map->begin()->second == map->begin()->first);      // the first import stays
  CHECK(map->rbegin()->second == map->rbegin()->first + 1);  // the last fact moves

  // Any fact that changes is another shape: an import, a name, a suppression.
  CHECK(ShapeOfSource(models + "\nimport os\n").digest != shape.digest);
  CHECK(ShapeOfSource(std::string(models).replace(middle, 12, "\nclass Users(")).digest != shape.digest);
  CHECK(ShapeOfSource(std::string(models).replace(models.find('\n'), 1, "  # seams: ignore\n")).digest !=
        shape.digest);
}

TEST_CASE("line maps: a function that keeps the order, and line 0 stays", "[cache]") {
  auto map = seams::LineMapOf({3, 5, 5, 9, 0}, {4, 7, 7, 12, 0});
  REQUIRE(map);
  CHECK(*map == seams::LineMap{{0, 0}, {3, 4}, {5, 7}, {9, 12}});
  CHECK_FALSE(seams::LineMapOf({3, 5}, {4}));            // not the same facts
  CHECK_FALSE(seams::LineMapOf({5, 5}, {6, 7}));         // `a; b` split over two lines
  CHECK_FALSE(seams::LineMapOf({5, 6}, {7, 7}));         // two lines joined
  CHECK_FALSE(seams::LineMapOf({5, 6}, {8, 7}));         // two lines swapped
  CHECK_FALSE(seams::LineMapOf({0, 6}, {1, 7}));         // "no line" became a line
  CHECK_FALSE(seams::LineMapOf({3, 6}, {0, 7}));         // a line became "no line"
  CHECK(seams::LineMapOf({}, {}) == seams::LineMap{});  // a file with no facts
}

TEST_CASE("shifted reports: moved lines, or no answer where moving would be wrong", "[cache]") {
  const seams::MovedFile moved{"shop/orders.py", {{1, 2}, {4, 5}, {9, 11}}, false};
  const json report = Report(json::array({Violation("shop/cart.py", 4), Violation("shop/orders.py", 4),
                                          Violation("shop/orders.py", 9, "cross-context-fk", "fk customer")}),
                             json::array({{{"path", "shop/orders.py"}, {"line", 1}, {"rules", json::array()}}}));
  auto shifted = seams::ShiftReport(report, {moved});
  REQUIRE(shifted);
  CHECK((*shifted)["violations"][0]["line"] == 4);  // another file: untouched
  CHECK((*shifted)["violations"][1]["line"] == 5);
  CHECK((*shifted)["violations"][2]["line"] == 11);
  CHECK((*shifted)["unused_suppressions"][0]["line"] == 2);
  CHECK(seams::ShiftReport(report, {}) == report);

  // A line that is no fact's line: where it comes from is not known.
  CHECK_FALSE(seams::ShiftReport(Report(json::array({Violation("shop/orders.py", 5)})), {moved}));
  // A place written in text cannot be moved safely ("sent at shop/orders.py:9").
  CHECK_FALSE(seams::ShiftReport(
      Report(json::array({Violation("shop/cart.py", 4, "cross-context-signal", "paid sent at shop/orders.py:9")})),
      {moved}));
  // `unassigned` sits on line 1 whatever the facts: it may stay only where line 1 stays.
  const json unassigned = Report(json::array({Violation("shop/orders.py", 1, "unassigned", "")}));
  CHECK_FALSE(seams::ShiftReport(unassigned, {moved}));
  const seams::MovedFile below{"shop/orders.py", {{1, 1}, {4, 6}}, false};
  auto kept = seams::ShiftReport(unassigned, {below});
  REQUIRE(kept);
  CHECK((*kept)["violations"][0]["line"] == 1);
  const seams::MovedFile onto_one{"shop/orders.py", {{3, 1}}, false};  // a fact moved onto line 1
  CHECK_FALSE(seams::ShiftReport(unassigned, {onto_one}));
  // A suppression on line 1 may silence an unassigned module, which the report does not show.
  seams::MovedFile suppressed = moved;
  suppressed.suppression_on_line_1 = true;
  CHECK_FALSE(seams::ShiftReport(Report(json::array()), {suppressed}));
  suppressed.lines = {{1, 1}, {4, 5}};
  CHECK(seams::ShiftReport(Report(json::array()), {suppressed}));
  // Not a check report.
  CHECK_FALSE(seams::ShiftReport(json::object(), {moved}));
}

TEST_CASE("shape entries: a round trip, and damage is no entry", "[cache]") {
  const seams::ShapeEntry entry{{std::string(32, 'a'), "", std::string(32, '0')}, "{\"violations\": []}\n"};
  const std::string text = entry.Encode();
  auto back = seams::ShapeEntry::Decode(text);
  REQUIRE(back);
  CHECK(back->content_digests == entry.content_digests);
  CHECK(back->report == entry.report);
  CHECK_FALSE(seams::ShapeEntry::Decode(""));
  CHECK_FALSE(seams::ShapeEntry::Decode(text.substr(1)));
  CHECK_FALSE(seams::ShapeEntry::Decode(text.substr(0, 30)));
  std::string upper = text;
  upper[upper.find('a')] = 'A';
  CHECK_FALSE(seams::ShapeEntry::Decode(upper));
  CHECK_FALSE(seams::ShapeEntry::Decode("seams-shape-entry/1\n99999999999\n"));
  std::string padded = text;
  padded.insert(padded.find('\n') + 1, "0");  // "03": not the writer's count
  CHECK_FALSE(seams::ShapeEntry::Decode(padded));
}
