//! The guides: every relative link and anchor in `README.md` and
//! `docs/*.md` leads to a file or heading that exists, and the README stays
//! a front page.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::support::repo;

/// Most lines the README may have: what the program is, its prerequisites,
/// the two commands, the command table and the links to the guides.
const MAX_README_LINES: usize = 200;

/// `README.md` and every `docs/*.md`.
fn guides() -> Vec<PathBuf> {
    let mut files = vec![repo("README.md")];
    let mut docs: Vec<PathBuf> = fs::read_dir(repo("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// The lines of `text` outside fenced code blocks.
fn prose(text: &str) -> Vec<&str> {
    let mut fence: Option<&str> = None;
    let mut lines = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        match fence {
            Some(open) if trimmed.starts_with(open) => fence = None,
            Some(_) => {}
            None if trimmed.starts_with("```") => fence = Some("```"),
            None if trimmed.starts_with("~~~") => fence = Some("~~~"),
            None => lines.push(line),
        }
    }
    lines
}

/// `line` without its code spans (`` `…` ``), which hold no links.
fn without_code(line: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for c in line.chars() {
        if c == '`' {
            in_code = !in_code;
        } else if !in_code {
            out.push(c);
        }
    }
    out
}

/// The targets of the inline links (`[text](target)`) of `text`.
fn links(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in prose(text) {
        let line = without_code(line);
        let mut rest = line.as_str();
        while let Some(at) = rest.find("](") {
            rest = &rest[at + 2..];
            let end = rest.find(')').unwrap_or(rest.len());
            found.push(rest[..end].trim().to_string());
            rest = &rest[end..];
        }
    }
    found
}

/// The anchor GitHub gives a heading: small letters, punctuation dropped
/// (Bangla letters and signs kept, and the text of code spans), spaces as
/// hyphens.
fn slug(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() || ('\u{0980}'..='\u{09FF}').contains(&c) => Some(c),
            _ => None,
        })
        .collect()
}

/// Every anchor of the headings of `text`, a repeated one numbered as
/// GitHub numbers it (`-1`, `-2`, …).
fn anchors(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in prose(text) {
        let Some(heading) = line.strip_prefix('#') else {
            continue;
        };
        let heading = heading.trim_start_matches('#').trim();
        let base = slug(heading);
        let mut anchor = base.clone();
        let mut n = 0;
        while found.contains(&anchor) {
            n += 1;
            anchor = format!("{base}-{n}");
        }
        found.insert(anchor);
    }
    found
}

/// Why `target`, linked from `file`, leads nowhere, if it does.
fn broken(file: &Path, target: &str) -> Option<String> {
    if target.starts_with("http://") || target.starts_with("https://") {
        return None;
    }
    if target.contains(':') {
        return Some("not a relative link".to_string());
    }
    let (path, anchor) = match target.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor)),
        None => (target, None),
    };
    let linked = if path.is_empty() {
        file.to_path_buf()
    } else {
        file.parent().unwrap().join(path)
    };
    if !linked.exists() {
        return Some(format!("no file {}", linked.display()));
    }
    let anchor = anchor?;
    if linked.extension().is_none_or(|e| e != "md") {
        return Some("an anchor into a file that is not Markdown".to_string());
    }
    let headings = anchors(&fs::read_to_string(&linked).unwrap());
    (!headings.contains(anchor)).then(|| format!("no heading #{anchor} in {}", linked.display()))
}

#[test]
fn every_relative_link_of_the_guides_leads_to_a_file_and_heading() {
    let mut problems = Vec::new();
    for file in guides() {
        let text = fs::read_to_string(&file).unwrap();
        for target in links(&text) {
            if let Some(why) = broken(&file, &target) {
                let name = file.strip_prefix(repo("")).unwrap().display().to_string();
                problems.push(format!("{name}: ({target}): {why}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "broken links:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_readme_is_a_front_page() {
    let lines = fs::read_to_string(repo("README.md"))
        .unwrap()
        .lines()
        .count();
    assert!(
        lines <= MAX_README_LINES,
        "README.md has {lines} lines, over {MAX_README_LINES}: the rest belongs in docs/"
    );
}

#[test]
fn anchors_are_made_as_github_makes_them() {
    assert_eq!(slug("The `charter` command"), "the-charter-command");
    assert_eq!(
        slug("The deployment files: `deploy/verify.sh`"),
        "the-deployment-files-deployverifysh"
    );
    assert_eq!(
        slug("What a developer's machine needs"),
        "what-a-developers-machine-needs"
    );
    assert_eq!(slug("৭. ছাপা / Printing"), "৭-ছাপা--printing");
    let text = "# A\n\n```\n# not a heading\n```\n\n## A\n";
    assert_eq!(anchors(text), ["a", "a-1"].map(String::from).into());
    assert_eq!(
        links("[x](a.md#b) `[y](c.md)`\n```\n[z](d.md)\n```\n"),
        ["a.md#b"]
    );
}
