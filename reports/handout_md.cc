// report.md: the proposal in one page, for a workshop room or a migration
// document, with its diagrams as Mermaid so that GitHub and GitLab render it as is.

#include <algorithm>
#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>

#include "lib/data/queries.h"
#include "reports/dot_util.h"
#include "reports/proposal_render.h"
#include "reports/view.h"

namespace seams {

namespace {

using nlohmann::json;

constexpr std::size_t kTableRows = 25;

std::string Fixed(double value, int decimals = 2) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(decimals) << value;
  return out.str();
}

/// A table cell: pipes escaped, newlines as spaces.
std::string Cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string Code(const std::string& text) {
  std::string out = "`";
  out += Cell(text);
  out += '`';
  return out;
}

std::string JoinNames(const json& list, std::size_t limit) {
  std::string out;
  std::size_t n = 0;
  for (const auto& item : list) {
    if (n == limit) {
      out += ", … (" + std::to_string(list.size()) + " in all)";
      break;
    }
    AppendJoined(&out, n++ ? ", " : "", item.get<std::string>());
  }
  return out;
}

void Mermaid(const json& report, ViewKind kind, const ViewOptions& options, std::ostream& out) {
  out << "```mermaid\n";
  WriteViewMermaid(BuildView(report, kind, options), out);
  out << "```\n";
}

// "3 tables: `orders_order`, `orders_orderline`, … (own data 85%)", or why the context owns none.
std::string DataOwned(const json& context) {
  if (context.value("stateless", false)) return "none (stateless: " + context.value("stateless_reason", std::string()) + ")";
  const json& tables = context.at("tables");
  std::ostringstream out;
  out << tables.size() << (tables.size() == 1 ? " table" : " tables");
  for (std::size_t i = 0; i < tables.size() && i < 3; ++i) {
    out << (i == 0 ? ": `" : ", `") << tables[i].get<std::string>() << '`';
  }
  if (tables.size() > 3) out << ", …";
  out << " (own data " << static_cast<int>(context.at("own_data_share").get<double>() * 100.0 + 0.5) << "%)";
  return out.str();
}

void Contexts(const json& report, std::ostream& out) {
  out << "## Proposed contexts\n\n";
  out << "| context | apps | members | models | lines | data owned | cohesion | coupling | confidence |\n";
  out << "|---|---|--:|--:|--:|---|--:|--:|--:|\n";
  for (const auto& c : report.at("contexts")) {
    out << "| **" << Cell(c.at("name").get<std::string>()) << "** | " << Cell(JoinNames(c.at("apps"), 5)) << " | "
        << c.at("size").get<int>() << " | " << c.at("models").get<int>() << " | " << c.at("lines").get<int>() << " | "
        << Cell(DataOwned(c)) << " | " << Fixed(c.at("cohesion").get<double>()) << " | "
        << Fixed(c.at("coupling").get<double>()) << " | " << Fixed(c.at("confidence").get<double>()) << " |\n";
  }
  out << "\nData owned: the tables the context's models own (auto-created many-to-many tables included) and the "
         "share of its code lines that use its own models. Cohesion is the share of a context's coupling weight "
         "that stays inside it; coupling the share that crosses its boundary; confidence how often its members "
         "landed together across seeds.\n\n";
  out << "Members of each context (models first):\n\n";
  for (const auto& c : report.at("contexts")) {
    std::vector<std::string> models, modules;
    for (const auto& m : c.at("members")) {
      (m.at("kind") == "model" ? models : modules).push_back(m.at("id").get<std::string>());
    }
    out << "- **" << c.at("name").get<std::string>() << "**: ";
    if (!models.empty()) out << "models " << JoinNames(json(models), 12);
    if (!models.empty() && !modules.empty()) out << "; ";
    if (!modules.empty()) out << "modules " << JoinNames(json(modules), 8);
    out << "\n";
  }
  out << "\n";
}

void SharedKernel(const json& report, std::ostream& out) {
  const json& kernel = report.at("shared_kernel");
  out << "## Shared kernel\n\n";
  if (kernel.empty()) {
    out << "None: no module or model is used by enough apps to be set apart.\n\n";
    return;
  }
  out << "Set apart before clustering, so that they do not glue every context together. Each becomes a library "
         "that services share, or is split by the services that use it.\n\n";
  out << "| member | kind | why | used by |\n|---|---|---|--:|\n";
  // Most used first: the hubs that would glue the most contexts together.
  std::vector<const json*> hubs;
  for (const auto& hub : kernel) hubs.push_back(&hub);
  std::stable_sort(hubs.begin(), hubs.end(), [](const json* a, const json* b) {
    return a->at("fan_in_groups").get<int>() > b->at("fan_in_groups").get<int>();
  });
  for (std::size_t i = 0; i < hubs.size() && i < kTableRows; ++i) {
    const json& hub = *hubs[i];
    out << "| " << Code(hub.at("id").get<std::string>()) << " | " << hub.at("kind").get<std::string>() << " | "
        << hub.at("reason").get<std::string>() << " | " << hub.at("fan_in_groups").get<int>() << " of "
        << hub.at("groups").get<int>() << " apps |\n";
  }
  if (kernel.size() > kTableRows) out << "\n… and " << kernel.size() - kTableRows << " more in `report.json`.\n";
  out << "\n";
}

void CrossContext(const json& report, std::ostream& out) {
  out << "## Cross-context dependencies\n\n";
  std::vector<const json*> cross;
  for (const auto& c : report.at("cross_context")) cross.push_back(&c);
  if (cross.empty()) {
    out << "None.\n\n";
    return;
  }
  std::stable_sort(cross.begin(), cross.end(), [](const json* a, const json* b) {
    return a->at("weight").get<double>() > b->at("weight").get<double>();
  });
  out << "| from | to | weight | couplings |\n|---|---|--:|---|\n";
  for (std::size_t i = 0; i < cross.size() && i < kTableRows; ++i) {
    std::string kinds;
    for (const auto& [kind, count] : cross[i]->at("counts").items()) {
      AppendJoined(&kinds, ", ", kind + " ×" + std::to_string(count.get<int>()));
    }
    out << "| " << Cell(cross[i]->at("from").get<std::string>()) << " | " << Cell(cross[i]->at("to").get<std::string>())
        << " | " << Fixed(cross[i]->at("weight").get<double>(), 1) << " | " << Cell(kinds) << " |\n";
  }
  if (cross.size() > kTableRows) out << "\n… and " << cross.size() - kTableRows << " lighter ones in `report.json`.\n";
  out << "\n`seams explain PATH A B` prints every piece of evidence behind a row.\n\n";
}

void CrossingRelations(const json& report, std::ostream& out) {
  std::map<std::string, std::string> context_of;
  for (const auto& node : report.at("graph").at("nodes")) {
    if (node.contains("context") && node.at("context").is_string()) {
      context_of[node.at("id").get<std::string>()] = node.at("context").get<std::string>();
    }
  }
  std::vector<const json*> crossing;
  for (const auto& r : report.at("relations")) {
    if (!r.at("to").is_string() || r.at("kind") == "inherits" || r.at("kind") == "generic_relation") continue;
    auto from = context_of.find(r.at("from").get<std::string>());
    auto to = context_of.find(r.at("to").get<std::string>());
    if (from != context_of.end() && to != context_of.end() && from->second != to->second) crossing.push_back(&r);
  }
  out << "## Foreign keys across contexts\n\n";
  if (crossing.empty()) {
    out << "None: every relation stays inside its context, so the database can be split along these contexts.\n\n";
    return;
  }
  out << "These are what splitting the database breaks: each becomes an id plus an API call or an event.\n\n";
  out << "| relation | kind | from context | to context | where |\n|---|---|---|---|---|\n";
  for (std::size_t i = 0; i < crossing.size() && i < kTableRows; ++i) {
    const json& r = *crossing[i];
    out << "| " << Code(r.at("from").get<std::string>() + "." + r.at("field").get<std::string>() + " → " +
                        r.at("to").get<std::string>())
        << " | " << r.at("kind").get<std::string>() << " | " << Cell(context_of[r.at("from").get<std::string>()]) << " | "
        << Cell(context_of[r.at("to").get<std::string>()]) << " | " << Code(r.at("path").get<std::string>() + ":" +
                                                                              std::to_string(r.at("line").get<int>()))
        << " |\n";
  }
  if (crossing.size() > kTableRows) out << "\n… and " << crossing.size() - kTableRows << " more in `report.json`.\n";
  ViewOptions options;
  options.cross_only = true;
  out << "\n";
  Mermaid(report, ViewKind::kModels, options, out);
  out << "\n";
}

// What the database architect plans: tables per context, the joins that become API
// calls or read models, the transactions that become sagas, the constraints to drop.
void DatabaseSplit(const json& report, std::ostream& out) {
  if (!report.contains("data")) return;
  const json& data = report.at("data");
  out << "## Database split\n\n";
  std::map<std::string, int> tables_of;
  for (const auto& t : data.at("tables")) {
    ++tables_of[t.at("context").is_string() ? t.at("context").get<std::string>() : std::string("(none)")];
  }
  out << "First one schema per context in the shared database (`schema-split.sql`), then one database "
      << "per service once the services are stable. " << data.at("tables").size() << " tables:\n\n"
      << "| context | tables |\n|---|--:|\n";
  for (const auto& [context, count] : tables_of) out << "| " << Cell(context) << " | " << count << " |\n";
  // The heaviest crossings: the model pairs joined most often.
  std::map<std::string, int> join_count;
  std::map<std::string, std::string> join_example;
  for (const auto& j : data.at("joins")) {
    std::string contexts;
    for (const auto& c : j.at("contexts")) AppendJoined(&contexts, " → ", c.get<std::string>());
    std::string key = contexts + "|" + j.at("model").get<std::string>();
    if (++join_count[key] == 1)
      join_example[key] = j.at("lookup").get<std::string>() + "` at `" + j.at("path").get<std::string>() + ":" +
                          std::to_string(j.at("line").get<int>());
  }
  out << "\n**" << data.at("joins").size() << " ORM lookups join across a boundary**";
  if (join_count.empty()) {
    out << ": none.\n\n";
  } else {
    std::vector<std::pair<int, std::string>> heaviest;
    for (const auto& [key, count] : join_count) heaviest.push_back({-count, key});
    std::sort(heaviest.begin(), heaviest.end());
    out << "; each becomes an API call or a read model. The heaviest:\n\n| contexts | from model | lookups | e.g. |\n|---|---|--:|---|\n";
    for (std::size_t i = 0; i < heaviest.size() && i < kTableRows; ++i) {
      const std::string& key = heaviest[i].second;
      auto bar = key.find('|');
      out << "| " << Cell(key.substr(0, bar)) << " | " << Code(key.substr(bar + 1)) << " | " << -heaviest[i].first
          << " | `" << join_example[key] << "` |\n";
    }
    if (heaviest.size() > kTableRows) out << "\n… and " << heaviest.size() - kTableRows << " more in `report.json`.\n";
    out << "\n";
  }
  const json& transactions = data.at("transactions");
  out << "**" << transactions.size() << " transactions write to more than one context**";
  if (transactions.empty()) {
    out << ": none.\n\n";
  } else {
    out << "; each needs a saga or an outbox. Those spanning the most contexts first:\n\n"
           "| where | contexts | models written | receivers run inside |\n|---|---|---|---|\n";
    // report.json lists them by path; the handout puts the widest first (stable, so by path within).
    std::vector<const json*> widest;
    for (const auto& t : transactions) widest.push_back(&t);
    std::stable_sort(widest.begin(), widest.end(), [](const json* a, const json* b) {
      return a->at("contexts").size() > b->at("contexts").size();
    });
    for (std::size_t i = 0; i < widest.size() && i < kTableRows; ++i) {
      const json& t = *widest[i];
      std::string contexts, models, receivers;
      for (const auto& c : t.at("contexts")) AppendJoined(&contexts, ", ", c.get<std::string>());
      for (const auto& m : t.at("models")) AppendJoined(&models, ", ", m.get<std::string>());
      for (const auto& r : t.at("receivers"))
        AppendJoined(&receivers, ", ", r.at("receiver").get<std::string>() + " (" + r.at("context").get<std::string>() + ")");
      out << "| " << Code(t.at("path").get<std::string>() + ":" + std::to_string(t.at("line").get<int>())) << " "
          << Code(t.at("scope").get<std::string>()) << " | " << Cell(contexts) << " | " << Cell(models) << " | "
          << (receivers.empty() ? "—" : Cell(receivers)) << " |\n";
    }
    if (transactions.size() > kTableRows) out << "\n… and " << transactions.size() - kTableRows << " more in `report.json`.\n";
    out << "\n";
  }
  // What the count can miss, said where the count is read.
  out << "_Transactions are found from the writes of each `transaction.atomic` block (or of a project "
         "`@contextmanager` that wraps it), those of the project functions it calls up to "
      << kMaxCallDepth
      << " calls deep, and the receivers they trigger. Calls Seams cannot name statically (a method of a "
         "parameter, a function passed as a value) are not followed._\n\n";
  int cascades = 0;
  for (const auto& c : data.at("constraints")) cascades += c.at("cascade").get<bool>() ? 1 : 0;
  out << "**" << data.at("constraints").size() << " foreign-key constraints cross a schema** (" << cascades
      << " with `on_delete=CASCADE`, which deletes rows in another service's tables); `schema-split.sql` lists "
      << "them, commented out, for the later split.\n\n";
}

void Plan(const json& report, std::ostream& out) {
  out << "## Extraction order\n\n";
  out << "Easiest first: least inbound coupling, fewest foreign keys and signals across the boundary.\n\n";
  out << "| # | context | difficulty | why | gateway prefixes |\n|--:|---|--:|---|---|\n";
  for (const auto& step : report.at("plan")) {
    std::string reasons;
    for (const auto& r : step.at("reasons")) AppendJoined(&reasons, "; ", r.get<std::string>());
    std::string prefixes;
    for (const auto& p : step.at("url_prefixes")) {
      std::string prefix = "/";
      prefix += p.get<std::string>();
      AppendJoined(&prefixes, " ", Code(prefix));
    }
    out << "| " << step.at("rank").get<int>() << " | " << Cell(step.at("context").get<std::string>()) << " | "
        << Fixed(step.at("difficulty").get<double>(), 1) << " | " << Cell(reasons) << " | "
        << (prefixes.empty() ? "—" : prefixes) << " |\n";
  }
  out << "\n";
}

void Undecided(const json& report, std::ostream& out) {
  out << "## Undecided members\n\n";
  const json& undecided = report.at("undecided");
  if (undecided.empty()) {
    out << "None: every member landed in the same context across seeds.\n\n";
    return;
  }
  out << "These moved between contexts across seeds: the workshop decides.\n\n";
  out << "| member | kind | app | confidence |\n|---|---|---|--:|\n";
  for (const auto& m : undecided) {
    out << "| " << Code(m.at("id").get<std::string>()) << " | " << m.at("kind").get<std::string>() << " | "
        << Cell(m.at("app").get<std::string>()) << " | " << Fixed(m.at("confidence").get<double>()) << " |\n";
  }
  out << "\n";
}

// How sure the model catalog is: models inferred from their bodies (their bases being
// unknown third-party classes) and relations whose target could not be found. Said
// only when there is something to say.
void ModelCertainty(const json& report, std::ostream& out) {
  std::map<std::string, int> inferred_from;
  int inferred = 0, unresolved = 0;
  for (const auto& m : report.at("models")) {
    if (!m.value("inferred", false)) continue;
    ++inferred;
    ++inferred_from[m.at("inferred_from").get<std::string>()];
  }
  for (const auto& d : report.at("diagnostics")) unresolved += d.at("code").get<std::string>() == "unresolved-relation";
  if (inferred == 0 && unresolved == 0) return;
  out << "## Models Seams is not sure of\n\n";
  if (inferred > 0) {
    out << inferred << (inferred == 1 ? " model is" : " models are")
        << " inferred (`inferred` in `report.json`): their bodies declare model fields or model Meta options, but "
        << "they derive from third-party classes Seams does not know. Name these bases in "
        << "`[[tool.seams.django.models]]` (with `abstract = true` or `false`) to make them certain:\n\n"
        << "| base | models |\n|---|--:|\n";
    for (const auto& [base, count] : inferred_from) out << "| " << Code(base) << " | " << count << " |\n";
    out << "\n";
  }
  if (unresolved > 0) {
    out << unresolved << (unresolved == 1 ? " relation is" : " relations are")
        << " unresolved (`unresolved-relation`): the target cannot be found statically, so "
        << (unresolved == 1 ? "it is" : "they are") << " not in the coupling graph or the proposal.\n\n";
  }
}

void Diagnostics(const json& report, std::ostream& out) {
  out << "## Diagnostics\n\n";
  const json& diagnostics = report.at("diagnostics");
  if (diagnostics.empty()) {
    out << "None: every file was read, parsed and resolved.\n";
    return;
  }
  std::map<std::string, int> by_severity;
  for (const auto& d : diagnostics) ++by_severity[d.at("severity").get<std::string>()];
  out << diagnostics.size() << " in all:";
  for (const auto& [severity, count] : by_severity) out << " " << count << " " << severity << (count == 1 ? "" : "s") << ";";
  out << " by code:\n\n| code | count |\n|---|--:|\n";
  for (const auto& [code, count] : report.at("diagnostic_counts").items()) out << "| " << Code(code) << " | " << count << " |\n";
  out << "\nEach is listed with its path and line in `report.json`.\n";
}

}  // namespace

void WriteContextsDot(const json& report, std::ostream& out) {
  WriteViewDot(BuildView(report, ViewKind::kContexts, ViewOptions()), out);
}

void WriteHandoutMarkdown(const json& report, std::ostream& out) {
  const json& project = report.at("project");
  const json& proposal = report.at("proposal");
  const json& metrics = report.at("metrics");
  out << "# " << project.at("name").get<std::string>() << ": proposed bounded contexts\n\n";
  out << "Seams read " << project.at("files").get<int>() << " files (" << project.at("lines").get<int>() << " lines, "
      << report.at("models").size() << " models, " << report.at("apps").size() << " apps) without running them and "
      << "proposes **" << report.at("contexts").size() << " contexts** (" << proposal.at("level").get<std::string>()
      << " level, resolution " << Fixed(proposal.at("resolution").get<double>(), 3) << ", seed "
      << proposal.at("seed").get<std::uint64_t>() << "; modularity " << Fixed(metrics.at("modularity").get<double>(), 3);
  if (metrics.at("mojofm_vs_apps").is_number()) {
    out << ", MoJoFM " << Fixed(metrics.at("mojofm_vs_apps").get<double>(), 1) << " against the apps";
  }
  out << "). Every number here comes from `report.json` (" << report.at("schema").get<std::string>() << ").\n\n";
  out << "## Context map\n\n";
  ViewOptions map_options;  // the default keeps the 40 heaviest edges; report.json has every one
  Mermaid(report, ViewKind::kContexts, map_options, out);
  out << "\n";
  Contexts(report, out);
  SharedKernel(report, out);
  CrossContext(report, out);
  CrossingRelations(report, out);
  DatabaseSplit(report, out);
  Plan(report, out);
  Undecided(report, out);
  ModelCertainty(report, out);
  Diagnostics(report, out);
}

}  // namespace seams
