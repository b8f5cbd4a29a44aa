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
DEMO_DB ?= $(BUILD_DIR)/demo.db
TRIGON := $(BUILD_DIR)/trigon

.PHONY: all build deps configure test demo clean

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

demo: deps
	$(MAKE) build
	scripts/demo $(TRIGON) $(DEMO_DB)

clean:
	rm -rf build build-asan
