#!/bin/sh
# Seeds the fuzz corpora from the charters and the portal text the project
# already has. Run from the repository root; the portal text lives in the
# shared folder beside the repository.
set -eu
seed="${1:-../shared/seed/000_4448d311c23df34e.txt}"
mkdir -p fuzz/corpus/loader fuzz/corpus/import
cp charter.toml fuzz/corpus/loader/charter.toml
cp tests/fixtures/full.toml fuzz/corpus/loader/full.toml
cp "$seed" fuzz/corpus/import/portal.txt
