#pragma once
/// `seams init`: a commented config written from a clustering proposal.

#include <string>

#include "lib/pipeline.h"

namespace seams {

/// The text of a seams.toml for `analysis` (which must hold a proposal):
/// contexts with members at the coarsest level that keeps them exact (an app's
/// package when the whole app is in one context, else its modules and models),
/// `depends_on` as imported today as far as the contexts keep an order (an
/// import that would close a cycle of contexts is written as a comment,
/// `# seam to cut: a -> b (N import couplings; …)`, so the config passes its
/// own context-cycle rule), the shared kernel, and a comment per context with
/// its size and the figures behind it.
std::string InitialConfigText(const Analysis& analysis);

}  // namespace seams
