#include "cli/config_loading.h"

#include "lib/core/error.h"

namespace seams::cli {

Config LoadProjectConfig(const std::string& project_path, const std::string& explicit_path, bool required) {
  RealFileSystem fs;
  std::string path = explicit_path;
  if (path.empty()) {
    if (auto found = FindConfig(fs, project_path)) path = *found;
  }
  if (path.empty()) {
    if (required) {
      throw SeamsError(ErrorKind::kConfig, "no seams.toml or pyproject.toml with [tool.seams] in " + project_path +
                                               " or above\n  help: write one with `seams init " + project_path + "`");
    }
    return Config{};
  }
  return LoadConfig(fs, path);
}

std::string AnalysisRoot(const Config& config, const std::string& path) {
  if (config.path.empty() || config.root.empty() || config.root == ".") return path;
  auto slash = config.path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : config.path.substr(0, slash);
  return config.root.front() == '/' ? config.root : JoinPath(dir, config.root);
}

void ApplyConfig(const Config& config, AnalysisOptions* options) {
  for (const auto& glob : config.exclude) options->discover.exclude.push_back(glob);
  for (const auto& [kind, value] : config.weights) {
    CouplingKind k;
    if (ParseCouplingKind(kind, &k)) options->weights.Set(k, value);
  }
  auto last = [](const std::string& dotted) { return dotted.substr(dotted.rfind('.') + 1); };
  for (const auto& base : config.model_bases) options->django.model_bases.push_back(base);
  for (const auto& model : config.known_models) options->django.known_models.push_back(model);
  for (const auto& field : config.known_fields) options->django.known_fields.push_back(field);
  for (const auto& loader : config.model_loaders) {
    options->django.model_loaders.push_back(last(loader));
    options->parse.call_names.insert(last(loader));
  }
  for (const auto& loader : config.class_loaders) {
    options->django.class_loaders.push_back(last(loader));
    options->parse.call_names.insert(last(loader));
  }
  ScopeOptions& scope = options->proposal.scope;
  if (config.scope.mode) scope.whole_project = *config.scope.mode == "project";
  if (config.scope.include_tests) scope.include_tests = *config.scope.include_tests;
  scope.inside.insert(scope.inside.end(), config.scope.inside.begin(), config.scope.inside.end());
  scope.outside.insert(scope.outside.end(), config.scope.outside.begin(), config.scope.outside.end());
  for (const auto& member : config.shared_kernel) options->proposal.kernel_add.push_back(member);
  for (const auto& member : config.not_shared_kernel) options->proposal.kernel_remove.push_back(member);
  for (const auto& [name, members] : config.pins) options->proposal.pins[name] = members;
}

}  // namespace seams::cli
