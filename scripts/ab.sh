#!/usr/bin/env bash
# Compares two running servers on this machine, alternating A B A B so that
# both see the same background load; prints the medians and B/A.
#
#   scripts/ab.sh http://127.0.0.1:3000/bn/ http://127.0.0.1:3001/bn/
#
# ROUNDS (5), DURATION seconds per run (5), CONNECTIONS (64), THREADS
# (number of cores), HOST (a Host header to send: one office of a folder
# of offices). Only loopback URLs are accepted. CPU per request (user +
# system time of the process listening on the URL's port, found with `ss`)
# is the steadiest figure on shared cores.
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
declare -a rps_a rps_b p99_a p99_b cpu_a cpu_b
pid_of() { # url -> the pid listening on its port
    local port=${1#http://*:}
    port=${port%%/*}
    ss -Hltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}
ticks() { # pid -> user + system clock ticks so far
    sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}
run() { # url -> "rps p99_ms cpu_us_per_request"
    local pid t0 t1
    pid=$(pid_of "$1")
    [[ -n $pid ]] || {
        echo "ab: nothing listens for $1" >&2
        exit 1
    }
    t0=$(ticks "$pid")
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
        -H 'Accept-Encoding: br, gzip' ${HOST:+-H "Host: $HOST"} "$1" >"$out"
    t1=$(ticks "$pid")
    if grep -q -e 'Non-2xx or 3xx responses' -e 'Socket errors' "$out"; then
        cat "$out" >&2
        exit 1
    fi
    awk -v t=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" \
        '/requests in/ { n = $1 }
         /^Requests\/sec:/ { rps = $2 }
         $1 == "99%" { v = $2; n = v + 0
                       if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000
                       p99 = n }
         END { printf "%s %.3f %.1f\n", rps, p99, t / hz * 1e6 / n }' "$out"
}
for ((i = 1; i <= ROUNDS; i++)); do
    read -r r p c < <(run "$1")
    rps_a+=("$r") p99_a+=("$p") cpu_a+=("$c")
    read -r r p c < <(run "$2")
    rps_b+=("$r") p99_b+=("$p") cpu_b+=("$c")
    printf 'round %d: A %8.0f req/s p99 %7.3f ms %6.1f us CPU/req | B %8.0f req/s p99 %7.3f ms %6.1f us CPU/req\n' \
        "$i" "${rps_a[-1]}" "${p99_a[-1]}" "${cpu_a[-1]}" "${rps_b[-1]}" "${p99_b[-1]}" "${cpu_b[-1]}"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ra=$(median "${rps_a[@]}") rb=$(median "${rps_b[@]}")
pa=$(median "${p99_a[@]}") pb=$(median "${p99_b[@]}")
ca=$(median "${cpu_a[@]}") cb=$(median "${cpu_b[@]}")
awk -v ra="$ra" -v rb="$rb" -v pa="$pa" -v pb="$pb" -v ca="$ca" -v cb="$cb" 'BEGIN {
    printf "median: A %.0f req/s p99 %.3f ms %.1f us CPU/req | B %.0f req/s p99 %.3f ms %.1f us CPU/req | B/A throughput %.2f, p99 %.2f, CPU per request %.2f\n",
        ra, pa, ca, rb, pb, cb, rb / ra, pb / pa, cb / ca
}'
