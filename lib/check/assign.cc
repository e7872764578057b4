// Members → contexts, most specific member wins.

#include "lib/check/assign.h"

#include <algorithm>
#include <map>
#include <string_view>

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
  if (module.size() > member.size() && module[member.size()] == '.' && module.starts_with(member)) {
    return 100 + static_cast<int>(member.size());
  }
  if (node.group == member) return 50;  // an app label
  return 0;
}

namespace {

/// Which members can name a node at all: a non-glob member names a node only
/// when it equals the node's id, its module, a dotted prefix of its module or
/// its app label, so those are found by lookup; globs are tried on every node.
class MemberIndex {
 public:
  /// `lists[l]` is one list of members (a context's, or the kernel's).
  explicit MemberIndex(const std::vector<const std::vector<std::string>*>& lists) {
    for (std::size_t l = 0; l < lists.size(); ++l) {
      for (std::size_t m = 0; m < lists[l]->size(); ++m) {
        const std::string& member = (*lists[l])[m];
        if (member.find_first_of("*?") != std::string::npos) globs_.push_back({l, m});
        else by_name_[member].push_back({l, m});
      }
    }
  }

  /// Every (list, member) that may name `node`, in list then member order, once each.
  std::vector<std::pair<std::size_t, std::size_t>> Candidates(const CouplingNode& node) const {
    std::vector<std::pair<std::size_t, std::size_t>> out = globs_;
    auto add = [&](std::string_view key) {
      auto it = by_name_.find(key);
      if (it != by_name_.end()) out.insert(out.end(), it->second.begin(), it->second.end());
    };
    add(node.id);
    add(node.group);
    const std::string_view module = node.module;
    for (std::size_t dot = module.find('.'); dot != std::string_view::npos; dot = module.find('.', dot + 1)) {
      add(module.substr(0, dot));
    }
    add(module);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 private:
  std::map<std::string, std::vector<std::pair<std::size_t, std::size_t>>, std::less<>> by_name_;
  std::vector<std::pair<std::size_t, std::size_t>> globs_;
};

}  // namespace

std::vector<std::string> AssignContexts(const Config& config, const CouplingGraph& graph,
                                        std::vector<Diagnostic>* problems) {
  std::vector<std::string> node_context(graph.nodes.size(), "");
  // hit[c][m]: member m of context c matched some node.
  std::vector<std::vector<char>> hit(config.contexts.size());
  std::vector<const std::vector<std::string>*> lists;
  for (std::size_t c = 0; c < config.contexts.size(); ++c) {
    hit[c].assign(config.contexts[c].members.size(), 0);
    lists.push_back(&config.contexts[c].members);
  }
  lists.push_back(&config.shared_kernel);
  const std::size_t kernel_list = config.contexts.size();
  const MemberIndex index(lists);
  for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
    const CouplingNode& node = graph.nodes[n];
    int best = 0, kernel = 0;
    std::vector<std::string> winners;
    for (const auto& [c, m] : index.Candidates(node)) {
      const std::string& member = (*lists[c])[m];
      const int s = MemberSpecificity(member, node);
      if (s == 0) continue;
      if (c == kernel_list) {
        kernel = std::max(kernel, s);
        continue;
      }
      const auto& context = config.contexts[c];
      hit[c][m] = 1;
      if (s > best) {
        best = s;
        winners = {context.name};
      } else if (s == best && std::find(winners.begin(), winners.end(), context.name) == winners.end()) {
        winners.push_back(context.name);
      }
    }
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
  for (std::size_t c = 0; c < config.contexts.size(); ++c) {
    const auto& context = config.contexts[c];
    for (std::size_t m = 0; m < context.members.size(); ++m) {
      const std::string& member = context.members[m];
      if (hit[c][m]) continue;
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
