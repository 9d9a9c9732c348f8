//! From a form to the site: the charter file as it is now, a change
//! checked and kept as a proposal, what changed since a form was opened,
//! and the publish itself.
//!
//! A publish replaces the file atomically, keeping its owner, group and
//! mode (the way `charter restore` writes it), then reloads the office
//! the way a save on disk does and waits for it: the history keeps the
//! version like any other, and the database who published it, with the
//! note. A change based on an older version than the file's (two editors,
//! or an editor and a save by SFTP) is refused with what changed since.

use std::collections::HashMap;

use crate::charter::{self, Charter};
use crate::history::restore::write_charter;
use crate::i18n::{Arg, Lang, tr, tr_args};
use crate::store::{Draft, DraftKind};

use super::Staff;
use super::changes::{Summary, summary};
use super::check::{self, Problem};
use super::edit::EditError;
use super::pages::ChangesView;
use super::visit::{Acting, Signed};

/// The charter file as it is now.
pub struct Current {
    /// Its text.
    pub text: String,
    /// Its content hash, as the history and `/healthz` name versions.
    pub hash: String,
}

/// Why a change was not kept to publish: what the form shows with it.
#[derive(Default)]
pub struct Refused {
    /// Problems of the whole change.
    pub problems: Vec<Problem>,
    /// Problems beside a field, by the field's key.
    pub errors: HashMap<String, Vec<String>>,
    /// What changed since the form was opened.
    pub conflict: Option<ChangesView>,
    /// The version the form is now based on.
    pub base: String,
}

impl Refused {
    fn problem(message: String, base: &str) -> Refused {
        Refused {
            problems: vec![Problem {
                at: None,
                message,
                hint: None,
                line: String::new(),
                span: None,
            }],
            base: base.to_string(),
            ..Refused::default()
        }
    }
}

/// What a publish did.
pub enum Published {
    /// Published: the version's number in the history, and whether the
    /// site shows it.
    Done { number: Option<u64>, shown: bool },
    /// Refused: the file changed since the change was checked.
    Conflict(ChangesView),
    /// Refused: the change does not pass the checks (any more).
    Invalid(Vec<Problem>),
    /// The file could not be written, or the work not done now.
    Failed(String),
}

impl Staff {
    /// The charter file of `acting` as it is now.
    pub async fn current(&self, acting: &Acting) -> Result<Current, String> {
        let file = acting.state.charter_file().clone();
        let max = acting.state.max_charter_bytes();
        let bytes = tokio::task::spawn_blocking(move || file.read(max))
            .await
            .map_err(|e| e.to_string())?
            .map_err(|e| e.to_string())?;
        let text = charter::text_of(&bytes).ok_or_else(|| "not UTF-8 text".to_string())?;
        Ok(Current {
            hash: charter::content_hash(&bytes),
            text,
        })
    }

    /// The charter of `current`: the one served when it is the file's,
    /// else the file read again (`None` when it does not pass).
    pub async fn current_charter(&self, acting: &Acting, current: &Current) -> Option<Charter> {
        let site = acting.state.site();
        if site.content_hash == current.hash {
            return Some(site.charter.clone());
        }
        let text = current.text.clone();
        let loaded = self
            .0
            .cpu
            .run(move || charter::load_str("charter.toml", &text))
            .await;
        loaded.ok()?.ok().map(|l| l.charter)
    }

    /// Who made the version with content hash `hash` of `acting`, as the
    /// pages name them.
    pub async fn made_by(&self, acting: &Acting, hash: &str, lang: Lang) -> String {
        match self.store().version_notes(&acting.id).await {
            Ok(notes) => match notes.get(hash) {
                Some(n) => n.account.clone(),
                None => tr(lang, "staff-edited-as-file"),
            },
            Err(_) => tr(lang, "staff-edited-as-file"),
        }
    }

    /// The charter of `acting`'s version with content hash `hash`, when
    /// its history keeps it.
    pub fn version_charter(&self, acting: &Acting, hash: &str) -> Option<Charter> {
        acting.state.history().and_then(|history| {
            let (entries, _) = history.list().ok()?;
            let entry = entries.iter().find(|e| e.content_hash == hash)?;
            let (_, bytes, _) = history.version(entry.number).ok()?;
            let text = charter::text_of(&bytes)?;
            charter::load_str("charter.toml", &text)
                .ok()
                .map(|l| l.charter)
        })
    }

    /// What changed in `acting`'s charter from the version `base` to
    /// `current`, as a form shows it.
    pub async fn since(
        &self,
        acting: &Acting,
        base: &str,
        current: &Current,
        lang: Lang,
    ) -> ChangesView {
        let who = self.made_by(acting, &current.hash, lang).await;
        let intro = tr_args(lang, "staff-conflict-intro", &[("who", Arg::Text(who))]);
        let before = self.version_charter(acting, base);
        let after = self.current_charter(acting, current).await;
        let changes = match (before, after) {
            (Some(b), Some(a)) => summary(&b, &a, lang),
            _ => Summary {
                sections: vec![tr(lang, "staff-conflict-unknown")],
                ..Summary::default()
            },
        };
        ChangesView { intro, changes }
    }

    /// Makes the change `edit` to `acting`'s charter, based on the
    /// version `base`, and keeps it, checked, as the account's proposal
    /// `target` (what it does); or says why not.
    pub async fn propose(
        &self,
        signed: &Signed,
        acting: &Acting,
        base: &str,
        target: &str,
        edit: impl FnOnce(&str) -> Result<String, EditError>,
        fields_of: Option<(&str, &str, &str)>,
    ) -> Result<(), Refused> {
        let lang = signed.visit.lang;
        let current = self
            .current(acting)
            .await
            .map_err(|e| Refused::problem(e, base))?;
        if current.hash != base {
            return Err(Refused {
                conflict: Some(self.since(acting, base, &current, lang).await),
                base: current.hash,
                ..Refused::default()
            });
        }
        let text = match edit(&current.text) {
            Ok(text) => text,
            Err(EditError::Fields(list)) => {
                let mut refused = Refused {
                    base: current.hash.clone(),
                    ..Refused::default()
                };
                for f in list {
                    refused
                        .errors
                        .entry(f.field)
                        .or_default()
                        .push(tr(lang, f.message));
                }
                return Err(refused);
            }
            Err(EditError::Unreadable) => {
                return Err(Refused::problem(
                    tr(lang, "staff-forms-cannot-read"),
                    &current.hash,
                ));
            }
            Err(EditError::NotFound) => {
                return Err(Refused::problem(tr(lang, "staff-not-found"), &current.hash));
            }
        };
        if text == current.text {
            return Err(Refused::problem(
                tr(lang, "staff-nothing-changed"),
                &current.hash,
            ));
        }
        let checked = {
            let text = text.clone();
            self.0
                .cpu
                .run_for(signed.visit.client.ip, move || check::check(&text, lang))
                .await
        };
        let loaded = match checked {
            Err(_busy) => return Err(Refused::problem(tr(lang, "staff-busy"), &current.hash)),
            Ok(Err(mut problems)) => {
                let mut refused = Refused {
                    base: current.hash.clone(),
                    ..Refused::default()
                };
                if let Some((array, key, value)) = fields_of {
                    refused.errors = check::by_field(&mut problems, &text, array, key, value);
                }
                refused.problems = problems;
                return Err(refused);
            }
            Ok(Ok(loaded)) => loaded,
        };
        if !signed.account.admin {
            let before = self.current_charter(acting, &current).await;
            if let Some(before) = before
                && let Err(p) = check::addresses_kept(&before, &loaded.charter, lang)
            {
                return Err(Refused {
                    problems: vec![p],
                    base: current.hash,
                    ..Refused::default()
                });
            }
        }
        let draft = Draft {
            target: target.to_string(),
            base_hash: current.hash.clone(),
            body: text,
            saved_at: crate::store::now(),
        };
        let store = self.store();
        let kept = store
            .keep_draft(signed.account.id, &acting.id, DraftKind::Proposal, &draft)
            .await;
        kept.map_err(|e| Refused::problem(e.to_string(), &current.hash))?;
        let _ = store
            .drop_draft(signed.account.id, &acting.id, DraftKind::Unsent)
            .await;
        Ok(())
    }

    /// Publishes `text` as `acting`'s charter, if the file is still the
    /// version `base`: see the module.
    pub async fn publish(
        &self,
        signed: &Signed,
        acting: &Acting,
        text: &str,
        base: &str,
        note: &str,
        target: &str,
    ) -> Published {
        let lang = signed.visit.lang;
        let lock = self.publish_lock(&acting.id);
        let _one_at_a_time = lock.lock().await;
        let current = match self.current(acting).await {
            Ok(c) => c,
            Err(e) => return Published::Failed(e),
        };
        if current.hash != base {
            return Published::Conflict(self.since(acting, base, &current, lang).await);
        }
        let checked = {
            let text = text.to_string();
            self.0
                .cpu
                .run_for(signed.visit.client.ip, move || check::check(&text, lang))
                .await
        };
        let loaded = match checked {
            Err(_busy) => return Published::Failed(tr(lang, "staff-busy")),
            Ok(Err(problems)) => return Published::Invalid(problems),
            Ok(Ok(loaded)) => loaded,
        };
        let path = acting.state.charter_file().path().to_path_buf();
        let bytes = text.as_bytes().to_vec();
        let written = tokio::task::spawn_blocking(move || write_charter(&path, &bytes)).await;
        match written {
            Ok(Ok(())) => {}
            Ok(Err(e)) => return Published::Failed(e.to_string()),
            Err(e) => return Published::Failed(e.to_string()),
        }
        let hash = loaded.content_hash;
        // A version kept already (a restore) keeps who made it: the
        // history notes going back to it, the audit log who did.
        let kept = (acting.state.history())
            .and_then(|h| h.list().ok())
            .is_some_and(|(entries, _)| entries.iter().any(|e| e.content_hash == hash));
        if !kept
            && let Err(e) = self
                .store()
                .note_version(&acting.id, &hash, &signed.account.name, note)
                .await
        {
            tracing::error!("who published version {hash} was not noted: {e}");
        }
        // The reload a save on disk gets, waited for.
        let deployment = &self.0.deployment;
        deployment.file_changed(&acting.id).await;
        let state = deployment
            .office(&acting.id)
            .unwrap_or_else(|| acting.state.clone());
        let shown = state.site().content_hash == hash;
        let number = state.history().and_then(|h| h.current());
        let detail = format!(
            "{target}: version {}{}; note: {note}",
            number.map_or_else(|| "?".to_string(), |n| n.to_string()),
            if shown { "" } else { " (not shown yet)" }
        );
        let action = if target.starts_with("restore") {
            "restore"
        } else {
            "publish"
        };
        self.audit(Staff::entry(
            &signed.visit,
            Some(&signed.account.name),
            Some(&acting.id),
            action,
            detail,
        ))
        .await;
        Published::Done { number, shown }
    }
}
