#!/usr/bin/env bash
# Every office from one server, measured: a folder of generated offices
# served by `charter serve`, against nginx serving the `charter build` copy
# of the same folder, on this machine, over loopback. See "Every office
# from one server" in docs/performance.md.
#
#   scripts/bench-offices.sh                         # 600 offices, about 20 minutes
#   OFFICES=50 ROUNDS=1 DURATION=3 scripts/bench-offices.sh   # a quick look
#
# Settings (environment): OFFICES (600), ROUNDS (3), DURATION seconds per
# wrk run (10), CONNECTIONS (64), THREADS for wrk (number of cores),
# COMPRESS_WITHIN seconds the background compression may take (1800).
#
# It reports: start to serving every office; the time until every page
# has its smallest copies and the resident memory then, per office; one
# office's reload with every office loaded and with that office alone
# (examples/reload_time); a cross-office search's server time
# (examples/directory_search_time); and throughput, latency and CPU per
# request of one office's pages against nginx.
#
# Needs what scripts/bench.sh needs.
set -euo pipefail

OFFICES=${OFFICES:-600}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
CORES=$(nproc)
THREADS=${THREADS:-$CORES}
COMPRESS_WITHIN=${COMPRESS_WITHIN:-1800}
ENCODING='Accept-Encoding: br, gzip'

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

# shellcheck source=scripts/bench-lib.sh
. "$ROOT/scripts/bench-lib.sh"

echo "== building the release binary and the bench tools"
cargo build --release --quiet --bin charter --example gen_charter --example reload_time \
    --example directory_search_time
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
CHARTER=$TARGET/release/charter
EXAMPLES=$TARGET/release/examples

FOLDER=$WORK/offices
SITE=$WORK/site
"$EXAMPLES/gen_charter" --offices "$OFFICES" "$FOLDER"
echo "== $OFFICES offices in $FOLDER ($(du -sh "$FOLDER" | cut -f1))"
"$CHARTER" offices init "$FOLDER" --base-url https://offices.example.gov.bd >/dev/null ||
    die "the generated folder's offices could not all be registered"
"$CHARTER" check "$FOLDER" --base-url https://offices.example.gov.bd >/dev/null ||
    die "the generated folder does not pass charter check"
t0=$(now_ns)
"$CHARTER" build --charter "$FOLDER" --out "$SITE" --base-url https://offices.example.gov.bd >/dev/null
BUILD_S=$(awk -v n=$(($(now_ns) - t0)) 'BEGIN { printf "%.0f", n / 1e9 }')
echo "   charter build of the folder: $BUILD_S s"

FIRST=$(find "$FOLDER" -name '*.toml' | sort | head -n1)
HOST=$(awk -F'"' '/^website = / { print $2; exit }' "$FIRST")
SLUG=$(awk -F'"' '/^slug = / { print $2; exit }' "$FIRST")

np=$(free_port)
cp=$(free_port)
start_nginx "$SITE" "$np" nginx "$SITE/\$host"
nginx_pid=$NGINX_PID
nginx_pids=$NGINX_PIDS

# The directory answers /healthz for any host that is not an office's.
HOST=localhost start_charter "$FOLDER" "$cp" warn
START_MS=$STARTUP_MS
COMPRESSED_MS=$FINISHED_MS
RSS=$(kib_of "$CHARTER_PID" VmRSS)
echo "   start to serving all $OFFICES offices: $START_MS ms"
echo "   start to every page with its smallest copies: $COMPRESSED_MS ms"
echo "   RSS then: $((RSS / 1024)) MiB, $((RSS / OFFICES)) KiB per office"

echo "== one office's reload (in-process)"
RELOAD=$("$EXAMPLES/reload_time" "$FOLDER" 10)
echo "$RELOAD" | sed 's/^/   /'
echo "== the cross-office search (in-process)"
SEARCH=$("$EXAMPLES/directory_search_time" "$FOLDER")
echo "$SEARCH" | sed 's/^/   /'

paths=(/bn/ /bn/services "/bn/services/$SLUG")
for url in "${paths[@]}"; do
    same_bytes "$np" "$cp" "$url"
done
wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -H "$ENCODING" -H "Host: $HOST" "http://127.0.0.1:$np/bn/" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -H "$ENCODING" -H "Host: $HOST" "http://127.0.0.1:$cp/bn/" >/dev/null
for ((i = 1; i <= ROUNDS; i++)); do
    echo "-- round $i of $ROUNDS ($HOST)"
    for url in "${paths[@]}"; do
        # shellcheck disable=SC2086 # a list of pids
        load "http://127.0.0.1:$np$url" "nginx:$url" $nginx_pids
        load "http://127.0.0.1:$cp$url" "charter:$url" "$CHARTER_PID"
    done
done
PEAK=$(kib_of "$CHARTER_PID" VmHWM)

echo
echo "== summary: $(date -u '+%Y-%m-%d %H:%M UTC'); $CORES cores," \
    "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo);" \
    "nginx $(nginx -v 2>&1 | sed 's/.*\///'); wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s," \
    "median of $ROUNDS rounds; ratios are charter/nginx; us = server CPU microseconds per request"
echo "$OFFICES offices ($(du -sh "$FOLDER" | cut -f1) of charters); static build of the folder $BUILD_S s"
echo "start to serving every office: $START_MS ms; to every page at its smallest: $COMPRESSED_MS ms"
echo "RSS once compressed: $((RSS / 1024)) MiB ($((RSS / OFFICES)) KiB per office); peak after the load $((PEAK / 1024)) MiB"
echo "reload of one office, all offices loaded and alone: $(tr '\n' ' ' <<<"$RELOAD")"
echo "cross-office search: $(head -n1 <<<"$SEARCH"); $(tail -n1 <<<"$SEARCH")"
printf '%-26s %8s %8s %5s | %7s %7s | %7s %7s %5s | %6s %6s %5s\n' \
    page "nginx/s" "chartr/s" ratio "p50 ng" "p50 ch" "p99 ng" "p99 ch" ratio "us ng" "us ch" ratio
for url in "${paths[@]}"; do
    n="nginx:$url" c="charter:$url" shown=$url
    nr=$(med "$n" 1) cr=$(med "$c" 1)
    n50=$(med "$n" 2) c50=$(med "$c" 2)
    n99=$(med "$n" 3) c99=$(med "$c" 3)
    nu=$(med "$n" 4) cu=$(med "$c" 4)
    [[ $url == "/bn/services/$SLUG" ]] && shown="/bn/services/<slug>"
    printf '%-26s %8.0f %8.0f %5s | %7.3f %7.3f | %7.3f %7.3f %5s | %6.1f %6.1f %5s\n' \
        "$shown" "$nr" "$cr" "$(ratio "$cr" "$nr")" "$n50" "$c50" "$n99" "$c99" \
        "$(ratio "$c99" "$n99")" "$nu" "$cu" "$(ratio "$cu" "$nu")"
done
stop "$CHARTER_PID"
stop "$nginx_pid"
