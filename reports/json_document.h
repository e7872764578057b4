#pragma once
/// A JSON object that is written as it is made. On saleor, report.json is 30 MB of
/// text, and as one nlohmann tree it took 75 MiB, more than all of a project's
/// facts: so a report is described member by member, each made only when it is
/// written, and a large array one element at a time.
///
/// `Write` streams the text: byte for byte what nlohmann's dump with indent 2
/// makes of `ToJson()`, the whole tree, which the views (report.md,
/// report.html, the diagrams) still read.

#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace seams {

class JsonDocument {
 public:
  /// Hands one element of an array to the writer (or to the tree being built).
  using Emit = std::function<void(nlohmann::json)>;
  /// Makes the elements of an array, in order, by calling `emit` for each.
  using Elements = std::function<void(const Emit& emit)>;
  /// Makes a member's value.
  using Make = std::function<nlohmann::json()>;
  /// Called on each element of an array as a tree is built, with the array's
  /// dotted path ("graph.edges"): a reader that needs less drops the rest
  /// before the next element is made.
  using Trim = std::function<void(const std::string& path, nlohmann::json* element)>;

  /// A member made by `make` when it is written; replaces any member `key` had.
  void Set(const std::string& key, Make make);
  /// A member that is an array of the elements `elements` makes.
  void SetArray(const std::string& key, Elements elements);
  /// A member that is an object of members of its own (created empty when new).
  JsonDocument& Object(const std::string& key);
  /// Moves member `from_key` of `from` here, as `key`.
  void Take(const std::string& key, JsonDocument& from, const std::string& from_key);

  /// The value of member `key`, made now (null when there is none).
  nlohmann::json Member(const std::string& key) const;
  /// The whole tree.
  nlohmann::json ToJson() const;
  /// The tree without the members `left_out`, each array element passed to `trim` (when given).
  nlohmann::json ToJsonWithout(const std::vector<std::string>& left_out, const Trim& trim = nullptr) const;
  /// Calls `emit` with each element of the array at `path` (keys from the top), made
  /// now; nothing when there is no such array.
  void EachElement(const std::vector<std::string>& path, const Emit& emit) const;
  /// The text of ToJson() with indent 2 and a final newline, written as each member is made.
  void Write(std::ostream& out) const;

 private:
  struct Value {
    Make make;
    Elements elements;
    std::unique_ptr<JsonDocument> object;
  };
  class Writer;
  nlohmann::json Build(const Value& value, const std::string& path, const Trim& trim) const;

  std::map<std::string, Value> members_;  // sorted, as nlohmann sorts an object's keys
};

}  // namespace seams
