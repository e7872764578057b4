// ModelForms and DRF ModelSerializers, and the model their Meta names.

#include <algorithm>

#include "lib/django/django_facts.h"

namespace seams {

namespace {

bool IsFormRoot(const std::string& q) { return q == "django.forms.ModelForm" || q == "django.forms.models.ModelForm"; }

bool IsSerializerRoot(const std::string& q) {
  return q == "rest_framework.serializers.ModelSerializer" ||
         q == "rest_framework.serializers.HyperlinkedModelSerializer";
}

// Meta.model of a class, looking through its project base classes as Python does.
std::string MetaModel(const DjangoContext& context, const std::string& qualname, int depth) {
  if (depth > 10) return "";
  std::size_t file = 0;
  const ClassFact* cls = context.symbols.FindClass(qualname, &file);
  if (!cls) return "";
  for (const auto& a : context.facts[file].assignments) {
    if (a.scope != cls->qualname + ".Meta" || a.target != "model") continue;
    bool external = false;
    return ResolveModelReference(a.value, file, "", "", context.models, context.settings, context.symbols,
                                 context.options, &external);
  }
  for (const auto& base : cls->bases) {
    if (!base.IsName()) continue;
    std::string model = MetaModel(context, context.symbols.Qualify(file, base.text), depth + 1);
    if (!model.empty()) return model;
  }
  return "";
}

}  // namespace

std::vector<ModelFormInfo> FindModelForms(const DjangoContext& context) {
  std::vector<ModelFormInfo> out;
  for (std::size_t f = 0; f < context.project.files.size() && f < context.facts.size(); ++f) {
    if (context.project.files[f].is_migration) continue;
    for (const auto& cls : context.facts[f].classes) {
      if (!cls.scope.empty()) continue;
      std::string qualname = context.project.files[f].module + "." + cls.name;
      std::string kind;
      if (DerivesFrom(context, qualname, IsFormRoot)) kind = "form";
      else if (DerivesFrom(context, qualname, IsSerializerRoot)) kind = "serializer";
      else continue;
      out.push_back({qualname, kind, MetaModel(context, qualname, 0), {context.project.files[f].path, cls.line}});
    }
  }
  std::sort(out.begin(), out.end(), [](const ModelFormInfo& a, const ModelFormInfo& b) { return a.qualname < b.qualname; });
  return out;
}

}  // namespace seams
