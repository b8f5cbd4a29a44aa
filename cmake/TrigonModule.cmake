# Helpers that give every target of ours the same flags, and turn each
# src/<module> directory into one static library plus its colocated tests.

function(trigon_target_flags target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(TRIGON_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(TRIGON_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined
                           -fno-omit-frame-pointer -fno-sanitize-recover=undefined
                           -D_GLIBCXX_ASSERTIONS)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# trigon_module(NAME DEPS dep... [PRIVATE_DEPS dep...])
# Library trigon_NAME from *.cc in the current directory (minus *_test.cc);
# each *_test.cc becomes part of the test binary trigon_NAME_test.
function(trigon_module name)
  cmake_parse_arguments(ARG "" "" "DEPS;PRIVATE_DEPS;TEST_DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  file(GLOB tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
  if(tests)
    list(REMOVE_ITEM srcs ${tests})
  endif()
  if(NOT srcs)
    # A module still being written: headers only for now.
    add_library(trigon_${name} INTERFACE)
    target_include_directories(trigon_${name} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(trigon_${name} INTERFACE ${ARG_DEPS})
    return()
  endif()
  add_library(trigon_${name} STATIC ${srcs})
  target_include_directories(trigon_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(trigon_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  trigon_target_flags(trigon_${name})
  if(TRIGON_BUILD_TESTS AND tests)
    add_executable(trigon_${name}_test ${tests})
    target_link_libraries(trigon_${name}_test PRIVATE trigon_${name}
                          ${ARG_PRIVATE_DEPS} ${ARG_TEST_DEPS} trigon_testing
                          GTest::gtest GTest::gtest_main)
    trigon_target_flags(trigon_${name}_test)
    target_compile_definitions(trigon_${name}_test PRIVATE
      TRIGON_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    gtest_discover_tests(trigon_${name}_test
      PROPERTIES LABELS unit ENVIRONMENT "TRIGON_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
      DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
