#include "lib/data/plan.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "lib/core/names.h"

namespace seams {

namespace {

std::string ModelName(const ModelCatalog& catalog, const std::string& key) {
  if (const ModelInfo* m = catalog.Find(key)) return m->name;
  return LastName(key);
}

// Tables of django.contrib models a project points at when Django itself is not analysed.
const std::map<std::string, std::string>& ContribTables() {
  static const std::map<std::string, std::string> k = {
      {"auth.User", "auth_user"},          {"auth.Group", "auth_group"},
      {"auth.Permission", "auth_permission"}, {"contenttypes.ContentType", "django_content_type"},
      {"sites.Site", "django_site"},       {"sessions.Session", "django_session"},
      {"admin.LogEntry", "django_admin_log"}, {"flatpages.FlatPage", "django_flatpage"},
      {"redirects.Redirect", "django_redirect"}};
  return k;
}

}  // namespace

bool IsContext(const std::string& context) { return !context.empty() && context != "shared_kernel"; }

std::string SchemaOf(const std::string& context) {
  if (!IsContext(context)) return "public";
  std::string out;
  for (char c : AsciiLower(context)) out += (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '_';
  // Schemas PostgreSQL keeps for itself, and names that are not identifiers.
  if (out == "public" || out.rfind("pg_", 0) == 0 || out == "information_schema" || (out[0] >= '0' && out[0] <= '9'))
    out = "ctx_" + out;
  return out;
}

DataPlan PlanData(const std::vector<TableInfo>& tables, const ModelCatalog& catalog, const QueryFacts& queries,
                  const DjangoFacts& django, const ContextOf& context_of) {
  DataPlan plan;
  std::map<std::string, std::string> model_table;  // concrete model → its table
  for (const auto& t : tables) {
    plan.tables.push_back({t, context_of(t.model)});
    if (t.kind == "model") model_table.emplace(t.model, t.table);
  }
  // A proxy's rows live in the table of its concrete base.
  auto table_of = [&](const std::string& key) -> std::string {
    std::string at = key;
    for (int depth = 0; depth < 10; ++depth) {
      if (auto it = model_table.find(at); it != model_table.end()) return it->second;
      if (auto it = ContribTables().find(at); it != ContribTables().end()) return it->second;
      const ModelInfo* m = catalog.Find(at);
      if (!m || m->bases.empty()) return "";
      at = m->bases.front();
    }
    return "";
  };

  // Joins: a model on the path in another context than the start.
  for (const auto& join : queries.joins) {
    std::string start = context_of(join.model);
    if (start.empty()) continue;
    CrossJoin cross{join, {start}};
    for (const auto& model : join.models) {
      std::string c = context_of(model);
      if (!c.empty() && std::find(cross.contexts.begin(), cross.contexts.end(), c) == cross.contexts.end())
        cross.contexts.push_back(c);
    }
    if (cross.contexts.size() > 1) plan.joins.push_back(std::move(cross));
  }

  // Transactions: the contexts written, and receivers of other contexts Django runs inside.
  // Receivers are looked up by the sender they name, the signal they take, or as
  // receivers of every sender, each with its context once (a scan of every
  // receiver for every block was quadratic on a 5M-line estate).
  struct Live {
    const ReceiverInfo* receiver;
    std::string context;
  };
  std::vector<Live> live;
  std::map<std::string, std::vector<std::size_t>> by_sender, by_signal;
  std::vector<std::size_t> any_sender;
  for (const auto& r : django.receivers) {
    std::string c = context_of(r.module);
    if (c.empty()) continue;
    const std::size_t i = live.size();
    live.push_back({&r, std::move(c)});
    if (!r.has_sender) any_sender.push_back(i);
    else if (!r.sender.empty()) by_sender[r.sender].push_back(i);
    by_signal[r.signal].push_back(i);
  }
  for (const auto& t : queries.transactions) {
    CrossTransaction cross{t, {}, {}, {}};
    std::set<std::string> contexts, models;
    std::vector<std::string> write_context(t.writes.size());
    for (std::size_t k = 0; k < t.writes.size(); ++k) {
      const auto& w = t.writes[k];
      models.insert(w.model);
      write_context[k] = context_of(w.model);
      if (!write_context[k].empty()) contexts.insert(write_context[k]);
    }
    // A receiver runs inside when a write sends its model signal (save: pre/post_save, delete:
    // pre/post_delete; bulk_create and queryset update send none) or a project signal is sent
    // inside; it is listed when it lives in another context than the sender.
    std::set<ReceiverRun> receivers;
    auto run = [&](const Live& l) {
      const ReceiverInfo& r = *l.receiver;
      receivers.insert({r.receiver, r.signal, l.context, r.at.path, r.at.line});
    };
    for (std::size_t k = 0; k < t.writes.size(); ++k) {
      const auto& w = t.writes[k];
      if (!w.sends_signals) continue;
      const bool deleting = w.method == "delete";
      auto consider = [&](std::size_t i) {
        const Live& l = live[i];
        if (write_context[k] == l.context) return;
        const std::string& signal = l.receiver->signal;
        if (deleting ? (signal == "pre_delete" || signal == "post_delete") : (signal == "pre_save" || signal == "post_save"))
          run(l);
      };
      if (auto it = by_sender.find(w.model); it != by_sender.end()) {
        for (std::size_t i : it->second) consider(i);
      }
      for (std::size_t i : any_sender) consider(i);
    }
    if (!t.signals_sent.empty()) {
      const std::string own = context_of(t.module);
      for (const auto& sent : t.signals_sent) {
        auto it = by_signal.find(sent);
        if (it == by_signal.end()) continue;
        for (std::size_t i : it->second) {
          if (live[i].context != own) run(live[i]);
        }
      }
    }
    for (const auto& r : receivers) contexts.insert(r.context);
    if (contexts.size() < 2) continue;
    cross.contexts.assign(contexts.begin(), contexts.end());
    cross.models.assign(models.begin(), models.end());
    cross.receivers.assign(receivers.begin(), receivers.end());
    plan.transactions.push_back(std::move(cross));
  }

  // Constraints: foreign keys whose two tables go to different schemas.
  auto add = [&](const RelationInfo& r, const std::string& table, const std::string& column,
                 const std::string& to_model, const std::string& on_delete) {
    std::string references = table_of(to_model);
    if (table.empty() || references.empty()) return;
    std::string from_context = context_of(r.from), to_context = context_of(to_model);
    if (SchemaOf(from_context) == SchemaOf(to_context)) return;
    plan.constraints.push_back({table, column, references, r.from, r.field, to_model, r.kind, on_delete, from_context,
                                to_context, on_delete == "CASCADE", r.path, r.line});
  };
  std::map<std::pair<std::string, std::string>, std::string> m2m_tables;  // (model, field) → table
  for (const auto& t : tables) {
    if (t.kind == "m2m") m2m_tables[{t.model, t.field}] = t.table;
  }
  for (const auto& r : catalog.relations) {
    if (r.to.empty()) continue;
    const ModelInfo* from = catalog.Find(r.from);
    if (!from || from->abstract || from->proxy) continue;
    if (r.kind == "fk" || r.kind == "o2o") add(r, table_of(r.from), r.field + "_id", r.to, r.on_delete);
    if (r.kind == "inherits") add(r, table_of(r.from), AsciiLower(ModelName(catalog, r.to)) + "_ptr_id", r.to, "CASCADE");
    if (r.kind == "m2m" && r.through.empty()) {
      auto it = m2m_tables.find({r.from, r.field});
      if (it == m2m_tables.end()) continue;
      // Django names the target column after the target model (to_<name>_id for a relation to itself).
      std::string target = AsciiLower(ModelName(catalog, r.to));
      add(r, it->second, (r.to == r.from ? "to_" + target : target) + "_id", r.to, "CASCADE");
    }
  }
  std::sort(plan.joins.begin(), plan.joins.end(), [](const CrossJoin& a, const CrossJoin& b) { return a.join < b.join; });
  std::sort(plan.constraints.begin(), plan.constraints.end(), [](const Constraint& a, const Constraint& b) {
    return std::tie(a.table, a.column, a.references) < std::tie(b.table, b.column, b.references);
  });
  return plan;
}

}  // namespace seams
