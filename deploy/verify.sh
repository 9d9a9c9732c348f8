#!/usr/bin/env bash
# Checks the deployment files on this machine, without installing them:
# the systemd unit with `systemd-analyze verify`, the certbot deploy hook
# and the editors' profile script with `sh -n`, both nginx sites with
# `nginx -t` under a temporary prefix (deploy/nginx.conf with a throw-away
# self-signed certificate), and then each in front of a running `charter`
# on loopback ports: the first-pass site answers the ACME challenge and
# passes pages through over plain HTTP without HSTS; the full site still
# answers the ACME challenge over HTTP (renewals need it), redirects the
# rest to HTTPS, sends HSTS once, and passes the app's compression and
# ETags through untouched. The Caddyfile is checked with `caddy validate`
# where Caddy is installed. Runs as root or not, with or without systemd
# running; says which step failed.
#
# Usage: deploy/verify.sh [path/to/charter]
#   default: ${CARGO_TARGET_DIR:-target}/release/charter, as `cargo build
#   --release` leaves it. Needs nginx, openssl, curl, systemd
#   (systemd-analyze) and python3.
set -euo pipefail

step=setup
step() {
    step=$1
    printf '==> %s\n' "$step"
}
fail() { echo "FAILED: $*" >&2; exit 1; }

tmp=
pids=()
cleanup() {
    local status=$?
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [[ -n $tmp ]]; then
        for pidfile in "$tmp"/*/nginx.pid; do
            if [[ -f $pidfile ]]; then kill "$(cat "$pidfile")" 2>/dev/null || true; fi
        done
        rm -rf "$tmp"
    fi
    if ((status != 0)); then
        printf '\nverify FAILED in step: %s (exit status %d)\n' "$step" "$status" >&2
    fi
}
trap cleanup EXIT

step "find the charter binary"
# Relative paths (the argument, CARGO_TARGET_DIR) are taken from where the
# script was started, as cargo takes CARGO_TARGET_DIR.
repo=$(cd "$(dirname "$0")/.." && pwd)
if (($# > 0)); then
    binary=$(realpath -m -- "$1")
elif [[ -n ${CARGO_TARGET_DIR:-} ]]; then
    binary=$(realpath -m -- "$CARGO_TARGET_DIR/release/charter")
else
    binary=$repo/target/release/charter
fi
[[ -f $binary && -x $binary ]] ||
    fail "no charter binary at $binary: run \`cargo build --release\` (with the same CARGO_TARGET_DIR) or give its path"
echo "$binary"
cd "$repo"

step "find nginx, openssl, curl, systemd-analyze and python3"
# nginx lives in /usr/sbin, which is not on an ordinary user's PATH.
PATH=$PATH:/usr/sbin:/sbin
absent=()
for tool in nginx openssl curl systemd-analyze python3; do
    command -v "$tool" >/dev/null || absent+=("$tool")
done
((${#absent[@]} == 0)) ||
    fail "not installed: ${absent[*]} (apt-get install nginx openssl curl systemd python3)"
nginx -v 2>&1

tmp=$(mktemp -d)
# Run as root, nginx's workers run as nobody and must reach the webroot.
chmod 0755 "$tmp"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
app_port=$(free_port)
first_port=$(free_port)
http_port=$(free_port)
https_port=$(free_port)
host=doict.haluaghat.mymensingh.gov.bd

step "systemd-analyze verify deploy/charter.service"
sed "s|^ExecStart=/usr/local/bin/charter|ExecStart=$binary|" deploy/charter.service > "$tmp/charter.service"
# It exits 0 on keys it cannot parse and only warns: any line about the
# unit fails the step.
systemd-analyze verify "$tmp/charter.service" >"$tmp/analyze.log" 2>&1 ||
    fail "systemd-analyze verify: $(cat "$tmp/analyze.log")"
sed -i "s|$tmp/charter.service|deploy/charter.service|" "$tmp/analyze.log"
if grep 'charter\.service' "$tmp/analyze.log" >&2; then
    fail "systemd-analyze verify finds fault with deploy/charter.service (above)"
fi

step "sh -n deploy/reload-nginx (the certbot deploy hook)"
sh -n deploy/reload-nginx
head -1 deploy/reload-nginx | grep -qx '#!/bin/sh' || fail "deploy/reload-nginx does not start with #!/bin/sh"

step "sh -n deploy/charter-profile.sh (the editors' settings)"
sh -n deploy/charter-profile.sh
grep -qx 'export CHARTER_FILE=/srv/charter/charter.toml' deploy/charter-profile.sh &&
    grep -qx 'Environment=CHARTER_FILE=/srv/charter/charter.toml' deploy/charter.service ||
    fail "deploy/charter-profile.sh and deploy/charter.service name different charter files"
( . deploy/charter-profile.sh && [[ $CHARTER_STATE_DIR == /var/lib/charter ]] ) ||
    fail "deploy/charter-profile.sh does not set CHARTER_STATE_DIR=/var/lib/charter"

# An nginx of its own for one site: its prefix, main configuration, logs
# and pid file under $tmp/NAME, the site rewritten by the sed arguments.
nginx_site() {
    local name=$1 site=$2
    shift 2
    mkdir -p "$tmp/$name"
    sed "$@" "$site" > "$tmp/$name/site.conf"
    # Never let a test bind the real ports or use the real paths.
    if grep -nE 'listen +(\[::\]:)?(80|443)\b|127\.0\.0\.1:3000|/etc/letsencrypt|/var/www' "$tmp/$name/site.conf"; then
        fail "$site: the lines above were not rewritten for the test"
    fi
    cat > "$tmp/$name/nginx.conf" <<CONF
pid $tmp/$name/nginx.pid;
error_log $tmp/$name/error.log;
events {}
http {
    access_log $tmp/$name/access.log;
    client_body_temp_path $tmp/$name/body;
    proxy_temp_path $tmp/$name/proxy;
    fastcgi_temp_path $tmp/$name/fastcgi;
    uwsgi_temp_path $tmp/$name/uwsgi;
    scgi_temp_path $tmp/$name/scgi;
    include $tmp/$name/site.conf;
}
CONF
    nginx -t -q -p "$tmp/$name" -e "$tmp/$name/error.log" -c "$tmp/$name/nginx.conf" ||
        fail "nginx -t on $site: $(cat "$tmp/$name/error.log")"
}
start_nginx() {
    nginx -p "$tmp/$1" -e "$tmp/$1/error.log" -c "$tmp/$1/nginx.conf" ||
        fail "nginx did not start with $1: $(cat "$tmp/$1/error.log")"
}

step "nginx -t deploy/nginx-http-only.conf"
nginx_site first deploy/nginx-http-only.conf \
    -e "s|listen 80;|listen 127.0.0.1:$first_port;|" \
    -e '/listen \[::\]/d' \
    -e "s|/var/www/letsencrypt|$tmp/acme|" \
    -e "s|127\.0\.0\.1:3000|127.0.0.1:$app_port|"

step "nginx -t deploy/nginx.conf with a self-signed certificate"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=$host" \
    -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>/dev/null
nginx_site full deploy/nginx.conf -E \
    -e "s|/etc/letsencrypt/live/$host/fullchain.pem|$tmp/cert.pem|" \
    -e "s|/etc/letsencrypt/live/$host/privkey.pem|$tmp/key.pem|" \
    -e "s|/var/www/letsencrypt|$tmp/acme|" \
    -e "s|listen 80;|listen 127.0.0.1:$http_port;|" \
    -e "s/listen 443 ssl( http2)?;/listen 127.0.0.1:$https_port ssl\1;/" \
    -e '/listen \[::\]/d' \
    -e "s|127\.0\.0\.1:3000|127.0.0.1:$app_port|"

if command -v caddy >/dev/null; then
    step "caddy validate deploy/Caddyfile"
    HOME=$tmp XDG_DATA_HOME=$tmp XDG_CONFIG_HOME=$tmp \
        caddy validate --adapter caddyfile --config deploy/Caddyfile >"$tmp/caddy.log" 2>&1 ||
        fail "Caddyfile: $(cat "$tmp/caddy.log")"
fi

step "start charter on 127.0.0.1:$app_port"
CHARTER_ADDR=127.0.0.1:$app_port CHARTER_FILE=charter.toml CHARTER_HTTPS=1 CHARTER_TRUSTED_PROXY=127.0.0.1,::1 \
    "$binary" serve --no-watch 2>"$tmp/charter.log" &
pids+=($!)
for _ in $(seq 600); do
    curl -fs "http://127.0.0.1:$app_port/healthz" >/dev/null && break
    sleep 0.1
done
curl -fs "http://127.0.0.1:$app_port/healthz" >/dev/null || fail "charter did not start: $(cat "$tmp/charter.log")"

# What certbot's webroot plugin writes and Let's Encrypt then fetches.
mkdir -p "$tmp/acme/.well-known/acme-challenge"
echo verify-token-content > "$tmp/acme/.well-known/acme-challenge/verify-token"
chmod -R a+rX "$tmp/acme"
acme() { curl -fsS -H "Host: $host" "http://127.0.0.1:$1/.well-known/acme-challenge/verify-token"; }

step "deploy/nginx-http-only.conf: the ACME challenge and the pages over HTTP"
start_nginx first
[[ $(acme "$first_port") == verify-token-content ]] || fail "ACME challenge not served from the webroot"
plain=$(curl -s -o /dev/null -D - -H "Host: $host" "http://127.0.0.1:$first_port/bn/")
grep -q "^HTTP/1.1 200" <<<"$plain" || fail "page not passed to the app: $plain"
! grep -qi '^strict-transport-security:' <<<"$plain" || fail "HSTS over plain HTTP: $plain"
! grep -qi '^server: nginx/' <<<"$plain" || fail "nginx shows its version: $plain"

step "deploy/nginx.conf: the ACME challenge over HTTP, the rest redirected to HTTPS"
start_nginx full
[[ $(acme "$http_port") == verify-token-content ]] || fail "ACME challenge not served over HTTP: renewals would fail"
redirect=$(curl -s -o /dev/null -D - -H "Host: $host" "http://127.0.0.1:$http_port/bn/services")
grep -q "^HTTP/1.1 301" <<<"$redirect" || fail "no redirect to HTTPS: $redirect"
grep -qi "^location: https://$host/bn/services" <<<"$redirect" || fail "redirect elsewhere: $redirect"

step "deploy/nginx.conf: a page over HTTPS (HTTP/2, HSTS once, the app's brotli and ETag)"
https=(curl -sk --resolve "$host:$https_port:127.0.0.1" -o /dev/null -D -)
page=$("${https[@]}" -H 'Accept-Encoding: br' "https://$host:$https_port/bn/")
grep -q "^HTTP/2 200" <<<"$page" || fail "page not served over HTTPS: $page"
[[ $(grep -ci '^strict-transport-security: max-age=31536000' <<<"$page") == 1 ]] || fail "not one HSTS header: $page"
grep -qi '^content-encoding: br' <<<"$page" || fail "the app's brotli did not come through: $page"
grep -qi '^etag: "' <<<"$page" || fail "strong ETag lost: $page"
grep -qi "^content-security-policy: default-src 'none'" <<<"$page" || fail "no CSP: $page"
! grep -qi '^server: nginx/' <<<"$page" || fail "nginx shows its version: $page"

step "deploy/nginx.conf: the 404 page over HTTPS"
missing=$("${https[@]}" "https://$host:$https_port/bn/no-such-page")
grep -q "^HTTP/2 404" <<<"$missing" || fail "no 404 page: $missing"
[[ $(grep -ci '^strict-transport-security:' <<<"$missing") == 1 ]] || fail "not one HSTS header on a 404: $missing"

step "deploy/nginx.conf: /healthz passed on, and slowed down for one client asking over and over"
health=$("${https[@]}" "https://$host:$https_port/healthz")
grep -q "^HTTP/2 200" <<<"$health" || fail "/healthz not passed on: $health"
statuses=$(for _ in $(seq 20); do
    curl -sk --resolve "$host:$https_port:127.0.0.1" -o /dev/null -w '%{http_code}\n' "https://$host:$https_port/healthz"
done | sort | uniq -c | tr -s ' \n' ' ')
grep -q ' 429' <<<"$statuses" || fail "20 quick /healthz requests were all let through: $statuses"
page=$("${https[@]}" "https://$host:$https_port/bn/")
grep -q "^HTTP/2 200" <<<"$page" || fail "the pages were slowed down with /healthz: $page"

step "deploy/nginx.conf: search slowed down for one client asking over and over, the pages not"
statuses=$(for _ in $(seq 40); do
    curl -sk --resolve "$host:$https_port:127.0.0.1" -o /dev/null -w '%{http_code}\n' "https://$host:$https_port/bn/search?q=ict"
done | sort | uniq -c | tr -s ' \n' ' ')
grep -q ' 200' <<<"$statuses" || fail "no search was answered: $statuses"
grep -q ' 429' <<<"$statuses" || fail "40 quick searches were all let through: $statuses"
page=$("${https[@]}" "https://$host:$https_port/bn/services")
grep -q "^HTTP/2 200" <<<"$page" || fail "the pages were slowed down with search: $page"

step "done"
echo "deploy files OK"
