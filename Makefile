# The two commands a newcomer needs: `make portal` and `make test`.
BUILD ?= build
JOBS ?= 2
FIREFLY := $(BUILD)/firefly
PREFIX ?= /usr/local
# RelWithDebInfo for developers; CI builds Release (no debug information: a third faster).
BUILD_TYPE ?= RelWithDebInfo
# More cmake arguments for the build folder (CI: -DCMAKE_CXX_FLAGS_RELEASE=-O1).
CMAKE_ARGS ?=

.PHONY: portal test deps configure firefly install deb unit sites e2e a11y sanitize sanitize-build bench fuzz format clean

portal: firefly
	$(FIREFLY) build --site . --out public

deps:
	@scripts/install-deps

configure: deps
	@test -f $(BUILD)/Makefile || cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS) >/dev/null

firefly: configure
	@cmake --build $(BUILD) -j$(JOBS) --target firefly

# Installs bin/firefly and the documentation under $(PREFIX), inside $(DESTDIR) if given.
install: firefly
	@DESTDIR="$(DESTDIR)" cmake --install $(BUILD) --prefix "$(PREFIX)"

# A Debian package (build/firefly_<version>_<arch>.deb), its dependencies found by
# dpkg-shlibdeps; installs to /usr.
deb: firefly
	@cd $(BUILD) && cpack -G DEB >/dev/null && ls -1 $$PWD/firefly_*.deb

test: deps
	@scripts/install-deps --test
	@test -f $(BUILD)/Makefile || cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)
	@scripts/run-tests $(BUILD)

# The test suite with a binary built with AddressSanitizer and UndefinedBehaviorSanitizer,
# without the repeated builds, the benchmark and the output checks; a sanitizer report
# exits 86 and fails the run. Built at -O1 with line tables only (-g1): reports still name
# file and line, the suite runs faster than at -O0, and assertions stay on.
sanitize: sanitize-build
	@ASAN_OPTIONS=exitcode=86:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  FIREFLY_QUICK=1 scripts/run-tests build-asan

# The sanitizer build alone (CI compiles it while `make test` runs).
# SANITIZE_STAGES: the stages instrumented (a ;-list; default every stage), SANITIZE_OPT the
# optimization (CI: "core;config;load;model;mustache" at -O0, which compiles in half the time).
SANITIZE_STAGES ?= core;config;load;model;mustache;render;emit;serve;commands
SANITIZE_OPT ?= -O1
# More cmake arguments for the sanitizer build (CI: -DCMAKE_UNITY_BUILD=ON).
SANITIZE_CMAKE_ARGS ?=
sanitize-build: deps
	@test -f build-asan/Makefile || cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_CXX_FLAGS_DEBUG="$(SANITIZE_OPT) -g1" -DFIREFLY_SANITIZE=ON \
	  -DFIREFLY_SANITIZE_STAGES="$(SANITIZE_STAGES)" $(SANITIZE_CMAKE_ARGS) >/dev/null
	@cmake --build build-asan -j$(JOBS)

bench: firefly
	@bench/run.sh

fuzz:
	@scripts/fuzz.sh

format:
	@clang-format -i $$(git ls-files 'generator/*.cpp' 'generator/*.h' 'tests/*.cpp')

clean:
	rm -rf $(BUILD) build-asan build-fuzz public
