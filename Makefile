# Warden: the two commands a user needs, and a few for developers.
#   make run   build the an505-sfn configuration's product image and boot
#              it with the NS demo on QEMU (S=<secure.elf> NS=<ns.elf>
#              boot those instead)
#   make test  every test layer; ends with "N passed, N failed"
#              (tests/run_all.py --layer <name> runs one, docs/testing.md)
#   make bench build, run and report every configuration of
#              bench/configurations.txt (writes build/bench/results.*;
#              WRITE=1 updates the committed bench/results.* instead,
#              and the docs' tables written from them, tools/docs_figures.py)
#   make fuzz  long fuzzer runs, one harness at a time (10 million
#              executions for the NS entry points, 1 million for the
#              others; tests/fuzz/fuzzers.py), printing each one's count
#   make graph the product image's partitions (the user's, no test
#              partition), their callers and isolation boundaries as a
#              Graphviz diagram (PRESET=host by default); TESTS=1 also
#              lists the test images' diagrams
# Both install what is missing first (Debian packages, tools/setup.sh).

SHELL := /bin/bash
MAKEFLAGS += --no-print-directory
PYTHON = $(shell tools/find_python.sh)
JOBS ?= $(shell nproc)
PRESET ?= host

.PHONY: all run test bench fuzz graph setup host an505-sfn format format-check cppcheck clean

all: host an505-sfn

setup:
	@tools/setup.sh

host: setup
	@cmake --preset host -DWARDEN_PYTHON=$(PYTHON) >/dev/null
	@cmake --build build/host -j$(JOBS)

an505-sfn: setup
	@cmake --preset an505-sfn -DWARDEN_PYTHON=$(PYTHON) >/dev/null
	@cmake --build build/an505-sfn -j$(JOBS)

# The product image and the demo only (a build configured by make test
# has the test images too; they are not needed here). S and NS boot any
# secure image with any NS image instead, e.g. an NS application built
# outside the tree against build/an505-sfn/api_ns (docs/ns-application.md):
#   make run NS=path/to/ns_app.elf [S=path/to/secure.elf]
S ?= build/an505-sfn/bin/warden_s.elf
NS ?= build/an505-sfn/bin/warden_ns_demo.elf
run: setup
	@cmake --preset an505-sfn -DWARDEN_PYTHON=$(PYTHON) >/dev/null
	@cmake --build build/an505-sfn -j$(JOBS) --target warden_s warden_ns_demo
	@$(PYTHON) tools/qemu_run.py --timeout 120 --secure $(S) --ns $(NS)

test: setup
	@$(PYTHON) tests/run_all.py --python $(PYTHON) --jobs $(JOBS)

# The results go to the build folder; WRITE=1 updates the committed ones,
# which make test's bench layer compares against.
WRITE ?=
BENCH_OUT = $(if $(filter-out 0,$(WRITE)),bench,build/bench)
bench: setup
	@$(PYTHON) tools/bench/bench.py --write --out $(BENCH_OUT) --python $(PYTHON) --jobs $(JOBS)
	@$(if $(filter-out 0,$(WRITE)),$(PYTHON) tools/docs_figures.py,true)

fuzz: setup
	@$(PYTHON) tests/fuzz/fuzzers.py --long --python $(PYTHON) --jobs $(JOBS)

# The manifest tool draws it at configure time, one per secure image (the
# product image warden_s, and warden_s_test with TEST_S): SVG with Graphviz
# (Debian package graphviz), the .dot file otherwise. The product image's
# alone by default: the test images add the test partitions.
TESTS ?=
GRAPH_IMAGES = $(if $(filter-out 0,$(TESTS)),warden_s*,warden_s)
graph: setup
	@cmake --preset $(PRESET) -DWARDEN_PYTHON=$(PYTHON) >/dev/null
	@for d in $(addprefix build/$(PRESET)/generated/,$(GRAPH_IMAGES)); do \
	  if [ -f $$d/partitions.svg ]; then \
	    echo "graph: $$d/partitions.svg"; \
	  else \
	    echo "graph: $$d/partitions.dot (install graphviz for SVG)"; \
	  fi; \
	done

format:
	@git ls-files '*.c' '*.h' ':!tests/manifest/golden' | xargs clang-format -i

format-check: setup
	@git ls-files '*.c' '*.h' ':!tests/manifest/golden' | xargs clang-format --dry-run --Werror

clean:
	rm -rf build
