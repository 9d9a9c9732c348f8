#!/usr/bin/env bash
# Checks every page of the site with the Nu HTML checker (vnu), CSS included,
# and fails on any message at all: error, warning or info.
#
# The pages are the ones `charter build` writes, plus those only a running
# server makes (search results, the staff area's pages, the form that
# reports what is wrong on a page, the page after it, the office's inbox)
# and the 404 page as the server sends it;
# then the directory of a folder of offices (tests/fixtures/offices, its
# valid files): the pages `charter build` writes of the folder, and those
# the server sends (with the search form, search results, error pages),
# written by examples/directory_pages.rs.
#
# Needs: a built `charter` (CHARTER, default target/release/charter), Java,
# node, cargo (for the example), and `npm ci --ignore-scripts` for vnu-jar.
set -euo pipefail

cd "$(dirname "$0")/.."
charter=${CHARTER:-${CARGO_TARGET_DIR:-target}/release/charter}
vnu=node_modules/vnu-jar/build/dist/vnu.jar
site=target/site
served=target/site-served
offices=target/site-offices
folder=target/site-folder
directory=target/site-directory

# A missing tool is a failure, never a skip: this check has nothing to
# report without them.
[[ -x $charter ]] || { echo "nu-check: $charter not found: run cargo build --release" >&2; exit 2; }
[[ -f $vnu ]] || { echo "nu-check: $vnu not found: run npm ci --ignore-scripts" >&2; exit 2; }
command -v java >/dev/null || { echo "nu-check: java not found: apt-get install default-jre-headless" >&2; exit 2; }
command -v node >/dev/null || { echo "nu-check: node not found: apt-get install nodejs npm" >&2; exit 2; }

rm -rf "$site" "$served" "$offices" "$folder" "$directory"
"$charter" build --out "$site" --charter charter.toml
mkdir -p "$served" "$offices"
# The folder's valid offices: the invalid one is there for the tests.
for file in tests/fixtures/offices/*.toml; do
    [[ $file == */broken.toml ]] || cp "$file" "$offices/"
done
rm -f "$offices.addresses.toml"
"$charter" offices init "$offices" --base-url https://charter.example.gov.bd >/dev/null
"$charter" build --out "$folder" --charter "$offices" --base-url https://charter.example.gov.bd
cargo run --quiet --release --example directory_pages -- "$offices" "$directory"

port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
# The staff area: a clerk and an administrator, each with a password set
# from the link `charter staff add` prints.
state=$served/state
clerk=$("$charter" staff --state-dir "$state" --charter charter.toml add clerk | tail -n 1)
admin=$("$charter" staff --state-dir "$state" --charter charter.toml add boss --admin | tail -n 1)
"$charter" serve --addr "127.0.0.1:$port" --charter charter.toml --no-watch --state-dir "$state" 2>"$served/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT

# Fetches each path into a file; any status other than the expected one fails.
node - "$port" "$served" <<'JS'
const [port, dir] = process.argv.slice(2);
const pages = [
  ["bn-search-found.html", "/bn/search?q=" + encodeURIComponent("প্রশিক্ষণ"), 200],
  ["en-search-found.html", "/en/search?q=training", 200],
  // Found in another field, and in the other language's text.
  ["bn-search-field.html", "/bn/search?q=" + encodeURIComponent("ই-মেইল"), 200],
  ["en-search-other-language.html", "/en/search?q=" + encodeURIComponent("প্রশিক্ষন"), 200],
  // Nothing found, and the closest names.
  ["bn-search-closest.html", "/bn/search?q=" + encodeURIComponent("প্রশিক্ষনের"), 200],
  ["en-search-closest.html", "/en/search?q=trainng", 200],
  ["bn-search-none.html", "/bn/search?q=zzzz", 200],
  ["en-search-none.html", "/en/search?q=zzzz", 200],
  ["bn-search-all.html", "/bn/search", 200],
  ["en-search-all.html", "/en/search", 200],
  ["bn-404.html", "/bn/no-such-page", 404],
  ["en-404.html", "/en/no-such-page", 404],
];
const base = `http://127.0.0.1:${port}`;
const fs = require("fs");
(async () => {
  for (let i = 0; ; i++) {
    try { if ((await fetch(base + "/healthz")).ok) break; } catch {}
    if (i > 300) throw new Error("the server did not start: see " + dir + "/server.log");
    await new Promise(r => setTimeout(r, 100));
  }
  for (const [file, path, status] of pages) {
    const res = await fetch(base + path);
    if (res.status !== status) throw new Error(`${path}: status ${res.status}, expected ${status}`);
    fs.writeFileSync(`${dir}/${file}`, Buffer.from(await res.arrayBuffer()));
  }
})().catch(e => { console.error("nu-check: " + e.message); process.exit(1); });
JS

# The staff pages, each as a browser gets it: a cookie jar, forms sent
# with their token from this site's own origin.
node - "$port" "$served" "${clerk##*/}" "${admin##*/}" <<'JS'
const [port, dir, clerkToken, adminToken] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;
const fs = require("fs");
const password = "ঘাসফুল নদীর পাড়ে বসে";
function browser() {
  const jar = new Map();
  const send = async (path, form, status) => {
    const headers = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") };
    let body;
    if (form) {
      headers.origin = base;
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(form).toString();
    }
    const res = await fetch(base + path, { method: form ? "POST" : "GET", headers, body, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const [k, v] = pair.split("=");
      if (attrs.some(a => a.trim() === "Max-Age=0")) jar.delete(k); else jar.set(k, v);
    }
    const text = await res.text();
    if (status && res.status !== status) throw new Error(`${path}: status ${res.status}, expected ${status}`);
    return text;
  };
  const field = (html, name) => {
    const input = html.match(new RegExp(`name="${name}" value="([^"]*)"`));
    if (input) return input[1].replace(/&#x2b;/gi, "+").replace(/&amp;/g, "&");
    return html.match(new RegExp(`name="${name}"[^>]*>([^<]*)</textarea>`))[1];
  };
  return { send, field };
}
const save = (file, html) => fs.writeFileSync(`${dir}/${file}`, html);
(async () => {
  const pages = [];
  for (const [who, token] of [["clerk", clerkToken], ["boss", adminToken]]) {
    const b = browser();
    const link = await b.send(`/bn/staff/password/${token}`, null, 200);
    if (who === "clerk") save("staff-password.html", link);
    await b.send(`/bn/staff/password/${token}`, { csrf: b.field(link, "csrf"), name: who, password, again: password }, 303);
    const signIn = await b.send("/en/staff/", null, 200);
    if (who === "clerk") save("staff-sign-in.html", signIn);
    await b.send("/en/staff/sign-in", { csrf: b.field(signIn, "csrf"), name: who, password }, 303);
    pages.push([who, b]);
  }
  const [[, clerk], [, boss]] = pages;
  for (const [file, path] of [
    ["staff-home-bn.html", "/bn/staff/"],
    ["staff-home-en.html", "/en/staff/"],
    ["staff-service.html", "/bn/staff/services/ict-advice"],
    ["staff-new-service.html", "/en/staff/new-service"],
    ["staff-officer.html", "/bn/staff/officers/assistant-programmer"],
    ["staff-updated.html", "/en/staff/updated"],
    ["staff-file.html", "/bn/staff/file"],
    ["staff-history.html", "/bn/staff/history"],
  ]) save(file, await clerk.send(path, null, 200));
  // A refused save, with its problems beside the fields.
  const form = await clerk.send("/en/staff/services/ict-advice", null, 200);
  const base_ = clerk.field(form, "base"), csrf = clerk.field(form, "csrf");
  const fields = { csrf, base: base_, group: "citizen", serial: "2", name_bn: "পরামর্শ", name_en: "Advice",
    delivery_bn: "সরাসরি", documents_bn: "কিছু না", fee_bn: "বিনামূল্যে", time_limit_bn: "তাৎক্ষণিক", officer: "nobody" };
  save("staff-refused.html", await clerk.send("/en/staff/services/ict-advice", fields, 200));
  await clerk.send("/en/staff/services/ict-advice", { ...fields, officer: "assistant-programmer" }, 303);
  save("staff-preview.html", await clerk.send("/en/staff/preview", null, 200));
  save("staff-forbidden.html", await clerk.send("/bn/staff/sign-out", { csrf: "0".repeat(64) }, 403));
  // Citizens' reports: the form in both languages, refused with its
  // problems, the page after it (with the GRS), and the office's inbox.
  const citizen = browser();
  save("feedback-form-bn.html", await citizen.send("/bn/feedback?page=%2Fbn%2Fservices%2Fict-advice", null, 200));
  save("feedback-form-en.html", await citizen.send("/en/feedback?page=%2Fen%2F", null, 200));
  save("feedback-refused.html", await citizen.send("/en/feedback",
    { page: "/en/contact", category: "", text: "<b>fee</b>", contact: "call me", fb_site: "" }, 422));
  await citizen.send("/bn/feedback", { page: "/bn/services/ict-advice", category: "overcharged",
    text: "ফি ৫০ টাকা লেখা, চাওয়া হলো ১০০ টাকা", contact: "০১৭১১২২৩৩৪৪", fb_site: "" }, 303);
  save("feedback-sent-bn.html", await citizen.send("/bn/feedback/sent?page=%2Fbn%2Fservices%2Fict-advice&category=overcharged&answer=1", null, 200));
  save("feedback-sent-en.html", await citizen.send("/en/feedback/sent?page=%2Fen%2F&category=unclear", null, 200));
  save("feedback-inbox-bn.html", await clerk.send("/bn/staff/feedback", null, 200));
  save("feedback-staff-home.html", await clerk.send("/bn/staff/", null, 200));
  save("feedback-inbox-en.html", await clerk.send("/en/staff/feedback?service=ict-advice", null, 200));
  for (const [file, path] of [
    ["staff-accounts.html", "/en/staff/accounts"],
    ["staff-audit.html", "/bn/staff/audit"],
  ]) save(file, await boss.send(path, null, 200));
})().catch(e => { console.error("nu-check: staff pages: " + e.message); process.exit(1); });
JS

kill "$server" 2>/dev/null || true
wait "$server" 2>/dev/null || true
trap - EXIT

# Of the folder, the directory and one office: the other offices' pages
# are of the same kinds.
mapfile -t files < <(find "$site" "$served" "$folder/_directory" "$folder/doict.savar.dhaka.gov.bd" "$directory" \( -name '*.html' -o -name '*.css' \) | sort)
report=$served/vnu.json
status=0
java -jar "$vnu" --also-check-css --Werror --format json "${files[@]}" 2>"$report" || status=$?

# One line per file with its counts, then every message in full.
node - "$report" "${files[@]}" <<'JS'
const [report, ...files] = process.argv.slice(2);
const fs = require("fs");
const path = require("path");
let messages;
try {
  messages = JSON.parse(fs.readFileSync(report, "utf8")).messages;
} catch (e) {
  console.error("nu-check: vnu gave no report:\n" + fs.readFileSync(report, "utf8"));
  process.exit(1);
}
const key = url => url ? path.relative(process.cwd(), decodeURIComponent(new URL(url).pathname)) : "(none)";
const kind = m => m.type === "error" || m.type === "non-document-error" ? "error"
  : m.subType === "warning" ? "warning" : "info";
let total = { error: 0, warning: 0, info: 0 };
for (const file of files) {
  const mine = messages.filter(m => key(m.url) === file);
  const n = { error: 0, warning: 0, info: 0 };
  mine.forEach(m => { n[kind(m)]++; total[kind(m)]++; });
  console.log(`${file}: ${n.error} errors, ${n.warning} warnings, ${n.info} info`);
}
const stray = messages.filter(m => !files.includes(key(m.url)));
stray.forEach(m => total[kind(m)]++);
for (const m of messages) {
  console.log(`${key(m.url)}:${m.lastLine ?? "?"}:${m.firstColumn ?? "?"}: ${kind(m)}: ${m.message}` +
    (m.extract ? `\n    ${m.extract.replace(/\n/g, " ")}` : ""));
}
console.log(`nu-check: ${files.length} files, ${total.error} errors, ${total.warning} warnings, ${total.info} info`);
process.exit(messages.length === 0 ? 0 : 1);
JS
exit "$status"
