#include "lib/data/tables.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "lib/core/md5.h"
#include "lib/core/names.h"

namespace seams {

namespace {

// Python's len() and slicing count code points, not bytes.
std::size_t CodePoints(const std::string& text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

std::string FirstCodePoints(const std::string& text, std::size_t count) {
  std::size_t seen = 0, i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (seen == count) break;
      ++seen;
    }
  }
  return text.substr(0, i);
}

std::string Strip(const std::string& text, char quote) {
  std::size_t begin = text.find_first_not_of(quote);
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(quote) - begin + 1);
}

// django.db.backends.utils.strip_quotes: '"USER"."TABLE"' → 'USER"."TABLE'.
std::string StripQuotes(const std::string& table) {
  if (table.size() >= 2 && table.front() == '"' && table.back() == '"') return table.substr(1, table.size() - 2);
  return table;
}

// The many-to-many fields django.contrib.auth's PermissionsMixin gives every
// user model deriving from it, when Django's own source is not analysed.
struct ContribManyToMany {
  const char* field;
  const char* target;
};
constexpr ContribManyToMany kPermissionsMixinFields[] = {{"groups", "auth.Group"},
                                                         {"user_permissions", "auth.Permission"}};

// True when `model` derives, through abstract project models, from a
// django.contrib abstract base that is not part of the analysed tree.
bool DerivesFromExternalPermissionsMixin(const ModelCatalog& catalog, const ModelInfo& model) {
  std::set<std::string> seen;
  std::vector<std::string> stack = model.bases;
  while (!stack.empty()) {
    std::string key = stack.back();
    stack.pop_back();
    if (!seen.insert(key).second) continue;
    const ModelInfo* base = catalog.Find(key);
    if (!base) {
      if (key == "auth.AbstractUser" || key == "auth.PermissionsMixin") return true;
      continue;
    }
    if (!base->abstract) continue;  // a concrete parent keeps its own m2m tables
    stack.insert(stack.end(), base->bases.begin(), base->bases.end());
  }
  return false;
}

}  // namespace

std::string TruncateName(const std::string& identifier, std::size_t length, std::size_t hash_len) {
  std::string namespace_, name = identifier;
  if (auto split = identifier.find("\".\""); split != std::string::npos &&
                                              identifier.find("\".\"", split + 3) == std::string::npos) {
    namespace_ = Strip(identifier.substr(0, split), '"');
    name = identifier.substr(split + 3);
  }
  name = Strip(name, '"');
  if (CodePoints(name) <= length) return identifier;
  std::string digest = Md5Hex(name).substr(0, hash_len);
  return (namespace_.empty() ? std::string() : namespace_ + "\".\"") + FirstCodePoints(name, length - hash_len) +
         digest;
}

std::string DefaultTableName(const ModelInfo& model, std::size_t max_name_length) {
  if (!model.db_table.empty()) return model.db_table;
  return TruncateName(model.label + "_" + AsciiLower(model.name), max_name_length);
}

std::vector<TableInfo> TablesOf(const ModelCatalog& catalog, const DjangoSettings& settings,
                                std::size_t max_name_length) {
  std::vector<TableInfo> tables;
  const ModelInfo* user_model = catalog.FindReference(settings.auth_user_model);
  for (const auto& model : catalog.models) {
    if (model.abstract || model.proxy) continue;
    // A swappable model that the setting replaces has no table (auth.User under a custom user).
    if (model.swappable == "AUTH_USER_MODEL" && user_model != &model) continue;
    TableInfo own;
    own.table = DefaultTableName(model, max_name_length);
    own.model = model.key;
    own.kind = "model";
    own.managed = model.managed;
    own.path = model.path;
    own.line = model.line;
    auto auto_m2m = [&](const std::string& field, const std::string& target, const std::string& db_table,
                        const std::string& path, int line, bool target_managed) {
      TableInfo m2m;
      m2m.table = !db_table.empty() ? db_table
                                    : TruncateName(StripQuotes(own.table) + "_" + field, max_name_length);
      m2m.model = model.key;
      m2m.kind = "m2m";
      m2m.field = field;
      m2m.target = target;
      // Django manages the intermediary table when either end is managed.
      m2m.managed = model.managed || target_managed;
      m2m.path = path;
      m2m.line = line;
      tables.push_back(std::move(m2m));
    };
    std::set<std::string> fields;
    for (auto it = std::lower_bound(catalog.relations.begin(), catalog.relations.end(), model.key,
                                    [](const RelationInfo& r, const std::string& key) { return r.from < key; });
         it != catalog.relations.end() && it->from == model.key; ++it) {
      fields.insert(it->field);
      if (it->kind != "m2m" || !it->through.empty()) continue;
      const ModelInfo* target = catalog.Find(it->to);
      auto_m2m(it->field, it->to, it->db_table, it->path, it->line, target ? target->managed : true);
    }
    if (DerivesFromExternalPermissionsMixin(catalog, model)) {
      for (const auto& f : kPermissionsMixinFields) {
        if (!fields.count(f.field)) auto_m2m(f.field, f.target, "", model.path, model.line, true);
      }
    }
    tables.push_back(std::move(own));
  }
  std::sort(tables.begin(), tables.end(), [](const TableInfo& a, const TableInfo& b) {
    return std::tie(a.table, a.model, a.field) < std::tie(b.table, b.model, b.field);
  });
  return tables;
}

}  // namespace seams
