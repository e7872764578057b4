// Members → contexts, most specific member wins.

#include "lib/check/assign.h"

#include <algorithm>
#include <map>

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

const ContextConfig* FindContext(const Config& config, const std::string& name) {
  for (const auto& context : config.contexts) {
    if (context.name == name) return &context;
  }
  return nullptr;
}

}  // namespace

int MemberSpecificity(const std::string& member, const CouplingNode& node) {
  if (member.find_first_of("*?") != std::string::npos) {
    std::string pattern = member, id = node.id;
    std::replace(pattern.begin(), pattern.end(), '.', '/');
    std::replace(id.begin(), id.end(), '.', '/');
    return GlobMatch(pattern, id) ? 1 : 0;
  }
  if (node.kind == NodeKind::kModel && member == node.id) return 1000;
  const std::string& module = node.module;
  if (module == member) return 500 + static_cast<int>(member.size());
  if (module.rfind(member + ".", 0) == 0) return 100 + static_cast<int>(member.size());
  if (node.group == member) return 50;  // an app label
  return 0;
}

std::vector<std::string> AssignContexts(const Config& config, const CouplingGraph& graph,
                                        std::vector<Diagnostic>* problems) {
  std::vector<std::string> node_context(graph.nodes.size(), "");
  std::map<std::string, int> member_hits;
  for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
    const CouplingNode& node = graph.nodes[n];
    int best = 0;
    std::vector<std::string> winners;
    for (const auto& context : config.contexts) {
      for (const auto& member : context.members) {
        int s = MemberSpecificity(member, node);
        if (s == 0) continue;
        ++member_hits[context.name + "\n" + member];
        if (s > best) {
          best = s;
          winners = {context.name};
        } else if (s == best && std::find(winners.begin(), winners.end(), context.name) == winners.end()) {
          winners.push_back(context.name);
        }
      }
    }
    int kernel = 0;
    for (const auto& member : config.shared_kernel) kernel = std::max(kernel, MemberSpecificity(member, node));
    if (kernel > best) {
      node_context[n] = kKernel;
      continue;
    }
    if (winners.size() > 1) {
      const ContextConfig* first = FindContext(config, winners[0]);
      problems->push_back({"overlapping-members", Severity::kError, config.path, first ? first->line : 0, 0,
                           node.id + " is claimed as specifically by contexts " + Join(winners) +
                               "; make one member more specific"});
    }
    if (!winners.empty()) node_context[n] = winners[0];
  }
  for (const auto& context : config.contexts) {
    for (const auto& member : context.members) {
      if (member_hits[context.name + "\n" + member]) continue;
      auto line = context.member_lines.find(member);
      problems->push_back({"member-matches-nothing", Severity::kError, config.path,
                           line == context.member_lines.end() ? context.line : line->second, 0,
                           "member '" + member + "' of context '" + context.name +
                               "' matches no module, model or app of the project"});
    }
  }
  return node_context;
}

}  // namespace seams
