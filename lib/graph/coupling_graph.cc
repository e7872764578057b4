#include "lib/graph/coupling_graph.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "lib/core/names.h"
#include "lib/graph/import_graph.h"

namespace seams {

namespace {

class Builder {
 public:
  Builder(const CouplingInputs& in, const CouplingWeights& weights) : in_(in), weights_(weights) {}

  CouplingGraph Run() {
    AddNodes();
    AddImports();
    AddRelations();
    AddModelUses();
    AddSignals();
    AddTaskCalls();
    AddUrls();
    for (auto& [key, edge] : edges_) {
      std::sort(edge.evidence.begin(), edge.evidence.end());
      edge.count = static_cast<int>(edge.evidence.size());
      edge.weight = edge.count * weights_.Of(edge.kind);
      graph_.edges.push_back(std::move(edge));
    }
    return std::move(graph_);
  }

 private:
  void AddNodes() {
    std::vector<CouplingNode> nodes;
    std::map<std::string, bool> module_has_models;
    for (const auto& model : in_.models.models) module_has_models[model.module] = true;
    const AppIndex apps(in_.layout.apps);
    for (std::size_t f = 0; f < in_.project.files.size(); ++f) {
      const SourceFile& file = in_.project.files[f];
      CouplingNode node;
      node.id = file.module;
      node.kind = NodeKind::kModule;
      node.group = apps.GroupOf(file.module);
      node.module = file.module;
      node.path = file.path;
      node.lines = f < in_.facts.size() ? in_.facts[f].lines : 0;
      node.is_test = file.is_test;
      node.is_migration = file.is_migration;
      node.defines_models = module_has_models.count(file.module) > 0;
      nodes.push_back(std::move(node));
    }
    for (const auto& model : in_.models.models) {
      CouplingNode node;
      node.id = model.key;
      node.kind = NodeKind::kModel;
      node.group = model.label;
      node.module = model.module;
      node.path = model.path;
      std::size_t file = 0;
      const ClassFact* cls = in_.symbols.FindClass(model.qualname, &file);
      node.lines = cls ? cls->end_line - cls->line + 1 : 1;
      node.is_test = in_.project.files[model.file].is_test;
      node.abstract_model = model.abstract;
      node.proxy_model = model.proxy;
      nodes.push_back(std::move(node));
    }
    std::sort(nodes.begin(), nodes.end(), [](const CouplingNode& a, const CouplingNode& b) {
      return std::tie(a.id, a.kind) < std::tie(b.id, b.kind);
    });
    // A model key equal to a module name would be ambiguous; the module keeps the id.
    nodes.erase(std::unique(nodes.begin(), nodes.end(),
                            [](const CouplingNode& a, const CouplingNode& b) { return a.id == b.id; }),
                nodes.end());
    graph_.nodes = std::move(nodes);
  }

  int Node(const std::string& id) const { return graph_.Find(id); }

  void Add(int from, int to, CouplingKind kind, CouplingEvidence evidence) {
    if (from < 0 || to < 0 || from == to) return;
    CouplingEdge& edge = edges_[{from, to, static_cast<int>(kind)}];
    edge.from = from;
    edge.to = to;
    edge.kind = kind;
    edge.evidence.push_back(std::move(evidence));
  }

  void AddImports() {
    for (const ResolvedImport& import : in_.resolution.imports) {
      if (import.target_kind != TargetKind::kProject) continue;
      const SourceFile& file = in_.project.files[import.file];
      CouplingKind kind = ImportCouplingKind(import.kind);
      // `from orders.models import Order` couples to the model, not to its whole module.
      int to = -1;
      if (!import.symbol.empty() && import.symbol != "*") {
        std::string qualified = in_.symbols.Canonical(import.target + "." + import.symbol);
        if (const ModelInfo* model = in_.models.FindByClass(qualified)) to = Node(model->key);
      }
      if (to < 0) to = Node(import.target);
      Add(Node(file.module), to, kind, {file.path, import.line, import.statement});
    }
  }

  void AddRelations() {
    for (const auto& r : in_.models.relations) {
      if (r.to.empty()) continue;
      // A GenericRelation is an accessor, not a column: the key lives in the
      // other model's generic foreign key, which may point at any model.
      CouplingKind kind = r.kind == "m2m"                ? CouplingKind::kM2m
                          : r.kind == "inherits"         ? CouplingKind::kInherits
                          : r.kind == "generic_relation" ? CouplingKind::kUsesModel
                                                         : CouplingKind::kFk;
      std::string detail = r.kind == "inherits" ? "multi-table inheritance"
                                                : r.kind + " " + r.field + " → " + r.to;
      Add(Node(r.from), Node(r.to), kind, {r.path, r.line, detail});
      if (!r.through.empty()) Add(Node(r.from), Node(r.through), CouplingKind::kM2m, {r.path, r.line, "m2m " + r.field + " through " + r.through});
    }
    for (const auto& model : in_.models.models) {
      for (const auto& base : model.bases) {
        const ModelInfo* parent = in_.models.Find(base);
        if (!parent) continue;
        if (parent->abstract) {
          Add(Node(model.key), Node(base), CouplingKind::kInheritsAbstract, {model.path, model.line, "abstract base " + base});
        } else if (model.proxy) {
          Add(Node(model.key), Node(base), CouplingKind::kInherits, {model.path, model.line, "proxy of " + base});
        }
      }
    }
  }

  void AddUses(const std::string& module, const std::vector<ModelUse>& uses, const std::string& who) {
    for (const auto& use : uses) Add(Node(module), Node(use.model), CouplingKind::kUsesModel, {use.at.path, use.at.line, who + ": " + use.how});
  }

  void AddModelUses() {
    for (const auto& view : in_.django.views) AddUses(view.module, view.uses, "view " + view.qualname);
    for (const auto& task : in_.django.tasks) AddUses(task.module, task.uses, "task " + task.task);
    for (const auto& form : in_.django.forms) {
      if (form.model.empty()) continue;
      Add(Node(ParentName(form.qualname)), Node(form.model), CouplingKind::kUsesModel,
          {form.at.path, form.at.line, form.kind + " " + form.qualname + ": Meta.model"});
    }
    for (const auto& admin : in_.django.admin) {
      Add(Node(admin.module), Node(admin.model), CouplingKind::kUsesModel, {admin.at.path, admin.at.line, "admin registration"});
    }
    for (const auto& use : in_.django.loader_uses) {
      Add(Node(use.module), Node(use.target), CouplingKind::kUsesModel, {use.at.path, use.at.line, "loader " + use.how});
    }
  }

  void AddSignals() {
    std::map<std::string, const SignalInfo*> custom;
    for (const auto& signal : in_.django.signals) custom[signal.signal] = &signal;
    for (const auto& r : in_.django.receivers) {
      if (!r.sender.empty()) {
        Add(Node(r.module), Node(r.sender), CouplingKind::kSignal, {r.at.path, r.at.line, r.signal + " receiver " + r.receiver});
      }
      // A custom signal couples its receivers to the modules that send it.
      auto it = custom.find(r.signal);
      if (it == custom.end()) continue;
      for (const auto& [sender_module, at] : it->second->senders) {
        Add(Node(r.module), Node(sender_module), CouplingKind::kSignal,
            {r.at.path, r.at.line, r.signal + " sent at " + at.path + ":" + std::to_string(at.line)});
      }
    }
  }

  void AddTaskCalls() {
    for (const auto& call : in_.django.task_calls) {
      Add(Node(call.caller), Node(ParentName(call.task)), CouplingKind::kTaskCall,
          {call.at.path, call.at.line, call.task + "." + call.how + "()"});
    }
  }

  void AddUrls() {
    for (const auto& include : in_.django.url_includes) {
      Add(Node(include.module), Node(include.included), CouplingKind::kUrlInclude,
          {include.at.path, include.at.line, "include('" + include.included + "')"});
    }
    for (const auto& url : in_.django.urls) {
      if (url.view.empty()) continue;
      int to = Node(ParentName(url.view));
      Add(Node(url.module), to, CouplingKind::kUrlInclude,
          {url.at.path, url.at.line, "route '" + (url.reachable ? url.prefix : url.route) + "' → " + url.view});
    }
  }

  const CouplingInputs& in_;
  const CouplingWeights& weights_;
  CouplingGraph graph_;
  std::map<std::tuple<int, int, int>, CouplingEdge> edges_;
};

}  // namespace

int CouplingGraph::Find(const std::string& id) const {
  auto it = std::lower_bound(nodes.begin(), nodes.end(), id,
                             [](const CouplingNode& n, const std::string& key) { return n.id < key; });
  return it != nodes.end() && it->id == id ? static_cast<int>(it - nodes.begin()) : -1;
}

CouplingGraph BuildCouplingGraph(const CouplingInputs& inputs, const CouplingWeights& weights) {
  return Builder(inputs, weights).Run();
}

}  // namespace seams
