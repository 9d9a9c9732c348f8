use super::served::CHARTER_PATH;
use super::*;

fn bundled() -> Charter {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("charter.toml");
    charter::load_file(&path).unwrap().charter
}

#[test]
fn going_back_and_forth_keeps_the_numbers_and_few_events() {
    let state = tempfile::tempdir().unwrap();
    let history = History::new(state.path(), 2);
    let charter = bundled();
    let now = SystemTime::now();
    assert!(matches!(
        history.record(b"a", &charter, now),
        Ok(Recorded::New(_))
    ));
    assert!(matches!(
        history.record(b"b", &charter, now),
        Ok(Recorded::New(_))
    ));
    assert_eq!(
        history.record(b"b", &charter, now).unwrap(),
        Recorded::Known(2)
    );
    for _ in 0..5 {
        assert_eq!(
            history.record(b"a", &charter, now).unwrap(),
            Recorded::BackTo(1)
        );
        assert_eq!(history.current(), Some(1));
        assert_eq!(
            history.record(b"b", &charter, now).unwrap(),
            Recorded::BackTo(2)
        );
    }
    let (entries, damaged) = history.list().unwrap();
    assert!(damaged.is_empty());
    let numbers: Vec<u64> = entries.iter().map(|e| e.number).collect();
    assert_eq!(numbers, [2, 1]);
    assert_eq!(
        history.events().unwrap().len(),
        2,
        "no more events than versions"
    );

    // Events from before the oldest version kept go with it.
    assert!(matches!(
        history.record(b"c", &charter, now),
        Ok(Recorded::New(_))
    ));
    assert!(matches!(
        history.record(b"d", &charter, now),
        Ok(Recorded::New(_))
    ));
    assert!(history.events().unwrap().is_empty());
    assert_eq!(history.current(), Some(4));
}

#[test]
fn the_served_file_is_noted_with_its_links_resolved() {
    let state = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let history = History::new(state.path(), 10);
    assert_eq!(history.served_path(), None);
    let file = files.path().join("charter.toml");
    fs::write(&file, "x").unwrap();
    let resolved = fs::canonicalize(&file).unwrap();
    history.note_served_path(&file).unwrap();
    assert_eq!(history.served_path(), Some(resolved.clone()));
    assert_eq!(canonical(&file).unwrap(), resolved);
    #[cfg(unix)]
    {
        let link = files.path().join("link.toml");
        std::os::unix::fs::symlink("charter.toml", &link).unwrap();
        assert_eq!(canonical(&link).unwrap(), resolved);
        // A link to a file not there (yet) names that file.
        let dangling = files.path().join("dangling.toml");
        std::os::unix::fs::symlink("gone.toml", &dangling).unwrap();
        assert_eq!(
            canonical(&dangling).unwrap(),
            resolved.with_file_name("gone.toml")
        );
    }
    let missing = files.path().join("new.toml");
    assert_eq!(
        canonical(&missing).unwrap(),
        resolved.with_file_name("new.toml")
    );
    // A relative path or an empty note is no note.
    fs::write(history.dir().join(CHARTER_PATH), "charter.toml\n").unwrap();
    assert_eq!(history.served_path(), None);
    fs::write(history.dir().join(CHARTER_PATH), "").unwrap();
    assert_eq!(history.served_path(), None);
}

#[cfg(target_os = "linux")]
#[test]
fn a_pipe_in_the_history_is_refused_at_once() {
    let state = tempfile::tempdir().unwrap();
    let history = History::new(state.path(), 10);
    history.record(b"a", &bundled(), SystemTime::now()).unwrap();
    let current = history.dir().join(CURRENT);
    fs::remove_file(&current).unwrap();
    let name = std::ffi::CString::new(current.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a node.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    assert_eq!(history.current(), None);
    let e = read_plain(&current, 10).unwrap_err();
    assert!(e.to_string().contains("not a plain file"), "{e}");
}
