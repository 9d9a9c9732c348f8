//! `charter staff`: the staff area's accounts, from the server's
//! terminal. `add` and `reset` print a set-password link, valid 24
//! hours, once; `audit` prints the audit log.
//!
//! Run it as the service's user (`sudo -u charter charter staff …`), so
//! that the database stays the service's: it is the file `staff.sqlite`
//! in the state folder, which `serve` creates.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::Exit;
use crate::i18n::Lang;
use crate::staff::{account_name, issue_link, link_path, valid_name};
use crate::store::{NewAccount, Store};
use crate::urls::BaseUrl;
use crate::{errln, history, outln};

#[derive(Debug, Args)]
pub struct StaffArgs {
    #[command(subcommand)]
    command: StaffCommand,
    /// The charter file or folder of offices the server serves.
    #[arg(
        long,
        env = "CHARTER_FILE",
        default_value = "charter.toml",
        global = true
    )]
    charter: PathBuf,
    /// The server's state folder, where `staff.sqlite` is. Default:
    /// systemd's STATE_DIRECTORY.
    #[arg(long, env = "CHARTER_STATE_DIR", value_name = "DIR", global = true)]
    state_dir: Option<PathBuf>,
    /// The address the links start with, for an administrator of a
    /// folder of offices: the directory's (as `serve --base-url`).
    #[arg(long, env = "CHARTER_BASE_URL", value_parser = super::base_url, global = true)]
    base_url: Option<BaseUrl>,
}

#[derive(Debug, Subcommand)]
enum StaffCommand {
    /// Add an account and print the link where its owner sets a password.
    Add {
        /// The name signed in with (any case; kept in lower case).
        name: String,
        /// The office the account edits (its file's name without .toml);
        /// for a single charter it may be left out.
        #[arg(long)]
        office: Option<String>,
        /// An administrator: every office, the accounts, the audit log.
        #[arg(long, conflicts_with = "office")]
        admin: bool,
        /// The language of the link's page.
        #[arg(long, default_value = "bn")]
        lang: Lang,
    },
    /// List the accounts.
    List,
    /// Disable an account: it cannot sign in, and its sessions end.
    Disable { name: String },
    /// Enable a disabled account.
    Enable { name: String },
    /// A new set-password link (the old password stays until it is used;
    /// every session ends, and an older link stops working).
    Reset {
        name: String,
        #[arg(long, default_value = "bn")]
        lang: Lang,
    },
    /// Print the audit log, newest first.
    Audit {
        /// How many entries.
        #[arg(long, default_value_t = 100)]
        limit: i64,
    },
}

/// Exit status 0 done, 1 the account or office named is not there (or
/// the name is taken), 2 the database cannot be used.
pub fn run(args: &StaffArgs) -> ExitCode {
    let Some(state) = history::state_dir(args.state_dir.as_deref()) else {
        errln!(
            "no state folder: give --state-dir (or CHARTER_STATE_DIR), the folder `charter serve` keeps its state in"
        );
        return Exit::Unusable.into();
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            errln!("cannot start the async runtime: {e}");
            return Exit::Unusable.into();
        }
    };
    runtime
        .block_on(async {
            let store = match Store::open_in(&state).await {
                Ok(s) => s,
                Err(e) => {
                    errln!("{}: {e}", state.display());
                    return Exit::Unusable;
                }
            };
            match command(args, &store).await {
                Ok(exit) => exit,
                Err(e) => {
                    errln!("{e}");
                    Exit::Unusable
                }
            }
        })
        .into()
}

/// The id of the office `given` for an account, or why not.
fn office_id(charter: &Path, given: Option<&str>) -> Result<String, String> {
    if charter.is_dir() {
        let id = given.ok_or("a folder of offices: name the account's office with --office (its file's name without .toml), or give --admin")?;
        return if charter.join(format!("{id}.toml")).is_file() {
            Ok(id.to_string())
        } else {
            Err(format!(
                "{id}: no such office in {} (no {id}.toml)",
                charter.display()
            ))
        };
    }
    let own = charter
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match given {
        Some(id) if id != own => Err(format!("{id}: this server serves one office, {own}")),
        _ => Ok(own),
    }
}

/// Where a link for an account of `office` (`None`: an administrator)
/// starts.
fn link_base(args: &StaffArgs, office: Option<&str>) -> Option<String> {
    let file = match (office, args.charter.is_dir()) {
        (Some(id), true) => args.charter.join(format!("{id}.toml")),
        (None, true) => return args.base_url.as_ref().map(|b| b.as_str().to_string()),
        (_, false) => {
            if let Some(base) = &args.base_url {
                return Some(base.as_str().to_string());
            }
            args.charter.clone()
        }
    };
    let loaded = crate::charter::load_file(&file).ok()?;
    Some(BaseUrl::from_charter(&loaded.charter).as_str().to_string())
}

async fn print_link(
    args: &StaffArgs,
    store: &Store,
    id: i64,
    name: &str,
    office: Option<&str>,
    lang: Lang,
) -> Result<(), crate::store::StoreError> {
    let token = issue_link(store, id, crate::staff::StaffOptions::default().link_valid).await?;
    let path = link_path(lang, &token);
    outln!("The link where {name} sets a password (valid 24 hours, once; send it privately):");
    match link_base(args, office) {
        Some(base) => outln!("{}{path}", base.trim_end_matches('/')),
        None => outln!("{path}\n(on the directory's address: give --base-url to print it whole)"),
    }
    Ok(())
}

async fn command(args: &StaffArgs, store: &Store) -> Result<Exit, crate::store::StoreError> {
    let named = |name: &str| account_name(name);
    match &args.command {
        StaffCommand::Add {
            name,
            office,
            admin,
            lang,
        } => {
            let name = named(name);
            if !valid_name(&name) {
                errln!(
                    "{name:?}: a name is 2 to 64 characters that can all be seen, without \
                     spaces or invisible characters, and does not begin with unknown: or \
                     terminal: (reserved)"
                );
                return Ok(Exit::Invalid);
            }
            let office = if *admin {
                None
            } else {
                match office_id(&args.charter, office.as_deref()) {
                    Ok(id) => Some(id),
                    Err(e) => {
                        errln!("{e}");
                        return Ok(Exit::Invalid);
                    }
                }
            };
            let new = NewAccount {
                name: name.clone(),
                office: office.clone(),
                admin: *admin,
            };
            let Some(account) = store.add_account(&new).await? else {
                errln!("{name}: an account with this name exists already");
                return Ok(Exit::Invalid);
            };
            audit(store, &name, office.as_deref(), "account-added").await?;
            outln!(
                "added {name} ({})",
                office.as_deref().unwrap_or("administrator: every office")
            );
            print_link(args, store, account.id, &name, office.as_deref(), *lang).await?;
        }
        StaffCommand::List => {
            for a in store.accounts().await? {
                let state = match (a.disabled, a.password_hash.is_some()) {
                    (true, _) => "disabled",
                    (false, true) => "active",
                    (false, false) => "waiting for a password",
                };
                outln!(
                    "{:>4}  {:<24} {:<20} {state}",
                    a.id,
                    a.name,
                    a.office.as_deref().unwrap_or("(administrator)")
                );
            }
        }
        StaffCommand::Disable { name } | StaffCommand::Enable { name } => {
            let disable = matches!(args.command, StaffCommand::Disable { .. });
            let Some(account) = store.account_named(&named(name)).await? else {
                errln!("{name}: no such account (`charter staff list` lists them)");
                return Ok(Exit::Invalid);
            };
            store.set_disabled(account.id, disable).await?;
            let action = if disable {
                "account-disabled"
            } else {
                "account-enabled"
            };
            audit(store, &account.name, account.office.as_deref(), action).await?;
            outln!(
                "{}: {}",
                account.name,
                if disable {
                    "disabled; its sessions have ended"
                } else {
                    "enabled"
                }
            );
        }
        StaffCommand::Reset { name, lang } => {
            let Some(account) = store.account_named(&named(name)).await? else {
                errln!("{name}: no such account (`charter staff list` lists them)");
                return Ok(Exit::Invalid);
            };
            audit(
                store,
                &account.name,
                account.office.as_deref(),
                "account-reset",
            )
            .await?;
            print_link(
                args,
                store,
                account.id,
                &account.name,
                account.office.as_deref(),
                *lang,
            )
            .await?;
        }
        StaffCommand::Audit { limit } => {
            for e in store.audit_entries(None, *limit).await? {
                outln!(
                    "{}  {}  {}  {}: {}  {}",
                    crate::staff::when(Lang::En, e.at_ms / 1000),
                    e.account.as_deref().unwrap_or("-"),
                    e.office.as_deref().unwrap_or("-"),
                    e.action,
                    e.detail,
                    e.client.as_deref().unwrap_or("-"),
                );
            }
        }
    }
    Ok(Exit::Ok)
}

/// An entry of the audit log for a change made from the terminal.
async fn audit(
    store: &Store,
    name: &str,
    office: Option<&str>,
    action: &str,
) -> Result<(), crate::store::StoreError> {
    let by = std::env::var("SUDO_USER")
        .or_else(|_| std::env::var("USER"))
        .unwrap_or_default();
    store
        .audit(&crate::store::AuditEntry {
            at_ms: crate::store::now_ms(),
            account: Some(format!("terminal:{by}")),
            office: office.map(String::from),
            action: action.to_string(),
            detail: name.to_string(),
            client: None,
        })
        .await
}
