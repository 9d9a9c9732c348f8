use std::path::Path;

use super::*;

fn claim(kind: ClaimKind, host: &str, line: usize) -> Claim {
    Claim {
        kind,
        host: host.to_string(),
        at: Position { line, column: 11 },
    }
}

fn alpha() -> Vec<Claim> {
    vec![
        claim(ClaimKind::Website, "alpha.gov.bd", 8),
        claim(ClaimKind::Alias, "zulu.gov.bd", 9),
    ]
}

fn zulu() -> Vec<Claim> {
    vec![claim(ClaimKind::Website, "zulu.gov.bd", 8)]
}

fn registry() -> Registry {
    Registry::parse(
        Path::new("r.toml"),
        "[offices]\nalpha = [\"alpha.gov.bd\"]\nzulu = [\"zulu.gov.bd\"]\n",
        Some("charter.gov.bd"),
    )
    .unwrap()
}

#[test]
fn the_registry_decides_whatever_the_files_name() {
    let (alpha, zulu) = (alpha(), zulu());
    let registry = registry();
    // Whichever file is looked at first.
    for offices in [
        vec![
            Claims {
                id: "alpha",
                file: "f/alpha.toml",
                claims: &alpha,
            },
            Claims {
                id: "zulu",
                file: "f/zulu.toml",
                claims: &zulu,
            },
        ],
        vec![
            Claims {
                id: "zulu",
                file: "f/zulu.toml",
                claims: &zulu,
            },
            Claims {
                id: "alpha",
                file: "f/alpha.toml",
                claims: &alpha,
            },
        ],
    ] {
        let routing = route(Some(&registry), &offices, Some("charter.gov.bd"));
        assert_eq!(routing.hosts["zulu.gov.bd"], "zulu");
        assert_eq!(routing.hosts["alpha.gov.bd"], "alpha");
        let shown: Vec<String> = routing.refused.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "f/alpha.toml:9:11: error: alias zulu.gov.bd is the address of the office zulu in \
              the registry of addresses, not of this office: it does not reach this office; \
              correct the file, or ask the administrator to change the registry"
            ]
        );
    }
}

#[test]
fn previewing_without_a_registry_an_address_two_files_name_reaches_neither() {
    let (alpha, zulu) = (alpha(), zulu());
    let directory = [claim(ClaimKind::Alias, "charter.gov.bd", 10)];
    let offices = [
        Claims {
            id: "alpha",
            file: "f/alpha.toml",
            claims: &alpha,
        },
        Claims {
            id: "zulu",
            file: "f/zulu.toml",
            claims: &zulu,
        },
        Claims {
            id: "x",
            file: "f/x.toml",
            claims: &directory,
        },
    ];
    let routing = route(None, &offices, Some("charter.gov.bd"));
    assert_eq!(routing.hosts.len(), 1);
    assert_eq!(routing.hosts["alpha.gov.bd"], "alpha");
    let whys: Vec<(&str, &Why)> = routing
        .refused
        .iter()
        .map(|r| (r.office.as_str(), &r.why))
        .collect();
    assert_eq!(
        whys,
        [
            ("alpha", &Why::Contested(vec!["zulu.toml".into()])),
            ("zulu", &Why::Contested(vec!["alpha.toml".into()])),
            ("x", &Why::Directory),
        ]
    );
}
