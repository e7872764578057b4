#pragma once
/// MD5 (RFC 1321), for the one place Seams must reproduce another tool's
/// names: Django shortens long table names with an MD5 digest.

#include <string>

namespace seams {

/// The lower-case hexadecimal MD5 digest of `bytes` (32 characters).
std::string Md5Hex(const std::string& bytes);

}  // namespace seams
