# bulletin: `make site` builds the tool and writes Site/ from Content/; `make test` runs the whole test suite.
SWIFT ?= swift
CONFIG ?= debug
BIN = .build/$(CONFIG)/bulletin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8000

.PHONY: site test check preview release deps clean screenshots

site: deps
	$(SWIFT) build -c $(CONFIG) --product bulletin
	$(BIN) build --content Content --templates Templates --output Site

test: deps
	$(SWIFT) test --skip PreviewServerTests
	@# The preview server answers on Swift's concurrency pool (two threads on two cores), which the long synchronous
	@# builds of the other tests hold for tens of seconds at a time: its test runs on its own.
	$(SWIFT) test --skip-build --filter PreviewServerTests

# Each kind of page at 1280 px and 390 px, light and dark, and a section printed to PDF, into screenshots/ (not committed).
screenshots: site
	python3 .ci/screenshots.py Site screenshots

check: deps
	$(SWIFT) build -c $(CONFIG) --product bulletin
	$(BIN) check --content Content --templates Templates

preview: deps
	$(SWIFT) build -c $(CONFIG) --product bulletin
	$(BIN) serve --content Content --templates Templates --output Site --port $(PORT)

# An optimised build with the Swift libraries linked in: .build-static/release/bulletin, one file to copy to a
# server or CI image (it needs libcmark-gfm and libtcmalloc-minimal4). The benchmarks measure this build.
# It allocates with tcmalloc (Debian's libgoogle-perftools-dev), installed here when missing: a build makes and
# frees millions of small strings and arrays on every core, which glibc's allocator does about 12 % slower. Where
# tcmalloc cannot be had, the build uses glibc's allocator.
release: deps
	@if ! pkg-config --exists libtcmalloc_minimal 2>/dev/null; then \
		echo "installing libgoogle-perftools-dev (tcmalloc) with: $(SUDO) apt-get install"; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libgoogle-perftools-dev >/dev/null || \
		echo "tcmalloc is not available: building with glibc's allocator"; \
	fi
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-static --product bulletin \
		$$(pkg-config --exists libtcmalloc_minimal 2>/dev/null && echo -Xlinker -ltcmalloc_minimal)

# The Markdown engine is Debian's cmark-gfm; the extensions package carries the GFM tables, autolinks and more.
deps:
	@if [ ! -f /usr/include/cmark-gfm-core-extensions.h ] || ! pkg-config --exists libcmark-gfm 2>/dev/null; then \
		echo "installing libcmark-gfm-dev, libcmark-gfm-extensions-dev and pkg-config"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config; \
	fi

clean:
	rm -rf .build .build-static Site
