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

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, host) = (self.kind.name(), &self.host);
        write!(
            f,
            "{}:{}:{}: error: {what} {host} ",
            self.file, self.at.line, self.at.column
        )?;
        match &self.why {
            Why::HeldBy(other) => write!(
                f,
                "is the address of the office {other} in the registry of addresses, not of this \
                 office: it does not reach this office; correct the file, or ask the \
                 administrator to change the registry"
            ),
            Why::NotGiven => write!(
                f,
                "is not this office's address in the registry of addresses: it does not reach \
                 this office until the administrator gives it there"
            ),
            Why::Directory => write!(
                f,
                "is the directory's own address (--base-url), which reaches no office: correct \
                 the file"
            ),
            Why::Contested(others) => write!(
                f,
                "is named by {} too: it reaches neither office until one of the files is \
                 corrected (a registry of addresses decides, `charter offices init`)",
                others.join(", ")
            ),
        }
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
