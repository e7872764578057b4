#include "lib/check/check.h"

#include <algorithm>
#include <set>
#include <nlohmann/json.hpp>
#include <tuple>

#include "lib/check/assign.h"
#include "lib/core/error.h"
#include "lib/core/names.h"
#include "lib/data/plan.h"
#include "lib/discover/discover.h"

namespace seams {

namespace {

constexpr const char* kKernel = "shared_kernel";

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

class Checker {
 public:
  Checker(const Config& config, const Analysis& analysis) : config_(config), a_(analysis), graph_(analysis.coupling) {}

  CheckResult Run() {
    Assign();
    for (std::size_t e = 0; e < graph_.edges.size(); ++e) CheckEdge(graph_.edges[e]);
    CheckData();
    CheckCycles();
    CheckUnassigned();
    ApplySuppressions();
    std::sort(out_.violations.begin(), out_.violations.end(), [](const Violation& x, const Violation& y) {
      return std::tie(x.path, x.line, x.column, x.rule, x.to) < std::tie(y.path, y.line, y.column, y.rule, y.to);
    });
    SortDiagnostics(&out_.config_problems);
    return std::move(out_);
  }

 private:
  void Assign() {
    out_.node_context = AssignContexts(config_, graph_, &out_.config_problems);
  }

  const ContextConfig* FindContext(const std::string& name) const {
    for (const auto& context : config_.contexts) {
      if (context.name == name) return &context;
    }
    return nullptr;
  }

  RuleSeverity SeverityOf(const std::string& rule) const {
    auto it = config_.rules.find(rule);
    if (it != config_.rules.end()) return it->second;
    const CheckRuleInfo* row = FindCheckRule(rule);
    return row ? row->default_severity : RuleSeverity::kError;
  }

  void Add(Violation v) {
    v.severity = SeverityOf(v.rule);
    if (v.severity == RuleSeverity::kOff) return;
    out_.violations.push_back(std::move(v));
  }

  static bool IsImport(CouplingKind kind) {
    return kind == CouplingKind::kImport || kind == CouplingKind::kImportLazy || kind == CouplingKind::kImportTyping;
  }

  void CheckEdge(const CouplingEdge& edge) {
    const CouplingNode& from = graph_.nodes[static_cast<std::size_t>(edge.from)];
    const CouplingNode& to = graph_.nodes[static_cast<std::size_t>(edge.to)];
    const std::string& a = out_.node_context[static_cast<std::size_t>(edge.from)];
    const std::string& b = out_.node_context[static_cast<std::size_t>(edge.to)];
    if (a.empty() || b.empty() || a == b || a == kKernel || b == kKernel) return;
    const ContextConfig* source = FindContext(a);
    const ContextConfig* target = FindContext(b);
    if (!source || !target) return;
    bool allowed = std::find(source->depends_on.begin(), source->depends_on.end(), b) != source->depends_on.end();
    for (const auto& evidence : edge.evidence) {
      Violation v;
      v.path = evidence.path;
      v.line = evidence.line;
      v.column = 1;
      v.source = evidence.detail;
      v.from = from.id;
      v.to = to.id;
      v.from_context = a;
      v.to_context = b;
      if (IsImport(edge.kind)) {
        if (!allowed) {
          v.rule = "cross-context-import";
          v.message = from.id + " (context " + a + ") imports " + to.id + " (context " + b + "), which " + a +
                      " does not depend on";
          v.help = "add \"" + b + "\" to depends_on of context \"" + a + "\"" +
                   (target->interface.empty() ? std::string() : ", and import only " + Join(target->interface)) +
                   "; or move the code";
          Add(std::move(v));
        } else if (!target->interface.empty() && !InInterface(*target, to)) {
          v.rule = "private-import";
          v.message = from.id + " (context " + a + ") imports " + to.id + ", which is not in the interface of " + b;
          v.help = "import from the interface of \"" + b + "\": " + Join(target->interface);
          Add(std::move(v));
        }
      } else if (edge.kind == CouplingKind::kFk || edge.kind == CouplingKind::kM2m ||
                 edge.kind == CouplingKind::kInherits || edge.kind == CouplingKind::kInheritsAbstract) {
        v.rule = "cross-context-fk";
        v.message = from.id + " (context " + a + ") has a " + CouplingKindName(edge.kind) + " relation to " + to.id +
                    " (context " + b + ")";
        v.help = "store the id of the " + to.id + " and ask context \"" + b + "\" for it through its API";
        Add(std::move(v));
      } else if (edge.kind == CouplingKind::kSignal) {
        v.rule = "cross-context-signal";
        v.message = from.id + " (context " + a + ") receives a signal from " + to.id + " (context " + b + ")";
        v.help = "publish an event from context \"" + b + "\" and subscribe to it";
        Add(std::move(v));
      } else if (edge.kind == CouplingKind::kTaskCall) {
        v.rule = "cross-context-task";
        v.message = from.id + " (context " + a + ") queues a task of " + to.id + " (context " + b + ")";
        v.help = "send a message to context \"" + b + "\" instead of calling its task";
        Add(std::move(v));
      }
    }
  }

  // Joins and transactions across the agreed contexts (the shared kernel is everyone's).
  void CheckData() {
    ContextOf context_of = [this](const std::string& id) -> std::string {
      int node = graph_.Find(id);
      return node < 0 ? "" : out_.node_context[static_cast<std::size_t>(node)];
    };
    DataPlan plan = PlanData(a_.tables, a_.models, a_.queries, a_.django, context_of);
    for (const auto& [join, contexts] : plan.joins) {
      std::vector<std::string> real;
      for (const auto& c : contexts) {
        if (IsContext(c)) real.push_back(c);
      }
      if (real.size() < 2 || real.front() != contexts.front()) continue;
      std::string reached;
      for (const auto& m : join.models) {
        if (context_of(m) == real[1]) { reached = m; break; }
      }
      Violation v;
      v.rule = "cross-context-join";
      v.path = join.path;
      v.line = join.line;
      v.column = 1;
      v.source = join.method + "(" + join.lookup + ")";
      v.from = join.module + (join.scope.empty() ? "" : ":" + join.scope);
      v.to = join.model + "." + join.lookup;
      v.from_context = real[0];
      v.to_context = real[1];
      v.message = "a query on " + join.model + " (context " + real[0] + ") joins " + reached + " (context " + real[1] +
                  ") through '" + join.lookup + "'";
      v.help = "ask context \"" + real[1] + "\" through its API, or keep a read model of what is needed in \"" +
               real[0] + "\"";
      Add(std::move(v));
    }
    for (const auto& t : plan.transactions) {
      std::vector<std::string> real;
      for (const auto& c : t.contexts) {
        if (IsContext(c)) real.push_back(c);
      }
      if (real.size() < 2) continue;
      Violation v;
      v.rule = "cross-context-transaction";
      v.path = t.transaction.path;
      v.line = t.transaction.line;
      v.column = 1;
      // What opens it, as written in spirit: Django's atomic, or the project's wrapper of it.
      const std::string opener = t.transaction.opener.empty() || t.transaction.opener == "django.db.transaction.atomic"
                                     ? "transaction.atomic"
                                     : LastName(t.transaction.opener);
      v.source = t.transaction.kind == "decorator" ? "@" + opener : "with " + opener + "()";
      v.from = t.transaction.module + ":" + t.transaction.scope;
      v.to = Join(real);
      v.from_context = real[0];
      v.to_context = real[1];
      std::string receivers;
      for (const auto& r : t.receivers) receivers += (receivers.empty() ? "" : ", ") + r.receiver;
      std::set<std::string> helpers;  // the functions the block calls that write
      for (const auto& w : t.transaction.writes) {
        if (!w.via.empty()) helpers.insert(w.via.front());
      }
      std::vector<std::string> called;
      for (const auto& h : helpers) called.push_back(LastName(h));
      v.message = "transaction in " + t.transaction.scope + " writes " + Join(t.models) + " across contexts " +
                  Join(real) + (called.empty() ? "" : " (also through " + Join(called) + ")") +
                  (receivers.empty() ? "" : "; runs receivers " + receivers);
      v.help = "one transaction per context: a saga, or an outbox event the other contexts consume";
      Add(std::move(v));
    }
  }

  static bool InInterface(const ContextConfig& context, const CouplingNode& node) {
    for (const auto& member : context.interface) {
      if (node.module == member || node.module.rfind(member + ".", 0) == 0 || node.id == member) return true;
    }
    return false;
  }

  // A cycle among declared depends_on is reported once, at the first context's line.
  // The walk is an explicit-stack depth-first search: a config is user input, and a
  // depends_on chain thousands of contexts long must not overflow the call stack.
  void CheckCycles() {
    std::map<std::string, int> state;  // 0 new, 1 on stack, 2 done
    std::vector<std::string> stack;    // the contexts on the current path
    std::set<std::string> reported;
    struct Frame {
      const ContextConfig* context;  // null when the name is not a declared context
      std::size_t next = 0;          // the next depends_on entry to follow
    };
    std::vector<Frame> frames;
    std::map<std::string, const ContextConfig*> by_name;
    for (const auto& context : config_.contexts) by_name.emplace(context.name, &context);
    auto enter = [&](const std::string& name) {
      state[name] = 1;
      stack.push_back(name);
      auto it = by_name.find(name);
      frames.push_back({it == by_name.end() ? nullptr : it->second});
    };
    for (const auto& root : config_.contexts) {
      if (state[root.name] != 0) continue;
      enter(root.name);
      while (!frames.empty()) {
        Frame& frame = frames.back();
        if (!frame.context || frame.next == frame.context->depends_on.size()) {
          state[stack.back()] = 2;
          stack.pop_back();
          frames.pop_back();
          continue;
        }
        const std::string& dep = frame.context->depends_on[frame.next++];
        int& dep_state = state[dep];
        if (dep_state == 0) {
          enter(dep);
        } else if (dep_state == 1) {
          ReportCycle(std::vector<std::string>(std::find(stack.begin(), stack.end(), dep), stack.end()), &reported);
        }
      }
    }
  }

  void ReportCycle(std::vector<std::string> cycle, std::set<std::string>* reported) {
    std::vector<std::string> sorted = cycle;
    std::sort(sorted.begin(), sorted.end());
    if (!reported->insert(Join(sorted)).second) return;
    const ContextConfig* first = FindContext(cycle.front());
    Violation v;
    v.rule = "context-cycle";
    v.path = config_.path;
    v.line = first ? first->line : 0;
    v.column = 1;
    v.from = cycle.front();
    v.to = cycle.back();
    v.from_context = cycle.front();
    v.to_context = cycle.back();
    std::string chain;
    for (const auto& c : cycle) chain += c + " -> ";
    v.message = "contexts depend on each other in a cycle: " + chain + cycle.front();
    v.help = "break the cycle: one of these contexts must not depend on the next";
    Add(std::move(v));
  }

  void CheckUnassigned() {
    for (std::size_t n = 0; n < graph_.nodes.size(); ++n) {
      const CouplingNode& node = graph_.nodes[n];
      if (!out_.node_context[n].empty() || node.is_test || node.is_migration) continue;
      if (node.kind == NodeKind::kModel) {
        // A model follows its module when the module is placed.
        int module = graph_.Find(node.module);
        if (module >= 0 && !out_.node_context[static_cast<std::size_t>(module)].empty()) continue;
      }
      Violation v;
      v.rule = "unassigned";
      v.path = node.path;
      v.line = 1;
      v.column = 1;
      v.from = node.id;
      v.to = "";
      v.message = std::string(node.kind == NodeKind::kModel ? "model " : "module ") + node.id + " is in no context";
      v.help = "add it (or its package) to the members of a context, or to shared_kernel";
      Add(std::move(v));
    }
  }

  void ApplySuppressions() {
    std::map<std::string, std::size_t> file_of;
    for (std::size_t f = 0; f < a_.project.files.size(); ++f) file_of[a_.project.files[f].path] = f;
    std::set<std::pair<std::size_t, int>> used;
    std::vector<Violation> kept;
    for (auto& v : out_.violations) {
      bool suppressed = false;
      auto it = file_of.find(v.path);
      if (it != file_of.end() && it->second < a_.facts.size()) {
        for (const auto& s : a_.facts[it->second].suppressions) {
          if (s.line != v.line) continue;
          if (!s.rules.empty() && std::find(s.rules.begin(), s.rules.end(), v.rule) == s.rules.end()) continue;
          suppressed = true;
          used.insert({it->second, s.line});
        }
      }
      if (!suppressed) kept.push_back(std::move(v));
    }
    out_.violations = std::move(kept);
    if (SeverityOf("unused-suppression") == RuleSeverity::kOff) return;
    for (std::size_t f = 0; f < a_.project.files.size() && f < a_.facts.size(); ++f) {
      for (const auto& s : a_.facts[f].suppressions) {
        if (!used.count({f, s.line})) out_.unused_suppressions.push_back({a_.project.files[f].path, s.line, s.rules});
      }
    }
  }

  const Config& config_;
  const Analysis& a_;
  const CouplingGraph& graph_;
  CheckResult out_;
};

}  // namespace

CheckResult Check(const Config& config, const Analysis& analysis) { return Checker(config, analysis).Run(); }

Baseline ParseBaseline(const std::string& text, const std::string& path) {
  auto problem = [&](const std::string& what) {
    Diagnostic d;
    d.severity = Severity::kError;
    d.path = path;
    d.message = what;
    return SeamsError(ErrorKind::kConfig, std::vector<Diagnostic>{d});
  };
  Baseline baseline;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw problem("malformed baseline: not JSON (at byte " + std::to_string(e.byte) + ")");
  } catch (const nlohmann::json::exception&) {
    // nlohmann reports a number too large for a double (`1e999`) as out_of_range.
    throw problem("malformed baseline: not JSON (a number out of range)");
  }
  const auto schema = doc.is_object() ? doc.find("schema") : doc.end();
  if (schema == doc.end() || *schema != "seams.baseline/1") {
    throw problem("not a seams baseline (expected \"schema\": \"seams.baseline/1\")");
  }
  const auto violations = doc.find("violations");
  if (violations == doc.end() || !violations->is_array()) {
    throw problem("malformed baseline: \"violations\" must be a list of strings");
  }
  for (const auto& key : *violations) {
    if (!key.is_string()) throw problem("malformed baseline: \"violations\" must be a list of strings");
    baseline.keys.insert(key.get<std::string>());
  }
  return baseline;
}

std::string WriteBaseline(const std::vector<Violation>& violations) {
  std::set<std::string> keys;
  for (const auto& v : violations) keys.insert(v.Key());
  nlohmann::json doc = {{"schema", "seams.baseline/1"}, {"violations", keys}};
  return doc.dump(2) + "\n";
}

}  // namespace seams
