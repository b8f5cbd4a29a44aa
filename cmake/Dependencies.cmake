# Every third-party library comes from a Debian package (scripts/install-deps).
find_package(PkgConfig REQUIRED)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(OPENCC REQUIRED IMPORTED_TARGET opencc)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
# libpq-dev: the PostgreSQL backend of src/store.
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
find_package(simdjson REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(fmt REQUIRED)
find_package(CLI11 REQUIRED)

# OpenCC's conversion configs (t2s.json ...) live here on Debian.
set(TRIGON_OPENCC_DATA_DIR "/usr/share/opencc" CACHE PATH "OpenCC configuration directory")
add_compile_definitions(TRIGON_OPENCC_DATA_DIR="${TRIGON_OPENCC_DATA_DIR}")
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
# cpp-httplib for `trigon serve`.  Debian builds it as a shared library;
# the pkg-config flags (CPPHTTPLIB_OPENSSL_SUPPORT ...) change class
# layouts, so they must come along with the header.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
