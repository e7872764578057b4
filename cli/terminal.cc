#include "cli/terminal.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ostream>

namespace seams::cli {

bool ParseColorMode(const std::string& text, ColorMode* mode) {
  if (text == "auto") *mode = ColorMode::kAuto;
  else if (text == "always") *mode = ColorMode::kAlways;
  else if (text == "never") *mode = ColorMode::kNever;
  else return false;
  return true;
}

bool ColorEnabled(ColorMode mode, int fd) {
  if (mode != ColorMode::kAuto) return mode == ColorMode::kAlways;
  const char* no_color = std::getenv("NO_COLOR");  // https://no-color.org
  if (no_color && *no_color) return false;
  return ::isatty(fd) == 1;
}

std::string Style::Wrap(const char* code, const std::string& text) const {
  if (!on) return text;
  std::string out = "\x1b[";
  out += code;
  out += 'm';
  out += text;
  out += "\x1b[0m";
  return out;
}

std::string ColorizeSeverities(const std::string& text, const Style& style) {
  if (!style.on) return text;
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    for (const auto& [word, colour] : {std::pair<const char*, int>{"error", 0}, {"warning", 1}, {"note", 2}}) {
      std::string marker = std::string(": ") + word + ": ";
      std::size_t at = line.find(marker);
      if (at == std::string::npos) continue;
      std::string painted = colour == 0 ? style.Red(style.Bold(word)) : colour == 1 ? style.Yellow(word) : style.Dim(word);
      line = line.substr(0, at + 2) + painted + line.substr(at + 2 + std::string(word).size());
      break;
    }
    out += line;
    if (end == std::string::npos) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

bool StderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

ProgressLine::ProgressLine(bool enabled, std::ostream& err) : enabled_(enabled), err_(err) {}

ProgressLine::~ProgressLine() { Clear(); }

ProgressFn ProgressLine::Callback() {
  if (!enabled_) return {};
  return [this](ProgressStage stage, std::size_t done, std::size_t total) { Report(stage, done, total); };
}

void ProgressLine::Report(ProgressStage stage, std::size_t done, std::size_t total) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto now = Clock::now();
  if (stage == ProgressStage::kParse && !parse_started_) {
    parse_started_ = true;
    parse_start_ = now;
  }
  const bool last = total != 0 && done == total;
  if (!last && drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  char line[160];
  if (stage == ProgressStage::kDiscover) {
    std::snprintf(line, sizeof line, "seams: discovering  %zu Python files", done);
  } else {
    double seconds = std::chrono::duration<double>(now - parse_start_).count();
    double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    int width = 24;
    int filled = total ? static_cast<int>(static_cast<double>(width) * static_cast<double>(done) / static_cast<double>(total)) : 0;
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.append(static_cast<std::size_t>(width - filled), '.');
    std::snprintf(line, sizeof line, "seams: parsing [%s] %zu/%zu files %3.0f%%  %.0f files/s", bar.c_str(), done, total,
                  total ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 0.0, rate);
  }
  err_ << "\r\x1b[K" << line << std::flush;
  drawn_ = true;
}

void ProgressLine::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!drawn_) return;
  err_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

void PrintTimings(const std::vector<StageTiming>& timings, std::ostream& err) {
  double total = 0;
  for (const auto& t : timings) {
    char line[200];
    std::snprintf(line, sizeof line, "seams: %-15s %8.1f ms  peak %5zu MiB  %s\n", t.stage.c_str(), t.seconds * 1000.0,
                  t.peak_rss_bytes >> 20, t.detail.c_str());
    err << line;
    total += t.seconds;
  }
  char line[80];
  std::snprintf(line, sizeof line, "seams: %-15s %8.1f ms\n", "total", total * 1000.0);
  err << line;
}

}  // namespace seams::cli
