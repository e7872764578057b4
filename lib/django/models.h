#pragma once
/// Django models and their relations, found statically.

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "lib/core/diagnostic.h"
#include "lib/discover/project.h"
#include "lib/django/knowledge.h"
#include "lib/django/layout.h"
#include "lib/django/settings.h"
#include "lib/django/symbols.h"
#include "lib/parse/file_facts.h"

namespace seams {

/// What config can add to Django's own vocabulary.
struct DjangoOptions {
  /// Third-party model base classes, qualified ("mptt.models.MPTTModel").
  std::vector<std::string> model_bases;
  /// Functions called like apps.get_model: (app_label, model) or ("app_label.Model").
  std::vector<std::string> model_loaders = {"get_model"};
  /// Functions called like oscar's get_class: (module, name).
  std::vector<std::string> class_loaders = {"get_class"};
  /// Third-party models and model fields from config ([[tool.seams.django.models]],
  /// [[tool.seams.django.fields]]), on top of the bundled knowledge base.
  std::vector<KnownModel> known_models;
  std::vector<KnownField> known_fields;
};

/// A model class.
struct ModelInfo {
  std::string key;        ///< "app_label.ClassName", Django's own way to name a model.
  std::string name;       ///< Class name.
  std::string label;      ///< App label (Meta.app_label, else the owning app's label).
  std::string qualname;   ///< "shop.orders.models.Order".
  std::string module;
  std::string path;
  int line = 0;
  bool abstract = false;
  bool proxy = false;
  std::string db_table;   ///< Meta.db_table when written.
  bool managed = true;    ///< Meta.managed (False: Django never creates or alters its table).
  std::string swappable;  ///< Meta.swappable ("AUTH_USER_MODEL"): no table when the setting names another model.
  std::vector<std::string> bases;  ///< Keys of the model classes it derives from directly.
  bool inferred = false;  ///< A model because its body looks like one, its bases being unknown third-party classes.
  std::string inferred_from;  ///< That base, qualified as written ("billing.base.StripeObject").
  std::size_t file = 0;   ///< Index into Project::files.
};

/// A relation field (or multi-table inheritance) from one model to another.
struct RelationInfo {
  std::string from;        ///< Model key.
  std::string field;       ///< Field name ("" for inheritance).
  std::string kind;        ///< fk, o2o, m2m, generic_fk, generic_relation, inherits.
  std::string to;          ///< Target model key; "" for a generic_fk, which may point at any model.
  bool to_external = false;///< The target is not a model of the project (e.g. auth.User from Django).
  std::string through;     ///< m2m through model key, "" when none.
  std::string on_delete;   ///< As written, last component ("CASCADE").
  std::string related_name;
  std::string related_query_name;  ///< related_query_name= when written.
  std::string db_table;    ///< m2m db_table= when written.
  std::string path;
  int line = 0;
  std::string inherited_from;  ///< The abstract model that declares the field, when it is not `from` itself.
};

/// Every model and relation of the project.
struct ModelCatalog {
  std::vector<ModelInfo> models;        ///< Sorted by key.
  std::vector<RelationInfo> relations;  ///< Sorted by (from, field, kind, to).
  std::vector<Diagnostic> diagnostics;
  /// What was known of third-party models and fields: the bundled knowledge base and config's entries.
  Knowledge knowledge;

  /// The model with `key`, or nullptr.
  const ModelInfo* Find(const std::string& key) const;
  /// The model named by `key` as Django resolves references: the label exactly,
  /// the model name in any case ('dcim.site' is dcim.Site). nullptr when none.
  const ModelInfo* FindReference(const std::string& key) const;
  /// The model defined by class `qualname`, or nullptr.
  const ModelInfo* FindByClass(const std::string& qualname) const;

  /// Indexes `models` for FindReference and FindByClass (FindModels does it).
  /// Call it again after changing `models`: once their number differs from
  /// the indexed one, the lookups scan instead (an estate of 15,000 models
  /// made those scans quadratic).
  void Index();

  std::unordered_map<std::string, std::size_t> by_class;      ///< qualname → position (Index())
  std::unordered_map<std::string, std::size_t> by_reference;  ///< "label.lowercase name" → position
  std::size_t indexed_models = static_cast<std::size_t>(-1);  ///< models.size() when indexed
};

/// Finds models: classes deriving from django.db.models.Model directly or
/// through project classes, django.contrib bases, known third-party bases (the
/// knowledge base and config), or bases written as loader calls; classes whose
/// bases are unknown third-party classes when their body declares model fields
/// or model Meta options (marked `inferred`, with an `inferred-model` diagnostic).
/// Reads their Meta and relation fields, those of known fields (ParentalKey,
/// TaggableManager) and those inherited from known abstract bases included.
ModelCatalog FindModels(const Project& project, const std::vector<FileFacts>& facts, const DjangoLayout& layout,
                        const DjangoSettings& settings, const SymbolTable& symbols, const DjangoOptions& options);

/// Resolves a model reference as Django would: a class, 'self', 'Model' (same
/// app), 'app_label.Model', settings.AUTH_USER_MODEL, get_user_model(). A
/// django.contrib model or a concrete model of the knowledge base is a valid
/// target outside the project (`external`). Returns the key, or "" when it cannot
/// be resolved statically.
std::string ResolveModelReference(const Expr& expr, std::size_t file, const std::string& self_key,
                                  const std::string& self_label, const ModelCatalog& catalog,
                                  const DjangoSettings& settings, const SymbolTable& symbols,
                                  const DjangoOptions& options, bool* external);

}  // namespace seams
