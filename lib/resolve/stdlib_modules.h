#pragma once

#include <string_view>

namespace seams {

/// True when `top_level` (the first component of a module name) is part of
/// the Python standard library.
bool IsStdlibModule(std::string_view top_level);

}  // namespace seams
