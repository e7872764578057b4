#pragma once
/// What Seams knows of the models and model fields that popular Django packages
/// define (django-extensions' TimeStampedModel, wagtail's Page, modelcluster's
/// ParentalKey, …): the bundled knowledge base (lib/django/knowledge/packages.toml,
/// compiled in), which a project's config extends.

#include <map>
#include <string>
#include <vector>

namespace seams {

/// A relation field a known model declares.
struct KnownRelation {
  std::string field;
  std::string kind;     ///< fk, o2o, m2m, generic_fk, generic_relation.
  std::string to;       ///< "label.Name", "self" or "AUTH_USER_MODEL"; "" for a generic_fk.
  std::string through;  ///< m2m through model, "label.Name".
};

/// A model class outside the project.
struct KnownModel {
  std::string qualname;              ///< As projects import it: "wagtail.models.Page".
  std::vector<std::string> aliases;  ///< Other qualified names of the same class.
  std::string package;               ///< "wagtail 5.2": the distribution and version it was read from.
  std::string label;                 ///< App label ("wagtailcore").
  bool abstract = false;
  std::vector<std::string> bases;    ///< Qualified names of known models it derives from.
  std::vector<KnownRelation> relations;  ///< Declared by the class itself (not its bases).
  std::string source;                ///< File that declares the entry.
  int line = 0;

  /// "label.Name", Django's own name for the model.
  std::string Key() const;
};

/// A model field class outside the project.
struct KnownField {
  std::string qualname;
  std::vector<std::string> aliases;
  std::string package;
  std::string kind;                 ///< fk, o2o, m2m, or field (a model field that is no relation).
  int target_arg = 0;               ///< Positional index of the target model; -1 when none.
  std::string target_keyword = "to";
  std::string default_target;       ///< When the call names no target ("taggit.Tag").
  std::string through_keyword = "through";
  std::string default_through;      ///< When the call names no through model ("taggit.TaggedItem").
  std::string target_from_through;  ///< The through model's field whose target is the target ("tag").
  std::string source;
  int line = 0;
};

/// Known models and fields, looked up by any of their qualified names.
class Knowledge {
 public:
  /// Adds an entry; one with the same qualified name replaces the earlier one
  /// (config entries override the bundled ones).
  void Add(KnownModel model);
  void Add(KnownField field);
  void Merge(const Knowledge& other);

  const KnownModel* Model(const std::string& qualified) const;
  /// The model named "label.Name" (the name in any case, as Django resolves references).
  const KnownModel* ModelByKey(const std::string& key) const;
  const KnownField* Field(const std::string& qualified) const;

  /// A relation and the key of the known model that declares it.
  struct Declared {
    KnownRelation relation;
    std::string declared_by;
  };
  /// The relations of `model` and of its abstract known bases (depth first, a field
  /// declared lower wins), and the first concrete known model above it ("" when
  /// none): what a class deriving from `model` inherits.
  std::vector<Declared> InheritedRelations(const KnownModel& model) const;
  std::string ConcreteAncestor(const KnownModel& model) const;

  const std::vector<KnownModel>& models() const { return models_; }
  const std::vector<KnownField>& fields() const { return fields_; }

 private:
  std::vector<KnownModel> models_;
  std::vector<KnownField> fields_;
  std::map<std::string, std::size_t> model_index_;  // every qualified name → models_
  std::map<std::string, std::size_t> key_index_;    // "label.name" lower-cased name → models_
  std::map<std::string, std::size_t> field_index_;
};

/// The knowledge base compiled into Seams.
const Knowledge& BundledKnowledge();

/// Reads a knowledge file (the bundled one, or a test's): problems are appended to
/// `errors` as `path:line:col: error: what is wrong`, and the entry is left out.
Knowledge ParseKnowledge(const std::string& text, const std::string& path, std::vector<std::string>* errors);

/// Problems in the bundled file: none, which a test checks.
std::vector<std::string> BundledKnowledgeErrors();

}  // namespace seams
