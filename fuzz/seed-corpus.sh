#!/bin/sh
# Seeds the fuzz corpora from the charters and the portal text the project
# already has. Run from the repository root.
set -eu
seed="${1:-tests/fixtures/portal.txt}"
mkdir -p fuzz/corpus/loader fuzz/corpus/import
cp charter.toml fuzz/corpus/loader/charter.toml
cp tests/fixtures/full.toml fuzz/corpus/loader/full.toml
cp "$seed" fuzz/corpus/import/portal.txt
# The head target: the first byte is the size of the pieces the rest
# arrives in.
mkdir -p fuzz/corpus/head
printf 'AGET /bn/ HTTP/1.1\r\nHost: x\r\n\r\nGET /en/ HTTP/1.1\r\n\r\n' > fuzz/corpus/head/get
printf '\003POST /en/ HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc' > fuzz/corpus/head/post
printf '\007GET /bn/ HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n' > fuzz/corpus/head/chunked
