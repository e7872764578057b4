// `seams explain`, computed from the coupling graph of an analysis report.

#include "reports/explain.h"

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <tuple>

#include "lib/core/error.h"
#include "reports/dot_util.h"
#include "reports/graph_report.h"

namespace seams {

namespace {

using nlohmann::json;

/// What a name on the command line stands for: a set of graph nodes.
struct Selection {
  std::string query, name, as;  // as: context, app, model, module, package
  std::set<std::string> nodes;
};

struct Graph {
  std::map<std::string, const json*> node;  // id → graph node
  std::map<std::string, std::string> app_by_package;  // "django.contrib.admin" → "admin"
  std::set<std::string> contexts, groups;

  explicit Graph(const json& report) {
    for (const auto& n : report.at("graph").at("nodes")) {
      node[n.at("id").get<std::string>()] = &n;
      groups.insert(n.at("group").get<std::string>());
      if (n.contains("context") && n.at("context").is_string()) contexts.insert(n.at("context").get<std::string>());
    }
    for (const auto& app : report.at("apps")) {
      app_by_package[app.at("name").get<std::string>()] = app.at("label").get<std::string>();
    }
  }

  /// A string field of node `id`; "" when the field is absent or not a string,
  /// or when no node has that id (an edge of a hand-edited report may name one).
  std::string Field(const std::string& id, const char* key) const {
    const auto found = node.find(id);
    if (found == node.end()) return std::string();
    const json& n = *found->second;
    return n.contains(key) && n.at(key).is_string() ? n.at(key).get<std::string>() : std::string();
  }
};

std::set<std::string> NodesWhere(const Graph& graph, const char* key, const std::string& value) {
  std::set<std::string> out;
  for (const auto& [id, n] : graph.node) {
    if (graph.Field(id, key) == value) out.insert(id);
  }
  return out;
}

Selection Select(const Graph& graph, const std::string& query) {
  Selection s;
  s.query = query;
  std::string forced, name = query;
  for (const char* prefix : {"context:", "app:", "model:", "module:", "package:"}) {
    std::string p = prefix;
    if (query.rfind(p, 0) == 0) {
      forced = p.substr(0, p.size() - 1);
      name = query.substr(p.size());
    }
  }
  s.name = name;
  auto wants = [&](const char* as) { return forced.empty() || forced == as; };
  if (wants("context") && graph.contexts.count(name)) {
    s.as = "context";
    s.nodes = NodesWhere(graph, "context", name);
  } else if (wants("app") && (graph.groups.count(name) || graph.app_by_package.count(name))) {
    s.as = "app";
    if (!graph.groups.count(name)) s.name = graph.app_by_package.at(name);
    s.nodes = NodesWhere(graph, "group", s.name);
  } else if ((wants("model") || wants("module")) && graph.node.count(name) &&
             (forced.empty() || graph.Field(name, "kind") == forced)) {
    s.as = graph.Field(name, "kind");
    s.nodes.insert(name);
  } else if (wants("package")) {
    // Every module under the package, and the models its modules define.
    for (const auto& [id, n] : graph.node) {
      std::string module = graph.Field(id, "module");
      if (module == name || module.rfind(name + ".", 0) == 0) s.nodes.insert(id);
    }
    s.as = "package";
  }
  if (s.nodes.empty()) {
    std::vector<std::string> near;
    std::string lower = name;
    for (const auto& [id, n] : graph.node) {
      if (id.find(lower) != std::string::npos && near.size() < 8) near.push_back(id);
    }
    std::string message = "'" + query + "' names no context, app, model, module or package in the report";
    if (!near.empty()) {
      message += "; did you mean ";
      for (std::size_t i = 0; i < near.size(); ++i) AppendJoined(&message, i ? ", " : "", near[i]);
      message += "?";
    }
    throw SeamsError(ErrorKind::kUsage, message);
  }
  return s;
}

/// The name of the thing at the other end, at the granularity of `like`.
std::string Counterpart(const Graph& graph, const Selection& like, const std::string& id) {
  if (like.as == "context") {
    std::string context = graph.Field(id, "context");
    return context.empty() ? "(no context)" : context;
  }
  if (like.as == "app" || like.as == "package") return graph.Field(id, "group");
  return id;
}

json SelectionJson(const Selection& s) {
  return {{"query", s.query}, {"name", s.name}, {"as", s.as}, {"nodes", s.nodes.size()}};
}

struct Pair {
  std::string from, to;
  std::map<std::string, std::vector<const json*>> edges_by_kind;
};

json PairJson(const Pair& pair) {
  json kinds = json::array();
  double weight = 0;
  int count = 0;
  for (const auto& [kind, edges] : pair.edges_by_kind) {
    json list = json::array();
    double kind_weight = 0;
    int kind_count = 0;
    for (const json* e : edges) {
      kind_weight += e->at("weight").get<double>();
      kind_count += e->at("count").get<int>();
      list.push_back({{"from", e->at("from")}, {"to", e->at("to")}, {"count", e->at("count")},
                      {"weight", e->at("weight")}, {"evidence", e->at("evidence")}});
    }
    kinds.push_back({{"kind", kind}, {"count", kind_count}, {"weight", kind_weight}, {"edges", std::move(list)}});
    weight += kind_weight;
    count += kind_count;
  }
  std::stable_sort(kinds.begin(), kinds.end(), [](const json& x, const json& y) {
    return x.at("weight").get<double>() > y.at("weight").get<double>();
  });
  return {{"from", pair.from}, {"to", pair.to}, {"weight", weight}, {"count", count}, {"kinds", std::move(kinds)}};
}

}  // namespace

json Explain(const json& report, const std::string& a, const std::string& b) {
  Graph graph(report);
  Selection first = Select(graph, a);
  std::optional<Selection> second;
  if (!b.empty()) second = Select(graph, b);
  // (from name, to name) → the edges between them; an edge inside both selections is not a coupling between them.
  std::map<std::pair<std::string, std::string>, Pair> pairs;
  for (const auto& edge : report.at("graph").at("edges")) {
    const std::string from = edge.at("from").get<std::string>(), to = edge.at("to").get<std::string>();
    const bool from_a = first.nodes.count(from) > 0, to_a = first.nodes.count(to) > 0;
    std::string from_name, to_name;
    if (second) {
      const bool from_b = second->nodes.count(from) > 0, to_b = second->nodes.count(to) > 0;
      if (from_a && to_b && !(to_a && from_b)) {
        from_name = first.name, to_name = second->name;
      } else if (from_b && to_a && !(from_a && to_b)) {
        from_name = second->name, to_name = first.name;
      } else {
        continue;
      }
    } else if (from_a && !to_a) {
      from_name = first.name, to_name = Counterpart(graph, first, to);
    } else if (to_a && !from_a) {
      from_name = Counterpart(graph, first, from), to_name = first.name;
    } else {
      continue;
    }
    Pair& pair = pairs[{from_name, to_name}];
    pair.from = from_name;
    pair.to = to_name;
    pair.edges_by_kind[edge.at("kind").get<std::string>()].push_back(&edge);
  }
  json out_pairs = json::array();
  double weight = 0;
  int count = 0;
  for (const auto& [key, pair] : pairs) {
    json p = PairJson(pair);
    weight += p.at("weight").get<double>();
    count += p.at("count").get<int>();
    out_pairs.push_back(std::move(p));
  }
  std::stable_sort(out_pairs.begin(), out_pairs.end(), [](const json& x, const json& y) {
    return x.at("weight").get<double>() > y.at("weight").get<double>();
  });
  // The database plan between A and B: joins from one into the other, transactions writing both.
  json joins = json::array(), transactions = json::array();
  if (second && report.contains("data")) {
    auto in = [](const Selection& s, const json& ids) {
      for (const auto& id : ids) {
        if (s.nodes.count(id.get<std::string>())) return true;
      }
      return false;
    };
    for (const auto& j : report.at("data").at("joins")) {
      const std::string start = j.at("model").get<std::string>();
      if ((first.nodes.count(start) && in(*second, j.at("models"))) ||
          (second->nodes.count(start) && in(first, j.at("models"))))
        joins.push_back(j);
    }
    for (const auto& t : report.at("data").at("transactions")) {
      // The models it writes, and the modules of the receivers it runs.
      json receivers = json::array();
      for (const auto& r : t.at("receivers")) {
        const std::string& receiver = r.at("receiver").get_ref<const std::string&>();
        receivers.push_back(receiver.substr(0, receiver.rfind('.')));
      }
      auto touches = [&](const Selection& s) { return in(s, t.at("models")) || in(s, receivers); };
      if (touches(first) && touches(*second)) transactions.push_back(t);
    }
  }
  return {{"schema", kExplainSchema},
          {"a", SelectionJson(first)},
          {"b", second ? SelectionJson(*second) : json(nullptr)},
          {"weight", weight},
          {"count", count},
          {"pairs", std::move(out_pairs)},
          {"joins", std::move(joins)},
          {"transactions", std::move(transactions)}};
}

void WriteExplainText(const json& explanation, std::ostream& out, std::size_t max_evidence) {
  auto describe = [](const json& s) {
    std::string text = s.at("name").get<std::string>() + " (" + s.at("as").get<std::string>();
    if (s.at("as") != "model" && s.at("as") != "module") text += ", " + std::to_string(s.at("nodes").get<int>()) + " nodes";
    return text + ")";
  };
  const json& a = explanation.at("a");
  const json& b = explanation.at("b");
  const double weight = explanation.at("weight").get<double>();
  const int count = explanation.at("count").get<int>();
  if (b.is_null()) {
    out << describe(a) << ": " << count << " couplings with the rest, weight " << DotNumber(weight) << "\n";
  } else {
    out << describe(a) << " ↔ " << describe(b) << ": " << count << " couplings, weight " << DotNumber(weight) << "\n";
  }
  // Joins and transactions between them: what splitting the database breaks.
  auto data = [&]() {
    if (explanation.contains("joins") && !explanation.at("joins").empty()) {
      out << "\nORM joins across them: " << explanation.at("joins").size() << "\n";
      for (const auto& j : explanation.at("joins")) {
        std::string models;
        for (const auto& m : j.at("models")) models += (models.empty() ? "" : " → ") + m.get<std::string>();
        out << "  " << j.at("path").get<std::string>() << ":" << j.at("line").get<int>() << "  "
            << j.at("method").get<std::string>() << "(" << j.at("lookup").get<std::string>() << ")  " << models << "\n";
      }
    }
    if (explanation.contains("transactions") && !explanation.at("transactions").empty()) {
      out << "\nTransactions over both: " << explanation.at("transactions").size() << "\n";
      for (const auto& t : explanation.at("transactions")) {
        std::string models;
        for (const auto& m : t.at("models")) models += (models.empty() ? "" : ", ") + m.get<std::string>();
        out << "  " << t.at("path").get<std::string>() << ":" << t.at("line").get<int>() << "  "
            << t.at("scope").get<std::string>() << " writes " << models << "\n";
        // Writes made by the functions the block calls, with the calls that reach them.
        if (!t.contains("writes")) continue;
        for (const auto& w : t.at("writes")) {
          if (!w.contains("via") || w.at("via").empty()) continue;
          std::string via;
          for (const auto& f : w.at("via")) via += (via.empty() ? "" : " → ") + f.get<std::string>();
          out << "      " << w.at("model").get<std::string>() << "." << w.at("method").get<std::string>() << " at "
              << w.at("path").get<std::string>() << ":" << w.at("line").get<int>() << " via " << via << "\n";
        }
      }
    }
  };
  if (explanation.at("pairs").empty()) {
    out << "\nNo coupling found" << (b.is_null() ? "." : " between them.") << "\n";
    data();
    return;
  }
  for (const auto& pair : explanation.at("pairs")) {
    out << "\n" << pair.at("from").get<std::string>() << " → " << pair.at("to").get<std::string>() << ": "
        << pair.at("count").get<int>() << " couplings, weight " << DotNumber(pair.at("weight").get<double>()) << "\n";
    for (const auto& kind : pair.at("kinds")) {
      out << "  " << kind.at("kind").get<std::string>() << ": " << kind.at("count").get<int>() << ", weight "
          << DotNumber(kind.at("weight").get<double>()) << "\n";
      std::size_t shown = 0, hidden = 0;
      for (const auto& edge : kind.at("edges")) {
        for (const auto& e : edge.at("evidence")) {
          if (max_evidence && shown == max_evidence) {
            ++hidden;
            continue;
          }
          ++shown;
          out << "    " << e.at("path").get<std::string>() << ":" << e.at("line").get<int>() << "  "
              << edge.at("from").get<std::string>() << " → " << edge.at("to").get<std::string>() << "  "
              << e.at("detail").get<std::string>() << "\n";
        }
      }
      if (hidden) out << "    … and " << hidden << " more (--evidence 0 shows every one)\n";
    }
  }
  data();
}

namespace {
void WriteExplainJson(const json& explanation, std::ostream& out, std::size_t /*max_evidence*/) {
  WriteJson(explanation, out);
}
}  // namespace

const std::vector<Format<ExplainRenderer>>& ExplainFormats() {
  static const std::vector<Format<ExplainRenderer>> kFormats = {
      {"text", "headings per direction, evidence per coupling", &WriteExplainText, true},
      {"json", "the explanation (seams.explain/1)", &WriteExplainJson},
  };
  return kFormats;
}

}  // namespace seams
