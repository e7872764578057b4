#include "lib/django/django_facts.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace seams {

bool InScope(const std::string& scope, const std::string& qualname) {
  return scope == qualname || scope.rfind(qualname + ".", 0) == 0;
}

std::vector<std::string> ViewInfo::Models() const {
  std::set<std::string> keys;
  for (const auto& use : uses) keys.insert(use.model);
  return {keys.begin(), keys.end()};
}

namespace {

bool DerivesFromImpl(ClassBases& bases, const std::string& qualname, bool (*is_root)(const std::string&),
                     std::string* root, int depth, std::set<std::string>* seen) {
  if (depth > 30 || !seen->insert(qualname).second) return false;
  const std::vector<std::string>* of = bases.Of(qualname);
  if (!of) return false;
  for (const auto& q : *of) {
    if (is_root(q)) {
      if (root) *root = q;
      return true;
    }
    if (DerivesFromImpl(bases, q, is_root, root, depth + 1, seen)) return true;
  }
  return false;
}

}  // namespace

bool DerivesFrom(const DjangoContext& context, const std::string& qualname, bool (*is_root)(const std::string&),
                 std::string* root) {
  std::set<std::string> seen;
  if (context.class_bases) return DerivesFromImpl(*context.class_bases, qualname, is_root, root, 0, &seen);
  ClassBases bases(context.symbols);
  return DerivesFromImpl(bases, qualname, is_root, root, 0, &seen);
}

const std::vector<std::string>* ClassBases::Of(const std::string& qualname) {
  auto [it, added] = memo_.try_emplace(qualname);
  if (added) {
    std::size_t file = 0;
    if (const ClassFact* cls = symbols_.FindClass(qualname, &file)) {
      std::vector<std::string>& out = it->second.emplace();
      for (const auto& base : cls->bases) {
        if (!base.IsName()) continue;
        std::string q = symbols_.Qualify(file, base.text);
        if (!q.empty()) out.push_back(std::move(q));
      }
    }
  }
  return it->second ? &*it->second : nullptr;
}

namespace {

// The model a loader call names: get_model('app', 'Model'), get_model('app.Model'), get_user_model().
std::string LoaderModel(const DjangoContext& context, std::size_t file, const Expr& call, bool* is_loader) {
  *is_loader = false;
  std::string callee = LastName(call.text.empty() ? "" : call.text);
  bool external = false;
  if (callee == "get_user_model") {
    *is_loader = true;
    return ResolveModelReference(call, file, "", "", context.models, context.settings, context.symbols,
                                 context.options, &external);
  }
  if (std::find(context.options.model_loaders.begin(), context.options.model_loaders.end(), callee) ==
      context.options.model_loaders.end())
    return "";
  const Expr* a = call.Arg(0);
  const Expr* b = call.Arg(1);
  if (!a || !a->IsString()) return "";
  *is_loader = true;
  Expr reference;
  reference.kind = Expr::Kind::kString;
  reference.text = b && b->IsString() ? a->text + "." + b->text : a->text;
  if (std::count(reference.text.begin(), reference.text.end(), '.') != 1) return "";
  return ResolveModelReference(reference, file, "", "", context.models, context.settings, context.symbols,
                               context.options, &external);
}

std::string ModelOfName(const DjangoContext& context, std::size_t file, const std::string& dotted) {
  Expr name;
  name.kind = Expr::Kind::kName;
  name.text = dotted;
  bool external = false;
  return ResolveModelReference(name, file, "", "", context.models, context.settings, context.symbols,
                               context.options, &external);
}

}  // namespace

std::vector<ModelUse> ModelUsesInScope(const DjangoContext& context, std::size_t file, const std::string& qualname) {
  std::vector<ModelUse> uses;
  const FileFacts& facts = context.facts[file];
  const std::string& path = context.project.files[file].path;
  for (const auto& ref : facts.attribute_refs) {
    if (!InScope(ref.scope, qualname)) continue;
    std::string model = ModelOfName(context, file, ref.object);
    if (!model.empty()) uses.push_back({model, ref.attribute, {path, ref.line}});
  }
  for (const auto& call : facts.calls) {
    if (!InScope(call.scope, qualname)) continue;
    std::string callee = LastName(call.call.text);
    if (callee == "get_object_or_404" || callee == "get_list_or_404") {
      const Expr* first = call.call.Arg(0);
      if (first && first->IsName()) {
        std::string model = ModelOfName(context, file, first->text);
        if (!model.empty()) uses.push_back({model, callee, {path, call.line}});
      }
      continue;
    }
    bool is_loader = false;
    std::string model = LoaderModel(context, file, call.call, &is_loader);
    if (!model.empty()) uses.push_back({model, callee, {path, call.line}});
  }
  std::sort(uses.begin(), uses.end());
  uses.erase(std::unique(uses.begin(), uses.end()), uses.end());
  return uses;
}

DjangoFacts AnalyzeDjango(const DjangoContext& shared) {
  ClassBases bases(shared.symbols);
  DjangoContext context = shared;
  context.class_bases = &bases;
  DjangoFacts out;
  // Forms and serializers first: views reach models through them.
  out.forms = FindModelForms(context);
  out.admin = FindAdminRegistrations(context);
  FindSignals(context, &out);
  FindTasks(context, &out);
  FindViews(context, out.forms, &out);
  FindUrls(context, &out);

  // String loaders anywhere else (services, tasks, signals): each a use with evidence.
  for (std::size_t f = 0; f < context.project.files.size() && f < context.facts.size(); ++f) {
    for (const auto& call : context.facts[f].calls) {
      bool is_loader = false;
      std::string model = LoaderModel(context, f, call.call, &is_loader);
      if (!is_loader) continue;
      const std::string& path = context.project.files[f].path;
      if (model.empty()) {
        const Expr* a = call.call.Arg(0);
        if (a && a->IsString()) {
          out.diagnostics.push_back({"unresolved-model-reference", Severity::kNote, path, call.line, 0,
                                     "'" + call.call.text + "(...)' names no model of the project"});
        }
        continue;
      }
      out.loader_uses.push_back({context.project.files[f].module, model, LastName(call.call.text), {path, call.line}});
    }
  }
  auto by_location = [](const auto& a, const auto& b) { return a.at < b.at; };
  std::sort(out.loader_uses.begin(), out.loader_uses.end(), [](const LoaderUseInfo& a, const LoaderUseInfo& b) {
    return std::tie(a.at, a.target) < std::tie(b.at, b.target);
  });
  (void)by_location;
  SortDiagnostics(&out.diagnostics);
  return out;
}

}  // namespace seams
