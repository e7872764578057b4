#include "lib/django/models.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "lib/core/names.h"
#include "lib/resolve/stdlib_modules.h"

namespace seams {

namespace {

// Django's model roots and the django.contrib classes a project model may derive
// from when Django itself is not part of the analysed tree.
const std::map<std::string, std::string>& KnownExternalModels() {
  static const std::map<std::string, std::string> kKnown = {
      {"django.contrib.admin.models.LogEntry", "admin.LogEntry"},
      {"django.contrib.auth.base_user.AbstractBaseUser", "auth.AbstractBaseUser"},
      {"django.contrib.auth.models.AbstractBaseUser", "auth.AbstractBaseUser"},
      {"django.contrib.auth.models.AbstractUser", "auth.AbstractUser"},
      {"django.contrib.auth.models.Group", "auth.Group"},
      {"django.contrib.auth.models.Permission", "auth.Permission"},
      {"django.contrib.auth.models.PermissionsMixin", "auth.PermissionsMixin"},
      {"django.contrib.auth.models.User", "auth.User"},
      {"django.contrib.contenttypes.models.ContentType", "contenttypes.ContentType"},
      {"django.contrib.flatpages.models.FlatPage", "flatpages.FlatPage"},
      {"django.contrib.redirects.models.Redirect", "redirects.Redirect"},
      {"django.contrib.sessions.base_session.AbstractBaseSession", "sessions.AbstractBaseSession"},
      {"django.contrib.sessions.models.Session", "sessions.Session"},
      {"django.contrib.sites.models.Site", "sites.Site"},
  };
  return kKnown;
}

bool IsModelRoot(const std::string& qualified) {
  // GeoDjango's `from django.contrib.gis.db import models` re-exports Django's Model.
  return qualified == "django.db.models.Model" || qualified == "django.db.models.base.Model" ||
         qualified == "django.contrib.gis.db.models.Model";
}

// Relation field classes of Django, by qualified name.
std::string RelationKind(const std::string& qualified) {
  static const std::map<std::string, std::string> kKinds = {
      {"django.db.models.ForeignKey", "fk"},
      {"django.db.models.fields.related.ForeignKey", "fk"},
      {"django.db.models.OneToOneField", "o2o"},
      {"django.db.models.fields.related.OneToOneField", "o2o"},
      {"django.db.models.ManyToManyField", "m2m"},
      {"django.db.models.fields.related.ManyToManyField", "m2m"},
      {"django.contrib.contenttypes.fields.GenericForeignKey", "generic_fk"},
      {"django.contrib.contenttypes.generic.GenericForeignKey", "generic_fk"},
      {"django.contrib.contenttypes.fields.GenericRelation", "generic_relation"},
      {"django.contrib.contenttypes.generic.GenericRelation", "generic_relation"},
  };
  auto it = kKinds.find(qualified);
  return it == kKinds.end() ? "" : it->second;
}

bool IsTrue(const Expr& e) { return e.kind == Expr::Kind::kConst && e.text == "True"; }

// A Django model field class, by qualified name: django.db.models.CharField,
// django.contrib.postgres.fields.ArrayField, a GeoDjango field, a relation field.
bool IsDjangoFieldClass(const std::string& qualified) {
  static const char* const kModules[] = {"django.db.models.", "django.contrib.postgres.fields.",
                                         "django.contrib.gis.db.models.", "django.contrib.contenttypes.fields."};
  bool in_module = std::any_of(std::begin(kModules), std::end(kModules),
                               [&](const char* m) { return qualified.rfind(m, 0) == 0; });
  if (!in_module) return false;
  std::string name = LastName(qualified);
  return name.ends_with("Field") || name == "ForeignKey" || name == "GenericForeignKey" ||
         name == "GenericRelation";
}

// Meta options only a Django model has. Forms, serializers, filters, factories and
// GraphQL types have a Meta too, with `model`, `fields` or their own options
// (graphene mutations: `permissions`, which is why that one is not here).
bool IsModelMetaOption(const std::string& name) {
  static const std::set<std::string> kOptions = {
      "app_label",     "base_manager_name",     "constraints", "db_table",    "db_tablespace", "default_manager_name",
      "default_related_name", "get_latest_by", "index_together", "indexes", "managed",     "order_with_respect_to",
      "ordering",      "proxy",                 "required_db_features", "select_on_save", "swappable",
      "unique_together", "verbose_name",       "verbose_name_plural"};
  return kOptions.count(name) > 0;
}

// A relation field class: Django's relation, or a known field's, with where its target is.
struct FieldClass {
  std::string kind;                 // fk, o2o, m2m, generic_fk, generic_relation; "" when no relation
  const KnownField* known = nullptr;  // when a third-party field class
};

}  // namespace

const ModelInfo* ModelCatalog::Find(const std::string& key) const {
  auto it = std::lower_bound(models.begin(), models.end(), key,
                             [](const ModelInfo& m, const std::string& k) { return m.key < k; });
  return it != models.end() && it->key == key ? &*it : nullptr;
}

const ModelInfo* ModelCatalog::FindReference(const std::string& key) const {
  if (const ModelInfo* exact = Find(key)) return exact;
  auto dot = key.find('.');
  if (dot == std::string::npos) return nullptr;
  std::string label = key.substr(0, dot), wanted = AsciiLower(key.substr(dot + 1));
  if (indexed_models == models.size()) {
    auto it = by_reference.find(label + "." + wanted);
    return it == by_reference.end() ? nullptr : &models[it->second];
  }
  for (const auto& m : models) {
    if (m.label == label && AsciiLower(m.name) == wanted) return &m;
  }
  return nullptr;
}

const ModelInfo* ModelCatalog::FindByClass(const std::string& qualname) const {
  if (indexed_models == models.size()) {
    auto it = by_class.find(qualname);
    return it == by_class.end() ? nullptr : &models[it->second];
  }
  for (const auto& m : models) {
    if (m.qualname == qualname) return &m;
  }
  return nullptr;
}

void ModelCatalog::Index() {
  by_class.clear();
  by_reference.clear();
  // emplace keeps the first: the same model the scans return.
  for (std::size_t i = 0; i < models.size(); ++i) {
    by_class.emplace(models[i].qualname, i);
    by_reference.emplace(models[i].label + "." + AsciiLower(models[i].name), i);
  }
  indexed_models = models.size();
}

namespace {

class ModelFinder {
 public:
  ModelFinder(const Project& project, const std::vector<FileFacts>& facts, const DjangoLayout& layout,
              const DjangoSettings& settings, const SymbolTable& symbols, const DjangoOptions& options)
      : project_(project),
        facts_(facts),
        layout_(layout),
        apps_(layout.apps),
        settings_(settings),
        symbols_(symbols),
        options_(options) {
    for (const auto& base : options.model_bases) config_bases_.insert(base);
    catalog_.knowledge = BundledKnowledge();
    for (const auto& m : options.known_models) catalog_.knowledge.Add(m);
    for (const auto& f : options.known_fields) catalog_.knowledge.Add(f);
  }

  ModelCatalog Run() {
    // Pass 1: which module-level classes are models.
    for (std::size_t f = 0; f < project_.files.size() && f < facts_.size(); ++f) {
      if (project_.files[f].is_migration) continue;
      for (const auto& cls : facts_[f].classes) {
        if (!cls.scope.empty()) continue;
        std::string qualname = project_.files[f].module + "." + cls.name;
        if (IsModelClass(qualname, 0)) AddModel(f, cls, qualname);
      }
    }
    std::sort(catalog_.models.begin(), catalog_.models.end(),
              [](const ModelInfo& a, const ModelInfo& b) { return a.key < b.key; });
    catalog_.Index();
    // Pass 2: bases and relations, now that every model has its key.
    for (auto& model : catalog_.models) ReadBasesAndFields(model);
    InheritAbstractRelations();
    TargetsFromThrough();
    // Ties broken by place, path first: lines are compared within one file only
    // (the shape cutoff, lib/check/line_shift.h, moves one file's lines).
    std::sort(catalog_.relations.begin(), catalog_.relations.end(), [](const RelationInfo& a, const RelationInfo& b) {
      return std::tie(a.from, a.field, a.kind, a.to, a.path, a.line) <
             std::tie(b.from, b.field, b.kind, b.to, b.path, b.line);
    });
    SortDiagnostics(&catalog_.diagnostics);
    catalog_.Index();
    return std::move(catalog_);
  }

 private:
  // Label of the app that owns `module`, or its group when it is in no app.
  std::string LabelOf(const std::string& module) const {
    if (const DjangoApp* app = apps_.AppOf(module)) return app->label;
    auto dot = module.find('.');
    return module.substr(0, dot);
  }

  // The qualified class a loader call names: get_model('app', 'Model'), get_class('app.models', 'Model').
  std::string LoaderTarget(const Expr& call, std::size_t file) const {
    std::string callee = LastName(call.text);
    bool model_loader = std::find(options_.model_loaders.begin(), options_.model_loaders.end(), callee) !=
                        options_.model_loaders.end();
    bool class_loader = std::find(options_.class_loaders.begin(), options_.class_loaders.end(), callee) !=
                        options_.class_loaders.end();
    (void)file;
    const Expr* a = call.Arg(0);
    const Expr* b = call.Arg(1);
    if (model_loader && a && a->IsString()) {
      std::string label = a->text, name;
      if (b && b->IsString()) name = b->text;
      else if (auto dot = label.find('.'); dot != std::string::npos) { name = label.substr(dot + 1); label.resize(dot); }
      if (name.empty()) return "";
      return ClassInApp(label, name);
    }
    if (class_loader && a && a->IsString() && b && b->IsString()) {
      // oscar: get_class('catalogue.models', 'Product') → a module path relative to an app.
      std::string label = a->text.substr(0, a->text.find('.'));
      return ClassInApp(label, b->text);
    }
    return "";
  }

  // A module-level class `name` in the app labelled `label`; models.py first.
  std::string ClassInApp(const std::string& label, const std::string& name) const {
    std::string best;
    for (const auto& app : layout_.apps) {
      if (app.label != label) continue;
      for (std::size_t f = 0; f < project_.files.size() && f < facts_.size(); ++f) {
        const std::string& module = project_.files[f].module;
        if (module != app.package && module.rfind(app.package + ".", 0) != 0) continue;
        for (const auto& cls : facts_[f].classes) {
          if (!cls.scope.empty() || cls.name != name) continue;
          std::string q = module + "." + name;
          bool preferred = module.ends_with(".models");
          if (best.empty() || preferred) best = q;
        }
      }
    }
    return best;
  }

  // Qualified name of a base expression: a dotted name, or what a loader call names.
  std::string BaseQualified(const Expr& base, std::size_t file) const {
    if (base.IsName()) return symbols_.Qualify(file, base.text);
    if (base.IsCall()) return LoaderTarget(base, file);
    return "";
  }

  bool IsModelClass(const std::string& qualname, int depth) {
    if (auto it = memo_.find(qualname); it != memo_.end()) return it->second;
    if (depth > 30) return false;
    memo_[qualname] = false;  // breaks inheritance cycles
    std::size_t file = 0;
    const ClassFact* cls = symbols_.FindClass(qualname, &file);
    bool result = false;
    std::string unknown;  // the first base that is a third-party class Seams does not know
    if (cls) {
      for (const auto& base : cls->bases) {
        std::string q = BaseQualified(base, file);
        if (q.empty()) continue;
        if (IsModelRoot(q) || KnownExternalModels().count(q) || config_bases_.count(q) ||
            catalog_.knowledge.Model(q) || IsModelClass(q, depth + 1)) {
          result = true;
          break;
        }
        if (unknown.empty()) unknown = UnknownBase(q, depth + 1);
      }
      std::string why;
      if (!result && !unknown.empty() && LooksLikeModel(*cls, file, &why)) {
        result = true;
        inferred_[qualname] = {unknown, why};
      }
    }
    return memo_[qualname] = result;
  }

  // `qualified` when it is a third-party class Seams does not know (not the project's,
  // not the standard library's, not Django's), or the first such base of a project
  // class that is no model; "" otherwise.
  std::string UnknownBase(const std::string& qualified, int depth) const {
    if (depth > 30) return "";
    std::size_t file = 0;
    if (const ClassFact* cls = symbols_.FindClass(qualified, &file)) {
      for (const auto& base : cls->bases) {
        std::string q = BaseQualified(base, file);
        if (q.empty()) continue;
        std::string unknown = UnknownBase(q, depth + 1);
        if (!unknown.empty()) return unknown;
      }
      return "";
    }
    if (!symbols_.ModuleOf(qualified).empty()) return "";  // a project name that is no class
    std::string top = qualified.substr(0, qualified.find('.'));
    if (qualified.find('.') == std::string::npos || top == "django" || IsStdlibModule(top)) return "";
    if (catalog_.knowledge.Model(qualified)) return "";
    return qualified;
  }

  // True when a class body looks like a Django model's: a model field assigned at
  // class level, or a Meta with options only models have. `why` says which.
  bool LooksLikeModel(const ClassFact& cls, std::size_t file, std::string* why) const {
    for (const auto& a : facts_[file].assignments) {
      if (a.scope == cls.qualname && a.op == "=" && a.value.IsCall() && IsModelField(a.value.text, file)) {
        *why = "declares the model field '" + a.target + "' (line " + std::to_string(a.line) + ")";
        return true;
      }
    }
    // A Meta naming a model or its fields belongs to something built on a model, not to one.
    bool about_a_model = std::any_of(facts_[file].assignments.begin(), facts_[file].assignments.end(),
                                     [&](const AssignmentFact& a) {
                                       return a.scope == cls.qualname + ".Meta" &&
                                              (a.target == "model" || a.target == "fields" || a.target == "exclude");
                                     });
    for (const auto& a : facts_[file].assignments) {
      if (about_a_model) break;
      if (a.scope == cls.qualname + ".Meta" && IsModelMetaOption(a.target)) {
        *why = "has a Meta with the model option '" + a.target + "' (line " + std::to_string(a.line) + ")";
        return true;
      }
    }
    return false;
  }

  // A model field class: Django's, a known third-party one, or a project subclass of either.
  bool IsModelField(const std::string& callee, std::size_t file) const {
    std::string q = symbols_.Qualify(file, callee);
    for (int depth = 0; depth < 10 && !q.empty(); ++depth) {
      if (IsDjangoFieldClass(q) || !RelationKind(q).empty() || catalog_.knowledge.Field(q)) return true;
      std::size_t f = 0;
      const ClassFact* cls = symbols_.FindClass(q, &f);
      if (!cls || cls->bases.empty() || !cls->bases[0].IsName()) return false;
      q = symbols_.Qualify(f, cls->bases[0].text);
    }
    return false;
  }

  void AddModel(std::size_t f, const ClassFact& cls, const std::string& qualname) {
    ModelInfo model;
    model.name = cls.name;
    model.qualname = qualname;
    model.module = project_.files[f].module;
    model.path = project_.files[f].path;
    model.line = cls.line;
    model.file = f;
    model.label = LabelOf(model.module);
    const std::string meta = cls.qualname + ".Meta";
    for (const auto& a : facts_[f].assignments) {
      if (a.scope != meta) continue;
      if (a.target == "abstract") model.abstract = IsTrue(a.value);
      if (a.target == "proxy") model.proxy = IsTrue(a.value);
      if (a.target == "app_label" && a.value.IsString()) model.label = a.value.text;
      if (a.target == "db_table" && a.value.IsString()) model.db_table = a.value.text;
      if (a.target == "managed") model.managed = !(a.value.kind == Expr::Kind::kConst && a.value.text == "False");
      if (a.target == "swappable" && a.value.IsString()) model.swappable = a.value.text;
    }
    model.key = model.label + "." + model.name;
    if (auto it = inferred_.find(qualname); it != inferred_.end()) {
      model.inferred = true;
      model.inferred_from = it->second.base;
      catalog_.diagnostics.push_back(
          {"inferred-model", Severity::kWarning, model.path, model.line, 0,
           model.key + " is taken for a model because it " + it->second.why + ", but its base '" + it->second.base +
               "' is a third-party class Seams does not know; name it in config to make this certain: "
               "[[tool.seams.django.models]] in pyproject.toml, [[django.models]] in seams.toml, with class = \"" +
               it->second.base + "\" and abstract = true or false"});
    }
    catalog_.models.push_back(std::move(model));
  }

  std::string KeyOfClass(const std::string& qualified, bool* external) {
    *external = false;
    if (const ModelInfo* m = catalog_.FindByClass(qualified)) return m->key;
    if (auto it = KnownExternalModels().find(qualified); it != KnownExternalModels().end()) {
      *external = true;
      return it->second;
    }
    if (const KnownModel* known = catalog_.knowledge.Model(qualified)) {
      *external = true;
      known_by_key_[known->Key()] = known;
      return known->Key();
    }
    return "";
  }

  void ReadBasesAndFields(ModelInfo& model) {
    std::size_t file = model.file;
    std::size_t unused = 0;
    const ClassFact* cls = symbols_.FindClass(model.qualname, &unused);
    if (!cls) return;
    for (const auto& base : cls->bases) {
      std::string q = BaseQualified(base, file);
      bool external = false;
      std::string key = q.empty() ? "" : KeyOfClass(q, &external);
      if (key.empty()) continue;
      model.bases.push_back(key);
      const ModelInfo* parent = catalog_.Find(key);
      // Multi-table inheritance: a concrete model deriving from a concrete model.
      std::string table_parent = key;
      bool parent_concrete = parent ? !parent->abstract : (key == "auth.User" || key == "auth.Group" ||
                                                          key == "sites.Site" || key == "contenttypes.ContentType");
      if (!parent) {
        if (const KnownModel* known = KnownBase(key)) {
          // wagtail's AbstractEmailForm is abstract, but derives from the concrete Page.
          table_parent = catalog_.knowledge.ConcreteAncestor(*known);
          parent_concrete = !table_parent.empty();
        }
      }
      if (!model.abstract && !model.proxy && parent_concrete) {
        RelationInfo r;
        r.from = model.key;
        r.kind = "inherits";
        r.to = table_parent;
        r.to_external = external;
        r.path = model.path;
        r.line = model.line;
        catalog_.relations.push_back(std::move(r));
      }
    }
    for (const auto& a : facts_[file].assignments) {
      if (a.scope != cls->qualname || !a.value.IsCall() || a.op != "=") continue;
      FieldClass field = FieldKind(a.value.text, file);
      const std::string& kind = field.kind;
      if (kind.empty()) continue;
      RelationInfo r;
      r.from = model.key;
      r.field = a.target;
      r.kind = kind;
      r.path = model.path;
      r.line = a.line;
      if (const Expr* on_delete = a.value.Keyword("on_delete")) r.on_delete = LastName(on_delete->text);
      else if (kind == "fk" || kind == "o2o") {
        if (const Expr* second = a.value.Arg(1); second && second->IsName()) r.on_delete = LastName(second->text);
      }
      if (const Expr* related = a.value.Keyword("related_name"); related && related->IsString())
        r.related_name = related->text;
      if (const Expr* query = a.value.Keyword("related_query_name"); query && query->IsString())
        r.related_query_name = query->text;
      if (const Expr* table = a.value.Keyword("db_table"); table && table->IsString()) r.db_table = table->text;
      if (kind == "generic_fk") {
        // A generic key points at any model (its content_type FK is a relation of its own).
        catalog_.relations.push_back(std::move(r));
        continue;
      }
      const KnownField* known = field.known;
      const Expr* target = a.value.Keyword(known ? known->target_keyword : "to");
      if (!target && (!known || known->target_arg >= 0)) target = a.value.Arg(known ? known->target_arg : 0);
      const Expr* through = a.value.Keyword(known ? known->through_keyword : "through");
      if (target) {
        r.to = ResolveModelReference(*target, file, model.key, model.label, catalog_, settings_, symbols_, options_,
                                     &r.to_external);
      } else if (known && !known->default_target.empty()) {
        r.to = ResolveKnownReference(known->default_target, model, &r.to_external);
      } else {
        Unresolved(model, a, "has no target model");
        continue;
      }
      if (r.to.empty()) {
        Unresolved(model, a, "target '" + (target && !target->text.empty() ? target->text : std::string("?")) +
                                  "' cannot be resolved statically");
        continue;
      }
      bool through_external = false;
      if (through) {
        r.through = ResolveModelReference(*through, file, model.key, model.label, catalog_, settings_, symbols_,
                                          options_, &through_external);
      } else if (known && !known->default_through.empty()) {
        r.through = ResolveKnownReference(known->default_through, model, &through_external);
      }
      // taggit's TaggableManager(through=TaggedX): the tags are what TaggedX's `tag` points at.
      if (known && !known->target_from_through.empty() && through && !target) {
        from_through_.insert({model.key, r.field, known->target_from_through});
      }
      catalog_.relations.push_back(std::move(r));
    }
  }

  // The known model a base key names, when the base is no model of the project.
  const KnownModel* KnownBase(const std::string& key) const {
    auto it = known_by_key_.find(key);
    return it == known_by_key_.end() ? nullptr : it->second;
  }

  // A reference written in the knowledge base: "label.Name", "self", "AUTH_USER_MODEL".
  std::string ResolveKnownReference(const std::string& reference, const ModelInfo& model, bool* external) const {
    *external = false;
    if (reference == "self") return model.key;
    std::string key = reference == "AUTH_USER_MODEL" ? settings_.auth_user_model : reference;
    Expr expr;
    expr.kind = Expr::Kind::kString;
    expr.text = key;
    return ResolveModelReference(expr, model.file, model.key, model.label, catalog_, settings_, symbols_, options_,
                                 external);
  }

  // The relations a model gets from known abstract bases (django-polymorphic's
  // polymorphic_ctype, wagtail's owner and locale on a Page subclass, …).
  void InheritKnownRelations(const ModelInfo& model, const KnownModel& base, std::set<std::string>* seen_fields,
                             std::vector<RelationInfo>* out) const {
    for (const auto& [known, declared_by] : catalog_.knowledge.InheritedRelations(base)) {
      if (!seen_fields->insert(known.field).second) continue;
      RelationInfo r;
      r.from = model.key;
      r.field = known.field;
      r.kind = known.kind;
      r.path = model.path;
      r.line = model.line;
      r.inherited_from = declared_by;
      if (!known.to.empty()) {
        r.to = ResolveKnownReference(known.to, model, &r.to_external);
        if (r.to.empty()) continue;  // a target the knowledge base names that is nowhere: nothing to point at
      }
      bool through_external = false;
      if (!known.through.empty()) r.through = ResolveKnownReference(known.through, model, &through_external);
      out->push_back(std::move(r));
    }
  }

  // Relations whose target is what their through model's field points at.
  void TargetsFromThrough() {
    if (from_through_.empty()) return;
    for (auto& r : catalog_.relations) {
      std::string declarer = r.inherited_from.empty() ? r.from : r.inherited_from;
      for (const auto& [from, field, through_field] : from_through_) {
        if (from != declarer || field != r.field || r.through.empty()) continue;
        for (const auto& t : catalog_.relations) {
          if (t.from == r.through && t.field == through_field && !t.to.empty()) {
            r.to = t.to;
            r.to_external = t.to_external;
          }
        }
      }
    }
  }

  // Django copies the fields of an abstract base into each concrete model that
  // derives from it: a `tenant` foreign key on a mixin is a column of every
  // table below it. 'self' on the abstract base means the concrete model.
  void InheritAbstractRelations() {
    std::map<std::string, std::vector<const RelationInfo*>> declared;  // abstract model → its own relations
    for (const auto& r : catalog_.relations) {
      const ModelInfo* from = catalog_.Find(r.from);
      if (from && from->abstract && r.kind != "inherits") declared[r.from].push_back(&r);
    }
    std::unordered_map<std::string_view, std::vector<std::string_view>> fields_of;  // model → its own relations' fields
    for (const auto& r : catalog_.relations) fields_of[r.from].push_back(r.field);
    std::vector<RelationInfo> inherited;
    for (const auto& model : catalog_.models) {
      if (model.abstract || model.proxy) continue;
      std::set<std::string> seen_fields, visited;
      if (auto own = fields_of.find(model.key); own != fields_of.end()) {
        for (std::string_view field : own->second) seen_fields.emplace(field);  // a field redeclared below wins
      }
      std::vector<std::string> stack(model.bases.rbegin(), model.bases.rend());
      while (!stack.empty()) {
        std::string key = stack.back();
        stack.pop_back();
        const ModelInfo* base = catalog_.Find(key);
        if (!base) {
          const KnownModel* known = KnownBase(key);
          if (known && known->abstract && visited.insert(key).second) InheritKnownRelations(model, *known, &seen_fields, &inherited);
          continue;
        }
        if (!base->abstract || !visited.insert(key).second) continue;
        for (const RelationInfo* r : declared[key]) {
          if (!seen_fields.insert(r->field).second) continue;
          RelationInfo copy = *r;
          copy.from = model.key;
          copy.inherited_from = key;
          if (copy.to == key) copy.to = model.key;
          if (copy.through == key) copy.through = model.key;
          inherited.push_back(std::move(copy));
        }
        for (auto it = base->bases.rbegin(); it != base->bases.rend(); ++it) stack.push_back(*it);
      }
    }
    for (auto& r : inherited) catalog_.relations.push_back(std::move(r));
  }

  void Unresolved(const ModelInfo& model, const AssignmentFact& a, const std::string& what) {
    catalog_.diagnostics.push_back({"unresolved-relation", Severity::kWarning, model.path, a.line, 0,
                                    "relation field " + model.key + "." + a.target + " " + what});
  }

  // fk/o2o/m2m/generic_* for a field class, also through project subclasses of them.
  FieldClass FieldKind(const std::string& callee, std::size_t file) const {
    std::string q = symbols_.Qualify(file, callee);
    for (int depth = 0; depth < 10 && !q.empty(); ++depth) {
      std::string kind = RelationKind(q);
      if (!kind.empty()) return {kind, nullptr};
      if (const KnownField* known = catalog_.knowledge.Field(q)) {
        if (known->kind == "field") return {};
        return {known->kind, known};
      }
      std::size_t f = 0;
      const ClassFact* cls = symbols_.FindClass(q, &f);
      if (!cls || cls->bases.empty() || !cls->bases[0].IsName()) return {};
      q = symbols_.Qualify(f, cls->bases[0].text);
    }
    return {};
  }

  const Project& project_;
  const std::vector<FileFacts>& facts_;
  const DjangoLayout& layout_;
  const AppIndex apps_;
  const DjangoSettings& settings_;
  const SymbolTable& symbols_;
  const DjangoOptions& options_;
  std::set<std::string> config_bases_;
  std::map<std::string, bool> memo_;
  struct Inference {
    std::string base;  // the unknown third-party base
    std::string why;   // what in the body makes it a model
  };
  std::map<std::string, Inference> inferred_;  // class → why it is taken for a model
  std::map<std::string, const KnownModel*> known_by_key_;  // key of a known base → its entry
  std::set<std::tuple<std::string, std::string, std::string>> from_through_;  // (model, field, through's field)
  ModelCatalog catalog_;
};

}  // namespace

std::string ResolveModelReferenceAt(const Expr& expr, std::size_t file, const std::string& self_key,
                                    const std::string& self_label, const ModelCatalog& catalog,
                                    const DjangoSettings& settings, const SymbolTable& symbols,
                                    const DjangoOptions& options, bool* external, int depth) {
  *external = false;
  auto known_key = [&](const std::string& key) -> std::string {
    if (const ModelInfo* m = catalog.FindReference(key)) return m->key;
    // A reference to a django.contrib model that is not part of the tree.
    for (const auto& [qualified, known] : KnownExternalModels()) {
      if (known == key) {
        *external = true;
        return key;
      }
    }
    // A concrete model of a third-party package ('wagtailimages.Image', 'taggit.Tag').
    if (const KnownModel* m = catalog.knowledge.ModelByKey(key); m && !m->abstract) {
      *external = true;
      return m->Key();
    }
    return "";
  };
  if (expr.IsString()) {
    if (expr.text == "self") return self_key;
    if (expr.text.find('.') == std::string::npos) return known_key(self_label + "." + expr.text);
    // 'app_label.Model' — exactly one dot, as Django requires.
    if (std::count(expr.text.begin(), expr.text.end(), '.') != 1) return "";
    return known_key(expr.text);
  }
  if (expr.IsName()) {
    std::string q = symbols.Qualify(file, expr.text);
    if (q == "django.conf.settings.AUTH_USER_MODEL" || expr.text.ends_with("settings.AUTH_USER_MODEL"))
      return known_key(settings.auth_user_model);
    if (q.empty()) return "";
    if (const ModelInfo* m = catalog.FindByClass(q)) return m->key;
    if (auto it = KnownExternalModels().find(q); it != KnownExternalModels().end()) {
      *external = true;
      return it->second;
    }
    if (const KnownModel* m = catalog.knowledge.Model(q); m && !m->abstract) {
      *external = true;
      return m->Key();
    }
    // A module-level constant: AUTH_USER_MODEL = getattr(settings, "AUTH_USER_MODEL", "auth.User"),
    // or a name bound to a model reference string, is followed once more.
    std::size_t value_file = 0;
    const Expr* value = symbols.ValueOf(q, &value_file);
    if (!value || depth >= 3) return "";
    if (value->IsCall() && value->text == "getattr" && value->Arg(1) && value->Arg(1)->IsString() &&
        value->Arg(1)->text == "AUTH_USER_MODEL")
      return known_key(settings.auth_user_model);
    return ResolveModelReferenceAt(*value, value_file, self_key, self_label, catalog, settings, symbols, options,
                                   external, depth + 1);
  }
  if (expr.IsCall() && LastName(expr.text) == "get_user_model") return known_key(settings.auth_user_model);
  // A model loader: get_model('app', 'Model') or get_model('app.Model'), so that a
  // module-level alias `Product = get_model('catalogue', 'Product')` (django-oscar) is followed.
  if (expr.IsCall() && std::find(options.model_loaders.begin(), options.model_loaders.end(), LastName(expr.text)) !=
                           options.model_loaders.end()) {
    const Expr* app = expr.Arg(0);
    const Expr* model = expr.Arg(1);
    if (!app || !app->IsString()) return "";
    std::string reference = model && model->IsString() ? app->text + "." + model->text : app->text;
    if (std::count(reference.begin(), reference.end(), '.') != 1) return "";
    return known_key(reference);
  }
  return "";
}

std::string ResolveModelReference(const Expr& expr, std::size_t file, const std::string& self_key,
                                  const std::string& self_label, const ModelCatalog& catalog,
                                  const DjangoSettings& settings, const SymbolTable& symbols,
                                  const DjangoOptions& options, bool* external) {
  return ResolveModelReferenceAt(expr, file, self_key, self_label, catalog, settings, symbols, options, external, 0);
}

ModelCatalog FindModels(const Project& project, const std::vector<FileFacts>& facts, const DjangoLayout& layout,
                        const DjangoSettings& settings, const SymbolTable& symbols, const DjangoOptions& options) {
  return ModelFinder(project, facts, layout, settings, symbols, options).Run();
}

}  // namespace seams
