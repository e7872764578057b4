#include "cli/graphviz.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include "lib/core/error.h"

extern char** environ;

namespace seams::cli {

namespace {

/// The `dot` executable on PATH, or "".
std::string FindDot() {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    std::string candidate = (dir.empty() ? std::string(".") : dir) + "/dot";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return "";
}

}  // namespace


void RenderWithGraphviz(const std::string& dot_source, const std::string& format, const std::string& output) {
  const std::string dot = FindDot();
  if (dot.empty()) {
    throw SeamsError(ErrorKind::kUsage, "--format " + format +
                                            " needs Graphviz's `dot` on PATH (Debian: apt-get install graphviz); "
                                            "--format dot writes the DOT source instead");
  }
  // dot reads the source from a private temporary file.
  std::string input = (std::filesystem::temp_directory_path() / "seams-XXXXXX.dot").string();
  std::vector<char> name(input.begin(), input.end());
  name.push_back('\0');
  int fd = ::mkstemps(name.data(), 4);
  if (fd < 0) throw SeamsError(ErrorKind::kInput, "cannot create a temporary file for dot");
  ::close(fd);
  input = name.data();
  {
    std::ofstream file(input, std::ios::binary);
    file << dot_source;
    if (!file) {
      std::filesystem::remove(input);
      throw SeamsError(ErrorKind::kInput, "cannot write " + input);
    }
  }
  if (!output.empty() && output != "-") {
    std::error_code ec;
    std::filesystem::path parent = std::filesystem::path(output).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  std::vector<std::string> args = {"dot", "-T" + format, input};
  if (!output.empty() && output != "-") {
    args.push_back("-o");
    args.push_back(output);
  }
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int status = 0;
  int spawned = ::posix_spawn(&pid, dot.c_str(), nullptr, nullptr, argv.data(), environ);
  if (spawned == 0) ::waitpid(pid, &status, 0);
  std::filesystem::remove(input);
  if (spawned != 0) throw SeamsError(ErrorKind::kInput, "cannot run " + dot);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw SeamsError(ErrorKind::kInput, "dot -T" + format + " failed" + (output.empty() ? "" : " writing " + output));
  }
}

}  // namespace seams::cli
