//! What changed between two versions of the charter, as a clerk would say
//! it: services added, removed or changed (by slug), and the other sections
//! of the file that changed.
//!
//! A version is summed up by a [`Fingerprint`]: a short hash of each
//! service and of each other section, taken from the loaded model rather
//! than the text, so that moving a service, reformatting or editing a
//! comment does not count as changing it.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::charter::{self, Charter};
use crate::i18n::{Lang, Value, Words};

/// A short hash of each part of one version of the charter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Each service's slug and hash, in the file's order.
    pub services: Vec<(String, String)>,
    /// Each other top-level section (`office`, `charter`, `officers`,
    /// `grievance`) by its name in the file, and its hash.
    pub sections: BTreeMap<String, String>,
}

/// 64 bits of SHA-256 are plenty to tell versions of one file apart.
fn short_hash(json: &str) -> String {
    charter::hex_sha256(json.as_bytes())[..16].to_string()
}

impl Fingerprint {
    /// The fingerprint of a loaded charter.
    pub fn of(charter: &Charter) -> Fingerprint {
        let services = charter
            .services
            .iter()
            .map(|s| {
                let json = serde_json::to_string(s).unwrap_or_default();
                (s.slug.get_ref().clone(), short_hash(&json))
            })
            .collect();
        let mut sections = BTreeMap::new();
        if let Ok(serde_json::Value::Object(map)) = serde_json::to_value(charter) {
            for (name, value) in map {
                if name != "services" {
                    sections.insert(name, short_hash(&value.to_string()));
                }
            }
        }
        Fingerprint { services, sections }
    }
}

/// What changed from the version loaded before.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    /// Nothing was kept before this version.
    pub first: bool,
    /// Slugs of services that are new.
    pub added: Vec<String>,
    /// Slugs of services that are gone.
    pub removed: Vec<String>,
    /// Slugs of services whose texts, officer, serial or group changed.
    pub changed: Vec<String>,
    /// The same services, in another order.
    pub reordered: bool,
    /// Other sections that changed, by their name in the file.
    pub sections: Vec<String>,
}

impl Changes {
    /// The changes from `before` (none when this is the first version
    /// kept) to `after`.
    pub fn between(before: Option<&Fingerprint>, after: &Fingerprint) -> Changes {
        let Some(before) = before else {
            return Changes {
                first: true,
                ..Changes::default()
            };
        };
        let old: HashMap<&str, &str> = before
            .services
            .iter()
            .map(|(slug, hash)| (slug.as_str(), hash.as_str()))
            .collect();
        let new: HashMap<&str, &str> = after
            .services
            .iter()
            .map(|(slug, hash)| (slug.as_str(), hash.as_str()))
            .collect();
        let mut changes = Changes::default();
        for (slug, hash) in &after.services {
            match old.get(slug.as_str()) {
                None => changes.added.push(slug.clone()),
                Some(h) if *h != hash => changes.changed.push(slug.clone()),
                Some(_) => {}
            }
        }
        changes.removed = before
            .services
            .iter()
            .filter(|(slug, _)| !new.contains_key(slug.as_str()))
            .map(|(slug, _)| slug.clone())
            .collect();
        let kept_order = |list: &[(String, String)], other: &HashMap<&str, &str>| {
            list.iter()
                .filter(|(slug, _)| other.contains_key(slug.as_str()))
                .map(|(slug, _)| slug.clone())
                .collect::<Vec<_>>()
        };
        changes.reordered = kept_order(&before.services, &new) != kept_order(&after.services, &old);
        let names: BTreeSet<&String> = before
            .sections
            .keys()
            .chain(after.sections.keys())
            .collect();
        changes.sections = names
            .into_iter()
            .filter(|name| before.sections.get(*name) != after.sections.get(*name))
            .cloned()
            .collect();
        changes
    }

    /// True when the content is the same (only spacing, comments or the
    /// way texts are written changed).
    pub fn is_empty(&self) -> bool {
        !self.first
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && !self.reordered
            && self.sections.is_empty()
    }
}

/// Up to five names, then how many more.
fn names(list: &[String]) -> Value {
    const SHOWN: usize = 5;
    let shown = list
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if list.len() > SHOWN {
        Value::Words(
            Words::new("history-changes-more")
                .arg("names", shown)
                .arg("more", list.len() - SHOWN),
        )
    } else {
        Value::Text(shown)
    }
}

impl Changes {
    /// What changed, in words: the parts, each a sentence of its own.
    fn parts(&self) -> Vec<Words> {
        if self.first {
            return vec![Words::new("history-changes-first")];
        }
        if self.is_empty() {
            return vec![Words::new("history-changes-same")];
        }
        let mut parts = Vec::new();
        for (id, list) in [
            ("history-changes-added", &self.added),
            ("history-changes-removed", &self.removed),
            ("history-changes-changed", &self.changed),
        ] {
            if !list.is_empty() {
                parts.push(Words::new(id).arg("names", names(list)));
            }
        }
        if self.reordered {
            parts.push(Words::new("history-changes-reordered"));
        }
        if !self.sections.is_empty() {
            let sections = self.sections.join("], [");
            parts.push(Words::new("history-changes-sections").arg("sections", sections));
        }
        parts
    }

    /// What changed, in words: the parts one after the other ("added d;
    /// removed b; changed c").
    pub fn words(&self) -> Words {
        let mut parts = self.parts();
        let last = parts
            .pop()
            .unwrap_or_else(|| Words::new("history-changes-same"));
        parts.into_iter().rev().fold(last, |rest, part| {
            Words::new("history-changes-then")
                .arg("first", part)
                .arg("rest", rest)
        })
    }

    /// What changed, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        self.words().in_lang(lang)
    }
}

impl fmt::Display for Changes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(services: &[(&str, &str)], sections: &[(&str, &str)]) -> Fingerprint {
        Fingerprint {
            services: services
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            sections: sections
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        }
    }

    #[test]
    fn names_services_added_removed_and_changed() {
        let before = fp(&[("a", "1"), ("b", "2"), ("c", "3")], &[("office", "x")]);
        let after = fp(&[("a", "1"), ("c", "9"), ("d", "4")], &[("office", "y")]);
        let c = Changes::between(Some(&before), &after);
        assert_eq!(c.added, ["d"]);
        assert_eq!(c.removed, ["b"]);
        assert_eq!(c.changed, ["c"]);
        assert!(!c.reordered);
        assert_eq!(c.sections, ["office"]);
        assert_eq!(
            c.to_string(),
            "added d; removed b; changed c; also changed [office]"
        );
    }

    #[test]
    fn a_move_is_a_new_order_not_a_change() {
        let before = fp(&[("a", "1"), ("b", "2")], &[]);
        let after = fp(&[("b", "2"), ("a", "1")], &[]);
        let c = Changes::between(Some(&before), &after);
        assert!(c.reordered && c.changed.is_empty() && c.added.is_empty());
        assert_eq!(c.to_string(), "services in a new order");
    }

    #[test]
    fn first_and_unchanged_versions_say_so() {
        let a = fp(&[("a", "1")], &[("office", "x")]);
        assert_eq!(Changes::between(None, &a).to_string(), "first version kept");
        assert!(Changes::between(Some(&a), &a).is_empty());
        let many: Vec<String> = (1..=8).map(|i| format!("s{i}")).collect();
        let removed = Changes {
            removed: many,
            ..Changes::default()
        };
        assert_eq!(removed.to_string(), "removed s1, s2, s3, s4, s5 and 3 more");
        assert_eq!(
            removed.in_lang(Lang::Bn),
            "বাদ পড়েছে s1, s2, s3, s4, s5 এবং আরও ৩টি"
        );
    }

    #[test]
    fn fingerprint_ignores_layout_and_sees_a_changed_fee() {
        let source = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("charter.toml"),
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let load = |text: &str| {
            let file = dir.path().join("charter.toml");
            std::fs::write(&file, text).unwrap();
            charter::load_file(&file).unwrap().charter
        };
        let base = Fingerprint::of(&load(&source));
        assert_eq!(base.services.len(), 13);
        assert_eq!(
            base.sections.keys().collect::<Vec<_>>(),
            ["charter", "grievance", "office", "officers"]
        );
        let spaced = Fingerprint::of(&load(&format!("# a note\n\n{source}")));
        assert_eq!(spaced, base);
        let fee = source.replacen("বিনামূল্যে", "১০ টাকা", 1);
        let c = Changes::between(Some(&base), &Fingerprint::of(&load(&fee)));
        assert_eq!(c.changed, ["office-information"]);
        assert!(c.sections.is_empty());
    }
}
