# What the benchmarks share (sourced by scripts/bench.sh and
# scripts/bench-offices.sh): the tools they need, a work folder removed on
# exit, nginx and charter servers on free loopback ports, wrk loads with
# their latency and CPU per request, medians and ratios.
#
# The sourcing script sets ROOT, CORES, THREADS, CONNECTIONS, DURATION and
# ENCODING first; HOST, when set, is the Host header of every request.

die() {
    echo "bench: $*" >&2
    exit 1
}

for tool in nginx wrk curl cargo awk; do
    command -v "$tool" >/dev/null ||
        die "$tool not found (Debian: apt-get install -y nginx libnginx-mod-http-brotli-static wrk curl)"
done
BROTLI_MODULE=""
for so in /usr/lib/nginx/modules/ngx_http_brotli_static_module.so \
    /usr/share/nginx/modules/ngx_http_brotli_static_module.so; do
    [[ -f $so ]] && BROTLI_MODULE=$so && break
done
if [[ -z $BROTLI_MODULE && -f /usr/share/nginx/modules-available/mod-http-brotli-static.conf ]]; then
    BROTLI_MODULE=$(sed -n 's/^load_module \(.*\);/\1/p' \
        /usr/share/nginx/modules-available/mod-http-brotli-static.conf | head -n1)
    [[ $BROTLI_MODULE == /* ]] || BROTLI_MODULE="/usr/share/nginx/$BROTLI_MODULE"
fi
[[ -n $BROTLI_MODULE && -f $BROTLI_MODULE ]] ||
    die "the nginx brotli static module is missing (apt-get install -y libnginx-mod-http-brotli-static)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/charter-bench.XXXXXX")
# nginx's workers drop root for an unprivileged user, who must read the site.
chmod 755 "$WORK"
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [[ ${KEEP:-0} == 1 ]]; then
        echo "bench: kept $WORK" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A loopback port nobody listens on (bash's /dev/tcp fails to connect).
free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 30000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null &&
            ! grep -q "$port" <<<"${USED_PORTS:-}"; then
            USED_PORTS="${USED_PORTS:-} $port"
            echo "$port"
            return
        fi
    done
}

now_ns() { date +%s%N; }

# Waits (at most 120 s) until http://127.0.0.1:$1$2 answers 200, asking
# every 20 ms: each try starts a curl, which takes CPU from the load.
wait_ok() {
    local deadline=$((SECONDS + 120))
    until [[ $(curl -s -o /dev/null -w '%{http_code}' ${HOST:+-H "Host: $HOST"} "http://127.0.0.1:$1$2" 2>/dev/null) == 200 ]]; do
        ((SECONDS < deadline)) || return 1
        sleep 0.02
    done
}

kib_of() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }

start_nginx() { # site dir, port, name, [root: the site dir itself, or per host]
    local dir=$WORK/$3 root=${4:-$1}
    mkdir -p "$dir/tmp"
    cat >"$dir/nginx.conf" <<EOF
load_module $BROTLI_MODULE;
worker_processes $CORES;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    # As an administrator would tune it: the files' descriptors and
    # sizes kept open rather than looked up and opened for each request.
    open_file_cache max=10000 inactive=60s;
    open_file_cache_valid 60s;
    # Like the charter server, keep a client's connection for the whole run.
    keepalive_requests 1000000;
    client_body_temp_path $dir/tmp/client;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    server {
        listen 127.0.0.1:$2;
        root $root;
        charset utf-8;
        brotli_static on;
        gzip_static on;
        gzip_vary on;
        location / {
            try_files \$uri \$uri.html \$uri/index.html =404;
            add_header Cache-Control "no-cache";
        }
    }
}
EOF
    nginx -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf" &
    PIDS+=($!)
    NGINX_PID=$!
    wait_ok "$2" /bn/ || die "nginx did not start: $(tail -n 5 "$dir/error.log")"
    # The master and its workers, for the CPU they use.
    NGINX_PIDS="$NGINX_PID $(pgrep -P "$NGINX_PID" | tr '\n' ' ')"
}

# Starts `charter serve` on port $2 for charter $1 with RUST_LOG=$3; sets
# CHARTER_PID, STARTUP_MS (process start to the first 200 on /healthz: the
# site is served) and FINISHED_MS (process start to /healthz reporting
# every page's brotli 11 and gzip 9 copies made, in the background).
start_charter() {
    local log=$WORK/charter-$2.log t0 deadline
    t0=$(now_ns)
    # A folder is served with its directory's public address (its
    # offices' are in the registry `charter offices init` wrote).
    local folder=()
    [[ -d $1 ]] && folder=(--base-url "${BASE_URL:-https://offices.example.gov.bd}")
    RUST_LOG=$3 "$CHARTER" serve --no-watch --charter "$1" --addr "127.0.0.1:$2" "${folder[@]}" 2>"$log" &
    CHARTER_PID=$!
    PIDS+=("$CHARTER_PID")
    wait_ok "$2" /healthz || die "charter did not start: $(tail -n 5 "$log")"
    STARTUP_MS=$((($(now_ns) - t0) / 1000000))
    deadline=$((SECONDS + ${COMPRESS_WITHIN:-600}))
    until curl -s "http://127.0.0.1:$2/healthz" | grep -q '"complete":true'; do
        ((SECONDS < deadline)) || die "compression did not finish within ${COMPRESS_WITHIN:-600} s"
        sleep 0.05
    done
    FINISHED_MS=$((($(now_ns) - t0) / 1000000))
    # The server's own count, from reading the file to the last page
    # rendered (the polling above costs the load some CPU).
    LOAD_MS=$(curl -s "http://127.0.0.1:$2/healthz" | sed -n 's/.*"load_ms":\([0-9]*\).*/\1/p')
}

stop() {
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

# Latency as wrk prints it (250.00us, 2.18ms, 1.02s) in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
        printf "%.3f", n
    }'
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# The file that collects the results for key $1.
results() {
    mkdir -p "$WORK/results"
    echo "$WORK/results/$(tr '/:' '__' <<<"$1")"
}

# CPU time (user + system, in clock ticks) used so far by the processes $@.
cpu_ticks() {
    local pid total=0 f
    for pid in "$@"; do
        read -r -a f < <(sed 's/.*) //' "/proc/$pid/stat")
        total=$((total + f[11] + f[12]))
    done
    echo "$total"
}

# One wrk run against the server whose processes are $3...; appends
# "rps p50 p99 cpu_us_per_request" to the results for key $2 and fails on
# any error response or socket error. CPU per request is the steadiest
# figure on a machine that others use too: it hardly depends on how much
# of the CPU the server got.
load() { # url, result key, server pids...
    local url=$1 key=$2 out=$WORK/wrk.out rps p50 p99 requests t0 t1 cpu
    shift 2
    t0=$(cpu_ticks "$@")
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$ENCODING" ${HOST:+-H "Host: $HOST"} "$url" >"$out"
    t1=$(cpu_ticks "$@")
    if grep -q -e 'Non-2xx or 3xx responses' -e 'Socket errors' "$out"; then
        cat "$out" >&2
        die "errors during the load of $url"
    fi
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    requests=$(awk '/ requests in / { print $1 }' "$out")
    [[ -n $rps && -n $p50 && -n $p99 && -n $requests ]] || die "cannot read wrk's output: $(cat "$out")"
    cpu=$(awk -v t=$((t1 - t0)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { printf "%.1f", (n > 0 ? t / hz * 1e6 / n : 0) }')
    echo "$rps $p50 $p99 $cpu" >>"$(results "$key")"
    printf '   %-8s %-28.28s %8.0f req/s  p50 %7.3f ms  p99 %7.3f ms  %6.1f us CPU/req\n' \
        "${key%%:*}" "${url#http://127.0.0.1:*/}" "$rps" "$p50" "$p99" "$cpu"
}

# Column $2 (1 rps, 2 p50, 3 p99, 4 CPU per request) of results $1, median over the rounds.
med() { median $(awk -v c="$2" '{ print $c }' "$(results "$1")"); }

# Both servers must send the same page, as brotli: nginx from the .br files
# of `charter build`, charter from memory. The static copy's pages have a
# link to the list of services where the server's have the search form,
# and no link to the form that reports a mistake (a few bytes each), so
# the pages are compared without those parts.
same_bytes() { # nginx port, charter port, path
    local a b
    curl -s -o /dev/null -H 'Accept-Encoding: br' ${HOST:+-H "Host: $HOST"} -D "$WORK/h1" "http://127.0.0.1:$1$3"
    curl -s -o /dev/null -H 'Accept-Encoding: br' ${HOST:+-H "Host: $HOST"} -D "$WORK/h2" "http://127.0.0.1:$2$3"
    grep -qi '^content-encoding: br' "$WORK/h1" || die "nginx did not send $3 as brotli"
    grep -qi '^content-encoding: br' "$WORK/h2" || die "charter did not send $3 as brotli"
    a=$(curl -s ${HOST:+-H "Host: $HOST"} "http://127.0.0.1:$1$3" | sed '/^<p class="find-service">/d' | sha256sum)
    b=$(curl -s ${HOST:+-H "Host: $HOST"} "http://127.0.0.1:$2$3" | sed -e '/^<form class="search"/,/^<\/form>$/d' -e '/^<p class="feedback-link">/d' | sha256sum)
    [[ $a == "$b" ]] || die "nginx and charter send different pages for $3"
}

