// URLconfs: path/re_path/url → view, include() with namespaces, DRF routers,
// and each view's full route from ROOT_URLCONF (what an API gateway routes by).

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "lib/django/django_facts.h"

namespace seams {

namespace {

constexpr int kMaxIncludeDepth = 20;

// One entry of a urlpatterns list, read from its Expr.
struct Pattern {
  enum class Kind { kLeaf, kIncludeModule, kIncludeList, kRouter } kind = Kind::kLeaf;
  std::string route;
  std::string view;
  std::string name;
  std::string target;      // module (kIncludeModule), list name (kIncludeList), router (kRouter)
  std::string namespace_;  // include(..., namespace=) or the app_name of an include tuple
  int line = 0;
};

struct Registration {
  std::string prefix;
  std::string view;
  std::size_t file = 0;
  int line = 0;
};

std::string CleanRoute(std::string route, bool regex) {
  if (!regex) return route;
  if (!route.empty() && route.front() == '^') route.erase(0, 1);
  if (!route.empty() && route.back() == '$') route.pop_back();
  return route;
}

class UrlFinder {
 public:
  UrlFinder(const DjangoContext& context, DjangoFacts* out) : c_(context), out_(out) {}

  void Run() {
    FindRouters();
    for (std::size_t f = 0; f < c_.project.files.size() && f < c_.facts.size(); ++f) {
      if (c_.project.files[f].is_migration) continue;
      for (const auto& a : c_.facts[f].assignments) {
        if (a.scope.empty() && a.target == "urlpatterns") urlconfs_.insert(f);
      }
    }
    // From the root URLconf, every route gets its full prefix.
    std::set<std::size_t> reached;
    long root = -1;
    if (!c_.settings.root_urlconf.empty()) {
      for (std::size_t f = 0; f < c_.project.files.size(); ++f) {
        if (c_.project.files[f].module == c_.settings.root_urlconf) root = static_cast<long>(f);
      }
      if (root < 0) {
        out_->diagnostics.push_back({"root-urlconf-not-found", Severity::kWarning, "", 0, 0,
                                     "ROOT_URLCONF '" + c_.settings.root_urlconf + "' is not a module of the project"});
      }
    }
    if (root >= 0) {
      std::vector<std::pair<std::size_t, std::string>> stack;
      Expand(static_cast<std::size_t>(root), "urlpatterns", "", "", true, &stack, &reached);
    }
    // URLconfs not reached from the root are still listed, with their own routes.
    for (std::size_t f : urlconfs_) {
      if (reached.count(f)) continue;
      std::vector<std::pair<std::size_t, std::string>> stack;
      std::set<std::size_t> local;
      Expand(f, "urlpatterns", "", "", false, &stack, &local);
    }
    // Routes reachable from the root first, by full route; then the others by module.
    std::sort(out_->urls.begin(), out_->urls.end(), [](const UrlInfo& a, const UrlInfo& b) {
      return std::tie(b.reachable, a.prefix, a.module, a.at, a.view, a.route) <
             std::tie(a.reachable, b.prefix, b.module, b.at, b.view, b.route);
    });
    // An include reached along several paths is one include.
    auto include_key = [](const UrlIncludeInfo& i) { return std::tie(i.module, i.at, i.included); };
    std::sort(out_->url_includes.begin(), out_->url_includes.end(),
              [&](const UrlIncludeInfo& a, const UrlIncludeInfo& b) { return include_key(a) < include_key(b); });
    out_->url_includes.erase(std::unique(out_->url_includes.begin(), out_->url_includes.end(),
                                         [&](const UrlIncludeInfo& a, const UrlIncludeInfo& b) {
                                           return include_key(a) == include_key(b);
                                         }),
                             out_->url_includes.end());
    AddFunctionViews();
  }

 private:
  void FindRouters() {
    for (std::size_t f = 0; f < c_.project.files.size() && f < c_.facts.size(); ++f) {
      const std::string& module = c_.project.files[f].module;
      for (const auto& a : c_.facts[f].assignments) {
        if (!a.scope.empty() || !a.value.IsCall() || a.target.find('.') != std::string::npos) continue;
        std::string callee = LastName(a.value.text);
        if (callee.size() >= 6 && callee.compare(callee.size() - 6, 6, "Router") == 0)
          routers_[module + "." + a.target];
      }
    }
    for (std::size_t f = 0; f < c_.project.files.size() && f < c_.facts.size(); ++f) {
      for (const auto& call : c_.facts[f].calls) {
        const std::string& callee = call.call.text;
        if (LastName(callee) != "register" || callee.find('.') == std::string::npos) continue;
        std::string router = c_.symbols.Qualify(f, callee.substr(0, callee.rfind('.')));
        auto it = routers_.find(router);
        if (it == routers_.end()) continue;
        const Expr* prefix = call.call.Arg(0);
        if (!prefix) prefix = call.call.Keyword("prefix");
        const Expr* viewset = call.call.Arg(1);
        if (!viewset) viewset = call.call.Keyword("viewset");
        if (!prefix || !prefix->IsString() || !viewset || !viewset->IsName()) continue;
        it->second.push_back({CleanRoute(prefix->text, true), Resolve(f, viewset->text), f, call.line});
      }
    }
  }

  std::string Resolve(std::size_t file, const std::string& dotted) const {
    std::string q = c_.symbols.Qualify(file, dotted);
    return q.empty() ? dotted : q;
  }

  // The items of list `name` in `file`: `=` replaces, `+=` appends, `+` joins.
  std::vector<Pattern> Patterns(std::size_t file, const std::string& name, int depth) const {
    std::vector<Pattern> patterns;
    if (depth > 5) return patterns;
    for (const auto& a : c_.facts[file].assignments) {
      if (!a.scope.empty() || a.target != name) continue;
      if (a.op == "=") patterns.clear();
      else if (a.op != "+=") continue;
      Flatten(file, a.value, depth, &patterns);
    }
    return patterns;
  }

  void Flatten(std::size_t file, const Expr& expr, int depth, std::vector<Pattern>* patterns) const {
    switch (expr.kind) {
      case Expr::Kind::kList:
      case Expr::Kind::kTuple:
        for (const auto& item : expr.items) Flatten(file, item, depth, patterns);
        return;
      case Expr::Kind::kBinOp:
        if (expr.text == "+") for (const auto& item : expr.items) Flatten(file, item, depth, patterns);
        return;
      case Expr::Kind::kName: {
        // router.urls, or another list of patterns defined in this module.
        if (LastName(expr.text) == "urls" && expr.text.find('.') != std::string::npos) {
          std::string router = c_.symbols.Qualify(file, expr.text.substr(0, expr.text.rfind('.')));
          if (routers_.count(router)) {
            Pattern p;
            p.kind = Pattern::Kind::kRouter;
            p.target = router;
            p.line = expr.line;
            patterns->push_back(p);
          }
          return;
        }
        if (expr.text.find('.') == std::string::npos) {
          for (auto& p : Patterns(file, expr.text, depth + 1)) patterns->push_back(std::move(p));
        }
        return;
      }
      case Expr::Kind::kCall: {
        std::string callee = LastName(expr.text);
        if (callee == "i18n_patterns") {
          // i18n_patterns(path(...), ...): the same patterns under a language prefix.
          for (const auto& item : expr.items) Flatten(file, item, depth, patterns);
          return;
        }
        if (callee == "static" || callee == "staticfiles_urlpatterns") return;  // files, not views
        if (callee != "path" && callee != "re_path" && callee != "url") {
          Unread(file, expr.line, callee + "(...) in a URL pattern list");
          return;
        }
        Pattern p;
        p.line = expr.line;
        const Expr* route = expr.Arg(0);
        if (!route) route = expr.Keyword("route");
        if (route && route->IsString()) p.route = CleanRoute(route->text, callee != "path");
        if (const Expr* name = expr.Keyword("name"); name && name->IsString()) p.name = name->text;
        const Expr* view = expr.Arg(1);
        if (!view) view = expr.Keyword("view");
        if (!view) return;
        ReadView(file, *view, &p);
        patterns->push_back(std::move(p));
        return;
      }
      default: return;
    }
  }

  void ReadView(std::size_t file, const Expr& view, Pattern* p) const {
    if (view.IsCall() && LastName(view.text) == "include") {
      if (const Expr* ns = view.Keyword("namespace"); ns && ns->IsString()) p->namespace_ = ns->text;
      const Expr* target = view.Arg(0);
      if (!target) return;
      if ((target->kind == Expr::Kind::kTuple || target->kind == Expr::Kind::kList) && !target->items.empty()) {
        if (target->items.size() > 1 && target->items[1].IsString() && p->namespace_.empty())
          p->namespace_ = target->items[1].text;
        target = &target->items[0];
      }
      if (target->IsString()) {
        p->kind = Pattern::Kind::kIncludeModule;
        p->target = target->text;
      } else if (target->IsName()) {
        if (LastName(target->text) == "urls" && target->text.find('.') != std::string::npos) {
          std::string router = c_.symbols.Qualify(file, target->text.substr(0, target->text.rfind('.')));
          if (routers_.count(router)) {
            p->kind = Pattern::Kind::kRouter;
            p->target = router;
            return;
          }
        }
        std::string q = c_.symbols.Qualify(file, target->text);
        if (target->text.find('.') == std::string::npos && q == c_.project.files[file].module + "." + target->text) {
          p->kind = Pattern::Kind::kIncludeList;  // a list defined in this module
          p->target = target->text;
        } else if (!q.empty()) {
          p->kind = Pattern::Kind::kIncludeModule;  // an imported urls module (or module.list)
          p->target = q;
        }
      } else {
        Unread(file, p->line, "include(" + (target->text.empty() ? std::string("...") : target->text + "(...)") + ")");
      }
      return;
    }
    p->kind = Pattern::Kind::kLeaf;
    if (view.IsCall() && LastName(view.text) == "as_view" && view.text.find('.') != std::string::npos) {
      p->view = Resolve(file, view.text.substr(0, view.text.rfind('.')));
    } else if (view.IsName()) {
      p->view = Resolve(file, view.text);
    } else if (view.IsString()) {
      p->view = view.text;  // a dotted path, as old Django allowed
    }
  }

  // Patterns built by code (a call, a computed include) cannot be read without
  // running it: say so, with the place, rather than lose them silently.
  void Unread(std::size_t file, int line, const std::string& what) const {
    out_->diagnostics.push_back({"unread-urls", Severity::kNote, c_.project.files[file].path, line, 0,
                                 what + " is built at run time; its URLs are not read statically"});
  }

  void Emit(std::size_t file, const std::string& route, const std::string& prefix, const std::string& view,
            const std::string& name, const std::string& ns, bool reachable, int line) {
    UrlInfo url;
    url.module = c_.project.files[file].module;
    url.route = route;
    url.prefix = reachable ? prefix : "";
    url.reachable = reachable;
    url.view = view;
    url.name = name;
    url.namespace_ = ns;
    url.at = {c_.project.files[file].path, line};
    out_->urls.push_back(std::move(url));
  }

  static std::string JoinNamespace(const std::string& outer, const std::string& inner) {
    if (outer.empty()) return inner;
    if (inner.empty()) return outer;
    return outer + ":" + inner;
  }

  void Expand(std::size_t file, const std::string& list, const std::string& prefix, const std::string& ns,
              bool reachable, std::vector<std::pair<std::size_t, std::string>>* stack, std::set<std::size_t>* reached) {
    if (stack->size() > static_cast<std::size_t>(kMaxIncludeDepth)) return;
    std::pair<std::size_t, std::string> key{file, list};
    if (std::find(stack->begin(), stack->end(), key) != stack->end()) {
      out_->diagnostics.push_back({"include-cycle", Severity::kWarning, c_.project.files[file].path, 0, 0,
                                   "URLconf includes itself through " + c_.project.files[file].module});
      return;
    }
    stack->push_back(key);
    reached->insert(file);
    for (const Pattern& p : Patterns(file, list, 0)) {
      std::string full = prefix + p.route;
      switch (p.kind) {
        case Pattern::Kind::kLeaf:
          Emit(file, p.route, full, p.view, p.name, ns, reachable, p.line);
          break;
        case Pattern::Kind::kRouter:
          for (const auto& reg : routers_.at(p.target)) {
            std::string route = reg.prefix.empty() ? "" : reg.prefix + "/";
            Emit(reg.file, route, full + route, reg.view, "", ns, reachable, reg.line);
          }
          break;
        case Pattern::Kind::kIncludeList:
          Expand(file, p.target, full, JoinNamespace(ns, p.namespace_), reachable, stack, reached);
          break;
        case Pattern::Kind::kIncludeModule: {
          // "pkg.urls" or an imported "pkg.urls.extra_patterns".
          std::string module = p.target, sub_list = "urlpatterns";
          long target = FindModule(module);
          if (target < 0 && module.find('.') != std::string::npos) {
            sub_list = LastName(module);
            module = module.substr(0, module.rfind('.'));
            target = FindModule(module);
          }
          if (target < 0) {
            out_->diagnostics.push_back({"unresolved-include", Severity::kNote, c_.project.files[file].path, p.line, 0,
                                         "include('" + p.target + "') names no URLconf of the project"});
            break;
          }
          out_->url_includes.push_back({c_.project.files[file].module, module, {c_.project.files[file].path, p.line}});
          if (!reachable) break;  // unreached URLconfs list only their own routes
          std::string inner_ns = p.namespace_;
          if (inner_ns.empty()) {
            for (const auto& a : c_.facts[static_cast<std::size_t>(target)].assignments) {
              if (a.scope.empty() && a.target == "app_name" && a.value.IsString()) inner_ns = a.value.text;
            }
          }
          Expand(static_cast<std::size_t>(target), sub_list, full, JoinNamespace(ns, inner_ns), reachable, stack,
                 reached);
          break;
        }
      }
    }
    stack->pop_back();
  }

  long FindModule(const std::string& module) const {
    for (std::size_t f = 0; f < c_.project.files.size(); ++f) {
      if (c_.project.files[f].module == module) return static_cast<long>(f);
    }
    return -1;
  }

  // Module-level functions routed by a URLconf are views even without a decorator.
  void AddFunctionViews() {
    std::set<std::string> known;
    for (const auto& view : out_->views) known.insert(view.qualname);
    for (const auto& url : out_->urls) {
      if (url.view.empty() || known.count(url.view)) continue;
      auto dot = url.view.rfind('.');
      if (dot == std::string::npos) continue;
      long f = FindModule(url.view.substr(0, dot));
      if (f < 0) continue;
      std::string name = url.view.substr(dot + 1);
      for (const auto& function : c_.facts[static_cast<std::size_t>(f)].functions) {
        if (!function.scope.empty() || function.name != name) continue;
        known.insert(url.view);
        out_->views.push_back({url.view, "function", c_.project.files[static_cast<std::size_t>(f)].module,
                               {c_.project.files[static_cast<std::size_t>(f)].path, function.line},
                               ModelUsesInScope(c_, static_cast<std::size_t>(f), function.qualname)});
      }
    }
    std::sort(out_->views.begin(), out_->views.end(),
              [](const ViewInfo& a, const ViewInfo& b) { return a.qualname < b.qualname; });
  }

  const DjangoContext& c_;
  DjangoFacts* out_;
  std::set<std::size_t> urlconfs_;
  std::map<std::string, std::vector<Registration>> routers_;
};

}  // namespace

void FindUrls(const DjangoContext& context, DjangoFacts* out) { UrlFinder(context, out).Run(); }

}  // namespace seams
