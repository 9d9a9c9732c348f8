use super::*;

async fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).await.unwrap();
    (dir, store)
}

fn clerk(name: &str) -> NewAccount {
    NewAccount {
        name: name.into(),
        office: Some("haluaghat".into()),
        admin: false,
    }
}

#[tokio::test]
async fn accounts_are_numbered_and_names_are_unique() {
    let (dir, store) = store().await;
    let a = store.add_account(&clerk("rahima")).await.unwrap().unwrap();
    let b = store.add_account(&clerk("karim")).await.unwrap().unwrap();
    assert_eq!((a.id, b.id), (1, 2));
    assert!(store.add_account(&clerk("rahima")).await.unwrap().is_none());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(dir.path().join(SQLITE_FILE))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert_eq!(store.accounts().await.unwrap().len(), 2);
    // Opened again, migrated already: the same accounts.
    drop(store);
    let again = Store::open_in(dir.path()).await.unwrap();
    assert_eq!(again.account_named("karim").await.unwrap(), Some(b));
}

#[tokio::test]
async fn a_link_is_single_use_and_voided_by_a_newer_one_and_ends_sessions() {
    let (_dir, store) = store().await;
    let a = store.add_account(&clerk("rahima")).await.unwrap().unwrap();
    store.issue_link(a.id, "first", now() + 60).await.unwrap();
    store.issue_link(a.id, "second", now() + 60).await.unwrap();
    assert!(store.link_account("first").await.unwrap().is_none());
    // A session opens at the account's revision only.
    assert!(!store.open_session("s", &a, "example.org").await.unwrap());
    let a = store.account(a.id).await.unwrap().unwrap();
    assert!(store.open_session("s", &a, "example.org").await.unwrap());
    let set = store
        .use_link("second", "$argon2id$x")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(set.password_hash.as_deref(), Some("$argon2id$x"));
    assert!(store.session("s").await.unwrap().is_none());
    assert!(
        store
            .use_link("second", "$argon2id$y")
            .await
            .unwrap()
            .is_none()
    );
    store.issue_link(a.id, "old", now() - 1).await.unwrap();
    assert!(
        store
            .use_link("old", "$argon2id$z")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn the_audit_log_strips_control_characters_and_keeps_its_order() {
    let (_dir, store) = store().await;
    for (at_ms, detail) in [(1, "first\nline"), (2, "\u{1b}[31mred\u{7}")] {
        store
            .audit(&AuditEntry {
                at_ms,
                account: Some("a\rb".into()),
                office: None,
                action: "test".into(),
                detail: detail.into(),
                client: None,
            })
            .await
            .unwrap();
    }
    let entries = store.audit_entries(None, 10).await.unwrap();
    assert_eq!(entries[0].detail, "[31mred");
    assert_eq!(entries[1].detail, "first line");
    assert_eq!(entries[1].account.as_deref(), Some("ab"));
    assert_eq!(
        store
            .prune(std::time::Duration::from_secs(1))
            .await
            .unwrap(),
        2
    );
}

#[tokio::test]
async fn drafts_and_notes_are_kept_per_account_and_office() {
    let (_dir, store) = store().await;
    let a = store.add_account(&clerk("rahima")).await.unwrap().unwrap();
    let draft = Draft {
        target: "file".into(),
        base_hash: "h".into(),
        body: "text".into(),
        saved_at: 1,
    };
    store
        .keep_draft(a.id, "haluaghat", DraftKind::Unsent, &draft)
        .await
        .unwrap();
    assert_eq!(
        store
            .draft(a.id, "haluaghat", DraftKind::Unsent)
            .await
            .unwrap(),
        Some(draft.clone())
    );
    assert!(
        store
            .draft(a.id, "savar", DraftKind::Unsent)
            .await
            .unwrap()
            .is_none()
    );
    store
        .note_version("haluaghat", "h1", "rahima", "fee")
        .await
        .unwrap();
    store
        .note_version("haluaghat", "h1", "karim", "again")
        .await
        .unwrap();
    let notes = store.version_notes("haluaghat").await.unwrap();
    assert_eq!(notes["h1"].account, "rahima");
    assert!(store.version_notes("savar").await.unwrap().is_empty());
}
