#!/usr/bin/env bash
# Lighthouse (mobile) on every kind of page, against a release server
# started here with the bundled charter.toml, then on the directory's pages
# of a folder of two offices (DIRECTORY=0 leaves them out): prints the four
# category scores per page and exits 1 when any is below 100, 2 when it
# cannot run.
#
# Needs `npm ci --ignore-scripts` (Lighthouse is pinned in package.json),
# Chromium (CHROME_PATH, by default /usr/bin/chromium when it exists) and
# the release binary, which it builds (`cargo build --release`;
# CARGO_TARGET_DIR is honoured). A check to run by hand, not part of
# `cargo test`: about 20 s a page.
#
#   scripts/lighthouse.sh                 # Bangla pages
#   LANGS="bn en" scripts/lighthouse.sh   # both languages
#   KEEP=1 scripts/lighthouse.sh          # keep the JSON reports
#
# Two pages are marked down for doing what they should, and the audits
# that say so count as passed there, when that is all they found (the line
# then shows Lighthouse's own scores too):
# - the 404 page answers 404: "Page has unsuccessful HTTP status code" (SEO)
#   and the browser's console line "Failed to load resource: 404" for the
#   page itself (best practices);
# - search results are kept out of search engines' indexes (an endless set
#   of addresses, every one of them a copy of other pages) by robots.txt
#   and a robots meta tag: "Page is blocked from indexing" (SEO). The
#   search page itself, without a query, may be indexed.
set -euo pipefail
cd "$(dirname "$0")/.."

lighthouse=node_modules/.bin/lighthouse
[[ -x $lighthouse ]] || { echo "lighthouse is missing: npm ci --ignore-scripts" >&2; exit 2; }
if [[ -z ${CHROME_PATH:-} && -x /usr/bin/chromium ]]; then
  export CHROME_PATH=/usr/bin/chromium
fi
chrome_flags="--headless=new"
# Chromium refuses to run as root with its sandbox.
[[ $(id -u) == 0 ]] && chrome_flags+=" --no-sandbox"

cargo build --release --quiet
binary="${CARGO_TARGET_DIR:-target}/release/charter"

work=$(mktemp -d)
server=
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  if [[ ${KEEP:-0} == 1 ]]; then echo "reports kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# প্রশিক্ষণ (training), percent-encoded.
bangla_query='%E0%A6%AA%E0%A7%8D%E0%A6%B0%E0%A6%B6%E0%A6%BF%E0%A6%95%E0%A7%8D%E0%A6%B7%E0%A6%A3'
status=0
# Lighthouse on `$1$2`, named `$3` (its last word the kind of page):
# prints its line, and sets status to 1 when a score is below 100.
audit() {
  local base=$1 page=$2 name=$3
  local report="$work/${name// /-}.json"
  local extra=()
  [[ $name == *' 404' ]] && extra=(--ignore-status-code)
  if ! "$lighthouse" "$base$page" --quiet --form-factor=mobile \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="$chrome_flags" --output=json --output-path="$report" "${extra[@]}"; then
    echo "$page: lighthouse failed" >&2
    exit 2
  fi
  node - "$report" "$name" <<'EOF' || status=1
const [report, page] = process.argv.slice(2);
const r = require(report);
const url = r.finalDisplayedUrl;
// Findings that say no more than that the page does what it should.
const byDesign = (id, audit) =>
  (page.endsWith(' 404') &&
    (id === 'http-status-code' ||
      (id === 'errors-in-console' &&
        audit.details.items.every(i => i.sourceLocation?.url === url && / 404 /.test(i.description))))) ||
  (page.endsWith(' results') &&
    id === 'is-crawlable' &&
    audit.details.items.every(
      i =>
        (i.source?.url && new URL(i.source.url).pathname === '/robots.txt') ||
        i.source?.snippet === '<meta name="robots" content="noindex" />'
    ));
const names = ['performance', 'accessibility', 'best-practices', 'seo'];
const scores = [], raw = [], failing = [];
for (const name of names) {
  const category = r.categories[name];
  let sum = 0, weights = 0;
  for (const ref of category.auditRefs) {
    const audit = r.audits[ref.id];
    if (ref.weight === 0 || audit.score === null) continue;
    const score = byDesign(ref.id, audit) ? 1 : audit.score;
    if (score < 1) failing.push(`${ref.id} ${audit.displayValue || audit.score}`);
    sum += ref.weight * score;
    weights += ref.weight;
  }
  scores.push(Math.round((100 * sum) / weights));
  raw.push(Math.round(100 * category.score));
}
const line = scores.map(s => String(s).padStart(5)).join(' ');
const note = raw.some((s, i) => s !== scores[i]) ? `  (Lighthouse: ${raw.join(' ')})` : '';
console.log(`${page.padEnd(16)} ${line}${note}`);
if (scores.some(s => s < 100)) {
  console.log(`  below 100: ${failing.join('; ')}`);
  process.exit(1);
}
EOF
}

# Starts `charter serve` on CHARTER (a file or a folder) and waits until
# every page has its smallest (brotli 11) copy; sets base and server.
start() {
  port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
  base="http://127.0.0.1:$port"
  # A folder's directory is at the address listened on, its offices'
  # addresses in the registry `charter offices init` writes.
  local folder=()
  if [[ -d $1 ]]; then
    "$binary" offices init "$1" >/dev/null || { echo "the folder's offices could not be registered" >&2; exit 2; }
    folder=(--base-url "$base")
  fi
  RUST_LOG=error "$binary" serve --no-watch --addr "127.0.0.1:$port" --charter "$1" "${folder[@]}" &
  server=$!
  for _ in $(seq 300); do
    curl -fsS "$base/healthz" 2>/dev/null | grep -q '"complete":true' && break
    sleep 0.1
  done
  curl -fsS "$base/healthz" | grep -q '"complete":true' || { echo "the server did not get ready" >&2; exit 2; }
}

stop() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=
}

# Each kind of page in each language (LANGS), on the server at $base;
# `$1` prefixes the names printed.
audit_kinds() {
  local prefix=$1 kinds=$2 lang kind query page
  for lang in ${LANGS:-bn}; do
    query=$bangla_query
    [[ $lang == en ]] && query=training
    for kind in $kinds; do
      case $kind in
        home) page="/$lang/" ;;
        services) page="/$lang/services" ;;
        service) page="/$lang/services/ict-training" ;;
        contact) page="/$lang/contact" ;;
        search) page="/$lang/search" ;;
        results) page="/$lang/search?q=$query" ;;
        404) page="/$lang/no-such-page" ;;
      esac
      audit "$base" "$page" "$prefix$lang $kind"
    done
  done
}

printf '%-16s %5s %5s %5s %5s\n' page perf a11y best seo
start charter.toml
audit_kinds "" "home services service contact search results 404"
stop

# The directory of a folder of offices (the bundled charter twice, under
# two host names): any host that is not an office's, 127.0.0.1 here.
if [[ ${DIRECTORY:-1} == 1 ]]; then
  mkdir "$work/offices"
  cp charter.toml "$work/offices/haluaghat.toml"
  sed 's/^website = "doict.haluaghat.mymensingh.gov.bd"/website = "doict.phulpur.mymensingh.gov.bd"/' \
    charter.toml >"$work/offices/phulpur.toml"
  start "$work/offices"
  curl -fsS "$base/healthz" | grep -q '"offices":2,' || { echo "the folder's two offices are not both served" >&2; exit 2; }
  audit_kinds "dir " "home search results 404"
  stop
fi
exit $status
