// The text summary of `seams cluster`, rendered from the analysis report alone.

#include <cstdio>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "reports/graph_report.h"
#include "reports/proposal_render.h"

namespace seams {

namespace {

std::string Fixed(double value, int decimals = 2) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(decimals) << value;
  return out.str();
}

std::string Join(const nlohmann::json& list, std::size_t limit) {
  std::string out;
  std::size_t n = 0;
  for (const auto& item : list) {
    if (n == limit) {
      out += ", …";
      break;
    }
    if (n++) out += ", ";
    out += item.get<std::string>();
  }
  return out;
}

}  // namespace

void WriteProposalSummary(const nlohmann::json& report, std::ostream& out) {
  const auto& proposal = report.at("proposal");
  const auto& metrics = report.at("metrics");
  out << "Proposed contexts for " << report.at("project").at("name").get<std::string>() << " (level "
      << proposal.at("level").get<std::string>() << ", resolution " << Fixed(proposal.at("resolution").get<double>(), 3)
      << ", seed " << proposal.at("seed").get<std::uint64_t>() << "): " << report.at("contexts").size()
      << " contexts over " << proposal.at("units").get<int>() << " units, modularity "
      << Fixed(metrics.at("modularity").get<double>(), 3) << "\n\n";

  out << std::left << std::setw(24) << "context" << std::right << std::setw(8) << "members" << std::setw(8) << "models"
      << std::setw(8) << "lines" << std::setw(10) << "cohesion" << std::setw(10) << "coupling" << std::setw(12)
      << "confidence" << "  apps\n";
  for (const auto& c : report.at("contexts")) {
    out << std::left << std::setw(24) << c.at("name").get<std::string>() << std::right << std::setw(8)
        << c.at("size").get<int>() << std::setw(8) << c.at("models").get<int>() << std::setw(8) << c.at("lines").get<int>()
        << std::setw(10) << Fixed(c.at("cohesion").get<double>()) << std::setw(10) << Fixed(c.at("coupling").get<double>())
        << std::setw(12) << Fixed(c.at("confidence").get<double>()) << "  " << Join(c.at("apps"), 6) << "\n";
  }

  const auto& kernel = report.at("shared_kernel");
  out << "\nShared kernel (" << kernel.size() << "):";
  if (kernel.empty()) out << " none";
  out << "\n";
  for (const auto& hub : kernel) {
    out << "  " << hub.at("id").get<std::string>() << "  (" << hub.at("reason").get<std::string>();
    if (hub.at("reason") == "fan-in") {
      out << ": used by " << hub.at("fan_in_groups").get<int>() << " of " << hub.at("groups").get<int>() << " other groups";
    }
    out << ")\n";
  }

  const auto& undecided = report.at("undecided");
  out << "\nUndecided — discuss in the workshop (" << undecided.size() << "):";
  if (undecided.empty()) out << " none";
  out << "\n";
  for (const auto& m : undecided) {
    out << "  " << m.at("id").get<std::string>() << "  confidence " << Fixed(m.at("confidence").get<double>()) << "\n";
  }

  out << "\nMetrics: SM " << Fixed(metrics.at("structural_modularity").get<double>(), 3) << ", IFN "
      << Fixed(metrics.at("interface_number").get<double>()) << ", NED "
      << Fixed(metrics.at("non_extreme_distribution").get<double>()) << ", ICP "
      << Fixed(metrics.at("inter_call_percentage").get<double>()) << ", MoJoFM vs apps "
      << Fixed(metrics.at("mojofm_vs_apps").get<double>(), 1) << ", ARI vs apps "
      << Fixed(metrics.at("ari_vs_apps").get<double>(), 3) << "\n";

  out << "\nExtraction order (easiest first):\n";
  for (const auto& step : report.at("plan")) {
    out << "  " << step.at("rank").get<int>() << ". " << step.at("context").get<std::string>() << "  (difficulty "
        << Fixed(step.at("difficulty").get<double>(), 1) << "): " << Join(step.at("reasons"), 6);
    if (!step.at("url_prefixes").empty()) out << "; routes " << Join(step.at("url_prefixes"), 6);
    out << "\n";
  }
}

const std::vector<Format<Reporter>>& ProposalFormats() {
  static const std::vector<Format<Reporter>> kFormats = {
      {"text", "the proposal as a table", &WriteProposalSummary, true},
      {"json", "the analysis report (seams.analysis/3)", &WriteJson},
      {"dot", "the context map as Graphviz DOT", &WriteContextsDot},
  };
  return kFormats;
}

}  // namespace seams
