#!/usr/bin/env bash
# Compares `charter serve` with nginx serving the `charter build` copy of the
# same site, on this machine, over loopback. See docs/performance.md.
#
#   scripts/bench.sh                    # full run, about 10 minutes
#   ROUNDS=1 DURATION=3 scripts/bench.sh   # quick look, not for the record
#
# Settings (environment): ROUNDS (3), DURATION seconds per wrk run (10),
# CONNECTIONS (64), THREADS for wrk (number of cores), SERVICES in the
# generated charter (1000), STARTS of the server timed per charter (3),
# LOG_COST=0 to skip the info-level logging comparison.
#
# Needs nginx, its brotli static module and wrk (Debian: apt-get install -y
# nginx libnginx-mod-http-brotli-static wrk curl). Every request goes to
# 127.0.0.1; every load is bounded by DURATION.
set -euo pipefail

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
CORES=$(nproc)
THREADS=${THREADS:-$CORES}
SERVICES=${SERVICES:-1000}
STARTS=${STARTS:-3}
LOG_COST=${LOG_COST:-1}
ENCODING='Accept-Encoding: br, gzip'

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

# shellcheck source=scripts/bench-lib.sh
. "$ROOT/scripts/bench-lib.sh"

echo "== building the release binary and the bench tools"
cargo build --release --quiet --bin charter --example gen_charter --example load_time
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
CHARTER=$TARGET/release/charter
GEN=$TARGET/release/examples/gen_charter
LOAD_TIME=$TARGET/release/examples/load_time

SUMMARY=$WORK/summary
: >"$SUMMARY"

# Benchmarks one charter file: $1 label, $2 charter, $3 service slug.
scenario() {
    local label=$1 file=$2 slug=$3 site=$WORK/$1-site np cp url key startups=() i
    echo
    echo "== $label: $file"
    "$CHARTER" check "$file" >/dev/null 2>&1 || die "$file does not pass charter check"
    "$CHARTER" build --charter "$file" --out "$site" >/dev/null
    np=$(free_port)
    cp=$(free_port)
    start_nginx "$site" "$np" "nginx-$label"
    local nginx_pid=$NGINX_PID nginx_pids=$NGINX_PIDS

    # Load-and-render: process start to the first 200 on /healthz, the
    # median of a few starts; the last start stays up for the load, which
    # begins once every page has its smallest copies.
    local finished=() loads=()
    for ((i = 1; i <= STARTS; i++)); do
        start_charter "$file" "$cp" warn
        startups+=("$STARTUP_MS")
        finished+=("$FINISHED_MS")
        loads+=("$LOAD_MS")
        ((i == STARTS)) || stop "$CHARTER_PID"
    done
    local startup finish load_ms rss_idle inproc
    startup=$(median "${startups[@]}")
    load_ms=$(median "${loads[@]}")
    finish=$(median "${finished[@]}")
    rss_idle=$(kib_of "$CHARTER_PID" VmRSS)
    inproc=$("$LOAD_TIME" "$file" "$STARTS")
    echo "   start to first /healthz: ${startups[*]} ms (median $startup ms); load_ms in /healthz: ${loads[*]}"
    echo "   start to every page at brotli 11 / gzip 9: ${finished[*]} ms (median $finish ms)"
    echo "   in-process: $inproc"

    local paths=(/bn/ /bn/services "/bn/services/$slug")
    for url in "${paths[@]}"; do
        same_bytes "$np" "$cp" "$url"
    done
    # Warm both up (page cache, connection setup, lazy statics).
    wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -H "$ENCODING" "http://127.0.0.1:$np/bn/" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -H "$ENCODING" "http://127.0.0.1:$cp/bn/" >/dev/null

    for ((i = 1; i <= ROUNDS; i++)); do
        echo "-- round $i of $ROUNDS"
        for url in "${paths[@]}"; do
            # shellcheck disable=SC2086 # a list of pids
            load "http://127.0.0.1:$np$url" "nginx:$label:$url" $nginx_pids
            load "http://127.0.0.1:$cp$url" "charter:$label:$url" "$CHARTER_PID"
        done
    done
    local rss_peak
    rss_peak=$(kib_of "$CHARTER_PID" VmHWM)
    echo "   charter RSS once compressed $((rss_idle / 1024)) MiB, peak after the load $((rss_peak / 1024)) MiB"

    {
        echo "### $label ($file)"
        [[ $slug == ict-training ]] || echo "(service page: /bn/services/$slug)"
        printf '%-26s %8s %8s %5s | %7s %7s | %7s %7s %5s | %6s %6s %5s\n' \
            page "nginx/s" "chartr/s" ratio "p50 ng" "p50 ch" "p99 ng" "p99 ch" ratio "us ng" "us ch" ratio
        for url in "${paths[@]}"; do
            local n="nginx:$label:$url" c="charter:$label:$url" shown=$url
            local nr cr n50 c50 n99 c99 nu cu
            nr=$(med "$n" 1) cr=$(med "$c" 1)
            n50=$(med "$n" 2) c50=$(med "$c" 2)
            n99=$(med "$n" 3) c99=$(med "$c" 3)
            nu=$(med "$n" 4) cu=$(med "$c" 4)
            [[ $url == "/bn/services/$slug" ]] && shown="/bn/services/<slug>"
            printf '%-26s %8.0f %8.0f %5s | %7.3f %7.3f | %7.3f %7.3f %5s | %6.1f %6.1f %5s\n' \
                "$shown" "$nr" "$cr" "$(ratio "$cr" "$nr")" "$n50" "$c50" "$n99" "$c99" \
                "$(ratio "$c99" "$n99")" "$nu" "$cu" "$(ratio "$cu" "$nu")"
        done
        echo "charter peak RSS (VmHWM): $((rss_peak / 1024)) MiB; once compressed: $((rss_idle / 1024)) MiB"
        echo "load-and-render, start to first /healthz: $startup ms; as the server counts it (/healthz load_ms): $load_ms ms (medians of $STARTS)"
        echo "start to every page at brotli 11 / gzip 9 (background): $finish ms (median of $STARTS)"
        echo "in-process (load_time example): $inproc"
    } >>"$SUMMARY"

    if [[ $label == bundled && $LOG_COST == 1 ]]; then
        log_cost "$file" "${paths[2]}"
    fi
    stop "$CHARTER_PID"
    stop "$nginx_pid"
}

# The price of one access-log line per request: the same page from a
# server at RUST_LOG=warn and one at RUST_LOG=info (log to a file), A B A B.
log_cost() {
    local file=$1 url=$2 wp=$(free_port) ip=$(free_port) warn_pid info_pid i
    echo "-- access log: RUST_LOG=warn against RUST_LOG=info on $url"
    start_charter "$file" "$wp" warn
    warn_pid=$CHARTER_PID
    start_charter "$file" "$ip" info
    info_pid=$CHARTER_PID
    for ((i = 1; i <= ROUNDS; i++)); do
        load "http://127.0.0.1:$wp$url" "warn:log:$url" "$warn_pid"
        load "http://127.0.0.1:$ip$url" "info:log:$url" "$info_pid"
    done
    local w=warn:log:$url n=info:log:$url
    {
        echo "access log at RUST_LOG=info on $url: $(med "$n" 1) req/s against $(med "$w" 1) at warn" \
            "(ratio $(ratio "$(med "$n" 1)" "$(med "$w" 1)")), p99 $(med "$n" 3) ms against $(med "$w" 3) ms," \
            "CPU $(med "$n" 4) us/request against $(med "$w" 4)"
    } >>"$SUMMARY"
    stop "$warn_pid"
    stop "$info_pid"
}

scenario bundled charter.toml ict-training

GENERATED=$WORK/charter-$SERVICES.toml
"$GEN" "$SERVICES" >"$GENERATED"
SLUG=$(awk -F'"' '/^slug = / { print $2; exit }' "$GENERATED")
scenario "$SERVICES-services" "$GENERATED" "$SLUG"

echo
echo "== summary: $(date -u '+%Y-%m-%d %H:%M UTC'); $CORES cores," \
    "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo);" \
    "nginx $(nginx -v 2>&1 | sed 's/.*\///'); wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s," \
    "median of $ROUNDS rounds; ratios are charter/nginx; us = server CPU microseconds per request"
cat "$SUMMARY"
