#!/bin/sh
# Seeds the fuzz corpora from the charters and the portal text the project
# already has. Run from the repository root.
set -eu
seed="${1:-tests/fixtures/portal.txt}"
mkdir -p fuzz/corpus/loader fuzz/corpus/import
cp charter.toml fuzz/corpus/loader/charter.toml
cp tests/fixtures/full.toml fuzz/corpus/loader/full.toml
cp "$seed" fuzz/corpus/import/portal.txt
