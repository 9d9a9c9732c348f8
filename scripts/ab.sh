#!/usr/bin/env bash
# Compares two running servers on this machine, alternating A B A B so that
# both see the same background load; prints the medians and B/A.
#
#   scripts/ab.sh http://127.0.0.1:3000/bn/ http://127.0.0.1:3001/bn/
#
# ROUNDS (5), DURATION seconds per run (5), CONNECTIONS (64), THREADS
# (number of cores), HOST (a Host header to send: one office of a folder
# of offices). Only loopback URLs are accepted.
set -euo pipefail

[[ $# == 2 ]] || {
    echo "usage: scripts/ab.sh URL_A URL_B" >&2
    exit 2
}
for url in "$@"; do
    [[ $url == http://127.0.0.1:* || $url == http://localhost:* ]] || {
        echo "ab: only loopback URLs: $url" >&2
        exit 2
    }
done
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-5}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-$(nproc)}

out=$(mktemp)
trap 'rm -f "$out"' EXIT
declare -a rps_a rps_b p99_a p99_b
run() { # url -> "rps p99_ms"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
        -H 'Accept-Encoding: br, gzip' ${HOST:+-H "Host: $HOST"} "$1" >"$out"
    if grep -q -e 'Non-2xx or 3xx responses' -e 'Socket errors' "$out"; then
        cat "$out" >&2
        exit 1
    fi
    awk '/^Requests\/sec:/ { rps = $2 }
         $1 == "99%" { v = $2; n = v + 0
                       if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000
                       p99 = n }
         END { printf "%s %.3f\n", rps, p99 }' "$out"
}
for ((i = 1; i <= ROUNDS; i++)); do
    read -r r p < <(run "$1")
    rps_a+=("$r") p99_a+=("$p")
    read -r r p < <(run "$2")
    rps_b+=("$r") p99_b+=("$p")
    printf 'round %d: A %8.0f req/s p99 %7.3f ms | B %8.0f req/s p99 %7.3f ms\n' \
        "$i" "${rps_a[-1]}" "${p99_a[-1]}" "${rps_b[-1]}" "${p99_b[-1]}"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ra=$(median "${rps_a[@]}") rb=$(median "${rps_b[@]}")
pa=$(median "${p99_a[@]}") pb=$(median "${p99_b[@]}")
awk -v ra="$ra" -v rb="$rb" -v pa="$pa" -v pb="$pb" 'BEGIN {
    printf "median: A %.0f req/s p99 %.3f ms | B %.0f req/s p99 %.3f ms | B/A throughput %.2f, p99 %.2f\n",
        ra, pa, rb, pb, rb / ra, pb / pa
}'
