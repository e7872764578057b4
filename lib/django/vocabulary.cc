// The calls, attributes and ORM methods the Django stages read: one list, here.

#include "lib/django/vocabulary.h"

namespace seams {

namespace {

std::string LastComponent(const std::string& dotted) { return dotted.substr(dotted.rfind('.') + 1); }

}  // namespace

std::set<std::string> DjangoCallNames(const DjangoOptions& options) {
  std::set<std::string> names = {
      // URLconfs
      "path", "re_path", "url", "include", "register", "as_view",
      // signals
      "connect", "send", "send_robust", "Signal", "receiver",
      // celery
      "delay", "apply_async", "s", "si", "signature", "task", "shared_task",
      // model access and loaders
      "get_object_or_404", "get_list_or_404", "get_model", "get_user_model", "get_class", "get_classes",
      "get_profile_class",
      // settings discovery
      "setdefault", "setenv", "Celery"};
  // Loaders are matched on the callee's last name (lib/django/models.cc), so that is what is recorded.
  for (const auto& loader : options.model_loaders) names.insert(LastComponent(loader));
  for (const auto& loader : options.class_loaders) names.insert(LastComponent(loader));
  return names;
}

std::set<std::string> DjangoAttributeNames() {
  return {"objects", "_default_manager", "_base_manager", "DoesNotExist", "MultipleObjectsReturned"};
}

std::set<std::string> DjangoChainMethods() {
  return {"filter", "exclude", "get", "get_or_create", "update_or_create", "order_by", "values", "values_list",
          "select_related", "prefetch_related", "annotate", "aggregate", "distinct", "all", "only", "defer",
          "first", "last", "earliest", "latest", "create", "bulk_create", "bulk_update", "update", "delete",
          "save", "add", "remove", "set", "clear", "select_for_update", "iterator", "exists", "count", "alias",
          "on_commit"};
}

ParseOptions WithDjangoVocabulary(ParseOptions parse, const DjangoOptions& options) {
  parse.call_names.merge(DjangoCallNames(options));
  parse.attribute_names.merge(DjangoAttributeNames());
  parse.chain_methods.merge(DjangoChainMethods());
  parse.deferring_calls.insert("on_commit");  // transaction.on_commit(fn): fn runs after the commit
  return parse;
}

}  // namespace seams
