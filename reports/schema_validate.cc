#include "reports/schema_validate.h"

#include <cstdint>
#include <limits>
#include <map>

namespace seams {

namespace schema_data {
extern const char* const kAnalysisSchemaJson[];
}  // namespace schema_data

namespace {

using nlohmann::json;

/// "a string", "an integer": how a message names a value of each JSON type.
std::string Article(const std::string& type) {
  if (type == "null") return "null";
  return (type == "integer" || type == "object" || type == "array" ? "an " : "a ") + type;
}

std::string TypeOf(const json& value) {
  switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "boolean";
    case json::value_t::string: return "string";
    case json::value_t::array: return "array";
    case json::value_t::object: return "object";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "integer";
    default: return "number";
  }
}

bool HasType(const json& value, const std::string& type) {
  if (type == "number") return value.is_number();
  if (type == "integer") return value.is_number_integer();
  return TypeOf(value) == type;
}

/// The value in a message: short scalars as written, anything else by its type.
std::string Brief(const json& value) {
  if (value.is_structured()) return Article(TypeOf(value));
  std::string text = value.dump();
  return text.size() <= 40 ? text : Article(TypeOf(value));
}

void AppendPointerToken(std::string* path, const std::string& token) {
  *path += '/';
  for (char c : token) {
    if (c == '~') {
      *path += "~0";
    } else if (c == '/') {
      *path += "~1";
    } else {
      *path += c;
    }
  }
}

class Validator {
 public:
  explicit Validator(const json& root) : root_(root) {}

  /// Checks `value` (at path_) against `schema`; on the first violation sets error_ and returns false.
  bool Check(const json& schema, const json& value) {
    if (schema.is_boolean()) return schema.get<bool>() || Fail("no value is allowed here");
    if (!schema.is_object()) return true;
    if (auto ref = schema.find("$ref"); ref != schema.end() && !Check(Resolve(*ref), value)) return false;
    if (auto type = schema.find("type"); type != schema.end() && !CheckType(*type, value)) return false;
    if (auto c = schema.find("const"); c != schema.end() && value != *c) {
      return Fail("expected " + c->dump() + ", got " + Brief(value));
    }
    if (auto e = schema.find("enum"); e != schema.end() && !CheckEnum(*e, value)) return false;
    if (value.is_number() && !CheckRange(schema, value)) return false;
    if (value.is_number_integer() && !CheckInteger(value)) return false;
    if (value.is_string() && !CheckString(schema, value.get_ref<const std::string&>())) return false;
    if (value.is_object() && !CheckObject(schema, value)) return false;
    if (value.is_array() && !CheckArray(schema, value)) return false;
    if (auto all = schema.find("allOf"); all != schema.end()) {
      for (const auto& part : *all) {
        if (!Check(part, value)) return false;
      }
    }
    if (auto condition = schema.find("if"); condition != schema.end()) {
      Validator trial(root_);
      const char* branch = trial.Check(*condition, value) ? "then" : "else";
      if (auto next = schema.find(branch); next != schema.end() && !Check(*next, value)) return false;
    }
    return true;
  }

  const std::string& error() const { return error_; }

 private:
  bool Fail(const std::string& message) {
    error_ = (path_.empty() ? std::string("/") : path_) + ": " + message;
    return false;
  }

  const json& Resolve(const json& ref) {
    static const json kAnything = true;
    if (!ref.is_string()) return kAnything;
    const std::string& text = ref.get_ref<const std::string&>();
    auto known = refs_.find(text);
    if (known != refs_.end()) return *known->second;
    const json* target = &kAnything;
    if (text.rfind("#/", 0) == 0) {
      const json::json_pointer pointer(text.substr(1));
      if (root_.contains(pointer)) target = &root_.at(pointer);
    }
    refs_.emplace(text, target);
    return *target;
  }

  bool CheckType(const json& type, const json& value) {
    std::string wanted;
    if (type.is_string()) {
      if (HasType(value, type.get_ref<const std::string&>())) return true;
      wanted = Article(type.get_ref<const std::string&>());
    } else if (type.is_array()) {
      for (const auto& t : type) {
        if (t.is_string() && HasType(value, t.get_ref<const std::string&>())) return true;
        if (t.is_string()) wanted += (wanted.empty() ? "" : " or ") + Article(t.get_ref<const std::string&>());
      }
    } else {
      return true;
    }
    // Any number is "a number"; where an integer was wanted, the number itself.
    const bool integer_wanted = wanted.find("an integer") != std::string::npos;
    const std::string got = !value.is_number() ? Article(TypeOf(value)) : integer_wanted ? Brief(value) : "a number";
    return Fail("expected " + wanted + ", got " + got);
  }

  bool CheckEnum(const json& options, const json& value) {
    std::string list;
    for (const auto& option : options) {
      if (option == value) return true;
      if (list.size() < 200) list += (list.empty() ? "" : ", ") + option.dump();
    }
    return Fail("expected one of " + list + ", got " + Brief(value));
  }

  bool CheckRange(const json& schema, const json& value) {
    const double number = value.get<double>();
    if (auto minimum = schema.find("minimum"); minimum != schema.end() && minimum->is_number() &&
                                               !(number >= minimum->get<double>())) {
      return Fail("expected at least " + minimum->dump() + ", got " + Brief(value));
    }
    if (auto maximum = schema.find("maximum"); maximum != schema.end() && maximum->is_number() &&
                                               !(number <= maximum->get<double>())) {
      return Fail("expected at most " + maximum->dump() + ", got " + Brief(value));
    }
    return true;
  }

  /// Seams writes counts, lines and sizes as 32-bit integers; readers add
  /// them up in 64 bits, so a value beyond 32 bits is not one Seams wrote.
  bool CheckInteger(const json& value) {
    constexpr std::int64_t kMax = std::numeric_limits<std::int32_t>::max();
    const bool fits = value.is_number_unsigned() ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(kMax)
                                                 : value.get<std::int64_t>() >= -kMax && value.get<std::int64_t>() <= kMax;
    return fits || Fail("expected a 32-bit integer, got " + Brief(value));
  }

  bool CheckString(const json& schema, const std::string& text) {
    auto min_length = schema.find("minLength");
    if (min_length == schema.end() || !min_length->is_number_integer()) return true;
    std::int64_t characters = 0;  // code points: every byte that does not continue a UTF-8 sequence
    for (unsigned char c : text) characters += (c & 0xC0) != 0x80;
    return characters >= min_length->get<std::int64_t>() ||
           Fail("expected at least " + min_length->dump() + " characters, got " + std::to_string(characters));
  }

  bool CheckObject(const json& schema, const json& value) {
    if (auto required = schema.find("required"); required != schema.end()) {
      for (const auto& key : *required) {
        if (key.is_string() && !value.contains(key.get_ref<const std::string&>())) {
          return Fail("missing the required field " + key.dump());
        }
      }
    }
    if (auto dependent = schema.find("dependentRequired"); dependent != schema.end() && dependent->is_object()) {
      for (const auto& [key, needs] : dependent->items()) {
        if (!value.contains(key)) continue;
        for (const auto& need : needs) {
          if (need.is_string() && !value.contains(need.get_ref<const std::string&>())) {
            return Fail("has " + json(key).dump() + " but not " + need.dump());
          }
        }
      }
    }
    if (auto minimum = schema.find("minProperties"); minimum != schema.end() && minimum->is_number_integer() &&
                                                     static_cast<std::int64_t>(value.size()) < minimum->get<std::int64_t>()) {
      return Fail("expected at least " + minimum->dump() + " fields, got " + std::to_string(value.size()));
    }
    const auto properties = schema.find("properties");
    const auto additional = schema.find("additionalProperties");
    const auto names = schema.find("propertyNames");
    for (const auto& [key, member] : value.items()) {
      const std::size_t length = path_.size();
      AppendPointerToken(&path_, key);
      if (names != schema.end() && !Check(*names, json(key))) return false;
      const json* member_schema = nullptr;
      if (properties != schema.end() && properties->is_object()) {
        auto it = properties->find(key);
        if (it != properties->end()) member_schema = &*it;
      }
      if (!member_schema && additional != schema.end()) {
        if (additional->is_boolean() && !additional->get<bool>()) return Fail("unexpected field");
        member_schema = &*additional;
      }
      if (member_schema && !Check(*member_schema, member)) return false;
      path_.resize(length);
    }
    return true;
  }

  bool CheckArray(const json& schema, const json& value) {
    if (auto minimum = schema.find("minItems"); minimum != schema.end() && minimum->is_number_integer() &&
                                                static_cast<std::int64_t>(value.size()) < minimum->get<std::int64_t>()) {
      return Fail("expected at least " + minimum->dump() + " items, got " + std::to_string(value.size()));
    }
    auto items = schema.find("items");
    if (items == schema.end()) return true;
    std::size_t index = 0;
    for (const auto& item : value) {
      const std::size_t length = path_.size();
      path_ += '/' + std::to_string(index++);
      if (!Check(*items, item)) return false;
      path_.resize(length);
    }
    return true;
  }

  const json& root_;
  std::map<std::string, const json*> refs_;
  std::string path_;
  std::string error_;
};

}  // namespace

long long FirstTooDeep(const std::string& text, int max_depth) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return static_cast<long long>(i);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return -1;
}

std::string FirstSchemaViolation(const json& schema, const json& value) {
  Validator validator(schema);
  return validator.Check(schema, value) ? std::string() : validator.error();
}

const json& AnalysisReportSchema() {
  static const json schema = [] {
    std::string text;
    for (const char* const* piece = schema_data::kAnalysisSchemaJson; *piece; ++piece) text += *piece;
    return json::parse(text);
  }();
  return schema;
}

}  // namespace seams
