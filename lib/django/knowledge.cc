// The knowledge base of third-party models and fields: read with toml++ from the
// bundled file (compiled in by cmake/EmbedFiles.cmake) and from config files.

#include "lib/django/knowledge.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <cstdint>
#include <sstream>
#include <utility>

#include "lib/core/names.h"
#include "lib/django/knowledge_toml.h"

namespace seams::knowledge_data {
extern const char* const kPackagesToml[];  // generated from lib/django/knowledge/packages.toml
}  // namespace seams::knowledge_data

namespace seams {

namespace {

bool IsIdentifier(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// "a.b.C": identifiers joined by dots, at least two of them.
bool IsQualified(const std::string& s) {
  std::size_t start = 0, parts = 0;
  for (;;) {
    auto dot = s.find('.', start);
    if (!IsIdentifier(s.substr(start, dot == std::string::npos ? std::string::npos : dot - start))) return false;
    ++parts;
    if (dot == std::string::npos) return parts >= 2;
    start = dot + 1;
  }
}

// "label.Name", or a name Django resolves specially.
bool IsModelReference(const std::string& s, bool allow_special) {
  if (allow_special && (s == "self" || s == "AUTH_USER_MODEL")) return true;
  auto dot = s.find('.');
  return dot != std::string::npos && IsIdentifier(s.substr(0, dot)) && IsIdentifier(s.substr(dot + 1));
}

std::string KeyOf(const std::string& label, const std::string& name) { return label + "." + AsciiLower(name); }

// Reads the keys of one entry table, reporting each problem where it is.
class EntryReader {
 public:
  EntryReader(const toml::table& table, std::string where, KnowledgeErrorFn error)
      : table_(table), where_(std::move(where)), error_(std::move(error)) {}

  bool ok() const { return ok_; }

  void Fail(const toml::source_region& at, const std::string& what, const std::string& help = "") {
    ok_ = false;
    error_(at, what, help);
  }

  void Keys(const std::set<std::string>& allowed) {
    for (const auto& [key, node] : table_) {
      if (allowed.count(std::string(key.str()))) continue;
      std::string list;
      for (const auto& a : allowed) {
        if (!list.empty()) list += ", ";
        list += a;
      }
      Fail(key.source(), "unknown key '" + std::string(key.str()) + "' in " + where_, "known keys: " + list);
    }
  }

  std::string String(const char* key, bool required = false) {
    const toml::node* node = table_.get(key);
    if (!node) {
      if (required) Fail(table_.source(), std::string("'") + key + "' is missing in " + where_);
      return "";
    }
    if (auto value = node->value<std::string>()) return *value;
    Fail(node->source(), std::string("'") + key + "' must be a string");
    return "";
  }

  // A qualified class name ("wagtail.models.Page").
  std::string Qualified(const char* key) {
    std::string value = String(key, true);
    if (!value.empty() && !IsQualified(value)) {
      Fail(table_.get(key)->source(), "'" + value + "' is not a qualified class name",
           "write it as projects import it: \"wagtail.models.Page\"");
    }
    return value;
  }

  std::vector<std::string> QualifiedList(const char* key) {
    std::vector<std::string> out;
    const toml::node* node = table_.get(key);
    if (!node) return out;
    const toml::array* array = node->as_array();
    if (!array) {
      Fail(node->source(), std::string("'") + key + "' must be an array of qualified class names");
      return out;
    }
    for (const auto& item : *array) {
      auto value = item.value<std::string>();
      if (!value || !IsQualified(*value)) {
        Fail(item.source(), std::string("'") + key + "' must hold qualified class names (\"pkg.module.Class\")");
        continue;
      }
      out.push_back(*value);
    }
    return out;
  }

  bool Bool(const char* key, bool* out, const std::string& help) {
    const toml::node* node = table_.get(key);
    if (!node) {
      Fail(table_.source(), std::string("'") + key + "' is missing in " + where_, help);
      return false;
    }
    if (auto value = node->value<bool>()) {
      *out = *value;
      return true;
    }
    Fail(node->source(), std::string("'") + key + "' must be true or false", help);
    return false;
  }

  // A "label.Name" model reference.
  std::string Reference(const char* key, bool allow_special) {
    std::string value = String(key);
    if (!value.empty() && !IsModelReference(value, allow_special)) {
      std::string what = "'";
      what += key;
      what += "' must name a model as \"app_label.Model\"";
      if (allow_special) what += ", \"self\" or \"AUTH_USER_MODEL\"";
      Fail(table_.get(key)->source(), what);
    }
    return value;
  }

  const toml::table& table() const { return table_; }

 private:
  const toml::table& table_;
  std::string where_;
  KnowledgeErrorFn error_;
  bool ok_ = true;
};

const char* const kRelationKinds[] = {"fk", "o2o", "m2m", "generic_fk", "generic_relation"};

std::vector<KnownRelation> ReadRelations(EntryReader& entry) {
  std::vector<KnownRelation> out;
  const toml::node* node = entry.table().get("relations");
  if (!node) return out;
  const toml::array* array = node->as_array();
  if (!array) {
    entry.Fail(node->source(), "'relations' must be an array of tables",
               "relations = [{ field = \"owner\", kind = \"fk\", to = \"AUTH_USER_MODEL\" }]");
    return out;
  }
  std::set<std::string> fields;
  for (const auto& item : *array) {
    const toml::table* t = item.as_table();
    if (!t) {
      entry.Fail(item.source(), "each relation must be a table: { field = \"…\", kind = \"fk\", to = \"app.Model\" }");
      continue;
    }
    EntryReader relation(*t, "a relation", [&entry](const toml::source_region& at, const std::string& what,
                                                    const std::string& help) { entry.Fail(at, what, help); });
    relation.Keys({"field", "kind", "to", "through"});
    KnownRelation r;
    r.field = relation.String("field", true);
    if (!r.field.empty() && !IsIdentifier(r.field)) entry.Fail(t->get("field")->source(), "'field' must be a Python name");
    r.kind = relation.String("kind", true);
    bool known_kind = std::find(std::begin(kRelationKinds), std::end(kRelationKinds), r.kind) != std::end(kRelationKinds);
    if (!r.kind.empty() && !known_kind) {
      entry.Fail(t->get("kind")->source(), "unknown relation kind '" + r.kind + "'",
                 "kinds: fk, o2o, m2m, generic_fk, generic_relation");
    }
    r.to = relation.Reference("to", true);
    if (r.to.empty() && r.kind != "generic_fk" && t->get("to") == nullptr) {
      entry.Fail(t->source(), "relation '" + r.field + "' has no 'to'", "to = \"app_label.Model\"");
    }
    r.through = relation.Reference("through", false);
    if (!r.field.empty() && !fields.insert(r.field).second) {
      entry.Fail(t->source(), "relation '" + r.field + "' is declared twice");
    }
    out.push_back(std::move(r));
  }
  return out;
}

const toml::array* EntryArray(const toml::node& node, const std::string& where, const KnowledgeErrorFn& error) {
  const toml::array* array = node.as_array();
  if (!array) error(node.source(), "'" + where + "' must be an array of tables", "write each entry as " + where);
  return array;
}

}  // namespace

std::string KnownModel::Key() const { return label + "." + LastName(qualname); }

void ReadKnownModels(const toml::node& node, const std::string& source, const std::string& where,
                     const KnowledgeErrorFn& error, std::vector<KnownModel>* out) {
  const toml::array* array = EntryArray(node, where, error);
  if (!array) return;
  for (const auto& item : *array) {
    const toml::table* t = item.as_table();
    if (!t) {
      error(item.source(), "each entry of " + where + " must be a table", "");
      continue;
    }
    EntryReader entry(*t, where, error);
    entry.Keys({"class", "aliases", "package", "label", "abstract", "bases", "relations"});
    KnownModel model;
    model.source = source;
    model.line = static_cast<int>(t->source().begin.line);
    model.qualname = entry.Qualified("class");
    model.aliases = entry.QualifiedList("aliases");
    model.package = entry.String("package");
    model.label = entry.String("label");
    if (model.label.empty()) model.label = model.qualname.substr(0, model.qualname.find('.'));
    else if (!IsIdentifier(model.label)) entry.Fail(t->get("label")->source(), "'label' must be an app label (a Python name)");
    entry.Bool("abstract", &model.abstract,
               "abstract = true for a base without a table, false for a concrete model other models may point at");
    model.bases = entry.QualifiedList("bases");
    model.relations = ReadRelations(entry);
    if (entry.ok()) out->push_back(std::move(model));
  }
}

void ReadKnownFields(const toml::node& node, const std::string& source, const std::string& where,
                     const KnowledgeErrorFn& error, std::vector<KnownField>* out) {
  const toml::array* array = EntryArray(node, where, error);
  if (!array) return;
  for (const auto& item : *array) {
    const toml::table* t = item.as_table();
    if (!t) {
      error(item.source(), "each entry of " + where + " must be a table", "");
      continue;
    }
    EntryReader entry(*t, where, error);
    entry.Keys({"class", "aliases", "package", "kind", "target_arg", "target_keyword", "default_target",
                "through_keyword", "default_through", "target_from_through"});
    KnownField field;
    field.source = source;
    field.line = static_cast<int>(t->source().begin.line);
    field.qualname = entry.Qualified("class");
    field.aliases = entry.QualifiedList("aliases");
    field.package = entry.String("package");
    field.kind = entry.String("kind", true);
    if (!field.kind.empty() && field.kind != "fk" && field.kind != "o2o" && field.kind != "m2m" && field.kind != "field") {
      entry.Fail(t->get("kind")->source(), "unknown field kind '" + field.kind + "'",
                 "fk, o2o, m2m (behaves as that Django relation) or field (no relation)");
    }
    if (const toml::node* arg = t->get("target_arg")) {
      auto value = arg->value<std::int64_t>();
      if (!value || *value < -1 || *value > 16) {
        entry.Fail(arg->source(), "'target_arg' must be the target's positional index (0, 1, …), or -1 for none");
      } else {
        field.target_arg = static_cast<int>(*value);
      }
    }
    if (t->get("target_keyword")) field.target_keyword = entry.String("target_keyword");
    if (t->get("through_keyword")) field.through_keyword = entry.String("through_keyword");
    field.default_target = entry.Reference("default_target", true);
    field.default_through = entry.Reference("default_through", false);
    field.target_from_through = entry.String("target_from_through");
    if (entry.ok()) out->push_back(std::move(field));
  }
}

void Knowledge::Add(KnownModel model) {
  std::size_t slot = models_.size();
  if (auto it = model_index_.find(model.qualname); it != model_index_.end()) slot = it->second;
  if (slot == models_.size()) models_.push_back(std::move(model));
  else models_[slot] = std::move(model);
  const KnownModel& m = models_[slot];
  model_index_[m.qualname] = slot;
  for (const auto& alias : m.aliases) model_index_[alias] = slot;
  key_index_[KeyOf(m.label, LastName(m.qualname))] = slot;
}

void Knowledge::Add(KnownField field) {
  std::size_t slot = fields_.size();
  if (auto it = field_index_.find(field.qualname); it != field_index_.end()) slot = it->second;
  if (slot == fields_.size()) fields_.push_back(std::move(field));
  else fields_[slot] = std::move(field);
  const KnownField& f = fields_[slot];
  field_index_[f.qualname] = slot;
  for (const auto& alias : f.aliases) field_index_[alias] = slot;
}

void Knowledge::Merge(const Knowledge& other) {
  for (const auto& m : other.models_) Add(m);
  for (const auto& f : other.fields_) Add(f);
}

const KnownModel* Knowledge::Model(const std::string& qualified) const {
  auto it = model_index_.find(qualified);
  return it == model_index_.end() ? nullptr : &models_[it->second];
}

const KnownModel* Knowledge::ModelByKey(const std::string& key) const {
  auto dot = key.find('.');
  if (dot == std::string::npos) return nullptr;
  auto it = key_index_.find(KeyOf(key.substr(0, dot), key.substr(dot + 1)));
  return it == key_index_.end() ? nullptr : &models_[it->second];
}

const KnownField* Knowledge::Field(const std::string& qualified) const {
  auto it = field_index_.find(qualified);
  return it == field_index_.end() ? nullptr : &fields_[it->second];
}

std::vector<Knowledge::Declared> Knowledge::InheritedRelations(const KnownModel& model) const {
  std::vector<Declared> out;
  std::set<std::string> fields, visited;
  // Depth first in base order, as Python's MRO sees a field first in the class that declares it lowest.
  std::vector<const KnownModel*> stack = {&model};
  while (!stack.empty()) {
    const KnownModel* m = stack.back();
    stack.pop_back();
    if (!visited.insert(m->qualname).second) continue;
    for (const auto& r : m->relations) {
      if (fields.insert(r.field).second) out.push_back({r, m->Key()});
    }
    for (auto it = m->bases.rbegin(); it != m->bases.rend(); ++it) {
      const KnownModel* base = Model(*it);
      if (base && base->abstract) stack.push_back(base);  // a concrete base keeps its fields on its own table
    }
  }
  return out;
}

std::string Knowledge::ConcreteAncestor(const KnownModel& model) const {
  if (!model.abstract) return model.Key();
  std::set<std::string> visited;
  std::vector<const KnownModel*> stack = {&model};
  while (!stack.empty()) {
    const KnownModel* m = stack.back();
    stack.pop_back();
    if (!visited.insert(m->qualname).second) continue;
    for (const auto& name : m->bases) {
      const KnownModel* base = Model(name);
      if (base && !base->abstract) return base->Key();
    }
    for (auto it = m->bases.rbegin(); it != m->bases.rend(); ++it) {
      if (const KnownModel* base = Model(*it)) stack.push_back(base);
    }
  }
  return "";
}

Knowledge ParseKnowledge(const std::string& text, const std::string& path, std::vector<std::string>* errors) {
  Knowledge knowledge;
  auto error = [&](const toml::source_region& at, const std::string& what, const std::string& help) {
    std::ostringstream out;
    out << path << ':' << at.begin.line << ':' << at.begin.column << ": " << what;
    if (!help.empty()) out << "\n  help: " << help;
    errors->push_back(out.str());
  };
  toml::table document;
  try {
    document = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    error(e.source(), std::string(e.description()), "");
    return knowledge;
  }
  for (const auto& [key, node] : document) {
    std::string name(key.str());
    if (name != "models" && name != "fields") error(key.source(), "unknown key '" + name + "'", "known keys: fields, models");
  }
  std::vector<KnownModel> models;
  std::vector<KnownField> fields;
  if (const toml::node* node = document.get("models")) ReadKnownModels(*node, path, "[[models]]", error, &models);
  if (const toml::node* node = document.get("fields")) ReadKnownFields(*node, path, "[[fields]]", error, &fields);
  for (auto& m : models) knowledge.Add(std::move(m));
  for (auto& f : fields) knowledge.Add(std::move(f));
  return knowledge;
}

namespace {

struct Bundled {
  Knowledge knowledge;
  std::vector<std::string> errors;
};

const Bundled& LoadBundled() {
  static const Bundled bundled = [] {
    std::string text;
    for (const char* const* piece = knowledge_data::kPackagesToml; *piece; ++piece) text += *piece;
    Bundled b;
    b.knowledge = ParseKnowledge(text, "lib/django/knowledge/packages.toml", &b.errors);
    return b;
  }();
  return bundled;
}

}  // namespace

const Knowledge& BundledKnowledge() { return LoadBundled().knowledge; }

std::vector<std::string> BundledKnowledgeErrors() { return LoadBundled().errors; }

}  // namespace seams
