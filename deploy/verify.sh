#!/usr/bin/env bash
# Checks the deployment files on this machine, without installing them:
# the systemd unit with `systemd-analyze verify`, the nginx site with
# `nginx -t` under a temporary prefix and a throw-away self-signed
# certificate, and then nginx in front of a running `charter` on loopback
# ports: HTTP -> HTTPS redirect, HSTS once, the app's compression passed
# through untouched; and the Caddyfile with `caddy validate` where Caddy
# is installed.
#
# Usage: deploy/verify.sh [path/to/charter]   (default target/release/charter)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-target/release/charter}")
[[ -x $binary ]] || { echo "no charter binary at $binary (cargo build --release)" >&2; exit 2; }

tmp=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    [[ -f $tmp/nginx.pid ]] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT

fail() { echo "FAILED: $*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
app_port=$(free_port)
http_port=$(free_port)
https_port=$(free_port)
host=doict.haluaghat.mymensingh.gov.bd

echo "==> systemd-analyze verify deploy/charter.service"
sed "s|^ExecStart=/usr/local/bin/charter|ExecStart=$binary|" deploy/charter.service > "$tmp/charter.service"
systemd-analyze verify "$tmp/charter.service"

echo "==> nginx -t with a self-signed certificate"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=$host" \
    -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>/dev/null
sed -e "s|/etc/letsencrypt/live/$host/fullchain.pem|$tmp/cert.pem|" \
    -e "s|/etc/letsencrypt/live/$host/privkey.pem|$tmp/key.pem|" \
    -e "s|/var/www/letsencrypt|$tmp/acme|" \
    -e "s|listen 80;|listen 127.0.0.1:$http_port;|" \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$https_port ssl http2;|" \
    -e '/listen \[::\]/d' \
    -e "s|server 127.0.0.1:3000;|server 127.0.0.1:$app_port;|" \
    deploy/nginx.conf > "$tmp/site.conf"
cat > "$tmp/nginx.conf" <<CONF
pid $tmp/nginx.pid;
error_log $tmp/error.log;
events {}
http {
    access_log $tmp/access.log;
    client_body_temp_path $tmp/body;
    proxy_temp_path $tmp/proxy;
    fastcgi_temp_path $tmp/fastcgi;
    uwsgi_temp_path $tmp/uwsgi;
    scgi_temp_path $tmp/scgi;
    include $tmp/site.conf;
}
CONF
nginx -t -p "$tmp" -c "$tmp/nginx.conf"

if command -v caddy >/dev/null; then
    echo "==> caddy validate deploy/Caddyfile"
    HOME=$tmp XDG_DATA_HOME=$tmp XDG_CONFIG_HOME=$tmp \
        caddy validate --adapter caddyfile --config deploy/Caddyfile >"$tmp/caddy.log" 2>&1 ||
        fail "Caddyfile: $(cat "$tmp/caddy.log")"
fi

echo "==> nginx in front of charter on 127.0.0.1"
CHARTER_ADDR=127.0.0.1:$app_port CHARTER_FILE=charter.toml CHARTER_HTTPS=1 \
    "$binary" serve --no-watch 2>"$tmp/charter.log" &
pids+=($!)
nginx -p "$tmp" -c "$tmp/nginx.conf"
for _ in $(seq 600); do
    curl -fs "http://127.0.0.1:$app_port/healthz" >/dev/null && break
    sleep 0.1
done
curl -fs "http://127.0.0.1:$app_port/healthz" >/dev/null || fail "charter did not start: $(cat "$tmp/charter.log")"
https=(curl -sk --resolve "$host:$https_port:127.0.0.1" -o /dev/null -D -)

redirect=$(curl -s -o /dev/null -D - -H "Host: $host" "http://127.0.0.1:$http_port/bn/services")
grep -q "^HTTP/1.1 301" <<<"$redirect" || fail "no redirect to HTTPS: $redirect"
grep -qi "^location: https://$host/bn/services" <<<"$redirect" || fail "redirect elsewhere: $redirect"

page=$("${https[@]}" -H 'Accept-Encoding: br' "https://$host:$https_port/bn/")
grep -q "^HTTP/2 200" <<<"$page" || fail "page not served over HTTPS: $page"
[[ $(grep -ci '^strict-transport-security: max-age=31536000' <<<"$page") == 1 ]] || fail "not one HSTS header: $page"
grep -qi '^content-encoding: br' <<<"$page" || fail "the app's brotli did not come through: $page"
grep -qi '^etag: "' <<<"$page" || fail "strong ETag lost: $page"
grep -qi "^content-security-policy: default-src 'none'" <<<"$page" || fail "no CSP: $page"
! grep -qi '^server: nginx/' <<<"$page" || fail "nginx shows its version: $page"

missing=$("${https[@]}" "https://$host:$https_port/bn/no-such-page")
grep -q "^HTTP/2 404" <<<"$missing" || fail "no 404 page: $missing"
[[ $(grep -ci '^strict-transport-security:' <<<"$missing") == 1 ]] || fail "not one HSTS header on a 404: $missing"

echo "deploy files OK"
