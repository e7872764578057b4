#include "lib/data/queries.h"

#include <algorithm>
#include <atomic>
#include <iterator>
#include <map>
#include <thread>
#include <set>
#include <tuple>
#include <string_view>
#include <unordered_map>

#include "lib/core/names.h"
#include "lib/data/call_graph.h"

namespace seams {

namespace {

std::vector<std::string> Split(const std::string& text, const std::string& by) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    auto at = text.find(by, start);
    out.push_back(text.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + by.size();
  }
  return out;
}

// One step through the model graph.
struct Step {
  std::string to;        // model key reached
  std::string relation;  // "app.Model.field" of the declaring side
  bool many = false;     // a manager (many objects) when reached as an attribute
  std::string m2m_owner; // for a many-to-many step: the model whose table holds the pairs
  bool column = false;   // a forward foreign key: the key is a column of the starting table
};

// Names a query or an instance can follow from each model, as Django names them.
class RelationIndex {
 public:
  explicit RelationIndex(const ModelCatalog& catalog) {
    for (const auto& r : catalog.relations) {
      if (r.to.empty() || r.kind == "generic_fk") continue;
      std::string relation = r.from + "." + (r.field.empty() ? AsciiLower(LastName(r.to)) + "_ptr" : r.field);
      const ModelInfo* from = catalog.Find(r.from);
      std::string from_name = AsciiLower(from ? from->name : LastName(r.from));
      std::string owner = r.kind == "m2m" ? (r.through.empty() ? r.from : r.through) : "";
      if (r.kind == "inherits") {
        // child.parent_ptr forward; parent.child backward (a one-to-one).
        Add(&query_[r.from], AsciiLower(LastName(r.to)) + "_ptr", {r.to, relation, false, "", true});
        Add(&query_[r.to], from_name, {r.from, relation, false, ""});
        Add(&access_[r.to], from_name, {r.from, relation, false, ""});
        parents_[r.from].push_back(r.to);
        continue;
      }
      bool many = r.kind == "m2m" || r.kind == "generic_relation";
      Add(&query_[r.from], r.field, {r.to, relation, many, owner, r.kind == "fk" || r.kind == "o2o"});
      Add(&access_[r.from], r.field, {r.to, relation, many, owner});
      if (r.kind == "generic_relation") continue;
      // related_name '+' (or ending in '+') turns the reverse relation off.
      if (!r.related_name.empty() && r.related_name.back() == '+') continue;
      std::string query = !r.related_query_name.empty() ? r.related_query_name
                          : !r.related_name.empty()      ? r.related_name
                                                         : from_name;
      std::string accessor = !r.related_name.empty() ? r.related_name
                             : r.kind == "o2o"        ? from_name
                                                      : from_name + "_set";
      Add(&query_[r.to], query, {r.from, relation, r.kind != "o2o", owner});
      Add(&access_[r.to], accessor, {r.from, relation, r.kind != "o2o", owner});
    }
  }

  // A lookup part followed from `model` in a query (the parents' fields too).
  const Step* Query(const std::string& model, const std::string& name, std::vector<Step>* via) const {
    return Find(query_, model, name, via, 0);
  }
  // An attribute of an instance of `model`.
  const Step* Attribute(const std::string& model, const std::string& name, std::vector<Step>* via) const {
    return Find(access_, model, name, via, 0);
  }

 private:
  using Table = std::map<std::string, std::map<std::string, Step>>;
  static void Add(std::map<std::string, Step>* names, const std::string& name, Step step) {
    names->emplace(name, std::move(step));  // the first declaration wins, as a clash is Django's error
  }
  // Fields of a multi-table parent are reachable from the child, through the parent's table.
  const Step* Find(const Table& table, const std::string& model, const std::string& name, std::vector<Step>* via,
                   int depth) const {
    if (auto it = table.find(model); it != table.end()) {
      if (auto found = it->second.find(name); found != it->second.end()) return &found->second;
    }
    if (depth > 8) return nullptr;
    auto parents = parents_.find(model);
    if (parents == parents_.end()) return nullptr;
    for (const auto& parent : parents->second) {
      std::size_t mark = via->size();
      via->push_back({parent, model + "." + AsciiLower(LastName(parent)) + "_ptr", false, "", true});
      if (const Step* step = Find(table, parent, name, via, depth + 1)) return step;
      via->resize(mark);
    }
    return nullptr;
  }
  Table query_, access_;
  std::map<std::string, std::vector<std::string>> parents_;
};

// What an expression denotes, as far as the ORM goes.
struct Value {
  enum class Kind { kNone, kClass, kManager, kQueryset, kInstance, kPair } kind = Kind::kNone;
  std::string model;
  std::string m2m_owner;  // a many-to-many manager: the model whose table add()/remove() write
  bool ok() const { return kind != Kind::kNone && !model.empty(); }
};

const std::set<std::string>& QueryMethods() {
  static const std::set<std::string> k = {"filter", "exclude", "order_by", "values", "values_list", "select_related",
                                          "prefetch_related", "annotate", "distinct", "all", "only", "defer",
                                          "using", "select_for_update", "reverse", "none", "iterator", "alias"};
  return k;
}
const std::set<std::string>& InstanceMethods() {
  static const std::set<std::string> k = {"get", "first", "last", "earliest", "latest", "create"};
  return k;
}
const std::set<std::string>& QuerysetWrites() {
  static const std::set<std::string> k = {"create", "bulk_create", "bulk_update", "update", "delete",
                                          "get_or_create", "update_or_create"};
  return k;
}
// Writes that go through Model.save() / Model.delete(), so Django sends its model signals.
bool SendsSignals(const std::string& method) {
  return method == "save" || method == "create" || method == "delete" || method == "get_or_create" ||
         method == "update_or_create";
}
// Calls whose keyword names are lookups.
bool KeywordLookups(const std::string& method) {
  return method == "filter" || method == "exclude" || method == "get" || method == "get_or_create" ||
         method == "update_or_create";
}
// Calls whose string arguments are lookups.
bool StringLookups(const std::string& method) {
  return method == "order_by" || method == "values" || method == "values_list" || method == "select_related" ||
         method == "prefetch_related" || method == "distinct" || method == "only" || method == "defer";
}
// Expressions whose first string argument is a lookup: F("a__b"), Count("a__b"), Prefetch("a__b").
const std::set<std::string>& PathFunctions() {
  static const std::set<std::string> k = {"F", "Count", "Sum", "Avg", "Min", "Max", "StdDev", "Variance",
                                          "ArrayAgg", "StringAgg", "JSONBAgg", "BoolAnd", "BoolOr", "BitAnd",
                                          "BitOr", "Coalesce", "Greatest", "Least", "Concat", "Lower", "Upper",
                                          "Length", "Trunc", "TruncDate", "TruncDay", "TruncMonth", "TruncYear",
                                          "Extract", "Cast", "Prefetch", "FilteredRelation"};
  return k;
}

// What may follow a foreign key without reading the related table: its key, or a comparison.
bool KeyOnly(const std::vector<std::string>& parts, std::size_t from) {
  static const std::set<std::string> k = {"id", "pk", "exact", "iexact", "in", "isnull", "gt", "gte", "lt", "lte",
                                          "range", "ne"};
  for (std::size_t i = from; i < parts.size(); ++i) {
    if (!k.count(parts[i])) return false;
  }
  return true;
}

struct Lookup {
  std::string text;
  std::string method;
  bool outer = false;  // OuterRef: relative to the enclosing query
};

// The lookups an expression inside an ORM call names.
void CollectLookups(const Expr& e, const std::string& method, std::vector<Lookup>* out, int depth) {
  if (depth > 12) return;
  if (e.IsCall()) {
    std::string name = LastName(e.text);
    if (name == "Q") {
      for (const auto& [key, value] : e.keywords) {
        out->push_back({key, method, false});
        CollectLookups(value, method, out, depth + 1);
      }
      for (const auto& item : e.items) CollectLookups(item, method, out, depth + 1);
      return;
    }
    if (name == "OuterRef") {
      if (const Expr* a = e.Arg(0); a && a->IsString()) out->push_back({a->text, method, true});
      return;
    }
    if (PathFunctions().count(name)) {
      if (const Expr* a = e.Arg(0); a && a->IsString()) out->push_back({a->text, name == "Prefetch" ? "Prefetch" : method, false});
      for (std::size_t i = 1; i < e.items.size(); ++i) CollectLookups(e.items[i], method, out, depth + 1);
      for (const auto& [key, value] : e.keywords) {
        if (key == "queryset") continue;  // its own chain, from its own model
        CollectLookups(value, method, out, depth + 1);
      }
      return;
    }
    // Any other call (Subquery, Exists, When, Case, ExpressionWrapper …): look inside.
    if (name == "Subquery" || name == "Exists") return;  // inner queries are chains of their own
    for (const auto& item : e.items) CollectLookups(item, method, out, depth + 1);
    for (const auto& [key, value] : e.keywords) CollectLookups(value, method, out, depth + 1);
    return;
  }
  if (e.kind == Expr::Kind::kBinOp || e.kind == Expr::Kind::kList || e.kind == Expr::Kind::kTuple) {
    for (const auto& item : e.items) CollectLookups(item, method, out, depth + 1);
  }
}

std::vector<Lookup> LookupsOf(const ChainLink& link) {
  std::vector<Lookup> out;
  const std::string& m = link.name;
  if (KeywordLookups(m)) {
    for (const auto& [key, value] : link.args.keywords) {
      if (key == "defaults" || key == "create_defaults") continue;
      out.push_back({key, m, false});
      CollectLookups(value, m, &out, 0);
    }
    for (const auto& item : link.args.items) CollectLookups(item, m, &out, 0);
  } else if (StringLookups(m)) {
    for (const auto& item : link.args.items) {
      if (item.IsString()) {
        std::string text = item.text;
        if (!text.empty() && (text[0] == '-' || text[0] == '+')) text = text.substr(1);
        if (!text.empty() && text != "?") out.push_back({text, m, false});
      } else {
        CollectLookups(item, m, &out, 0);
      }
    }
    for (const auto& [key, value] : link.args.keywords) CollectLookups(value, m, &out, 0);
  } else if (m == "annotate" || m == "aggregate" || m == "alias" || m == "update") {
    for (const auto& item : link.args.items) CollectLookups(item, m, &out, 0);
    for (const auto& [key, value] : link.args.keywords) CollectLookups(value, m, &out, 0);
  }
  return out;
}

// What a project function does itself: its writes and the project signals it sends.
struct FunctionSummary {
  std::vector<WriteInfo> writes;
  std::vector<std::string> signals;
};
using Summaries = std::map<std::string, FunctionSummary>;

class QueryFinder {
 public:
  QueryFinder(const QueryInputs& in, const std::set<std::string>& wrappers)
      : in_(in), wrappers_(wrappers), index_(in.models) {}

  struct Part {
    QueryFacts facts;
    Summaries functions;
  };

  // Reads the files handed out by `next` until none is left.
  Part Run(std::atomic<std::size_t>& next) {
    const std::size_t files = std::min(in_.facts.size(), in_.project.files.size());
    for (std::size_t f = next.fetch_add(1); f < files; f = next.fetch_add(1)) {
      const FileFacts& facts = in_.facts[f];
      // A file without ORM chains, atomic blocks, Django calls (a signal's send) or, when the
      // project wraps atomic, decorated functions holds nothing to read. Tests and migrations
      // are not production queries: their joins and transactions need no redesign.
      const SourceFile& file = in_.project.files[f];
      if (file.is_migration || file.is_test) continue;
      if (facts.chains.empty() && facts.blocks.empty() && facts.calls.empty() && !(!wrappers_.empty() && Decorated(facts)))
        continue;
      File(f);
    }
    return {std::move(out_), std::move(functions_)};
  }

  // Every worker's findings, in one sorted order whichever thread read which file; then each
  // transaction takes the writes of the project functions it calls.
  static QueryFacts Merge(std::vector<Part> parts, CallGraph* calls) {
    QueryFacts out;
    Summaries functions;
    for (auto& part : parts) {
      std::move(part.facts.joins.begin(), part.facts.joins.end(), std::back_inserter(out.joins));
      std::move(part.facts.writes.begin(), part.facts.writes.end(), std::back_inserter(out.writes));
      std::move(part.facts.transactions.begin(), part.facts.transactions.end(), std::back_inserter(out.transactions));
      for (auto& [name, summary] : part.functions) {
        FunctionSummary& into = functions[name];  // one module in two files (a.py and a/__init__.py) merges
        std::move(summary.writes.begin(), summary.writes.end(), std::back_inserter(into.writes));
        std::move(summary.signals.begin(), summary.signals.end(), std::back_inserter(into.signals));
      }
    }
    std::sort(out.joins.begin(), out.joins.end());
    out.joins.erase(std::unique(out.joins.begin(), out.joins.end()), out.joins.end());
    std::sort(out.writes.begin(), out.writes.end());
    out.writes.erase(std::unique(out.writes.begin(), out.writes.end()), out.writes.end());
    std::sort(out.transactions.begin(), out.transactions.end(),
              [](const TransactionInfo& a, const TransactionInfo& b) {
                return std::tie(a.path, a.line, a.kind) < std::tie(b.path, b.line, b.kind);
              });
    for (auto& [name, summary] : functions) {
      std::sort(summary.writes.begin(), summary.writes.end());
      summary.writes.erase(std::unique(summary.writes.begin(), summary.writes.end()), summary.writes.end());
    }
    for (auto& t : out.transactions) {
      // Calls that lead nowhere are dropped: what the project does not define as a function
      // (`Order.objects.create`, a class), and functions that neither write nor call further.
      std::erase_if(t.calls, [&](const std::string& c) { return !functions.count(c) && calls->Callees(c).empty(); });
      FollowCalls(functions, calls, &t);
    }
    return out;
  }

 private:
  // Breadth first through the functions a transaction calls, to kMaxCallDepth calls: each
  // function once, so each write is reached by the fewest calls; a nested def counts as
  // part of the function that holds it.
  static void FollowCalls(const Summaries& functions, CallGraph* calls, TransactionInfo* t) {
    constexpr std::size_t kMaxFunctions = 512;  // per transaction, so a hub helper cannot explode the run
    struct Reach {
      const std::string* name;
      std::vector<std::string> via;
    };
    std::set<std::tuple<std::string, int, std::string, std::string>> seen;
    for (const auto& w : t->writes) seen.insert({w.path, w.line, w.model, w.method});
    std::vector<Reach> frontier;
    for (const auto& c : t->calls) frontier.push_back({&c, {c}});
    std::set<std::string> visited;
    for (std::size_t depth = 1; depth <= static_cast<std::size_t>(kMaxCallDepth) && !frontier.empty(); ++depth) {
      std::vector<Reach> next;
      for (const auto& reach : frontier) {
        if (visited.size() >= kMaxFunctions || !visited.insert(*reach.name).second) continue;
        if (auto it = functions.find(*reach.name); it != functions.end()) {
          // The function's own summary, then those of the defs nested in it.
          const std::string prefix = *reach.name + ".";
          for (auto at = it; at != functions.end() && (at == it || at->first.compare(0, prefix.size(), prefix) == 0);
               ++at) {
            for (const auto& w : at->second.writes) {
              if (!seen.insert({w.path, w.line, w.model, w.method}).second) continue;
              WriteInfo copy = w;
              copy.via = reach.via;
              t->writes.push_back(std::move(copy));
            }
            t->signals_sent.insert(t->signals_sent.end(), at->second.signals.begin(), at->second.signals.end());
          }
        }
        if (depth == static_cast<std::size_t>(kMaxCallDepth)) continue;
        for (const auto& callee : calls->Callees(*reach.name)) {
          if (visited.count(callee)) continue;
          Reach r{&callee, reach.via};
          r.via.push_back(callee);
          next.push_back(std::move(r));
        }
      }
      frontier = std::move(next);
    }
    std::sort(t->writes.begin(), t->writes.end());
    std::sort(t->signals_sent.begin(), t->signals_sent.end());
    t->signals_sent.erase(std::unique(t->signals_sent.begin(), t->signals_sent.end()), t->signals_sent.end());
  }

  struct Binding {
    int line = 0;
    Value value;
  };

  static bool Decorated(const FileFacts& facts) {
    for (const auto& fn : facts.functions) {
      if (!fn.decorators.empty()) return true;
    }
    return false;
  }

  // The opener of a with-item: Django's atomic, a project wrapper of it, or "".
  std::string Opener(std::size_t f, const Expr& e) const {
    if (IsDjangoAtomic(in_.symbols, f, e)) return "django.db.transaction.atomic";
    if (wrappers_.empty() || !(e.IsCall() || e.IsName())) return "";
    std::string q = in_.symbols.Qualify(f, e.text);
    return wrappers_.count(q) ? q : "";
  }

  void File(std::size_t f) {
    const FileFacts& facts = in_.facts[f];
    const std::string& path = in_.project.files[f].path;
    const std::string& module = in_.project.files[f].module;
    // Chains in source order, so a local name is bound before it is used.
    const std::vector<ChainFact> chains = facts.chains.Unpack();
    std::vector<std::size_t> order(chains.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return chains[a].line < chains[b].line; });
    std::map<std::pair<std::string, std::string>, std::vector<Binding>> locals;  // (scope, name) → bindings
    std::vector<Value> start(chains.size());
    std::vector<WriteInfo> file_writes;
    for (std::size_t i : order) {
      const ChainFact& chain = chains[i];
      Value outer_start = chain.outer >= 0 && static_cast<std::size_t>(chain.outer) < start.size()
                              ? start[static_cast<std::size_t>(chain.outer)]
                              : Value{};
      Value end = Resolve(f, chain, locals, path, module, outer_start, &start[i], &file_writes);
      if (!chain.target.empty() && end.ok()) {
        if (chain.iterated && (end.kind == Value::Kind::kQueryset || end.kind == Value::Kind::kManager))
          end.kind = Value::Kind::kInstance;
        if (!chain.iterated || end.kind == Value::Kind::kInstance)
          locals[{chain.scope, chain.target}].push_back({chain.line, end});
      }
    }
    out_.writes.insert(out_.writes.end(), file_writes.begin(), file_writes.end());

    const FileScopes scopes(facts);
    // Signals sent, with the scope and line they are sent from.
    struct Send {
      std::string signal, scope;
      int line;
    };
    std::vector<Send> sends;
    for (const auto& call : facts.calls) {
      if (call.deferred) continue;  // inside transaction.on_commit(…): runs after the commit
      std::string name = LastName(call.call.text);
      if (name != "send" && name != "send_robust") continue;
      std::string signal = call.call.text.substr(0, call.call.text.size() - name.size());
      if (!signal.empty() && signal.back() == '.') signal.pop_back();
      std::string q = in_.symbols.Qualify(f, signal);
      if (!q.empty()) sends.push_back({std::move(q), call.scope, call.line});
    }
    // Summaries of this file's functions, for the transactions that call them.
    std::unordered_map<std::string_view, FunctionSummary*> summaries;  // by function, within the file
    auto summary = [&](const std::string& scope) -> FunctionSummary* {
      std::string_view function = scopes.FunctionOf(scope);
      if (function.empty()) return nullptr;
      auto [it, fresh] = summaries.try_emplace(function, nullptr);
      if (!fresh) return it->second;
      // The functions holding a nested def get an entry too, so following them reaches it.
      for (std::string_view outer = function;;) {
        auto dot = outer.rfind('.');
        if (dot == std::string_view::npos) break;
        outer = outer.substr(0, dot);
        if (scopes.IsFunction(outer)) functions_[module + "." + std::string(outer)];
      }
      it->second = &functions_[module + "." + std::string(function)];
      return it->second;
    };
    for (const auto& w : file_writes) {
      if (FunctionSummary* s = summary(w.scope)) s->writes.push_back(w);
    }
    for (const auto& send : sends) {
      if (FunctionSummary* s = summary(send.scope)) s->signals.push_back(send.signal);
    }

    // The file's call sites, for the calls inside its transactions (atomic blocks, and
    // functions decorated with a project wrapper).
    const std::vector<CallSiteFact> sites =
        facts.blocks.empty() && wrappers_.empty() ? std::vector<CallSiteFact>() : facts.call_sites.Unpack();
    auto transaction = [&](const std::string& kind, int line, int end_line, const std::string& scope,
                           std::string opener) {
      TransactionInfo t;
      t.path = path;
      t.line = line;
      t.end_line = end_line;
      t.module = module;
      t.kind = kind;
      t.scope = scope;
      t.opener = std::move(opener);
      auto inside = [&](int at, const std::string& in_scope) {
        return at >= line && at <= end_line &&
               (in_scope == scope || in_scope.rfind(scope + ".", 0) == 0 || scope.empty());
      };
      for (const auto& w : file_writes) {
        if (inside(w.line, w.scope)) t.writes.push_back(w);
      }
      for (const auto& send : sends) {
        if (inside(send.line, send.scope)) t.signals_sent.push_back(send.signal);
      }
      for (const auto& site : sites) {
        if (site.deferred || !inside(site.line, site.scope)) continue;
        std::string callee = ResolveCallSite(in_.project, in_.symbols, f, scopes, site);
        // The opener's own call (`with traced_atomic():`) is not a call inside.
        if (!callee.empty() && callee != t.opener) t.calls.push_back(std::move(callee));
      }
      std::sort(t.writes.begin(), t.writes.end());
      std::sort(t.signals_sent.begin(), t.signals_sent.end());
      t.signals_sent.erase(std::unique(t.signals_sent.begin(), t.signals_sent.end()), t.signals_sent.end());
      std::sort(t.calls.begin(), t.calls.end());
      t.calls.erase(std::unique(t.calls.begin(), t.calls.end()), t.calls.end());
      out_.transactions.push_back(std::move(t));
    };
    for (const auto& block : facts.blocks) {
      std::string opener = block.kind == "decorator" ? (IsDjangoAtomic(in_.symbols, f, block.expr)
                                                           ? "django.db.transaction.atomic"
                                                           : "")
                                                     : Opener(f, block.expr);
      if (opener.empty()) continue;
      transaction(block.kind, block.line, block.end_line, block.kind == "decorator" ? block.function : block.scope,
                  std::move(opener));
    }
    // A function decorated with a project wrapper (`@traced_atomic()`) runs inside it.
    if (!wrappers_.empty()) {
      for (const auto& fn : facts.functions) {
        for (const auto& d : fn.decorators) {
          if (LastName(d.text) == "atomic") continue;  // Django's own, recorded as a block
          std::string opener = Opener(f, d);
          if (opener.empty()) continue;
          transaction("decorator", fn.line, fn.end_line, fn.qualname, std::move(opener));
          break;
        }
      }
    }
  }

  // The model class a dotted name denotes in file f, or "". Remembered for the
  // file being read: its chains ask for the same few roots again and again.
  std::string ModelClass(std::size_t f, const std::string& dotted) const {
    if (f != model_class_file_) {
      model_class_memo_.clear();
      model_class_file_ = f;
    }
    auto [it, added] = model_class_memo_.try_emplace(dotted);
    if (added) it->second = ResolveModelClass(f, dotted);
    return it->second;
  }
  std::string ResolveModelClass(std::size_t f, const std::string& dotted) const {
    Expr name;
    name.kind = Expr::Kind::kName;
    name.text = dotted;
    bool external = false;
    std::string key = ResolveModelReference(name, f, "", "", in_.models, in_.settings, in_.symbols, in_.options,
                                            &external);
    return external ? "" : key;
  }

  // `self` inside a method of a model class.
  std::string SelfModel(std::size_t f, const std::string& scope) const {
    auto dot = scope.rfind('.');
    if (dot == std::string::npos) return "";
    const ModelInfo* m = in_.models.FindByClass(in_.project.files[f].module + "." + scope.substr(0, dot));
    return m ? m->key : "";
  }

  Value Resolve(std::size_t f, const ChainFact& chain,
                const std::map<std::pair<std::string, std::string>, std::vector<Binding>>& locals,
                const std::string& path, const std::string& module, const Value& outer, Value* start,
                std::vector<WriteInfo>* writes) {
    std::vector<std::string> parts = Split(chain.root, ".");
    if (parts.empty() || parts[0].empty()) return {};
    Value v;
    std::size_t used = 0;
    // A local name bound earlier in the same function.
    if (auto it = locals.find({chain.scope, parts[0]}); it != locals.end()) {
      for (const auto& b : it->second) {
        if (b.line <= chain.line) v = b.value;
      }
      if (v.ok()) used = 1;
    }
    if (!v.ok() && parts[0] == "self") {
      std::string model = SelfModel(f, chain.scope);
      if (!model.empty()) {
        v = {Value::Kind::kInstance, model, ""};
        used = 1;
      }
    }
    if (!v.ok()) {
      // The longest prefix that names a model class: "Order", "models.Order", "orders.models.Order".
      for (std::size_t n = parts.size(); n >= 1 && !v.ok(); --n) {
        std::string dotted;
        for (std::size_t i = 0; i < n; ++i) dotted += (i ? "." : "") + parts[i];
        std::string model = ModelClass(f, dotted);
        if (!model.empty()) {
          v = {Value::Kind::kClass, model, ""};
          used = n;
        }
      }
    }
    if (!v.ok() && parts.size() == 1 && !chain.links.empty() && chain.links[0].name == "()") {
      std::string q = in_.symbols.Qualify(f, parts[0]);
      const Expr& args = chain.links[0].args;
      if (q == "django.contrib.auth.get_user_model") {
        if (const ModelInfo* user = in_.models.FindReference(in_.settings.auth_user_model))
          v = {Value::Kind::kClass, user->key, ""};
        used = 1;
        // get_user_model() itself is the class: drop the call link below.
        if (v.ok()) return ResolveLinks(v, std::vector<ChainLink>(chain.links.begin() + 1, chain.links.end()), f,
                                        chain, path, module, outer, start, writes);
      } else if ((q == "django.shortcuts.get_object_or_404" || parts[0] == "get_object_or_404") && args.Arg(0) &&
                 args.Arg(0)->IsName()) {
        std::string model = ModelClass(f, args.Arg(0)->text);
        if (!model.empty())
          return ResolveLinks({Value::Kind::kInstance, model, ""},
                              std::vector<ChainLink>(chain.links.begin() + 1, chain.links.end()), f, chain, path,
                              module, outer, start, writes);
      }
    }
    if (!v.ok()) return {};
    // The rest of the dotted root: managers and relation accessors.
    std::vector<ChainLink> links;
    for (std::size_t i = used; i < parts.size(); ++i) links.push_back({parts[i], Expr{}, chain.line, false});
    links.insert(links.end(), chain.links.begin(), chain.links.end());
    return ResolveLinks(v, links, f, chain, path, module, outer, start, writes);
  }

  Value ResolveLinks(Value v, const std::vector<ChainLink>& links, std::size_t f, const ChainFact& chain,
                     const std::string& path, const std::string& module, const Value& outer, Value* start,
                     std::vector<WriteInfo>* writes) {
    bool started = false;
    for (const auto& link : links) {
      if (!started && (v.kind == Value::Kind::kManager || v.kind == Value::Kind::kQueryset)) {
        *start = v;
        started = true;
      }
      v = Apply(v, link, f, chain, path, module, outer, writes);
      if (!v.ok()) break;
    }
    if (!started && (v.kind == Value::Kind::kManager || v.kind == Value::Kind::kQueryset)) *start = v;
    return v;
  }

  void Write(const Value& v, const std::string& method, const ChainLink& link, const ChainFact& chain,
             const std::string& path, std::vector<WriteInfo>* writes) {
    WriteInfo w;
    bool m2m_pairs = !v.m2m_owner.empty() && (method == "add" || method == "remove" || method == "set" || method == "clear");
    w.model = m2m_pairs ? v.m2m_owner : v.model;
    w.method = method;
    w.path = path;
    w.line = link.line ? link.line : chain.line;
    w.scope = chain.scope;
    w.sends_signals = SendsSignals(method);
    writes->push_back(std::move(w));
  }

  void Joins(const Value& v, const ChainLink& link, const ChainFact& chain, const std::string& path,
             const std::string& module, const Value& outer) {
    for (const auto& lookup : LookupsOf(link)) {
      const std::string& from = lookup.outer ? outer.model : v.model;
      if (from.empty()) continue;
      JoinInfo join;
      join.path = path;
      join.line = link.line ? link.line : chain.line;
      join.module = module;
      join.scope = chain.scope;
      join.method = lookup.method;
      join.lookup = lookup.text;
      join.model = from;
      join.models.push_back(from);
      std::string at = from;
      std::vector<std::string> parts = Split(lookup.text, "__");
      bool last_is_column = false;
      std::size_t i = 0;
      for (; i < parts.size(); ++i) {
        std::vector<Step> via;
        const Step* step = index_.Query(at, parts[i], &via);
        if (!step) break;
        for (const auto& s : via) {
          join.relations.push_back(s.relation);
          join.models.push_back(s.to);
        }
        join.relations.push_back(step->relation);
        join.models.push_back(step->to);
        last_is_column = step->column;
        at = step->to;
      }
      // `customer=…`, `customer__in=…`, `customer_id`, values("customer"): the key is a
      // column of the table already in the query, so SQL joins nothing for that last step.
      // select_related and prefetching fetch the related rows, so they always cross.
      bool fetches = join.method == "select_related" || join.method == "prefetch_related" || join.method == "Prefetch";
      if (last_is_column && !fetches && (i == parts.size() || KeyOnly(parts, i))) {
        join.relations.pop_back();
        join.models.pop_back();
      }
      if (!join.relations.empty()) out_.joins.push_back(std::move(join));
    }
  }

  Value Apply(const Value& v, const ChainLink& link, std::size_t f, const ChainFact& chain, const std::string& path,
              const std::string& module, const Value& outer, std::vector<WriteInfo>* writes) {
    (void)f;
    using K = Value::Kind;
    const std::string& name = link.name;
    switch (v.kind) {
      case K::kClass:
        if (!link.call && (name == "objects" || name == "_default_manager" || name == "_base_manager"))
          return {K::kManager, v.model, ""};
        if (link.call && name == "()") return {K::kInstance, v.model, ""};
        return {};
      case K::kManager:
      case K::kQueryset: {
        if (!link.call) return {};
        Joins(v, link, chain, path, module, outer);
        if (QuerysetWrites().count(name) ||
            (!v.m2m_owner.empty() && (name == "add" || name == "remove" || name == "set" || name == "clear")))
          Write(v, name, link, chain, path, writes);
        if (QueryMethods().count(name)) return {K::kQueryset, v.model, v.m2m_owner};
        if (InstanceMethods().count(name)) return {K::kInstance, v.model, ""};
        if (name == "get_or_create" || name == "update_or_create") return {K::kPair, v.model, ""};
        return {};
      }
      case K::kPair:
        if (name == "[]") return {K::kInstance, v.model, ""};
        return {};
      case K::kInstance: {
        if (link.call) {
          if (name == "save" || name == "delete") Write(v, name, link, chain, path, writes);
          return {};
        }
        std::vector<Step> via;
        const Step* step = index_.Attribute(v.model, name, &via);
        if (!step) return {};
        if (step->many) return {K::kManager, step->to, step->m2m_owner};
        return {K::kInstance, step->to, ""};
      }
      case K::kNone:
        return {};
    }
    return {};
  }

  const QueryInputs& in_;
  const std::set<std::string>& wrappers_;
  RelationIndex index_;
  QueryFacts out_;
  Summaries functions_;
  mutable std::unordered_map<std::string, std::string> model_class_memo_;
  mutable std::size_t model_class_file_ = static_cast<std::size_t>(-1);
};

}  // namespace

QueryFacts FindQueries(const QueryInputs& inputs) {
  unsigned jobs = inputs.jobs ? inputs.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, inputs.facts.size() / 64)));
  const std::set<std::string> wrappers = AtomicWrappers(inputs.project, inputs.facts, inputs.symbols);
  std::atomic<std::size_t> next{0};
  std::vector<QueryFinder::Part> parts(jobs);
  auto worker = [&](unsigned t) { parts[t] = QueryFinder(inputs, wrappers).Run(next); };
  if (jobs == 1) {
    worker(0);
  } else {
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker, t);
    for (auto& thread : threads) thread.join();
  }
  CallGraph calls(inputs.project, inputs.facts, inputs.symbols);
  return QueryFinder::Merge(std::move(parts), &calls);
}

}  // namespace seams
