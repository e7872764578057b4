// The application's scope: apps, what they import, and the reasons for the rest.

#include "lib/cluster/scope.h"

#include <algorithm>
#include <deque>
#include <set>

namespace seams {

bool MatchesMember(const std::string& id, const std::string& pattern) {
  return id == pattern || (id.size() > pattern.size() && id.compare(0, pattern.size(), pattern) == 0 &&
                           id[pattern.size()] == '.');
}

namespace {

bool MatchesAnyMember(const std::string& id, const std::vector<std::string>& patterns) {
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) { return MatchesMember(id, p); });
}

std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> parts;
  std::string current;
  for (char ch : path) {
    if (ch == '/') {
      parts.push_back(current);
      current.clear();
    } else {
      current += ch;
    }
  }
  parts.push_back(current);
  return parts;
}

// What a file outside every app is by where it lives: repository tooling has
// conventional homes, and a name is enough to keep it out of the proposal.
std::string ReasonOfPath(const std::string& path) {
  std::vector<std::string> parts = Segments(path);
  const std::string& file = parts.back();
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    const std::string& dir = parts[i];
    if (dir == "docs" || dir == "doc" || dir == "_docs" || dir == "documentation") return kOutsideDocs;
    if (dir == "sandbox" || dir == "sandboxes" || dir == "example" || dir == "examples" || dir == "demo" ||
        dir == "demos")
      return kOutsideSandbox;
    if (dir == "scripts" || dir == "script" || dir == "bin" || dir == "tools" || dir == "ci" || dir == "_misc" ||
        dir == "misc" || dir == "devtools" || dir == "dev")
      return kOutsideBuild;
    if (dir.find("setup_utils") != std::string::npos || dir == "packaging" || dir == "build_tools")
      return kOutsidePackaging;
  }
  if (file == "setup.py" || file == "setup_utils.py" || file.find("setup_utils") != std::string::npos)
    return kOutsidePackaging;
  if (parts.size() == 1 && (file == "fabfile.py" || file == "noxfile.py" || file == "tasks.py" ||
                            file == "dodo.py" || file == "gulpfile.py" || file == "conf.py"))
    return kOutsideBuild;
  return "";
}

}  // namespace

std::vector<std::string> FindOutside(const CouplingGraph& graph, const ScopeOptions& options) {
  const std::size_t n = graph.nodes.size();
  std::vector<std::string> reason(n);
  std::set<std::string> apps(options.app_groups.begin(), options.app_groups.end());
  std::string config_package;
  if (!options.settings_module.empty()) config_package = options.settings_module.substr(0, options.settings_module.find('.'));

  // Tests, migrations, config and the conventional homes of tooling are outside
  // wherever they are imported from.
  for (std::size_t i = 0; i < n; ++i) {
    const CouplingNode& node = graph.nodes[i];
    if (MatchesAnyMember(node.id, options.inside)) continue;
    if (MatchesAnyMember(node.id, options.outside)) reason[i] = kOutsideConfig;
    else if (node.is_test && !options.include_tests) reason[i] = kOutsideTest;
    else if (node.is_migration && !options.include_tests) reason[i] = kOutsideMigration;
    else if (!options.whole_project && !apps.count(node.group)) reason[i] = ReasonOfPath(node.path);
  }
  if (options.whole_project || apps.empty()) return reason;

  // The application: the apps, the configuration, and whatever they reach.
  std::vector<std::vector<int>> out(n);
  for (const auto& edge : graph.edges) out[static_cast<std::size_t>(edge.from)].push_back(edge.to);
  std::vector<bool> inside(n, false);
  std::deque<int> queue;
  // Importing a module runs its packages' __init__ first: they are reached too.
  auto enter = [&](std::size_t i) {
    if (inside[i] || !reason[i].empty()) return;
    inside[i] = true;
    queue.push_back(static_cast<int>(i));
  };
  auto enter_with_packages = [&](std::size_t i) {
    enter(i);
    if (graph.nodes[i].kind != NodeKind::kModule) return;
    std::string package = graph.nodes[i].id;
    while (package.find('.') != std::string::npos) {
      package.resize(package.rfind('.'));
      int p = graph.Find(package);
      if (p >= 0 && graph.nodes[static_cast<std::size_t>(p)].kind == NodeKind::kModule) enter(static_cast<std::size_t>(p));
    }
  };
  std::vector<int> module_of(n, -1);
  std::vector<std::vector<int>> models_of(n);
  for (std::size_t i = 0; i < n; ++i) {
    const CouplingNode& node = graph.nodes[i];
    if (node.kind == NodeKind::kModel) {
      module_of[i] = graph.Find(node.module);
      if (module_of[i] >= 0) models_of[static_cast<std::size_t>(module_of[i])].push_back(static_cast<int>(i));
    }
    bool config = !config_package.empty() && node.kind == NodeKind::kModule &&
                  (node.module == config_package || MatchesMember(node.module, config_package) || node.module == "manage");
    // Tests asked for are part of what is clustered, though the application never imports them.
    bool asked_tests = options.include_tests && (node.is_test || node.is_migration);
    if (apps.count(node.group) || config || asked_tests || MatchesAnyMember(node.id, options.inside))
      enter_with_packages(i);
  }
  while (!queue.empty()) {
    std::size_t i = static_cast<std::size_t>(queue.front());
    queue.pop_front();
    for (int to : out[i]) {
      enter_with_packages(static_cast<std::size_t>(to));
      // A model reached means its module is reached too, and the other way round.
      if (module_of[static_cast<std::size_t>(to)] >= 0) enter(static_cast<std::size_t>(module_of[static_cast<std::size_t>(to)]));
    }
    if (module_of[i] >= 0) enter(static_cast<std::size_t>(module_of[i]));
    for (int model : models_of[i]) enter(static_cast<std::size_t>(model));
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (reason[i].empty() && !inside[i]) reason[i] = kOutsideUnreached;
  }
  return reason;
}

}  // namespace seams
