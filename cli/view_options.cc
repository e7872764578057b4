#include "cli/view_options.h"

namespace seams::cli {

void AddViewOptions(CLI::App* command, ViewOptions* options) {
  command->add_option("--context", options->context, "The context to draw (view `context`), or to keep (view `models`)");
  command->add_option("--min-weight", options->min_weight, "Hide edges lighter than this")->check(CLI::NonNegativeNumber);
  command->add_option("--top", options->top, "Keep only the N heaviest edges; 0 keeps all (default: 40 in the context map and apps views, all elsewhere)")
      ->check(CLI::NonNegativeNumber);
  command->add_flag("--collapse-apps", options->collapse_apps, "One box per app instead of per model or module");
  command->add_flag("--hide-kernel", options->hide_kernel, "Leave the shared kernel out");
  command->add_flag("--cross-only", options->cross_only, "Models view: only relations that cross contexts");
}

}  // namespace seams::cli
