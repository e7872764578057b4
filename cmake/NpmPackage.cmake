# Fetches an npm package tarball with `npm pack`, checks its sha256 against the
# value committed in grammars/npm-packages.txt and unpacks it into the build tree.
# Nothing fetched here is committed: the tarball lives under ${CMAKE_BINARY_DIR}/_npm.

function(seams_read_npm_pin name out_version out_sha)
  file(STRINGS "${PROJECT_SOURCE_DIR}/grammars/npm-packages.txt" lines REGEX "^${name}[ \t]")
  list(LENGTH lines count)
  if(NOT count EQUAL 1)
    message(FATAL_ERROR "grammars/npm-packages.txt: expected one line for '${name}', found ${count}")
  endif()
  string(REGEX REPLACE "[ \t]+" ";" fields "${lines}")
  list(GET fields 1 version)
  list(GET fields 2 sha)
  set(${out_version} "${version}" PARENT_SCOPE)
  set(${out_sha} "${sha}" PARENT_SCOPE)
endfunction()

# seams_npm_package(<name> <out_dir_var>): sets <out_dir_var> to the unpacked `package/` folder.
function(seams_npm_package name out_dir)
  seams_read_npm_pin(${name} version sha)
  set(download_dir "${CMAKE_BINARY_DIR}/_npm")
  set(tarball "${download_dir}/${name}-${version}.tgz")
  set(unpack_dir "${download_dir}/${name}-${version}")
  file(MAKE_DIRECTORY "${download_dir}")

  # A tarball already present (from an earlier configure or SEAMS_NPM_CACHE) is reused
  # when its checksum matches, so a rebuild needs no network.
  if(DEFINED ENV{SEAMS_NPM_CACHE} AND NOT EXISTS "${tarball}"
     AND EXISTS "$ENV{SEAMS_NPM_CACHE}/${name}-${version}.tgz")
    file(COPY "$ENV{SEAMS_NPM_CACHE}/${name}-${version}.tgz" DESTINATION "${download_dir}")
  endif()
  if(EXISTS "${tarball}")
    file(SHA256 "${tarball}" actual)
    if(NOT actual STREQUAL sha)
      file(REMOVE "${tarball}")
    endif()
  endif()

  if(NOT EXISTS "${tarball}")
    find_program(SEAMS_NPM npm)
    if(NOT SEAMS_NPM)
      message(FATAL_ERROR
        "Seams needs npm to download ${name}@${version} (the tree-sitter sources are not committed).\n"
        "Install it with: apt-get install -y npm")
    endif()
    message(STATUS "Fetching ${name}@${version} with npm pack")
    execute_process(
      COMMAND "${SEAMS_NPM}" pack "${name}@${version}" --silent --pack-destination "${download_dir}"
      WORKING_DIRECTORY "${download_dir}"
      RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0 OR NOT EXISTS "${tarball}")
      message(FATAL_ERROR "npm pack ${name}@${version} failed (exit ${rc}):\n${out}${err}")
    endif()
  endif()

  file(SHA256 "${tarball}" actual)
  if(NOT actual STREQUAL sha)
    message(FATAL_ERROR
      "Checksum mismatch for ${tarball}:\n  expected ${sha} (grammars/npm-packages.txt)\n  actual   ${actual}")
  endif()

  if(NOT EXISTS "${unpack_dir}/.unpacked-${sha}")
    file(REMOVE_RECURSE "${unpack_dir}")
    file(ARCHIVE_EXTRACT INPUT "${tarball}" DESTINATION "${unpack_dir}")
    file(TOUCH "${unpack_dir}/.unpacked-${sha}")
  endif()
  set(${out_dir} "${unpack_dir}/package" PARENT_SCOPE)
endfunction()
