//! A folder of charters, one office each: every `*.toml` file directly in
//! the folder, the office's id being the file's name without `.toml`
//! (`haluaghat.toml` is the office `haluaghat`).

use std::path::{Path, PathBuf};

/// Most charter files one folder may hold: every upazila, district and
/// division office of the Department several times over, and still a
/// bound on what is read.
pub const MAX_OFFICES: usize = 5_000;

/// One office's charter file in a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeFile {
    /// The file's name without `.toml`.
    pub id: String,
    pub path: PathBuf,
}

/// What is wrong with a file's name as an office's id, if anything: ids
/// go into addresses and folder names, so they are lower-case ASCII
/// letters, digits and hyphens.
pub fn id_problem(id: &str) -> Option<String> {
    let good = !id.is_empty()
        && id.len() <= 63
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    (!good).then(|| {
        let suggestion: String = id
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let suggestion = suggestion.trim_matches('-');
        let example = if suggestion.is_empty() {
            "haluaghat".to_string()
        } else {
            suggestion.to_string()
        };
        format!(
            "the file's name is the office's name in web addresses, so it may only have small \
             English letters, digits and hyphens (-), at most 63: rename it, for example to \
             {example}.toml"
        )
    })
}

/// Whether `name` is a charter file of a folder: ends with `.toml` (in
/// any case) and is not hidden, an editor's lock or backup file.
pub fn is_charter_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".toml")
        && lower.len() > ".toml".len()
        && !name.starts_with('.')
        && !name.starts_with('#')
        && !name.starts_with('~')
}

/// The charter files directly in `dir`, sorted by id (files through links
/// included, folders not). More than [`MAX_OFFICES`] is an error.
pub fn office_files(dir: &Path) -> std::io::Result<Vec<OfficeFile>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        if !is_charter_file(&name) {
            continue;
        }
        let path = entry.path();
        // Through a link, as a ConfigMap's files are; a folder named
        // x.toml is not a charter.
        if std::fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
            continue;
        }
        if found.len() == MAX_OFFICES {
            return Err(std::io::Error::other(format!(
                "it has more than {MAX_OFFICES} charter files; is it the right folder?"
            )));
        }
        let id = name[..name.len() - ".toml".len()].to_string();
        found.push(OfficeFile { id, path });
    }
    found.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let ids: Vec<_> = office_files(dir.path())
            .unwrap()
            .into_iter()
            .map(|f| f.id)
            .collect();
        assert_eq!(ids, ["Notes", "haluaghat", "mymensingh-sadar"]);
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
            assert!(problem.contains(example), "{bad}: {problem}");
        }
        assert!(id_problem(&"a".repeat(64)).is_some());
    }
}
