#!/usr/bin/env bash
# Searches and pages at once, measured: whether a burst of the costliest
# searches across every office of a folder holds up the stored pages
# every visitor asks for, and how many searches still get through.
#
#   scripts/search-fairness.sh                     # 600 offices, 16 and 64 searching connections
#   CHARTER=/tmp/old/charter scripts/search-fairness.sh   # another build, to compare
#
# It generates a folder of OFFICES (600) offices, serves it, and runs, for
# each number of searching connections in LEVELS ("16 64"), DURATION (10)
# seconds of wrk asking one office's /bn/ on PAGE_CONNECTIONS (4)
# connections while another wrk asks the directory's search on that many,
# with the query of every single letter (found in nearly every text of
# every office: the most work a search can be). It prints the pages' p99
# alone and under each load, the searches answered 200 per second, and
# the share answered otherwise (503, "try again in a second", once the
# search threads and their queue are full). Needs wrk and curl.
set -euo pipefail

OFFICES=${OFFICES:-600}
DURATION=${DURATION:-10}
LEVELS=${LEVELS:-16 64}
PAGE_CONNECTIONS=${PAGE_CONNECTIONS:-4}
CORES=$(nproc)
THREADS=1
CONNECTIONS=$PAGE_CONNECTIONS
ENCODING='Accept-Encoding: br, gzip'

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/bench-lib.sh
. "$ROOT/scripts/bench-lib.sh"

cargo build --release --quiet --bin charter --example gen_charter
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
CHARTER=${CHARTER:-$TARGET/release/charter}
FOLDER=$WORK/offices
"$TARGET/release/examples/gen_charter" --offices "$OFFICES" "$FOLDER" >/dev/null
# A build from before the registry of addresses needs none.
if "$CHARTER" offices --help >/dev/null 2>&1; then
    "$CHARTER" offices init "$FOLDER" --base-url https://offices.example.gov.bd >/dev/null ||
        die "the generated offices could not all be registered"
fi
FIRST=$(find "$FOLDER" -maxdepth 1 -name '*.toml' | sort | head -n1)
OFFICE_HOST=$(awk -F'"' '/^website = / { print $2; exit }' "$FIRST")

port=$(free_port)
COMPRESS_WITHIN=1200 start_charter "$FOLDER" "$port" warn
echo "== $OFFICES offices on 127.0.0.1:$port ($CORES cores), pages of $OFFICE_HOST"

# Every single letter, repeated to the longest query the server reads.
QUERY=$(python3 -c '
import urllib.parse
letters = "া ি ে ্ র ন ক ত স ব ম প য দ ল ও a e i o n r t s c l d u p m g f".split(" ")
q = ""
while len(q) < 2000:
    q += letters[len(q) % len(letters)] + " "
print(urllib.parse.quote(q[:2000]))
')
SEARCH="http://127.0.0.1:$port/bn/search?q=$QUERY"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: 127.0.0.1' "$SEARCH")
[[ $code == 200 ]] || die "the search is answered $code"

# wrk on $2 connections for DURATION s against $1 (Host: $3): prints
# "requests/s p99_ms non-2xx total".
run_wrk() {
    local out
    out=$(wrk -t1 -c"$2" -d"${DURATION}s" --latency -H "$ENCODING" -H "Host: $3" "$1")
    awk '/^Requests\/sec:/ { rps = $2 }
         /Non-2xx or 3xx responses:/ { bad = $5 }
         /requests in/ { total = $1 }
         $1 == "99%" { v = $2; n = v + 0
                       if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000
                       p99 = n }
         END { printf "%s %.2f %d %d\n", rps, p99, bad + 0, total }' <<<"$out"
}

read -r rps p99 _ _ < <(run_wrk "http://127.0.0.1:$port/bn/" "$PAGE_CONNECTIONS" "$OFFICE_HOST")
printf '%-28s pages %8.0f req/s, p99 %7.2f ms\n' "pages alone" "$rps" "$p99"
for n in $LEVELS; do
    run_wrk "$SEARCH" "$n" 127.0.0.1 >"$WORK/search-$n" &
    searching=$!
    sleep 0.5
    read -r rps p99 _ _ < <(run_wrk "http://127.0.0.1:$port/bn/" "$PAGE_CONNECTIONS" "$OFFICE_HOST")
    wait "$searching"
    read -r srps _ bad total <"$WORK/search-$n"
    awk -v n="$n" -v rps="$rps" -v p99="$p99" -v srps="$srps" -v bad="$bad" -v total="$total" \
        -v d="$DURATION" 'BEGIN {
        ok = (total - bad) / d
        printf "%-28s pages %8.0f req/s, p99 %7.2f ms | searches %6.0f answered 200/s, %5.1f%% refused\n",
            n " searching connections", rps, p99, ok, total ? 100 * bad / total : 0
    }'
done
