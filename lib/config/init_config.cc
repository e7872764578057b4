#include "lib/config/init_config.h"

#include <cstdio>
#include <map>
#include <set>
#include <vector>
#include <sstream>

namespace seams {

namespace {

std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string List(const std::vector<std::string>& items, const std::string& indent) {
  if (items.empty()) return "[]";
  std::string out = "[\n";
  for (const auto& item : items) out += indent + "  " + Quote(item) + ",\n";
  return out + indent + "]";
}

/// Import couplings from one context to another: from → to → count.
using Dependencies = std::map<std::string, std::map<std::string, int>>;

/// An order of `contexts` in which most import couplings point forward (the
/// greedy feedback-arc-set order of Eades, Lin and Smyth): take a context no
/// one depends on (it goes first) or one that depends on no one (it goes
/// last); when none is left, the one whose couplings go out most and come in
/// least goes first. Ties go to the name, so the order is deterministic.
std::vector<std::string> DependencyOrder(const std::vector<std::string>& contexts, const Dependencies& depends) {
  std::set<std::string> left(contexts.begin(), contexts.end());
  auto weight = [&](const std::string& from, const std::string& to) {
    auto f = depends.find(from);
    if (f == depends.end()) return 0;
    auto t = f->second.find(to);
    return t == f->second.end() ? 0 : t->second;
  };
  std::vector<std::string> front, back;
  while (!left.empty()) {
    bool moved = false;
    for (auto it = left.begin(); it != left.end();) {
      int in = 0, out = 0;
      for (const auto& other : left) {
        if (other == *it) continue;
        in += weight(other, *it);
        out += weight(*it, other);
      }
      if (out == 0) {
        back.push_back(*it);
      } else if (in == 0) {
        front.push_back(*it);
      } else {
        ++it;
        continue;
      }
      it = left.erase(it);
      moved = true;
    }
    if (moved) continue;
    std::string best;
    long long best_delta = 0;
    for (const auto& candidate : left) {
      long long delta = 0;
      for (const auto& other : left) delta += weight(candidate, other) - weight(other, candidate);
      if (best.empty() || delta > best_delta) {
        best = candidate;
        best_delta = delta;
      }
    }
    front.push_back(best);
    left.erase(best);
  }
  front.insert(front.end(), back.rbegin(), back.rend());
  return front;
}

}  // namespace

std::string InitialConfigText(const Analysis& analysis) {
  const CouplingGraph& graph = analysis.coupling;
  const Proposal& proposal = analysis.proposal;
  std::map<std::string, std::string> package_of_group;
  for (const auto& app : analysis.layout.apps) package_of_group[app.label] = app.package;

  // Where each group's nodes went: one place for the whole group means one member.
  // Kernel members are listed one by one; the rest of their app can still be one member.
  std::map<std::string, std::set<std::string>> places;
  for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
    if (proposal.node_context[n].empty() || proposal.node_context[n] == "shared_kernel") continue;
    places[graph.nodes[n].group].insert(proposal.node_context[n]);
  }
  std::set<std::string> kernel_groups;  // groups wholly in the kernel
  for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
    if (proposal.node_context[n] == "shared_kernel" && !places.count(graph.nodes[n].group))
      kernel_groups.insert(graph.nodes[n].group);
  }
  std::map<std::string, std::set<std::string>> members;  // context (or shared_kernel) → members
  for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
    const std::string& context = proposal.node_context[n];
    if (context.empty()) continue;
    const CouplingNode& node = graph.nodes[n];
    bool whole = context == "shared_kernel" ? kernel_groups.count(node.group) > 0 : places[node.group].size() == 1;
    if (whole) {
      auto package = package_of_group.find(node.group);
      members[context].insert(package == package_of_group.end() ? node.group : package->second);
      continue;
    }
    if (node.kind == NodeKind::kModule) {
      members[context].insert(node.id);
    } else {
      // A model is listed only when it does not sit with its module.
      int module = graph.Find(node.module);
      if (module < 0 || proposal.node_context[static_cast<std::size_t>(module)] != context) members[context].insert(node.id);
    }
  }
  // depends_on as the code imports today, as long as the contexts keep an
  // order: a dependency that would close a cycle is a seam to cut, written
  // as a comment, so the config passes its own context-cycle rule.
  Dependencies imports;
  for (const auto& cross : proposal.cross_context) {
    for (const auto& [kind, count] : cross.counts) {
      if (kind.rfind("import", 0) == 0 && count > 0) imports[cross.from][cross.to] += count;
    }
  }
  std::vector<std::string> names;
  for (const auto& context : proposal.contexts) names.push_back(context.name);
  std::map<std::string, std::size_t> rank;
  for (const auto& name : DependencyOrder(names, imports)) rank.emplace(name, rank.size());
  std::map<std::string, std::set<std::string>> depends;
  std::map<std::string, std::map<std::string, int>> cut;
  for (const auto& [from, targets] : imports) {
    for (const auto& [to, count] : targets) {
      auto a = rank.find(from), b = rank.find(to);
      if (a == rank.end() || b == rank.end() || a->second < b->second) {
        depends[from].insert(to);
      } else {
        cut[from][to] = count;
      }
    }
  }

  std::ostringstream out;
  out << "# Seams configuration for " << analysis.project.name << ".\n"
      << "# Written by `seams init` from a clustering proposal (level " << ClusterLevelName(proposal.level)
      << ", resolution " << proposal.resolution << ", seed " << proposal.seed << ").\n"
      << "# Edit it in the workshop — rename contexts, move members, trim depends_on —\n"
      << "# then enforce it in CI with `seams check` (and `--write-baseline` to accept today's debt).\n"
      << "#\n"
      << "# Members: a package or module (\"shop.orders\"), an app label, a model (\"orders.Order\"), or a glob.\n\n";
  out << "exclude = [\"**/migrations/**\"]\n\n";
  out << "# Hubs used by much of the project and project configuration: anyone may import them.\n";
  out << "shared_kernel = " << List({members["shared_kernel"].begin(), members["shared_kernel"].end()}, "") << "\n";
  for (const auto& context : proposal.contexts) {
    char figures[96];
    std::snprintf(figures, sizeof figures, "cohesion %.2f, coupling %.2f", context.cohesion, context.coupling);
    out << "\n# " << context.name << ": " << context.members.size() << " members, " << context.models << " models, "
        << context.lines << " lines; " << figures << ".\n";
    out << "[[context]]\n";
    out << "name = " << Quote(context.name) << "\n";
    out << "members = " << List({members[context.name].begin(), members[context.name].end()}, "") << "\n";
    out << "depends_on = " << List({depends[context.name].begin(), depends[context.name].end()}, "") << "\n";
    for (const auto& [to, count] : cut[context.name]) {
      out << "# seam to cut: " << context.name << " -> " << to << " (" << count << " import coupling"
          << (count == 1 ? "" : "s") << "; depending on it would close a cycle)\n";
    }
  }
  out << "\n[rules]\n"
      << "cross-context-import = \"error\"\n"
      << "private-import = \"error\"\n"
      << "cross-context-fk = \"warn\"\n"
      << "cross-context-signal = \"warn\"\n"
      << "cross-context-task = \"warn\"\n"
      << "context-cycle = \"error\"\n"
      << "unassigned = \"warn\"\n";
  return out.str();
}

}  // namespace seams
