// seams.score/1: the score of an assignment, its comparison with another, its
// text, and the coupling graph read back from report.json.

#include "reports/score_report.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <ostream>
#include <set>

#include "lib/core/error.h"
#include "reports/graph_report.h"
#include "reports/report_reader.h"

namespace seams {

using nlohmann::json;

namespace {

json NullIfEmpty(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

// Headline measures in display order: key, label, whether higher is better.
struct Measure {
  const char* key;
  const char* label;
  bool higher_is_better;
};
constexpr Measure kMeasures[] = {
    {"modularity", "modularity (Q)", true},
    {"structural_modularity", "structural modularity (SM)", true},
    {"interface_number", "interface number (IFN)", false},
    {"non_extreme_distribution", "non-extreme distribution (NED)", false},
    {"inter_call_percentage", "inter-call percentage (ICP)", false},
    {"cross_context_weight", "cross-context weight", false},
    {"cross_context_foreign_keys", "cross-context foreign keys", false},
    {"cross_context_joins", "cross-context joins", false},
    {"cross_context_transactions", "cross-context transactions", false},
};

json OptionalCount(const std::optional<int>& value) { return value ? json(*value) : json(nullptr); }

// Differences below this are rounding, not a change the room made.
constexpr double kSame = 1e-12;

std::string Number(double value, int decimals = 3) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string Pad(const std::string& text, std::size_t width) {
  std::string padded = text;
  if (padded.size() < width) padded.append(width - padded.size(), ' ');
  return padded;
}

std::string PadLeft(const std::string& text, std::size_t width) {
  return text.size() < width ? std::string(width - text.size(), ' ') + text : text;
}

std::string ChangeWord(double before, double after, bool higher_is_better) {
  if (std::fabs(after - before) <= kSame) return "same";
  return (after > before) == higher_is_better ? "better" : "worse";
}

std::string ContextOrNone(const json& value) { return value.is_null() ? "(none)" : value.get<std::string>(); }

}  // namespace

json BuildScoreReport(const Score& score, const std::string& source) {
  json contexts = json::array();
  for (const auto& c : score.contexts) {
    contexts.push_back({{"name", c.name},
                        {"members", c.members},
                        {"models", c.models},
                        {"internal_weight", c.internal_weight},
                        {"external_weight", c.external_weight},
                        {"cohesion", c.cohesion},
                        {"coupling", c.coupling}});
  }
  json cross = json::array();
  for (const auto& c : score.cross_context) {
    cross.push_back({{"from", c.from}, {"to", c.to}, {"weight", c.weight}, {"foreign_keys", c.foreign_keys}, {"counts", c.counts}});
  }
  json order = json::array();
  for (const auto& s : score.extraction_order) {
    order.push_back({{"rank", s.rank},
                     {"context", s.context},
                     {"difficulty", s.difficulty},
                     {"inbound_weight", s.inbound_weight},
                     {"outbound_weight", s.outbound_weight},
                     {"kernel_weight", s.kernel_weight},
                     {"foreign_keys", s.foreign_keys},
                     {"signals", s.signals},
                     {"task_calls", s.task_calls}});
  }
  return {{"schema", kScoreSchema},
          {"source", source},
          {"nodes", {{"assigned", score.assigned}, {"shared_kernel", score.shared_kernel}, {"unassigned", score.unassigned}}},
          {"metrics",
           {{"contexts", static_cast<int>(score.contexts.size())},
            {"modularity", score.modularity},
            {"structural_modularity", score.structural_modularity},
            {"interface_number", score.interface_number},
            {"non_extreme_distribution", score.non_extreme_distribution},
            {"inter_call_percentage", score.inter_call_percentage},
            {"cross_context_weight", score.cross_context_weight},
            {"cross_context_foreign_keys", score.cross_context_foreign_keys},
            {"cross_context_joins", OptionalCount(score.cross_context_joins)},
            {"cross_context_transactions", OptionalCount(score.cross_context_transactions)}}},
          {"contexts", std::move(contexts)},
          {"cross_context", std::move(cross)},
          {"extraction_order", std::move(order)}};
}

void AddComparison(json* report, const json& before_report, const std::string& before_source,
                   const CouplingGraph& graph, const std::vector<std::string>& before,
                   const std::vector<std::string>& after) {
  json moves = json::array();
  for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
    if (before[n] == after[n]) continue;
    moves.push_back({{"node", graph.nodes[n].id},
                     {"kind", graph.nodes[n].kind == NodeKind::kModel ? "model" : "module"},
                     {"from", NullIfEmpty(before[n])},
                     {"to", NullIfEmpty(after[n])}});
  }
  json measures = json::array();
  for (const Measure& m : kMeasures) {
    const json& b = before_report["metrics"][m.key];
    const json& a = (*report)["metrics"][m.key];
    if (b.is_null() || a.is_null()) continue;  // a data-plan measure without the data
    measures.push_back({{"name", m.key}, {"before", b}, {"after", a},
                        {"change", ChangeWord(b.get<double>(), a.get<double>(), m.higher_is_better)}});
  }
  std::map<std::string, json> old_contexts, new_contexts;
  for (const auto& c : before_report["contexts"]) old_contexts[c["name"].get<std::string>()] = c;
  for (const auto& c : (*report)["contexts"]) new_contexts[c["name"].get<std::string>()] = c;
  std::set<std::string> names;
  for (const auto& [name, c] : old_contexts) names.insert(name);
  for (const auto& [name, c] : new_contexts) names.insert(name);
  json contexts = json::array();
  auto brief = [](const json& c) {
    return json{{"members", c["members"]}, {"cohesion", c["cohesion"]}, {"coupling", c["coupling"]}};
  };
  for (const auto& name : names) {
    auto o = old_contexts.find(name);
    auto n = new_contexts.find(name);
    json b = o == old_contexts.end() ? json(nullptr) : brief(o->second);
    json a = n == new_contexts.end() ? json(nullptr) : brief(n->second);
    if (b == a) continue;
    std::string change = "changed";
    if (b.is_null()) change = "new";
    else if (a.is_null()) change = "gone";
    else change = ChangeWord(b["cohesion"].get<double>(), a["cohesion"].get<double>(), true);
    contexts.push_back({{"name", name}, {"before", b}, {"after", a}, {"change", change}});
  }
  auto order = [](const json& r) {
    json list = json::array();
    for (const auto& s : r["extraction_order"]) list.push_back(s["context"]);
    return list;
  };
  (*report)["compare"] = {{"against", before_source},
                          {"moves", std::move(moves)},
                          {"metrics", std::move(measures)},
                          {"contexts", std::move(contexts)},
                          {"extraction_order", {{"before", order(before_report)}, {"after", order(*report)}}}};
}

void WriteScoreText(const json& report, std::ostream& out) {
  const json& nodes = report["nodes"];
  const json& metrics = report["metrics"];
  out << "Score of " << report["source"].get<std::string>() << ": " << metrics["contexts"].get<int>() << " context(s), "
      << nodes["assigned"].get<int>() << " node(s) in contexts, " << nodes["shared_kernel"].get<int>()
      << " in the shared kernel, " << nodes["unassigned"].get<int>() << " in none\n\n";
  for (const Measure& m : kMeasures) {
    const json& value = metrics[m.key];
    if (value.is_null()) continue;  // a data-plan measure without the data
    std::string text = value.is_number_integer() ? std::to_string(value.get<long>()) : Number(value.get<double>(), 4);
    out << "  " << Pad(m.label, 32) << PadLeft(text, 10) << "   (" << (m.higher_is_better ? "higher" : "lower")
        << " is better)\n";
  }
  out << "\n  " << Pad("context", 24) << PadLeft("members", 8) << PadLeft("models", 8) << PadLeft("cohesion", 10)
      << PadLeft("coupling", 10) << '\n';
  for (const auto& c : report["contexts"]) {
    out << "  " << Pad(c["name"].get<std::string>(), 24) << PadLeft(std::to_string(c["members"].get<int>()), 8)
        << PadLeft(std::to_string(c["models"].get<int>()), 8) << PadLeft(Number(c["cohesion"].get<double>()), 10)
        << PadLeft(Number(c["coupling"].get<double>()), 10) << '\n';
  }
  out << "\nExtraction order (easiest first):\n";
  for (const auto& s : report["extraction_order"]) {
    out << "  " << PadLeft(std::to_string(s["rank"].get<int>()), 2) << ". " << Pad(s["context"].get<std::string>(), 24)
        << " difficulty " << Number(s["difficulty"].get<double>(), 2) << "  (in " << Number(s["inbound_weight"].get<double>(), 2)
        << ", out " << Number(s["outbound_weight"].get<double>(), 2) << ", kernel "
        << Number(s["kernel_weight"].get<double>(), 2) << ", " << s["foreign_keys"].get<int>() << " relation(s), "
        << s["signals"].get<int>() << " signal(s), " << s["task_calls"].get<int>() << " task call(s))\n";
  }
  if (!report.contains("compare")) return;
  const json& compare = report["compare"];
  const json& moves = compare["moves"];
  out << "\nAgainst " << compare["against"].get<std::string>() << ": " << moves.size() << " node(s) moved\n";
  // A projector shows a screenful; --format json has every move.
  constexpr std::size_t kShownMoves = 40;
  for (std::size_t i = 0; i < moves.size() && i < kShownMoves; ++i) {
    const json& m = moves[i];
    out << "  " << Pad(m["node"].get<std::string>(), 40) << ' ' << ContextOrNone(m["from"]) << " -> "
        << ContextOrNone(m["to"]) << '\n';
  }
  if (moves.size() > kShownMoves) out << "  … and " << moves.size() - kShownMoves << " more (--format json lists all)\n";
  out << "\nWhat it cost or gained:\n";
  for (const auto& m : compare["metrics"]) {
    std::string label = m["name"].get<std::string>();
    for (const Measure& measure : kMeasures) {
      if (label == measure.key) label = measure.label;
    }
    const double b = m["before"].get<double>(), a = m["after"].get<double>();
    const int decimals = m["after"].is_number_integer() ? 0 : 4;
    out << "  " << Pad(label, 32) << PadLeft(Number(b, decimals), 10) << " -> " << PadLeft(Number(a, decimals), 10);
    const std::string change = m["change"].get<std::string>();
    if (change != "same") out << "  (" << (a > b ? "+" : "") << Number(a - b, decimals) << ", " << change << ')';
    out << '\n';
  }
  for (const auto& c : compare["contexts"]) {
    out << "  context " << Pad(c["name"].get<std::string>(), 24) << ' ';
    if (c["before"].is_null()) {
      out << "new: " << c["after"]["members"].get<int>() << " member(s), cohesion " << Number(c["after"]["cohesion"].get<double>()) << '\n';
    } else if (c["after"].is_null()) {
      out << "gone (had " << c["before"]["members"].get<int>() << " member(s))\n";
    } else {
      out << "cohesion " << Number(c["before"]["cohesion"].get<double>()) << " -> " << Number(c["after"]["cohesion"].get<double>())
          << ", members " << c["before"]["members"].get<int>() << " -> " << c["after"]["members"].get<int>() << " ("
          << c["change"].get<std::string>() << ")\n";
    }
  }
  if (compare["extraction_order"]["before"] != compare["extraction_order"]["after"]) {
    auto line = [](const json& names) {
      std::string text;
      for (const auto& n : names) text += (text.empty() ? "" : ", ") + n.get<std::string>();
      return text;
    };
    out << "  extraction order was: " << line(compare["extraction_order"]["before"]) << '\n'
        << "                   now: " << line(compare["extraction_order"]["after"]) << '\n';
  }
}

CouplingGraph CouplingGraphFromReport(const json& report) {
  CouplingGraph graph;
  const json& g = report.at("graph");
  for (const auto& n : g.at("nodes")) {
    CouplingNode node;
    node.id = n.at("id").get<std::string>();
    node.kind = n.at("kind").get<std::string>() == "model" ? NodeKind::kModel : NodeKind::kModule;
    node.group = n.at("group").get<std::string>();
    node.module = n.at("module").get<std::string>();
    node.path = n.value("path", "");
    node.lines = n.value("lines", 0);
    const json& tags = FieldOrNull(n, "tags");
    for (const auto& tag : tags.is_array() ? tags : json::array()) {
      node.is_test |= tag == "test";
      node.is_migration |= tag == "migration";
    }
    // CouplingGraph::Find searches by id: the report's nodes are sorted, as the analysis writes them.
    if (!graph.nodes.empty() && !(graph.nodes.back().id < node.id)) {
      throw SeamsError(ErrorKind::kUsage, "report.json: graph nodes are not sorted by id at " + node.id);
    }
    graph.nodes.push_back(std::move(node));
  }
  for (const auto& e : g.at("edges")) {
    CouplingEdge edge;
    const std::string from = e.at("from").get<std::string>(), to = e.at("to").get<std::string>();
    edge.from = graph.Find(from);
    edge.to = graph.Find(to);
    const std::string kind = e.at("kind").get<std::string>();
    if (edge.from < 0 || edge.to < 0 || !ParseCouplingKind(kind, &edge.kind)) {
      throw SeamsError(ErrorKind::kUsage, "report.json: graph edge " + from + " -> " + to + " (" + kind +
                                              ") names an unknown node or kind");
    }
    edge.count = e.at("count").get<int>();
    edge.weight = e.at("weight").get<double>();
    const json& evidence = FieldOrNull(e, "evidence");
    for (const auto& ev : evidence.is_array() ? evidence : json::array()) {
      edge.evidence.push_back({ev.value("path", ""), ev.value("line", 0), ev.value("detail", "")});
    }
    graph.edges.push_back(std::move(edge));
  }
  return graph;
}

std::vector<std::string> ProposalAssignmentFromReport(const json& report) {
  std::vector<std::string> assignment;
  for (const auto& n : report.at("graph").at("nodes")) {
    const json& c = FieldOrNull(n, "context");
    assignment.push_back(c.is_string() ? c.get<std::string>() : "");
  }
  return assignment;
}

std::optional<DataUses> DataUsesFromReport(const json& report) {
  if (!report.contains("data")) return std::nullopt;
  const json& data = report.at("data");
  if (!data.contains("lookups") || !data.contains("atomic_writes")) return std::nullopt;
  auto read = [](const json& list, const char* what) {
    std::vector<DataUses::Use> out;
    for (const auto& entry : list) {
      if (!entry.is_object() || !entry.contains("models") || !entry.at("models").is_array() ||
          !entry.contains("count") || !entry.at("count").is_number_integer()) {
        throw SeamsError(ErrorKind::kUsage, std::string("report.json: data.") + what +
                                                " entries need \"models\" (an array of model keys) and \"count\"");
      }
      DataUses::Use use;
      for (const auto& m : entry.at("models")) {
        if (!m.is_string()) throw SeamsError(ErrorKind::kUsage, std::string("report.json: data.") + what + ": a model key is not a string");
        use.models.push_back(m.get<std::string>());
      }
      use.count = entry.at("count").get<int>();
      out.push_back(std::move(use));
    }
    return out;
  };
  DataUses uses;
  uses.lookups = read(data.at("lookups"), "lookups");
  uses.atomic_writes = read(data.at("atomic_writes"), "atomic_writes");
  return uses;
}

std::vector<std::string> CarryAssignment(const CouplingGraph& from, const std::vector<std::string>& assignment,
                                         const CouplingGraph& to) {
  std::vector<std::string> out(to.nodes.size());
  for (std::size_t n = 0; n < to.nodes.size(); ++n) {
    const int i = from.Find(to.nodes[n].id);
    if (i >= 0) out[n] = assignment[static_cast<std::size_t>(i)];
  }
  return out;
}

const std::vector<Format<Reporter>>& ScoreFormats() {
  static const std::vector<Format<Reporter>> kFormats = {
      {"text", "the score for a terminal or a projector", &WriteScoreText, true},
      {"json", "the score report (seams.score/1)", &WriteJson},
  };
  return kFormats;
}

}  // namespace seams
