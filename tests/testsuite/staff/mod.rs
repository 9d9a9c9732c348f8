//! The staff area through real HTTP on the production listener: a
//! single charter, or a folder of offices previewed at
//! `<id>.localhost:PORT` with the directory at `127.0.0.1:PORT`, each
//! with its state folder and staff database.

mod attacks;
mod cli;
mod editing;
mod matrix;
mod sessions;
mod signin;
mod timing;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use citizen_charter::feedback::{Feedback, FeedbackOptions};
use citizen_charter::server::{self, CpuPool, Deployment, Options, ServeOptions};
use citizen_charter::site::SiteOptions;
use citizen_charter::staff::{self, Staff, StaffOptions};
use citizen_charter::store::{NewAccount, Store};
use scraper::{Html, Selector};

use crate::support::{Reply, repo};

/// A password every test account has.
pub const PASSWORD: &str = "ঘাসফুল নদীর পাড়ে বসে";

/// A server of the staff area, for the life of the value.
pub struct StaffServer {
    pub port: u16,
    pub addr: SocketAddr,
    pub store: Store,
    pub deployment: Arc<Deployment>,
    /// Citizens' reports, served beside the staff area.
    pub feedback: Feedback,
    /// The charter file, or the folder of offices.
    pub charter: PathBuf,
    pub state: PathBuf,
    _dir: tempfile::TempDir,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for StaffServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// How a test's server is set up.
#[derive(Default)]
pub struct Setup {
    pub folder: bool,
    pub staff: StaffOptions,
    pub serve: ServeOptions,
    pub feedback: FeedbackOptions,
    /// TOML added at the end of the single charter.
    pub charter_extra: String,
}

impl StaffServer {
    /// The bundled charter, served as a single office `charter`.
    pub async fn single() -> StaffServer {
        StaffServer::start(Setup::default()).await
    }

    /// The offices `haluaghat` and `savar`, previewed.
    pub async fn folder() -> StaffServer {
        StaffServer::start(Setup {
            folder: true,
            ..Setup::default()
        })
        .await
    }

    pub async fn start(setup: Setup) -> StaffServer {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("state");
        let charter = if setup.folder {
            let offices = dir.path().join("offices");
            std::fs::create_dir(&offices).unwrap();
            for id in ["haluaghat", "savar"] {
                let from = repo(&format!("tests/fixtures/offices/{id}.toml"));
                std::fs::copy(from, offices.join(format!("{id}.toml"))).unwrap();
            }
            offices
        } else {
            let file = dir.path().join("charter.toml");
            let text = std::fs::read_to_string(repo("charter.toml")).unwrap();
            std::fs::write(&file, text + &setup.charter_extra).unwrap();
            file
        };
        let listener = server::bind(([127, 0, 0, 1], 0).into()).unwrap();
        let addr = listener.local_addr().unwrap();
        let deployment = Deployment::open(Options {
            registry: charter.with_extension("addresses.toml"),
            charter: charter.clone(),
            site: SiteOptions::default(),
            directory_base: None,
            preview_port: setup.folder.then_some(addr.port()),
            state_dir: Some(state.clone()),
            history_limit: 100,
        })
        .unwrap();
        let store = Store::open_in(&state).await.unwrap();
        let cpu = CpuPool::new(2, false);
        let staff = Staff::new(
            store.clone(),
            Arc::clone(&deployment),
            cpu.clone(),
            setup.staff,
        )
        .await;
        let feedback = Feedback::new(staff.clone(), setup.feedback);
        let app = server::app_with(
            Arc::clone(&deployment),
            &setup.serve,
            cpu,
            staff::routes(staff).merge(citizen_charter::feedback::routes(feedback.clone())),
        );
        let options = setup.serve;
        let task = tokio::spawn(async move {
            server::serve_with(listener, app, &options, std::future::pending())
                .await
                .unwrap();
        });
        StaffServer {
            port: addr.port(),
            addr,
            store,
            deployment,
            feedback,
            charter,
            state,
            _dir: dir,
            task,
        }
    }

    /// Adds the account `name` of `office` (`None`: an administrator)
    /// with [`PASSWORD`]; its number.
    pub async fn account(&self, name: &str, office: Option<&str>) -> i64 {
        let new = NewAccount {
            name: name.into(),
            office: office.map(String::from),
            admin: office.is_none(),
        };
        let account = self.store.add_account(&new).await.unwrap().unwrap();
        let token = staff::issue_link(&self.store, account.id, std::time::Duration::from_secs(60))
            .await
            .unwrap();
        let hash = staff::password::hash(&staff::password::normalized(PASSWORD));
        let stored = staff::tokens::stored(&token);
        self.store.use_link(&stored, &hash).await.unwrap().unwrap();
        account.id
    }

    /// A browser on `host` (`charter.localhost`, `haluaghat.localhost`,
    /// `127.0.0.1` for the directory of a folder).
    pub fn browser(&self, host: &str) -> Browser {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .resolve(host, self.addr)
            .build()
            .unwrap();
        Browser {
            client,
            host: format!("{host}:{}", self.port),
            cookies: HashMap::new(),
            origin: None,
            headers: Vec::new(),
        }
    }

    /// The charter file of `office` (the single one for `charter`).
    pub fn file(&self, office: &str) -> PathBuf {
        if self.charter.is_dir() {
            self.charter.join(format!("{office}.toml"))
        } else {
            self.charter.clone()
        }
    }
}

/// A browser: its cookies, sent to the one host it talks to.
pub struct Browser {
    client: reqwest::Client,
    pub host: String,
    pub cookies: HashMap<String, String>,
    /// The `Origin` its forms send (the host's own unless set).
    pub origin: Option<String>,
    /// Headers sent with every request.
    pub headers: Vec<(String, String)>,
}

impl Browser {
    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn send(&mut self, req: reqwest::RequestBuilder) -> Reply {
        let mut req = req;
        if !self.cookies.is_empty() {
            req = req.header("cookie", self.cookie_header());
        }
        for (k, v) in &self.headers {
            req = req.header(k.as_str(), v.as_str());
        }
        let res = req.send().await.expect("request goes through");
        for value in res.headers().get_all("set-cookie") {
            let value = value.to_str().unwrap();
            let (pair, attributes) = value.split_once(';').unwrap_or((value, ""));
            let (name, v) = pair.split_once('=').unwrap();
            if attributes.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_string(), v.to_string());
            }
        }
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let bytes = res.bytes().await.unwrap().to_vec();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes,
        }
    }

    pub async fn get(&mut self, path: &str) -> Reply {
        let req = self.client.get(format!("http://{}{path}", self.host));
        self.send(req).await
    }

    /// Sends a form to `path`, from this site's own page.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let origin = (self.origin.clone()).unwrap_or_else(|| format!("http://{}", self.host));
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        self.post_body(path, Some(&origin), body).await
    }

    /// Sends `body` as a form to `path`, with `origin` (none: no `Origin`
    /// header at all, as an old browser or a program sends).
    pub async fn post_body(&mut self, path: &str, origin: Option<&str>, body: String) -> Reply {
        let mut req = self
            .client
            .post(format!("http://{}{path}", self.host))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        if let Some(origin) = origin {
            req = req.header("origin", origin);
        }
        self.send(req).await
    }

    /// Opens `/{lang}/staff/` and signs in as `name` with `password`.
    pub async fn sign_in_with(&mut self, lang: &str, name: &str, password: &str) -> Reply {
        let page = self.get(&format!("/{lang}/staff/")).await;
        let csrf = field(&page, "csrf");
        self.post(
            &format!("/{lang}/staff/sign-in"),
            &[("csrf", &csrf), ("name", name), ("password", password)],
        )
        .await
    }

    /// Signs in as `name` with [`PASSWORD`], which must work.
    pub async fn sign_in(&mut self, name: &str) {
        let reply = self.sign_in_with("en", name, PASSWORD).await;
        assert_eq!(reply.status, 303, "{name} signs in: {}", reply.body);
    }

    /// Opens the form at `path` and sends it with its own fields
    /// (`csrf`, `base`, every input, text area and selected option),
    /// `changes` made.
    pub async fn submit(
        &mut self,
        path: &str,
        action: Option<&str>,
        changes: &[(&str, &str)],
    ) -> Reply {
        let page = self.get(path).await;
        assert_eq!(page.status, 200, "{path}: {}", page.body);
        let mut fields = form_fields(&page, action);
        for (k, v) in changes {
            fields.retain(|(name, _)| name != k);
            fields.push((k.to_string(), v.to_string()));
        }
        let action = action.map_or_else(|| path.to_string(), String::from);
        let pairs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.post(&action, &pairs).await
    }
}

/// The value of the first form field `name` of the page.
pub fn field(reply: &Reply, name: &str) -> String {
    let html = Html::parse_document(&reply.body);
    let sel = Selector::parse(&format!("[name=\"{name}\"]")).unwrap();
    let el = html
        .select(&sel)
        .next()
        .unwrap_or_else(|| panic!("no field {name} in {}", reply.body));
    el.value()
        .attr("value")
        .map(String::from)
        .unwrap_or_else(|| el.text().collect())
}

/// Every field the form whose action is `action` (the first form with a
/// `base` field when `None`) sends as it stands.
pub fn form_fields(reply: &Reply, action: Option<&str>) -> Vec<(String, String)> {
    let html = Html::parse_document(&reply.body);
    let forms = Selector::parse("form").unwrap();
    let form = html
        .select(&forms)
        .find(|f| match action {
            Some(a) => f.value().attr("action") == Some(a),
            None => f
                .select(&Selector::parse("[name=base]").unwrap())
                .next()
                .is_some(),
        })
        .expect("the form is on the page");
    let mut fields = Vec::new();
    for el in form.select(&Selector::parse("input, textarea, select").unwrap()) {
        let Some(name) = el.value().attr("name") else {
            continue;
        };
        let value = match el.value().name() {
            "textarea" => el.text().collect(),
            "select" => el
                .select(&Selector::parse("option[selected]").unwrap())
                .next()
                .and_then(|o| o.value().attr("value"))
                .unwrap_or("")
                .to_string(),
            _ => el.value().attr("value").unwrap_or("").to_string(),
        };
        fields.push((name.to_string(), value));
    }
    fields
}

/// The text of the page's elements matching `css`, joined.
pub fn texts(reply: &Reply, css: &str) -> String {
    let html = Html::parse_document(&reply.body);
    html.select(&Selector::parse(css).unwrap())
        .map(|e| e.text().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The bundled charter's text.
pub fn bundled_text() -> String {
    std::fs::read_to_string(repo("charter.toml")).unwrap()
}
