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

}  // namespace seams::cli
