use super::*;

fn parse(text: &str, directory: Option<&str>) -> Registry {
    Registry::parse(Path::new("/srv/offices.addresses.toml"), text, directory).unwrap()
}

fn problems(registry: &Registry) -> Vec<String> {
    registry
        .problems()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn each_office_gets_the_addresses_written_for_it_in_one_spelling() {
    let registry = parse(
        "[offices]\nhaluaghat = [\"DoICT.Haluaghat.Mymensingh.gov.bd.\", \"haluaghat.gov.bd:443\"]\n\
         savar = [\"হালুয়াঘাট.বাংলা\"]\n",
        None,
    );
    assert_eq!(
        registry.hosts("haluaghat"),
        ["doict.haluaghat.mymensingh.gov.bd", "haluaghat.gov.bd"]
    );
    let idn = crate::hosts::normalize("হালুয়াঘাট.বাংলা").unwrap();
    assert_eq!(registry.holder(&idn), Some("savar"));
    assert_eq!(registry.holder("haluaghat.gov.bd"), Some("haluaghat"));
    assert!(registry.problems().is_empty(), "{:?}", problems(&registry));
}

#[test]
fn an_address_given_twice_the_directory_s_and_ip_addresses_reach_no_office() {
    let registry = parse(
        "[offices]\nalpha = [\"alpha.gov.bd\", \"shared.gov.bd\", \"127.0.0.1\"]\n\
         zulu = [\"zulu.gov.bd\", \"SHARED.gov.bd\", \"charter.gov.bd\", \"x.localhost\"]\n\
         Bad_Name = [\"bad.gov.bd\"]\n",
        Some("charter.gov.bd"),
    );
    assert_eq!(registry.hosts("alpha"), ["alpha.gov.bd"]);
    assert_eq!(registry.hosts("zulu"), ["zulu.gov.bd"]);
    assert_eq!(registry.holder("shared.gov.bd"), None);
    assert_eq!(registry.holder("charter.gov.bd"), None);
    assert!(!registry.has("Bad_Name"));
    assert_eq!(
        problems(&registry),
        [
            "/srv/offices.addresses.toml:2:26: error: address shared.gov.bd is given to alpha \
             and to zulu: it reaches neither until one of the two lines is corrected",
            "/srv/offices.addresses.toml:2:43: error: address \"127.0.0.1\" of alpha is left \
             out: it is an IP address, which reaches whatever server answers on it",
            "/srv/offices.addresses.toml:3:24: error: address shared.gov.bd is given to zulu \
             and to alpha: it reaches neither until one of the two lines is corrected",
            "/srv/offices.addresses.toml:3:41: error: address charter.gov.bd of zulu is left \
             out: it is the directory's own address (--base-url), which reaches no office",
            "/srv/offices.addresses.toml:3:59: error: address \"x.localhost\" of zulu is left \
             out: it is this computer's own name",
            "/srv/offices.addresses.toml:4:1: error: office \"Bad_Name\" is left out: the file's \
             name is the office's name in web addresses, so it may only have small English \
             letters, digits and hyphens (-), at most 63: rename it, for example to \
             bad-name.toml",
        ]
    );
}

#[test]
fn what_is_not_a_registry_is_refused_whole() {
    for (text, expected) in [
        (
            "[office]\nx = []\n",
            "1:2: error: \"office\" is not part of a registry",
        ),
        ("offices = 3\n", "1:11: error: offices is a table"),
        (
            "[offices]\nx = \"x.gov.bd\"\n",
            "2:5: error: the addresses of x are a list",
        ),
        (
            "[offices]\nx = [3]\n",
            "2:6: error: each address of x is a text in quotes",
        ),
        ("[offices\n", "1:9: error: "),
    ] {
        let e = Registry::parse(Path::new("r.toml"), text, None).unwrap_err();
        let shown = e.to_string();
        assert!(
            shown.starts_with(&format!("r.toml:{expected}")),
            "{text:?}: {shown}"
        );
    }
}

#[test]
fn the_default_registry_is_beside_the_folder_named_after_it() {
    assert_eq!(
        Registry::default_path(Path::new("/srv/charter/offices/")),
        Path::new("/srv/charter/offices.addresses.toml")
    );
    assert_eq!(
        Registry::default_path(Path::new("/srv/charter/./offices")),
        Path::new("/srv/charter/offices.addresses.toml")
    );
}

#[test]
fn missing_is_told_apart_and_names_the_command_that_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("offices.addresses.toml");
    let e = Registry::read(&path, None).unwrap_err();
    assert!(matches!(e, ReadError::Missing(_)));
    assert!(e.to_string().contains("`charter offices init`"), "{e}");
}

#[test]
fn adding_offices_keeps_the_rest_of_the_file_and_its_mode() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("offices.addresses.toml");
    let before = "# Kept by the administrator.\n[offices]\n# the first office\nalpha = [\"alpha.gov.bd\"]  # its only name\n";
    std::fs::write(&path, before).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let mut registry = Registry::read(&path, None).unwrap();
    registry.add("zulu", vec!["zulu.gov.bd".into(), "zulu.bd".into()]);
    registry.write(&["zulu".into()]).unwrap();
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.starts_with(before), "{after}");
    assert!(
        after.contains("zulu = [\"zulu.gov.bd\", \"zulu.bd\"]"),
        "{after}"
    );
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    let read = Registry::read(&path, None).unwrap();
    assert_eq!(read.hosts("zulu"), ["zulu.gov.bd", "zulu.bd"]);
    assert_eq!(read.hosts("alpha"), ["alpha.gov.bd"]);

    // A new registry says whose it is, and reads back.
    let new = dir.path().join("new.addresses.toml");
    let mut registry = Registry::empty(&new);
    registry.add("alpha", vec!["alpha.gov.bd".into()]);
    registry.write(&["alpha".into()]).unwrap();
    let text = std::fs::read_to_string(&new).unwrap();
    assert!(text.starts_with("# The registry of addresses"), "{text}");
    assert_eq!(
        Registry::read(&new, None).unwrap().hosts("alpha"),
        ["alpha.gov.bd"]
    );
    let mode = std::fs::metadata(&new).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
}
