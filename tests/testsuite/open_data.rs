//! The charter as data: JSON API checked against its published schema,
//! JSON-LD, sitemap, robots.txt, canonical links, QR codes.

use crate::support::*;

fn schema_validator() -> (boon::Schemas, boon::SchemaIndex, boon::SchemaIndex) {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo("docs/charter.schema.json")).unwrap())
            .unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler
        .add_resource("charter.schema.json", schema)
        .unwrap();
    let charter = compiler
        .compile("charter.schema.json", &mut schemas)
        .unwrap();
    let service = compiler
        .compile("charter.schema.json#/$defs/serviceDocument", &mut schemas)
        .unwrap();
    (schemas, charter, service)
}

#[tokio::test]
async fn json_api_matches_its_schema() {
    let (schemas, charter_schema, service_schema) = schema_validator();
    for charter in [bundled(), full_fixture()] {
        let server = TestServer::start(&charter).await;
        let reply = server.get("/api/v1/charter.json").await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.header("content-type"), Some("application/json"));
        assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
        assert!(reply.header("etag").is_some());
        let doc: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        if let Err(e) = schemas.validate(&doc, charter_schema) {
            panic!(
                "{}: charter.json does not match the schema: {e:#}",
                charter.display()
            );
        }
        let services = doc["services"].as_array().unwrap();
        for s in services {
            let slug = s["slug"].as_str().unwrap();
            let one = server.get(&format!("/api/v1/services/{slug}.json")).await;
            assert_eq!(one.status, 200, "{slug}");
            assert_eq!(one.header("access-control-allow-origin"), Some("*"));
            let one: serde_json::Value = serde_json::from_str(&one.body).unwrap();
            if let Err(e) = schemas.validate(&one, service_schema) {
                panic!("{slug}.json does not match the schema: {e:#}");
            }
            assert_eq!(one["name"], s["name"]);
        }
    }
    // A document the schema must refuse, so the check above can fail.
    let bad = serde_json::json!({"api_version": 2});
    assert!(schemas.validate(&bad, charter_schema).is_err());
}

#[tokio::test]
async fn json_api_carries_the_whole_charter() {
    let server = TestServer::start(&bundled()).await;
    let doc: serde_json::Value =
        serde_json::from_str(&server.get("/api/v1/charter.json").await.body).unwrap();
    let services = doc["services"].as_array().unwrap();
    assert_eq!(services.len(), 13);
    let names: Vec<&str> = services
        .iter()
        .map(|s| s["name"]["bn"].as_str().unwrap())
        .collect();
    assert_eq!(names, SEED_NAMES_BN);
    assert_eq!(
        doc["office"]["website"],
        "doict.haluaghat.mymensingh.gov.bd"
    );
    assert_eq!(doc["office"]["division"]["en"], "Mymensingh");
    assert_eq!(doc["office"]["aliases"], serde_json::json!([]));
    assert_eq!(doc["officers"][0]["phone"], "02996673752");
    assert_eq!(services[0]["delivery"].as_array().unwrap().len(), 4);
    assert_eq!(services[0]["officer"]["email"], "shakilcse96@gmail.com");
    assert_eq!(
        services[0]["url"]["en"],
        "https://doict.haluaghat.mymensingh.gov.bd/en/services/office-information"
    );
    assert_eq!(server.get("/api/v1/services/nope.json").await.status, 404);
    assert_eq!(server.get("/api/v2/charter.json").await.status, 404);
}

/// The JSON-LD blocks of a page, parsed.
fn json_ld(body: &str) -> Vec<serde_json::Value> {
    let html = scraper::Html::parse_document(body);
    select(&html, "script[type='application/ld+json']")
        .iter()
        .map(|s| serde_json::from_str(&text_of(s)).expect("JSON-LD is valid JSON"))
        .collect()
}

/// Every property used, recursively, so a test can compare them with the
/// schema.org terms we mean to use.
fn keys(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                keys(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[tokio::test]
async fn pages_carry_schema_org_json_ld() {
    const SCHEMA_ORG_TERMS: &[&str] = &[
        "@context",
        "@type",
        "name",
        "url",
        "address",
        "telephone",
        "email",
        "parentOrganization",
        "addressLocality",
        "addressRegion",
        "addressCountry",
        "streetAddress",
        "description",
        "provider",
        "serviceType",
        "areaServed",
        "availableChannel",
        "termsOfService",
    ];
    const TYPES: &[&str] = &[
        "GovernmentOrganization",
        "GovernmentService",
        "PostalAddress",
        "AdministrativeArea",
        "ServiceChannel",
    ];
    let server = TestServer::start(&full_fixture()).await;
    for (path, top) in [
        ("/bn/", "GovernmentOrganization"),
        ("/en/contact", "GovernmentOrganization"),
        ("/bn/services/citizen-test", "GovernmentService"),
        ("/en/services/citizen-test", "GovernmentService"),
    ] {
        let blocks = json_ld(&server.get(path).await.body);
        assert_eq!(blocks.len(), 1, "{path}");
        let ld = &blocks[0];
        assert_eq!(ld["@context"], "https://schema.org", "{path}");
        assert_eq!(ld["@type"], top, "{path}");
        let mut used = Default::default();
        keys(ld, &mut used);
        for k in &used {
            assert!(
                SCHEMA_ORG_TERMS.contains(&k.as_str()),
                "{path}: {k} is not a term we use from schema.org"
            );
        }
        let text = ld.to_string();
        for t in text.split("\"@type\":\"").skip(1) {
            let t = t.split('"').next().unwrap();
            assert!(TYPES.contains(&t), "{path}: type {t}");
        }
    }
    let home = &json_ld(&server.get("/en/").await.body)[0];
    assert_eq!(home["telephone"], "+880 2 1234567");
    assert_eq!(home["email"], "office@example.gov.bd");
    assert_eq!(home["url"], "https://example.gov.bd/en/");
    let service = &json_ld(&server.get("/en/services/citizen-test").await.body)[0];
    assert_eq!(service["name"], "Citizen test service");
    assert_eq!(service["termsOfService"], "Free of charge");
    assert_eq!(service["availableChannel"][1]["name"], "Online");
    assert_eq!(service["provider"]["@type"], "GovernmentOrganization");
    // The bundled charter has no office phone: none is invented.
    let server = TestServer::start(&bundled()).await;
    let home = &json_ld(&server.get("/bn/").await.body)[0];
    assert!(home.get("telephone").is_none());
}

#[tokio::test]
async fn service_descriptions_end_their_sentences_in_the_page_language() {
    let server = TestServer::start(&bundled()).await;
    for path in bundled_paths("bn")
        .into_iter()
        .chain(bundled_paths("en"))
        .filter(|p| p.contains("/services/"))
    {
        let ld = &json_ld(&server.get(&path).await.body)[0];
        let description = ld["description"].as_str().unwrap();
        let (stop, foreign) = if path.starts_with("/bn/") {
            ('।', '.')
        } else {
            ('.', '।')
        };
        assert!(description.ends_with(stop), "{path}: {description}");
        assert_eq!(
            description.matches(stop).count(),
            2,
            "{path}: {description}"
        );
        assert!(!description.contains(foreign), "{path}: {description}");
    }
}

#[tokio::test]
async fn sitemap_robots_and_canonical_links() {
    let server = TestServer::start(&bundled()).await;
    let sitemap = server.get("/sitemap.xml").await;
    assert_eq!(sitemap.status, 200);
    assert!(
        sitemap
            .header("content-type")
            .unwrap()
            .starts_with("application/xml")
    );
    let base = "https://doict.haluaghat.mymensingh.gov.bd";
    let site = server.state.site();
    let html_pages = site.html_paths();
    assert_eq!(html_pages.len(), 32);
    for path in &html_pages {
        assert!(
            sitemap.body.contains(&format!("<loc>{base}{path}</loc>")),
            "{path} missing from sitemap"
        );
        let page = server.get(path).await.html();
        let canonical = select(&page, "link[rel=canonical]")[0]
            .value()
            .attr("href")
            .unwrap()
            .to_string();
        assert_eq!(canonical, format!("{base}{path}"));
        let og = |p: &str| {
            select(&page, &format!("meta[property='{p}']"))[0]
                .value()
                .attr("content")
                .unwrap()
                .to_string()
        };
        assert_eq!(og("og:url"), canonical);
        assert_eq!(og("og:title"), text_of(&select(&page, "title")[0]));
        assert!(!og("og:description").is_empty());
    }
    assert_eq!(sitemap.body.matches("<url>").count(), 32);
    assert!(sitemap.body.contains(&format!(
        "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{base}/en/services/ict-training\"/>"
    )));
    let robots = server.get("/robots.txt").await;
    assert_eq!(robots.status, 200);
    assert!(
        robots
            .body
            .contains(&format!("Sitemap: {base}/sitemap.xml"))
    );
    for path in &html_pages {
        let page = server.get(path).await.html();
        assert!(select(&page, "meta[name=robots]").is_empty(), "{path}");
    }
}

#[tokio::test]
async fn search_results_are_kept_out_of_indexes_and_the_search_page_is_not() {
    let server = TestServer::start(&bundled()).await;
    let robots = server.get("/robots.txt").await.body;
    for lang in ["bn", "en"] {
        assert!(robots.contains(&format!("\nDisallow: /{lang}/search?\n")));
        assert!(!robots.contains(&format!("Disallow: /{lang}/search\n")));
        let robots_meta = |page: &scraper::Html| {
            (select(page, "meta[name=robots]").first())
                .map(|m| m.value().attr("content").unwrap_or_default().to_string())
        };
        // Links that name a page for indexes: the search page's own, none
        // beside `noindex`.
        let listing = "link[rel=canonical], link[rel=alternate][hreflang]";
        let page = server.get(&format!("/{lang}/search")).await.html();
        assert_eq!(robots_meta(&page), None);
        assert_eq!(
            select(&page, listing).len(),
            4,
            "canonical, bn, x-default, en"
        );
        for query in ["training", "zzzz"] {
            let path = format!("/{lang}/search?q={query}");
            let page = server.get(&path).await.html();
            assert_eq!(robots_meta(&page).as_deref(), Some("noindex"), "{path}");
            assert!(select(&page, listing).is_empty(), "{path}");
        }
    }
}

#[tokio::test]
async fn base_url_can_be_set() {
    let loaded = citizen_charter::charter::load_file(&bundled()).unwrap();
    let options = citizen_charter::site::SiteOptions {
        base_url: Some(citizen_charter::urls::BaseUrl::new(
            "http://charter.example.org/",
        )),
        ..Default::default()
    };
    let site = citizen_charter::site::Site::from_loaded(loaded, &options).unwrap();
    let sitemap =
        String::from_utf8(site.page("/sitemap.xml").unwrap().identity().to_vec()).unwrap();
    assert!(
        sitemap.contains("<loc>http://charter.example.org/bn/</loc>"),
        "{sitemap}"
    );
}

/// Reads one of our QR SVGs back into a module grid and decodes it.
fn decode_qr(svg: &str) -> String {
    let view = svg.split("viewBox=\"0 0 ").nth(1).unwrap();
    let size: usize = view.split(' ').next().unwrap().parse().unwrap();
    let d = svg
        .split(" d=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    // Follows the path's commands: absolute (M) and relative (m) moves,
    // and horizontal lines (h) painting the modules they cross.
    let mut dark = vec![false; size * size];
    let (mut x, mut y) = (0.0_f64, 0.0_f64);
    let mut rest = d;
    while let Some(cmd) = rest.chars().next() {
        let end = rest[1..]
            .find(|c: char| c.is_ascii_alphabetic())
            .map_or(rest.len(), |i| i + 1);
        let args: Vec<f64> = rest[1..end]
            .split(' ')
            .map(|a| a.parse().unwrap())
            .collect();
        match cmd {
            'M' => (x, y) = (args[0], args[1]),
            'm' => (x, y) = (x + args[0], y + args[1]),
            'h' => {
                for i in 0..args[0] as usize {
                    dark[y as usize * size + x as usize + i] = true;
                }
                x += args[0];
            }
            other => panic!("unexpected path command {other} in {d}"),
        }
        rest = &rest[end..];
    }
    let scale = 4;
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(size * scale, size * scale, |x, y| {
            if dark[(y / scale) * size + x / scale] {
                0
            } else {
                255
            }
        });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().unwrap().1
}

#[tokio::test]
async fn qr_codes_open_the_service_page() {
    let server = TestServer::start(&bundled()).await;
    for lang in ["bn", "en"] {
        for slug in ["office-information", "sheikh-russel-digital-lab-support"] {
            let page_url =
                format!("https://doict.haluaghat.mymensingh.gov.bd/{lang}/services/{slug}");
            // On the service page, inline.
            let page = server.get(&format!("/{lang}/services/{slug}")).await.body;
            let inline = page
                .split("<svg")
                .nth(1)
                .map(|s| format!("<svg{}", s.split("</svg>").next().unwrap()))
                .unwrap();
            assert_eq!(decode_qr(&inline), page_url);
            // In the printed table, as an image.
            let services = server.get(&format!("/{lang}/services")).await.html();
            let img = format!("img[src='/{lang}/services/{slug}/qr.svg']");
            assert_eq!(select(&services, &img).len(), 1, "{lang} {slug}");
            let svg = server.get(&format!("/{lang}/services/{slug}/qr.svg")).await;
            assert_eq!(svg.status, 200);
            assert_eq!(svg.header("content-type"), Some("image/svg+xml"));
            assert_eq!(decode_qr(&svg.body), page_url);
        }
    }
}

/// The site for the bundled charter with absolute links on `base`.
fn site_on(base: &str) -> citizen_charter::site::Site {
    let options = citizen_charter::site::SiteOptions {
        base_url: Some(citizen_charter::urls::BaseUrl::new(base)),
        ..Default::default()
    };
    citizen_charter::site::Site::load(&bundled(), &options).unwrap()
}

fn html_of(site: &citizen_charter::site::Site, path: &str) -> String {
    String::from_utf8(site.page(path).unwrap().identity().to_vec()).unwrap()
}

#[test]
fn addresses_too_long_for_a_qr_code_leave_pages_without_one() {
    let site = site_on(&format!("https://{}", "a".repeat(4000)));
    assert_eq!(site.html_paths().len(), 32);
    assert!(!site.paths().iter().any(|p| p.ends_with("/qr.svg")));
    for path in site.html_paths() {
        let html = html_of(&site, path);
        assert!(!html.contains("<svg"), "{path} has a QR code");
        assert!(!html.contains("qr.svg"), "{path} links a QR code");
    }
    // The static copy is made from the same pages.
    let copy = site.static_copy().unwrap();
    assert!(!copy.paths().iter().any(|p| p.ends_with("/qr.svg")));
}

#[test]
fn the_table_shows_the_qr_codes_the_service_pages_have() {
    use citizen_charter::render::qr::MAX_BYTES;
    // "/bn/services/office-information" fits; the longer
    // "/bn/services/sheikh-russel-digital-lab-support" does not.
    let base_len = MAX_BYTES - "/bn/services/office-information".len();
    let base = format!("https://{}", "a".repeat(base_len - "https://".len()));
    let site = site_on(&base);
    for lang in ["bn", "en"] {
        let table = html_of(&site, &format!("/{lang}/services"));
        let mut with_code = Vec::new();
        for s in &site.charter.services {
            let slug = s.slug.get_ref();
            let path = format!("/{lang}/services/{slug}");
            let qr = format!("{path}/qr.svg");
            let inline = html_of(&site, &path).contains("<svg");
            assert_eq!(site.page(&qr).is_some(), inline, "{path}");
            assert_eq!(table.contains(&format!("src=\"{qr}\"")), inline, "{path}");
            if inline {
                with_code.push(slug.as_str());
            }
        }
        assert!(with_code.contains(&"office-information"), "{with_code:?}");
        assert!(!with_code.contains(&"sheikh-russel-digital-lab-support"));
    }
}
