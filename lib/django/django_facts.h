#pragma once
/// What Seams understands of a project as Django understands it: views, URLs,
/// admin, signals, Celery tasks, forms and serializers, each with evidence.

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "lib/core/diagnostic.h"
#include "lib/core/names.h"
#include "lib/discover/project.h"
#include "lib/django/layout.h"
#include "lib/django/models.h"
#include "lib/django/settings.h"
#include "lib/django/symbols.h"
#include "lib/parse/file_facts.h"

namespace seams {

/// Where something was written.
struct Location {
  std::string path;
  int line = 0;
  friend auto operator<=>(const Location&, const Location&) = default;
};

/// A model use by a view, form, serializer or task: which model, how, where.
struct ModelUse {
  std::string model;  ///< Model key.
  std::string how;    ///< "model", "queryset", "objects", "get_object_or_404", "serializer_class", "get_model", …
  Location at;
  friend auto operator<=>(const ModelUse&, const ModelUse&) = default;
};

/// A ModelForm or a DRF ModelSerializer.
struct ModelFormInfo {
  std::string qualname;
  std::string kind;   ///< "form" or "serializer".
  std::string model;  ///< Meta.model key, "" when unknown.
  Location at;
};

/// A view: a function view or a class-based view.
struct ViewInfo {
  std::string qualname;
  std::string kind;  ///< "function", "class", "drf_api_view", "drf_viewset".
  std::string module;
  Location at;
  std::vector<ModelUse> uses;  ///< Sorted, one per (model, how, location).
  /// Distinct model keys used.
  std::vector<std::string> Models() const;
};

/// One URL pattern, or one DRF router registration.
struct UrlInfo {
  std::string module;   ///< URLconf module that holds it.
  std::string route;    ///< The route as written in that module ("orders/<int:pk>/"); "^…$" stripped.
  std::string prefix;   ///< Full route from ROOT_URLCONF; empty when not reachable from it.
  bool reachable = false;
  std::string view;     ///< Qualified view, "" when it cannot be resolved.
  std::string name;     ///< name= of the pattern.
  std::string namespace_;  ///< Namespace from include(..., namespace=) or app_name.
  Location at;
};

/// `include("pkg.urls")` in a URLconf: the including module routes into the included one.
struct UrlIncludeInfo {
  std::string module;    ///< The URLconf that includes.
  std::string included;  ///< The URLconf module included.
  Location at;
};

/// A model registered with a Django admin site.
struct AdminInfo {
  std::string model;
  std::string admin_class;  ///< Qualified ModelAdmin, "" for the default.
  std::string module;
  Location at;
};

/// A receiver connected to a signal.
struct ReceiverInfo {
  std::string receiver;  ///< Qualified function.
  std::string signal;    ///< "post_save" for Django's own, qualified for a project's custom signal.
  std::string sender;    ///< Model key, "" when none or not a model.
  std::string module;
  Location at;
  bool has_sender = false;  ///< sender= is given (a model or not): the receiver does not run for every sender.
};

/// A custom Signal() defined by the project, and where it is sent.
struct SignalInfo {
  std::string signal;  ///< Qualified name.
  Location at;
  std::vector<std::pair<std::string, Location>> senders;  ///< (sending module, where)
};

/// A Celery task.
struct TaskInfo {
  std::string task;  ///< Qualified function.
  std::string module;
  Location at;
  std::vector<ModelUse> uses;
};

/// A call that queues a task: `.delay`, `.apply_async`, `.s`, `.si`, `.signature`.
struct TaskCallInfo {
  std::string caller;  ///< Calling module.
  std::string scope;   ///< Calling function or class, "" at module level.
  std::string task;
  std::string how;
  Location at;
};

/// A use of a model by a string loader outside views (apps.get_model, get_class, get_user_model).
struct LoaderUseInfo {
  std::string module;
  std::string target;  ///< Model key or qualified class.
  std::string how;
  Location at;
};

/// All of it. Every list is sorted.
struct DjangoFacts {
  std::vector<ViewInfo> views;
  std::vector<UrlInfo> urls;
  std::vector<UrlIncludeInfo> url_includes;
  std::vector<AdminInfo> admin;
  std::vector<ReceiverInfo> receivers;
  std::vector<SignalInfo> signals;
  std::vector<TaskInfo> tasks;
  std::vector<TaskCallInfo> task_calls;
  std::vector<ModelFormInfo> forms;        ///< ModelForms and ModelSerializers.
  std::vector<LoaderUseInfo> loader_uses;
  std::vector<Diagnostic> diagnostics;
};

/// Each project class's bases, qualified, read once: the walks up the class
/// hierarchy (views, forms, serializers) share them. Not thread-safe.
class ClassBases {
 public:
  explicit ClassBases(const SymbolTable& symbols) : symbols_(symbols) {}
  /// The qualified names of the bases of class `qualname` (those that do not
  /// resolve left out), or null when it is not a project class.
  const std::vector<std::string>* Of(const std::string& qualname);

 private:
  const SymbolTable& symbols_;
  std::unordered_map<std::string, std::optional<std::vector<std::string>>> memo_;
};

/// Everything analysis needs to read Django facts.
struct DjangoContext {
  const Project& project;
  const std::vector<FileFacts>& facts;
  const DjangoLayout& layout;
  const DjangoSettings& settings;
  const SymbolTable& symbols;
  const ModelCatalog& models;
  const DjangoOptions& options;
  ClassBases* class_bases = nullptr;  ///< Set by AnalyzeDjango for its own passes.
};

/// Reads views, URLs, admin registrations, signals, tasks, forms and serializers.
DjangoFacts AnalyzeDjango(const DjangoContext& context);

// The parts, each in its own file.
std::vector<ModelFormInfo> FindModelForms(const DjangoContext& context);
std::vector<AdminInfo> FindAdminRegistrations(const DjangoContext& context);
void FindSignals(const DjangoContext& context, DjangoFacts* out);
void FindTasks(const DjangoContext& context, DjangoFacts* out);
void FindViews(const DjangoContext& context, const std::vector<ModelFormInfo>& forms, DjangoFacts* out);
void FindUrls(const DjangoContext& context, DjangoFacts* out);

/// True when class `qualname` derives, through project classes, from one whose
/// qualified name satisfies `is_root`. Also returns the root reached.
bool DerivesFrom(const DjangoContext& context, const std::string& qualname,
                 bool (*is_root)(const std::string& qualified), std::string* root = nullptr);

/// The last component of a dotted name.


/// True when `scope` is `qualname` or nested inside it.
bool InScope(const std::string& scope, const std::string& qualname);

/// Models a piece of code in `file` uses within `qualname` (a view, task or
/// function): X.objects, X.DoesNotExist, get_object_or_404(X), apps.get_model(…).
std::vector<ModelUse> ModelUsesInScope(const DjangoContext& context, std::size_t file, const std::string& qualname);

}  // namespace seams
