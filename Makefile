# Trigon: `make` builds, `make test` installs dependencies, builds and runs
# every test, `make demo` installs, builds and runs the main job on the
# bundled sample corpus.  `make test SANITIZE=1` uses an ASan/UBSan build.

SANITIZE ?= 0
JOBS ?= $(shell nproc)
ifeq ($(SANITIZE),1)
BUILD_DIR ?= build-asan
CMAKE_FLAGS := -DCMAKE_BUILD_TYPE=Debug -DTRIGON_SANITIZE=ON -DTRIGON_BUILD_BENCH=OFF
else
BUILD_DIR ?= build
CMAKE_FLAGS := -DCMAKE_BUILD_TYPE=RelWithDebInfo
endif
# libFuzzer targets (fuzz/, docs/fuzzing.md) build in their own clang tree,
# every library instrumented; `make fuzz-smoke` runs each target briefly
# (part of `make test`), `make fuzz FUZZ_SECONDS=600 [FUZZ_TARGETS="html"]`
# for long runs.
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SMOKE_SECONDS ?= 2
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?=
FUZZ_FLAGS := -fsanitize=fuzzer-no-link,address,undefined \
  -fno-sanitize-recover=all -fno-omit-frame-pointer -D_GLIBCXX_ASSERTIONS
DEMO_DB ?= $(BUILD_DIR)/demo.db
TRIGON := $(BUILD_DIR)/trigon

.PHONY: all build deps configure test demo clean fuzz fuzz-build fuzz-smoke

all: build

deps:
	scripts/install-deps

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS)

configure: $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: deps
	$(MAKE) build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)
ifneq ($(SANITIZE),1)
	$(MAKE) fuzz-smoke
endif

demo: deps
	$(MAKE) build
	scripts/demo $(TRIGON) $(DEMO_DB)

clean:
	rm -rf build build-asan $(FUZZ_BUILD_DIR)

$(FUZZ_BUILD_DIR)/build.ninja:
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD_DIR) -G Ninja \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTRIGON_BUILD_FUZZERS=ON \
	  -DTRIGON_BUILD_TESTS=OFF -DTRIGON_BUILD_BENCH=OFF \
	  "-DCMAKE_C_FLAGS=$(FUZZ_FLAGS)" "-DCMAKE_CXX_FLAGS=$(FUZZ_FLAGS)"

fuzz-build: deps $(FUZZ_BUILD_DIR)/build.ninja
	cmake --build $(FUZZ_BUILD_DIR) --target fuzzers -j $(JOBS)

fuzz-smoke: fuzz-build
	FUZZ_FRESH=1 fuzz/run_fuzzers.sh $(FUZZ_BUILD_DIR) $(FUZZ_SMOKE_SECONDS)

fuzz: fuzz-build
	fuzz/run_fuzzers.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)
