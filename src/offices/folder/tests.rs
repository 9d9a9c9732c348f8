use std::os::unix::fs::symlink;

use super::*;

fn ids(scan: &Scan) -> Vec<&str> {
    scan.files.iter().map(|f| f.id.as_str()).collect()
}

fn why(scan: &Scan, name: &str) -> Why {
    scan.skipped
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("{name} is not skipped: {:?}", scan.skipped))
        .why
        .clone()
}

#[test]
fn every_toml_file_directly_in_the_folder_is_an_office() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "haluaghat.toml",
        "mymensingh-sadar.toml",
        "Notes.TOML",
        ".hidden.toml",
        "#haluaghat.toml#",
        ".#haluaghat.toml",
        "haluaghat.toml~",
        "readme.txt",
        ".toml",
    ] {
        std::fs::write(dir.path().join(name), "").unwrap();
    }
    std::fs::create_dir(dir.path().join("folder.toml")).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/inner.toml"), "").unwrap();
    let scan = Folder::open(dir.path()).unwrap().scan(None).unwrap();
    assert_eq!(ids(&scan), ["haluaghat", "mymensingh-sadar"]);
    assert_eq!(why(&scan, "folder.toml"), Why::Folder);
    assert!(
        matches!(why(&scan, "Notes.TOML"), Why::Name(p) if p.to_string().contains("notes.toml")),
        "{:?}",
        scan.skipped
    );
    // Hidden files, editors' files and other names are not charters at
    // all, so not listed as skipped.
    assert_eq!(scan.skipped.len(), 2, "{:?}", scan.skipped);
}

#[test]
fn names_that_differ_only_by_capital_letters_are_one_office_s_file() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["zulu.toml", "zulu.TOML", "Zulu.toml", "alpha.Toml"] {
        std::fs::write(dir.path().join(name), "").unwrap();
    }
    let scan = Folder::open(dir.path()).unwrap().scan(None).unwrap();
    assert_eq!(ids(&scan), ["zulu"]);
    assert_eq!(why(&scan, "zulu.TOML"), Why::SameName("zulu.toml".into()));
    assert_eq!(why(&scan, "Zulu.toml"), Why::SameName("zulu.toml".into()));
    // Alone, a name in capitals is to be renamed.
    let Why::Name(problem) = why(&scan, "alpha.Toml") else {
        panic!("{:?}", scan.skipped)
    };
    assert!(
        problem.to_string().contains("rename it to alpha.toml"),
        "{problem}"
    );
}

#[test]
fn links_are_followed_only_to_plain_files_inside_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.toml"), "secret").unwrap();
    // A Kubernetes ConfigMap: the files are links into a hidden folder
    // through the `..data` link.
    let data = dir.path().join("..2026_12_07_10_00_00.1");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("haluaghat.toml"), "office").unwrap();
    symlink("..2026_12_07_10_00_00.1", dir.path().join("..data")).unwrap();
    symlink("..data/haluaghat.toml", dir.path().join("haluaghat.toml")).unwrap();
    symlink(
        outside.path().join("secret.toml"),
        dir.path().join("secret.toml"),
    )
    .unwrap();
    symlink(
        "../../../../../../../../proc/self/environ",
        dir.path().join("env.toml"),
    )
    .unwrap();
    symlink("/proc/self/environ", dir.path().join("environ.toml")).unwrap();
    symlink("gone.toml", dir.path().join("dangling.toml")).unwrap();
    let folder = Folder::open(dir.path()).unwrap();
    let scan = folder.scan(None).unwrap();
    assert_eq!(ids(&scan), ["haluaghat"]);
    assert_eq!(scan.files[0].file.read(100).unwrap(), b"office");
    for name in ["secret.toml", "env.toml", "environ.toml"] {
        assert_eq!(why(&scan, name), Why::LinkOutside, "{name}");
        // Opened by name, it is refused too, whatever a scan said before.
        let e = folder
            .file(&name[..name.len() - 5])
            .read(1 << 20)
            .unwrap_err();
        assert!(e.to_string().contains("outside the folder"), "{name}: {e}");
    }
    assert_eq!(why(&scan, "dangling.toml"), Why::DanglingLink);
}

#[test]
fn devices_and_pipes_are_skipped_without_being_opened() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.toml");
    let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a node.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    symlink("/dev/null", dir.path().join("null.toml")).unwrap();
    let scan = Folder::open(dir.path()).unwrap().scan(None).unwrap();
    assert!(scan.files.is_empty());
    assert_eq!(why(&scan, "pipe.toml"), Why::Special("pipe"));
    // A link to a device outside is refused for leaving the folder.
    assert_eq!(why(&scan, "null.toml"), Why::LinkOutside);
    let shown = scan
        .skipped
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>();
    let expected = format!(
        "{}: skipped: it is a pipe, not a plain file",
        fifo.display()
    );
    assert!(shown.contains(&expected), "{shown:?}");
}

#[test]
fn with_a_registry_only_its_offices_are_read_and_without_one_at_most_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["alpha.toml", "zulu.toml"] {
        std::fs::write(dir.path().join(name), "").unwrap();
    }
    let folder = Folder::open(dir.path()).unwrap();
    let registered = BTreeSet::from(["zulu".to_string()]);
    let scan = folder.scan(Some(&registered)).unwrap();
    assert_eq!(ids(&scan), ["zulu"]);
    assert_eq!(why(&scan, "alpha.toml"), Why::NotRegistered);

    for i in 0..MAX_OFFICES {
        std::fs::write(dir.path().join(format!("o{i:05}.toml")), "").unwrap();
    }
    let scan = folder.scan(None).unwrap();
    assert_eq!(scan.files.len(), MAX_OFFICES);
    // Sorted by name, the last is beyond the limit.
    assert_eq!(why(&scan, "zulu.toml"), Why::BeyondLimit);
}

#[test]
fn an_id_is_lower_case_letters_digits_and_hyphens() {
    for good in ["haluaghat", "mymensingh-sadar", "dhaka-2", "a"] {
        assert_eq!(id_problem(good), None, "{good}");
    }
    for (bad, example) in [
        ("Notes", "notes.toml"),
        ("Haluaghat Office", "haluaghat-office.toml"),
        ("হালুয়াঘাট", "haluaghat.toml"),
        ("-x", "x.toml"),
        ("a_b", "a-b.toml"),
    ] {
        let problem = id_problem(bad).unwrap_or_else(|| panic!("{bad} accepted"));
        assert!(problem.to_string().contains(example), "{bad}: {problem}");
    }
    assert!(id_problem(&"a".repeat(64)).is_some());
}
