# seams_npm_ci(DIR LOCK_DIR WHAT): installs the npm packages pinned by
# LOCK_DIR/package-lock.json into DIR/node_modules with `npm ci`, at configure time,
# once per lockfile (a stamp named after the lockfile's SHA-256). Used for
# report.html's scripts (reports/) and for the test tools (tests/): installing
# them is part of setting up a build tree, never of a build step or a test run.
function(seams_npm_ci dir lock_dir what)
  file(SHA256 "${lock_dir}/package-lock.json" lock_sha)
  if(EXISTS "${dir}/.installed-${lock_sha}")
    return()
  endif()
  find_program(SEAMS_NPM npm)
  if(NOT SEAMS_NPM)
    message(FATAL_ERROR "Seams needs npm to install ${what}. Install it with: apt-get install -y npm")
  endif()
  file(REMOVE_RECURSE "${dir}/node_modules")
  file(GLOB stamps "${dir}/.installed-*")
  if(stamps)
    file(REMOVE ${stamps})
  endif()
  file(MAKE_DIRECTORY "${dir}")
  file(COPY "${lock_dir}/package.json" "${lock_dir}/package-lock.json" DESTINATION "${dir}")
  message(STATUS "Installing ${what} with npm ci")
  execute_process(COMMAND "${SEAMS_NPM}" ci --no-audit --no-fund --loglevel=error
                  WORKING_DIRECTORY "${dir}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "npm ci for ${what} failed (exit ${rc}):\n${out}${err}")
  endif()
  file(TOUCH "${dir}/.installed-${lock_sha}")
endfunction()
