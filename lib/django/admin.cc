// Admin registrations: admin.site.register(X[, XAdmin]), lists of models, @admin.register(X, …).

#include <algorithm>
#include <tuple>

#include "lib/django/django_facts.h"

namespace seams {

namespace {

std::string ModelKey(const DjangoContext& context, std::size_t file, const Expr& expr) {
  if (!expr.IsName()) return "";
  bool external = false;
  return ResolveModelReference(expr, file, "", "", context.models, context.settings, context.symbols,
                               context.options, &external);
}

// Models named by the first argument: one model, or a list or tuple of them.
std::vector<std::string> RegisteredModels(const DjangoContext& context, std::size_t file, const Expr& first) {
  std::vector<std::string> keys;
  if (first.kind == Expr::Kind::kList || first.kind == Expr::Kind::kTuple) {
    for (const auto& item : first.items) {
      std::string key = ModelKey(context, file, item);
      if (!key.empty()) keys.push_back(key);
    }
  } else {
    std::string key = ModelKey(context, file, first);
    if (!key.empty()) keys.push_back(key);
  }
  return keys;
}

}  // namespace

std::vector<AdminInfo> FindAdminRegistrations(const DjangoContext& context) {
  std::vector<AdminInfo> out;
  for (std::size_t f = 0; f < context.project.files.size() && f < context.facts.size(); ++f) {
    const SourceFile& file = context.project.files[f];
    const FileFacts& facts = context.facts[f];
    // admin.site.register(X, XAdmin) and custom sites (my_site.register): the receiver names a site.
    for (const auto& call : facts.calls) {
      const std::string& callee = call.call.text;
      if (LastName(callee) != "register" || callee.find('.') == std::string::npos) continue;
      std::string receiver = callee.substr(0, callee.rfind('.'));
      if (LastName(receiver).find("site") == std::string::npos) continue;
      const Expr* first = call.call.Arg(0);
      if (!first) continue;
      std::string admin_class;
      if (const Expr* second = call.call.Arg(1); second && second->IsName())
        admin_class = context.symbols.Qualify(f, second->text);
      for (const auto& key : RegisteredModels(context, f, *first))
        out.push_back({key, admin_class, file.module, {file.path, call.line}});
    }
    // @admin.register(A, B, site=…) on a ModelAdmin class.
    for (const auto& cls : facts.classes) {
      for (const auto& decorator : cls.decorators) {
        if (!decorator.IsCall() || LastName(decorator.text) != "register") continue;
        std::string q = context.symbols.Qualify(f, decorator.text);
        if (q != "django.contrib.admin.register" && q != "django.contrib.admin.decorators.register" &&
            decorator.text != "admin.register")
          continue;
        std::string admin_class = file.module + "." + cls.qualname;
        for (const auto& arg : decorator.items) {
          for (const auto& key : RegisteredModels(context, f, arg))
            out.push_back({key, admin_class, file.module, {file.path, cls.line}});
        }
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const AdminInfo& a, const AdminInfo& b) {
    return std::tie(a.model, a.at, a.admin_class) < std::tie(b.model, b.at, b.admin_class);
  });
  return out;
}

}  // namespace seams
