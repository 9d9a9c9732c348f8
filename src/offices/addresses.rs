//! The one rule that decides which office an address reaches, which
//! `serve`, `check` and `build` all follow, and the words they all report
//! an address not taken with.
//!
//! With a registry of addresses, an address reaches the office the
//! registry gives it to, whatever the offices' files say; a file's
//! `website` or alias that the registry does not give that office is
//! reported, and the rest of the office is served. Previewing without a
//! registry, each address a file names reaches its office, unless two
//! files name it: then it reaches neither (which file came first decides
//! nothing). Never the directory's own address.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use super::Registry;
use crate::charter::{Claim, ClaimKind, Position};
use crate::i18n::{Lang, Words};

/// The addresses one office's file names as its own.
#[derive(Debug, Clone)]
pub struct Claims<'a> {
    /// The office.
    pub id: &'a str,
    /// Its file, as messages name it.
    pub file: &'a str,
    /// What the file names: its website and aliases.
    pub claims: &'a [Claim],
}

/// An address a file names that does not reach its office, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The office whose file names it.
    pub office: String,
    /// The file, as messages name it.
    pub file: String,
    /// Where the file names it.
    pub at: Position,
    /// Website or alias.
    pub kind: ClaimKind,
    /// The address, keyed.
    pub host: String,
    /// Why it does not reach the office.
    pub why: Why,
}

/// Why an address a file names does not reach its office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// The registry gives it to another office.
    HeldBy(String),
    /// The registry gives it to no office.
    NotGiven,
    /// It is the directory's own address.
    Directory,
    /// Previewing without a registry: other offices' files name it too.
    Contested(Vec<String>),
}

impl Refused {
    /// `FILE:LINE:COLUMN: error: …`, in `lang`: the place as editors read
    /// it in both.
    pub fn in_lang(&self, lang: Lang) -> String {
        let message = match &self.why {
            Why::HeldBy(other) => Words::new("offices-refused-held").arg("other", other),
            Why::NotGiven => Words::new("offices-refused-not-given"),
            Why::Directory => Words::new("offices-refused-directory"),
            Why::Contested(others) => {
                Words::new("offices-refused-contested").arg("others", others.join(", "))
            }
        };
        let message = message
            .arg("kind", self.kind.name())
            .arg("host", self.host.as_str());
        format!(
            "{}:{}:{}: {}: {}",
            self.file,
            self.at.line,
            self.at.column,
            Words::new("check-error").in_lang(lang),
            message.in_lang(lang)
        )
    }
}

/// In English, for the server's `/healthz`.
impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// Which office each address reaches, and what the files name that it
/// does not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Routing {
    /// Each address, keyed, and the office it reaches.
    pub hosts: HashMap<String, String>,
    /// What the files name that does not reach their office, in the
    /// order of the offices and of each file.
    pub refused: Vec<Refused>,
}

/// The routing of `offices` by `registry`, or previewing without one by
/// the files themselves; `directory` (the directory's host, keyed)
/// reaches no office.
pub fn route(
    registry: Option<&Registry>,
    offices: &[Claims<'_>],
    directory: Option<&str>,
) -> Routing {
    let mut routing = Routing::default();
    let refuse = |office: &Claims<'_>, claim: &Claim, why: Why| Refused {
        office: office.id.to_string(),
        file: office.file.to_string(),
        at: claim.at,
        kind: claim.kind,
        host: claim.host.clone(),
        why,
    };
    match registry {
        Some(registry) => {
            for (id, hosts) in registry.offices() {
                for host in hosts {
                    routing.hosts.insert(host.clone(), id.to_string());
                }
            }
            for office in offices {
                for claim in office.claims {
                    let why = if Some(claim.host.as_str()) == directory {
                        Why::Directory
                    } else {
                        match registry.holder(&claim.host) {
                            Some(holder) if holder == office.id => continue,
                            Some(holder) => Why::HeldBy(holder.to_string()),
                            None => Why::NotGiven,
                        }
                    };
                    routing.refused.push(refuse(office, claim, why));
                }
            }
        }
        None => {
            let mut named: BTreeMap<&str, Vec<&Claims<'_>>> = BTreeMap::new();
            for office in offices {
                for claim in office.claims {
                    named.entry(&claim.host).or_default().push(office);
                }
            }
            for office in offices {
                for claim in office.claims {
                    let by = &named[claim.host.as_str()];
                    let why = if Some(claim.host.as_str()) == directory {
                        Why::Directory
                    } else if by.len() > 1 {
                        let others = (by.iter())
                            .filter(|o| o.id != office.id)
                            .map(|o| o.file.rsplit('/').next().unwrap_or(o.file).to_string())
                            .collect();
                        Why::Contested(others)
                    } else {
                        routing
                            .hosts
                            .insert(claim.host.clone(), office.id.to_string());
                        continue;
                    };
                    routing.refused.push(refuse(office, claim, why));
                }
            }
        }
    }
    routing
}

#[cfg(test)]
mod tests;
