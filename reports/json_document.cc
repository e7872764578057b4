#include "reports/json_document.h"

#include <algorithm>
#include <ostream>

namespace seams {

using nlohmann::json;

/// Writes as nlohmann's pretty printer does (indent 2, keys in order, no escaping
/// of non-ASCII), using its own serializer for every value and key, so the bytes match.
/// The text goes to a buffer handed to the stream a block at a time: a stream
/// write per token cost a tenth of writing saleor's 30 MB report.
class JsonDocument::Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out), serializer_(nlohmann::detail::output_adapter<char>(buffer_), ' ') {}
  ~Writer() { Flush(); }

  void Object(const JsonDocument& document, unsigned indent) {
    if (document.members_.empty()) {
      buffer_ += "{}";
      return;
    }
    buffer_ += "{\n";
    bool first = true;
    for (const auto& [key, value] : document.members_) {
      if (!first) buffer_ += ",\n";
      first = false;
      Indent(indent + kStep);
      serializer_.dump(json(key), true, false, kStep, indent + kStep);
      buffer_ += ": ";
      if (value.object) Object(*value.object, indent + kStep);
      else if (value.elements) Array(value.elements, indent + kStep);
      else Value(value.make ? value.make() : json(), indent + kStep);
    }
    buffer_ += '\n';
    Indent(indent);
    buffer_ += '}';
  }

  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  static constexpr unsigned kStep = 2;
  static constexpr std::size_t kBlock = std::size_t{1} << 20;

  void Array(const Elements& elements, unsigned indent) {
    bool any = false;
    elements([&](json element) {
      buffer_ += any ? ",\n" : "[\n";
      any = true;
      Indent(indent + kStep);
      Value(element, indent + kStep);
      if (buffer_.size() >= kBlock) Flush();
    });
    if (!any) {
      buffer_ += "[]";
      return;
    }
    buffer_ += '\n';
    Indent(indent);
    buffer_ += ']';
  }

  void Value(const json& value, unsigned indent) { serializer_.dump(value, true, false, kStep, indent); }
  void Indent(unsigned n) { buffer_.append(n, ' '); }

  std::ostream& out_;
  std::string buffer_;
  nlohmann::detail::serializer<json> serializer_;
};

void JsonDocument::Set(const std::string& key, Make make) { members_[key] = Value{std::move(make), {}, nullptr}; }

void JsonDocument::SetArray(const std::string& key, Elements elements) {
  members_[key] = Value{{}, std::move(elements), nullptr};
}

JsonDocument& JsonDocument::Object(const std::string& key) {
  Value& value = members_[key];
  if (!value.object) value = Value{{}, {}, std::make_unique<JsonDocument>()};
  return *value.object;
}

void JsonDocument::Take(const std::string& key, JsonDocument& from, const std::string& from_key) {
  auto it = from.members_.find(from_key);
  if (it == from.members_.end()) return;
  members_[key] = std::move(it->second);
  from.members_.erase(it);
}

json JsonDocument::Member(const std::string& key) const {
  auto it = members_.find(key);
  return it == members_.end() ? json() : Build(it->second, key, nullptr);
}

json JsonDocument::Build(const Value& value, const std::string& path, const Trim& trim) const {
  if (value.object) {
    json out = json::object();
    for (const auto& [key, member] : value.object->members_) out[key] = value.object->Build(member, path + "." + key, trim);
    return out;
  }
  if (value.elements) {
    json array = json::array();
    value.elements([&](json element) {
      if (trim) trim(path, &element);
      array.push_back(std::move(element));
    });
    return array;
  }
  return value.make ? value.make() : json();
}

json JsonDocument::ToJson() const { return ToJsonWithout({}); }

json JsonDocument::ToJsonWithout(const std::vector<std::string>& left_out, const Trim& trim) const {
  json out = json::object();
  for (const auto& [key, member] : members_) {
    if (std::find(left_out.begin(), left_out.end(), key) == left_out.end()) out[key] = Build(member, key, trim);
  }
  return out;
}

void JsonDocument::EachElement(const std::vector<std::string>& path, const Emit& emit) const {
  const JsonDocument* document = this;
  for (std::size_t i = 0; i < path.size(); ++i) {
    auto it = document->members_.find(path[i]);
    if (it == document->members_.end()) return;
    if (i + 1 == path.size()) {
      if (it->second.elements) it->second.elements(emit);
      return;
    }
    if (!it->second.object) return;
    document = it->second.object.get();
  }
}

void JsonDocument::Write(std::ostream& out) const {
  Writer writer(out);
  writer.Object(*this, 0);
  writer.Flush();
  out << '\n';
}

}  // namespace seams
