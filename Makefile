# lede — make run opens the demo library, make test runs every test.
SHELL := /bin/bash
SWIFT ?= swift
DEBIAN_PACKAGES := libncurses-dev libsqlite3-dev libxml2-dev tmux pkg-config
RELEASE_FLAGS := -c release

.PHONY: run test bench eval train-ner deps build release clean
BIN = $$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)

## deps: install the Debian packages lede builds against (as root), or say how.
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "lede needs:$$missing"; echo "run: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product lede

## run: build a release binary and open the bundled demo library.
run: release
	$(BIN)/lede demo

## test: unit, screen and end-to-end tests.
test: deps
	$(SWIFT) build
	$(SWIFT) test

## bench: release build, then the benchmark harness; writes BENCHMARKS.md.
bench: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product lede-bench
	$(SWIFT) build $(RELEASE_FLAGS) --product lede
	$(BIN)/lede-bench --write BENCHMARKS.md

## eval: summary quality (must-cover facts, ROUGE, against Lead-3 and TextRank) and
## entity quality (held-out P/R/F1 per kind, corpus expectations), on ../shared/corpus, and web-page
## extraction (shingle F1 against hand-made bodies).
eval: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product lede-eval-summary
	$(SWIFT) build $(RELEASE_FLAGS) --product lede-eval-ner
	$(SWIFT) build $(RELEASE_FLAGS) --product lede-eval-pages
	$(BIN)/lede-eval-summary ../shared/corpus
	$(BIN)/lede-eval-ner
	$(BIN)/lede-eval-pages Tests/LedeCoreTests/Fixtures/pages/layouts

## train-ner: rebuild the recognizer's weights from ../shared/corpus/ner, deterministically.
train-ner: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product lede-train-ner
	$(BIN)/lede-train-ner --epochs 6 --bits 17 --gold-repeat 3

clean:
	rm -rf .build
