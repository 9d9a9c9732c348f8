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
# where Caddy is installed. Then the commands of docs/administrator.md that
# can run anywhere, each taken from the guide (the block after a
# `<!-- verify.sh: NAME -->` line), with its paths moved under a temporary
# folder and sudo, certbot, nginx, systemctl and curl standing aside: a
# folder of offices (tests/fixtures/offices) with its registry, the unit's
# drop-in, the editors' settings, the names, the certificates' groups (as
# self-signed certificates) and the nginx sites for many hosts in front of
# `charter serve`, the staff area's accounts made with `charter staff`
# and its nginx location, the monitoring job against every status, the
# backup with its consistent copy of the staff database,
# the firewall's nftables file (where nft is installed and this runs as
# root), and the nginx sites of the static copy. Runs as root or not,
# with or without systemd running; says which step failed.
#
# Usage: deploy/verify.sh [path/to/charter]
#   default: ${CARGO_TARGET_DIR:-target}/release/charter, as `cargo build
#   --release` leaves it. Needs nginx, openssl, curl, systemd
#   (systemd-analyze), python3 and sqlite3.
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

step "find nginx, openssl, curl, systemd-analyze, python3 and sqlite3"
# nginx lives in /usr/sbin, which is not on an ordinary user's PATH.
PATH=$PATH:/usr/sbin:/sbin
absent=()
for tool in nginx openssl curl systemd-analyze python3 sqlite3; do
    command -v "$tool" >/dev/null || absent+=("$tool")
done
((${#absent[@]} == 0)) ||
    fail "not installed: ${absent[*]} (apt-get install nginx openssl curl systemd python3 sqlite3)"
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
    if grep -nE 'listen +(\[::\]:)?(80|443)\b|127\.0\.0\.1:3000|(^|[[:space:]])(/etc/letsencrypt|/var/www|/srv/)' "$tmp/$name/site.conf"; then
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

# The administrator's guide: each command block after a
# `<!-- verify.sh: NAME -->` line of docs/administrator.md, as the guide
# writes it. Its absolute paths under /srv, /etc and /var are moved under
# $root; sudo runs the command, charter is the binary under test, certbot
# makes self-signed certificates where certbot keeps its own, and nginx,
# systemctl and curl (the guide's own checks against the real server) do
# nothing.
guide=docs/administrator.md
root=$tmp/root
mkdir -p "$root/etc/nginx/sites-available" "$root/etc/nginx/sites-enabled" "$root/var/lib/charter" "$tmp/bin"
guide_block() {
    local text
    text=$(awk -v mark="<!-- verify.sh: $1 -->" '
        $0 == mark { found = 1; next }
        found == 1 && /^ *```/ { found = 2; match($0, /^ */); indent = RLENGTH; next }
        found == 2 && /^ *```/ { exit }
        found == 2 { print substr($0, indent + 1) }
    ' "$guide")
    [[ -n $text ]] || fail "$guide has no block marked <!-- verify.sh: $1 -->"
    printf '%s\n' "$text"
}
# The paths the guide's commands read and write (not certbot's, whose
# stand-in writes under $root by itself).
under_root() { sed -E "s#(^|[^[:alnum:]_.~-])/(srv/|var/|etc/nginx/|etc/charter([/[:space:]]|\$))#\\1$root/\\2#g"; }
# sudo -u USER runs as this user: the service's user is not there.
cat > "$tmp/bin/sudo" <<'STUB'
#!/bin/sh
if [ "$1" = -u ]; then shift 2; fi
exec "$@"
STUB
printf '#!/bin/sh\nexec %q "$@"\n' "$binary" > "$tmp/bin/charter"
for tool in nginx systemctl curl; do
    printf '#!/bin/sh\necho "%s $*" >> %q/stood-aside.log\n' "$tool" "$tmp" > "$tmp/bin/$tool"
done
cat > "$tmp/bin/certbot" <<STUB
#!/usr/bin/env bash
# certbot certonly --cert-name NAME -d A -d B ...: a self-signed certificate
# for those names where certbot would keep it.
set -euo pipefail
name= names=()
while ((\$# > 0)); do
    case \$1 in
    --cert-name) name=\$2; shift ;;
    -d) names+=("\$2"); shift ;;
    esac
    shift
done
[[ -n \$name && \${#names[@]} -gt 0 && \${#names[@]} -le 100 ]] || { echo "certbot stand-in: \$name \${names[*]}" >&2; exit 1; }
live=$root/etc/letsencrypt/live/\$name
mkdir -p "\$live"
san=\$(printf 'DNS:%s,' "\${names[@]}")
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=\${names[0]}" -addext "subjectAltName=\${san%,}" \\
    -keyout "\$live/privkey.pem" -out "\$live/fullchain.pem" 2>/dev/null
STUB
chmod +x "$tmp/bin/"*
# Runs the guide's block NAME with bash from the repository, its paths
# under $root; more sed arguments change it further.
run_guide() {
    local name=$1
    shift
    guide_block "$name" | under_root | sed -e '' "$@" > "$tmp/guide-$name.sh"
    (cd "$repo" && PATH=$tmp/bin:$PATH bash -e "$tmp/guide-$name.sh") >"$tmp/guide-$name.log" 2>&1 ||
        fail "the block $name of $guide: $(cat "$tmp/guide-$name.log")"
}
wait_for() { # URL, then curl's arguments: until it answers
    for _ in $(seq 100); do
        curl -fs "${@:2}" "$1" >/dev/null && return 0
        sleep 0.1
    done
    return 1
}
health_status() { curl -fs "${@:2}" "$1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["status"])'; }

step "docs/administrator.md: the unit's drop-in for a folder (systemd-analyze verify)"
mkdir -p "$tmp/units/charter.service.d"
sed "s|^ExecStart=/usr/local/bin/charter|ExecStart=$binary|" deploy/charter.service > "$tmp/units/charter.service"
guide_block offices-dropin > "$tmp/units/charter.service.d/offices.conf"
systemd-analyze verify "$tmp/units/charter.service" >"$tmp/analyze-dropin.log" 2>&1 ||
    fail "systemd-analyze verify: $(cat "$tmp/analyze-dropin.log")"
if grep 'charter\.service' "$tmp/analyze-dropin.log" >&2; then
    fail "systemd-analyze verify finds fault with the drop-in of $guide (above)"
fi
grep -qx 'Environment=CHARTER_FILE=/srv/charter/offices' "$tmp/units/charter.service.d/offices.conf" ||
    fail "the drop-in of $guide does not serve /srv/charter/offices"

step "docs/administrator.md: charter offices init on a copy of tests/fixtures/offices"
mkdir -p "$root/srv/charter/offices"
for office in haluaghat savar testpur; do
    cp "tests/fixtures/offices/$office.toml" "$root/srv/charter/offices/"
done
run_guide offices-init
registry=$root/srv/charter/offices.addresses.toml
[[ -f $registry ]] || fail "charter offices init wrote no $registry"
[[ $(stat -c %a "$registry") == 644 ]] || fail "the registry is not 0644: $(stat -c %a "$registry")"
for address in doict.haluaghat.mymensingh.gov.bd doict.savar.dhaka.gov.bd ict.testpur.sampleganj.gov.bd; do
    grep -q "$address" "$tmp/guide-offices-init.log" || fail "charter offices does not list $address: $(cat "$tmp/guide-offices-init.log")"
done

step "docs/administrator.md: the folder served as the drop-in says"
folder_port=$(free_port)
dropin_env=()
while IFS= read -r line; do
    dropin_env+=("${line#Environment=}")
done < <(grep '^Environment=' "$tmp/units/charter.service.d/offices.conf" | under_root)
env "${dropin_env[@]}" CHARTER_ADDR=127.0.0.1:$folder_port CHARTER_STATE_DIR=$root/var/lib/charter \
    "$binary" serve 2>"$tmp/charter-folder.log" &
pids+=($!)
wait_for "http://127.0.0.1:$folder_port/healthz" || fail "the folder's server did not start: $(cat "$tmp/charter-folder.log")"
[[ $(health_status "http://127.0.0.1:$folder_port/healthz") == ok ]] ||
    fail "the directory's /healthz is not ok: $(curl -s "http://127.0.0.1:$folder_port/healthz")"
curl -fs -H 'Host: doict.haluaghat.mymensingh.gov.bd' "http://127.0.0.1:$folder_port/healthz" | grep -q '"content_hash"' ||
    fail "an office's address does not reach its office"

step "docs/administrator.md: the staff area's accounts (charter staff) and their links"
run_guide staff-add
[[ $(stat -c %a "$root/var/lib/charter/staff.sqlite") == 600 ]] ||
    fail "the staff database is not 0600: $(stat -c %a "$root/var/lib/charter/staff.sqlite")"
office_link=$(grep -o 'https://doict\.haluaghat\.mymensingh\.gov\.bd/bn/staff/password/[0-9a-f]\{64\}' "$tmp/guide-staff-add.log") ||
    fail "no set-password link on the office's address: $(cat "$tmp/guide-staff-add.log")"
grep -q 'https://charter\.example\.gov\.bd/bn/staff/password/' "$tmp/guide-staff-add.log" ||
    fail "no set-password link on the directory's address for the administrator: $(cat "$tmp/guide-staff-add.log")"
grep -Eq 'rahima +haluaghat +waiting for a password' "$tmp/guide-staff-add.log" &&
    grep -Eq 'boss +\(administrator\)' "$tmp/guide-staff-add.log" ||
    fail "charter staff list: $(cat "$tmp/guide-staff-add.log")"
link_page=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: doict.haluaghat.mymensingh.gov.bd' "http://127.0.0.1:$folder_port/${office_link#https://*/}")
[[ $link_page == 200 ]] || fail "the office's set-password link does not open its page: $link_page"

step "deploy/nginx.conf: the staff area's location (8 MiB forms), the report form's (16 KiB), other bodies still 1 KiB"
staff_http=$(free_port)
staff_https=$(free_port)
nginx_site staff deploy/nginx.conf -E \
    -e "s|/etc/letsencrypt/live/$host/fullchain.pem|$tmp/cert.pem|" \
    -e "s|/etc/letsencrypt/live/$host/privkey.pem|$tmp/key.pem|" \
    -e "s|/var/www/letsencrypt|$tmp/acme|" \
    -e "s|listen 80;|listen 127.0.0.1:$staff_http;|" \
    -e "s/listen 443 ssl( http2)?;/listen 127.0.0.1:$staff_https ssl\1;/" \
    -e '/listen \[::\]/d' \
    -e "s|127\.0\.0\.1:3000|127.0.0.1:$folder_port|"
start_nginx staff
head -c 6000 /dev/zero | tr '\0' a > "$tmp/form-body"
post_status() { curl -sk --resolve "$host:$staff_https:127.0.0.1" -o /dev/null -w '%{http_code}' --data-binary @"$tmp/form-body" "https://$host:$staff_https$1"; }
# The app refuses the form itself (403: it comes from no page of the site),
# which it reads only when nginx passes it on.
[[ $(post_status /bn/staff/sign-in) == 403 ]] || fail "a 6 KB staff form does not reach the app through nginx's staff location"
[[ $(post_status /bn/) == 413 ]] || fail "a 6 KB body to a page is not refused by nginx any more"
[[ $(post_status /bn/feedback) != 413 ]] || fail "a 6 KB report of what is wrong does not reach the app through nginx's location"
head -c 20000 /dev/zero | tr '\0' a > "$tmp/form-body"
[[ $(post_status /bn/feedback) == 413 ]] || fail "a 20 KB report is not refused by nginx (the app takes 16 KiB)"

step "docs/administrator.md: the editors' settings for a folder"
guide_block offices-profile | under_root > "$tmp/profile-offices.sh"
sh -n "$tmp/profile-offices.sh"
settings=$(sh -c 'id() { echo "users charter-haluaghat"; }; . "$1"; echo "$CHARTER_FILE $CHARTER_STATE_DIR"' sh "$tmp/profile-offices.sh")
[[ $settings == "$root/srv/charter/offices/haluaghat.toml $root/var/lib/charter" ]] ||
    fail "the editors' settings give a clerk of haluaghat: $settings"
settings=$(sh -c 'unset CHARTER_FILE; id() { echo "users charter-editors"; }; . "$1"; echo "${CHARTER_FILE-none}"' sh "$tmp/profile-offices.sh")
[[ $settings == none ]] || fail "the editors' settings give a file to a group of no office: $settings"
history=$(sh -c 'id() { echo "charter-haluaghat"; }; . "$1"; "$2" history' sh "$tmp/profile-offices.sh" "$binary")
grep -q "offices/haluaghat/history" <<<"$history" || fail "charter history with those settings: $history"

step "docs/administrator.md: the names, the certificates' groups (of 2 names here) and the plain-HTTP site for many hosts"
run_guide names
names=$root/etc/charter/names
[[ $(head -1 "$names") == charter.example.gov.bd && $(wc -l < "$names") == 4 ]] ||
    fail "the list of names: $(cat "$names")"
run_guide certificates -e 's/split -l 100 /split -l 2 /'
for cert in charter-00 charter-01; do
    [[ -f $root/etc/letsencrypt/live/$cert/fullchain.pem ]] || fail "no certificate $cert: $(cat "$tmp/guide-certificates.log")"
done
run_guide nginx-http-only-many
[[ -L $root/etc/nginx/sites-enabled/charter ]] || fail "the site is not enabled"
acme_many_port=$(free_port)
nginx_site first-many "$root/etc/nginx/sites-available/charter" \
    -e "s|listen 80;|listen 127.0.0.1:$acme_many_port;|" \
    -e "s|/var/www/|$root/var/www/|" \
    -e '/listen \[::\]/d' \
    -e "s|127\.0\.0\.1:3000|127.0.0.1:$folder_port|"
start_nginx first-many
mkdir -p "$root/var/www/letsencrypt/.well-known/acme-challenge"
echo verify-token-content > "$root/var/www/letsencrypt/.well-known/acme-challenge/verify-token"
chmod -R a+rX "$root"
for name in $(cat "$names"); do
    [[ $(curl -fsS -H "Host: $name" "http://127.0.0.1:$acme_many_port/.well-known/acme-challenge/verify-token") == verify-token-content ]] ||
        fail "the plain-HTTP site does not answer the challenge for $name"
done

step "docs/administrator.md: nginx for many hosts, each name with its group's certificate"
run_guide nginx-many
many_http=$(free_port)
many_https=$(free_port)
nginx_site many "$root/etc/nginx/sites-available/charter" -E \
    -e "s|listen 80;|listen 127.0.0.1:$many_http;|" \
    -e "s|/var/www/|$root/var/www/|" \
    -e "s|/etc/letsencrypt/|$root/etc/letsencrypt/|" \
    -e "s/listen 443 ssl( http2)?;/listen 127.0.0.1:$many_https ssl\1;/" \
    -e '/listen \[::\]/d' \
    -e "s|127\.0\.0\.1:3000|127.0.0.1:$folder_port|"
[[ $(grep -c 'listen 127.0.0.1:'"$many_https" "$tmp/many/site.conf") == 2 ]] || fail "not one HTTPS server per group: $(cat "$tmp/many/site.conf")"
start_nginx many
for group in "$root"/etc/charter/group-*; do
    cert=$root/etc/letsencrypt/live/charter-${group##*group-}/fullchain.pem
    for name in $(cat "$group"); do
        answer=$(curl -fsS --cacert "$cert" --resolve "$name:$many_https:127.0.0.1" "https://$name:$many_https/healthz") ||
            fail "$name is not served over HTTPS with the certificate of its group"
        if [[ $name == charter.example.gov.bd ]]; then
            grep -q '"offices":3' <<<"$answer" || fail "the directory's name does not reach the directory: $answer"
        else
            grep -q '"content_hash"' <<<"$answer" || fail "$name does not reach its office: $answer"
        fi
    done
done
redirect=$(curl -s -o /dev/null -D - -H "Host: doict.savar.dhaka.gov.bd" "http://127.0.0.1:$many_http/bn/")
grep -qi "^location: https://doict.savar.dhaka.gov.bd/bn/" <<<"$redirect" || fail "no redirect to HTTPS: $redirect"

step "docs/administrator.md: the monitoring job, against ok, degraded, stale and down"
job=$(guide_block cron | grep '^\*/5 ' | cut -d' ' -f7-)
[[ -n $job ]] || fail "no cron line in the block cron of $guide"
run_job() { sh -c "${job//127.0.0.1:3000/127.0.0.1:$1}" 2>&1; }
[[ -z $(run_job "$folder_port") ]] || fail "the job mails while every office is ok"
cp tests/fixtures/offices/broken.toml "$root/srv/charter/offices/"
for _ in $(seq 50); do
    [[ $(health_status "http://127.0.0.1:$folder_port/healthz") == degraded ]] && break
    sleep 0.1
done
[[ $(health_status "http://127.0.0.1:$folder_port/healthz") == degraded ]] || fail "a file not in the registry leaves the directory ok"
[[ -n $(run_job "$folder_port") ]] || fail "the job stays silent while the directory is degraded"
rm "$root/srv/charter/offices/broken.toml"
single_port=$(free_port)
mkdir -p "$tmp/single/state"
cp charter.toml "$tmp/single/charter.toml"
CHARTER_ADDR=127.0.0.1:$single_port CHARTER_FILE=$tmp/single/charter.toml CHARTER_STATE_DIR=$tmp/single/state \
    "$binary" serve 2>"$tmp/single/charter.log" &
pids+=($!)
wait_for "http://127.0.0.1:$single_port/healthz" || fail "charter did not start: $(cat "$tmp/single/charter.log")"
[[ -z $(run_job "$single_port") ]] || fail "the job mails while the office is ok"
sed -i '0,/^fee = { bn = "\([^"]*\)"/s//fee = { bn = "\1/' "$tmp/single/charter.toml"
for _ in $(seq 50); do
    [[ $(health_status "http://127.0.0.1:$single_port/healthz") == stale ]] && break
    sleep 0.1
done
[[ $(health_status "http://127.0.0.1:$single_port/healthz") == stale ]] || fail "a refused save does not make the office stale"
[[ -n $(run_job "$single_port") ]] || fail "the job stays silent while the office is stale"
[[ -n $(run_job "$(free_port)") ]] || fail "the job stays silent while the site is down"

step "docs/administrator.md: the backup, with a consistent copy of the staff database"
run_guide backup -e "s#-C / #-C $root #" -e "s#~/#$tmp/#"
archive=$(ls "$tmp"/charter-*.tar.gz)
tar -tzf "$archive" > "$tmp/backup.list"
grep -qx 'srv/charter/offices.addresses.toml' "$tmp/backup.list" &&
    grep -q '^var/lib/charter/offices/haluaghat/history/' "$tmp/backup.list" ||
    fail "the backup lacks the registry or the history: $(cat "$tmp/backup.list")"
grep -qx 'var/lib/charter/staff-backup.sqlite' "$tmp/backup.list" &&
    ! grep -q '^var/lib/charter/staff\.sqlite' "$tmp/backup.list" ||
    fail "the backup lacks the copy of the staff database, or holds the live one: $(cat "$tmp/backup.list")"
[[ $(stat -c %a "$archive") == 600 && $(stat -c %a "$root/var/lib/charter/staff-backup.sqlite") == 600 ]] ||
    fail "the archive or the database's copy can be read by others"
mkdir -p "$tmp/restored"
tar -xzf "$archive" -C "$tmp/restored" var/lib/charter/staff-backup.sqlite
copy=$tmp/restored/var/lib/charter/staff-backup.sqlite
[[ $(sqlite3 "$copy" 'PRAGMA integrity_check') == ok && $(sqlite3 "$copy" "SELECT count(*) FROM accounts WHERE name IN ('rahima', 'boss')") == 2 ]] ||
    fail "the database's copy in the backup is not whole, or lacks the accounts"

if command -v nft >/dev/null && ((EUID == 0)); then
    step "docs/administrator.md: the firewall's nftables file (nft -c)"
    guide_block nftables > "$tmp/nftables.conf"
    nft -c -f "$tmp/nftables.conf" || fail "nft -c finds fault with the nftables file of $guide"
fi

step "docs/administrator.md: the nginx sites of the static copy"
"$binary" build --out "$tmp/static/one" >/dev/null 2>"$tmp/static-build.log" ||
    fail "charter build: $(cat "$tmp/static-build.log")"
"$binary" build --charter "$root/srv/charter/offices" --out "$tmp/static/folder" --base-url https://charter.example.gov.bd \
    >/dev/null 2>"$tmp/static-build.log" || fail "charter build of the folder: $(cat "$tmp/static-build.log")"
chmod -R a+rX "$tmp/static"
# brotli_static needs a module this test's nginx does not load; gzip_static
# stands for both.
guide_block static-one > "$tmp/static-one.conf"
static_one=$(free_port)
nginx_site static-one "$tmp/static-one.conf" -E \
    -e "s|listen 80;|listen 127.0.0.1:$static_one;|" \
    -e "s|root /srv/charter/site;|root $tmp/static/one;|" \
    -e '/brotli_static/d'
start_nginx static-one
page=$(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:$static_one/bn/services")
grep -q '^HTTP/1.1 200' <<<"$page" && grep -qi '^content-encoding: gzip' <<<"$page" ||
    fail "the static site does not send /bn/services gzipped: $page"
missing=$(curl -s -w '%{http_code}' "http://127.0.0.1:$static_one/en/no-such-page")
[[ $missing == *'lang="en"'*404 ]] || fail "the static site's English 404 page: $missing"
guide_block static-folder > "$tmp/static-folder.conf"
static_folder=$(free_port)
nginx_site static-folder "$tmp/static-folder.conf" -E \
    -e "s|listen 80 default_server;|listen 127.0.0.1:$static_folder default_server;|" \
    -e "s|/srv/site/|$tmp/static/folder/|g" \
    -e '/brotli_static/d'
start_nginx static-folder
office_home=$(curl -fs -H 'Host: doict.haluaghat.mymensingh.gov.bd' "http://127.0.0.1:$static_folder/bn/") ||
    fail "the static site of many offices does not serve an office"
directory_home=$(curl -fs -H 'Host: charter.example.gov.bd' "http://127.0.0.1:$static_folder/bn/") ||
    fail "the static site of many offices does not serve the directory"
[[ $office_home != "$directory_home" ]] && grep -q 'doict.haluaghat.mymensingh.gov.bd' <<<"$directory_home" ||
    fail "the static site of many offices gives an office's host and another host the same page"

step "done"
echo "deploy files and the administrator's guide OK"
