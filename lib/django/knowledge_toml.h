#pragma once
// Internal to lib/: reading knowledge entries from TOML, shared by the bundled
// knowledge base (lib/django/knowledge.cc) and config files (lib/config/config.cc),
// so both accept the same keys and report problems the same way.

#include <functional>
#include <string>
#include <toml++/toml.h>
#include <vector>

#include "lib/django/knowledge.h"

namespace seams {

/// Reports a problem at a place in the file: what is wrong, and a hint ("" for none).
using KnowledgeErrorFn = std::function<void(const toml::source_region&, const std::string&, const std::string&)>;

/// Reads `node`, an array of tables of model entries (`where` names it in messages:
/// "[[tool.seams.django.models]]"). Entries with a problem are reported and left out.
void ReadKnownModels(const toml::node& node, const std::string& source, const std::string& where,
                     const KnowledgeErrorFn& error, std::vector<KnownModel>* out);

/// The same for field entries.
void ReadKnownFields(const toml::node& node, const std::string& source, const std::string& where,
                     const KnowledgeErrorFn& error, std::vector<KnownField>* out);

}  // namespace seams
