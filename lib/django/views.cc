// Views: class-based views deriving from Django's or DRF's, function views
// decorated as views, and the models each one uses.

#include <algorithm>
#include <set>

#include "lib/django/django_facts.h"

namespace seams {

namespace {

bool IsViewRoot(const std::string& q) {
  for (const char* prefix : {"django.views.", "django.contrib.auth.views.", "django.contrib.admin.views.",
                             "rest_framework.views.", "rest_framework.generics.", "rest_framework.viewsets."}) {
    if (q.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

bool IsViewDecorator(const std::string& name) {
  static const std::set<std::string> kDecorators = {
      "api_view", "login_required", "permission_required", "user_passes_test", "staff_member_required",
      "require_http_methods", "require_GET", "require_POST", "require_safe", "csrf_exempt", "xframe_options_exempt"};
  return kDecorators.count(name) > 0;
}

// The model a serializer_class / form_class names, through its Meta.
std::string ModelThroughForm(const DjangoContext& context, const std::vector<ModelFormInfo>& forms, std::size_t file,
                             const Expr& value) {
  if (!value.IsName()) return "";
  std::string q = context.symbols.Qualify(file, value.text);
  for (const auto& form : forms) {
    if (form.qualname == q) return form.model;
  }
  return "";
}

}  // namespace

void FindViews(const DjangoContext& context, const std::vector<ModelFormInfo>& forms, DjangoFacts* out) {
  for (std::size_t f = 0; f < context.project.files.size() && f < context.facts.size(); ++f) {
    const SourceFile& source = context.project.files[f];
    if (source.is_migration || source.is_test) continue;
    const FileFacts& facts = context.facts[f];
    for (const auto& cls : facts.classes) {
      if (!cls.scope.empty()) continue;
      std::string qualname = source.module + "." + cls.name;
      std::string root;
      if (!DerivesFrom(context, qualname, IsViewRoot, &root)) continue;
      ViewInfo view;
      view.qualname = qualname;
      view.kind = root.rfind("rest_framework.viewsets.", 0) == 0 ? "drf_viewset"
                  : root.rfind("rest_framework.", 0) == 0        ? "drf_api_view"
                                                                  : "class";
      view.module = source.module;
      view.at = {source.path, cls.line};
      view.uses = ModelUsesInScope(context, f, cls.qualname);
      // `model = X`, `serializer_class = S`, `form_class = F` in the class body.
      for (const auto& a : facts.assignments) {
        if (a.scope != cls.qualname) continue;
        std::string model;
        if (a.target == "model" && a.value.IsName()) {
          bool external = false;
          model = ResolveModelReference(a.value, f, "", "", context.models, context.settings, context.symbols,
                                        context.options, &external);
        } else if (a.target == "serializer_class" || a.target == "form_class") {
          model = ModelThroughForm(context, forms, f, a.value);
        }
        if (!model.empty()) view.uses.push_back({model, a.target, {source.path, a.line}});
      }
      std::sort(view.uses.begin(), view.uses.end());
      out->views.push_back(std::move(view));
    }
    for (const auto& function : facts.functions) {
      if (!function.scope.empty()) continue;
      bool decorated = std::any_of(function.decorators.begin(), function.decorators.end(), [](const Expr& d) {
        return IsViewDecorator(LastName(d.text));
      });
      if (!decorated) continue;
      bool drf = std::any_of(function.decorators.begin(), function.decorators.end(),
                             [](const Expr& d) { return LastName(d.text) == "api_view"; });
      out->views.push_back({source.module + "." + function.name, drf ? "drf_api_view" : "function", source.module,
                            {source.path, function.line}, ModelUsesInScope(context, f, function.qualname)});
    }
  }
  std::sort(out->views.begin(), out->views.end(),
            [](const ViewInfo& a, const ViewInfo& b) { return a.qualname < b.qualname; });
}

}  // namespace seams
