//! The shape of `src/`: files a reader can take in one sitting, data
//! flowing one way between the top-level modules (no module reaches back
//! into one that depends on it), and no two files importing each other,
//! however far round.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::support::repo;

/// Most lines of code (not blank, not a comment, not a unit test) in a file.
const MAX_CODE_LINES: usize = 400;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether `path` holds unit tests only: `tests.rs` beside a module, or a
/// file in a module's `tests/` folder.
fn is_test_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "tests.rs")
        || path
            .strip_prefix(repo("src"))
            .is_ok_and(|p| p.components().any(|c| c.as_os_str() == "tests"))
}

/// Lines of code in `source`: blank lines, comments and a trailing
/// `#[cfg(test)] mod tests` are not counted.
fn code_lines(source: &str) -> usize {
    let mut count = 0;
    let mut lines = source.lines().peekable();
    while let Some(line) = lines.next() {
        let line = line.trim();
        if line == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod tests"))
        {
            break;
        }
        if !line.is_empty() && !line.starts_with("//") {
            count += 1;
        }
    }
    count
}

/// The top-level module a file of `src/` belongs to (`src/site/page.rs`
/// -> `site`; `src/lib.rs` and `src/main.rs` -> `None`).
fn top_module(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib" && name != "main").then(|| name.to_string())
}

/// The top-level modules named as `crate::name` in `source`, outside its
/// unit tests.
fn uses(source: &str) -> BTreeSet<String> {
    let code = match source.find("#[cfg(test)]\nmod tests") {
        Some(at) => &source[..at],
        None => source,
    };
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let preceded_by_ident = code[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        if !name.is_empty() && !preceded_by_ident {
            found.insert(name);
        }
    }
    // `use crate::{a, b::c}`.
    for (at, _) in code.match_indices("crate::{") {
        let rest = &code[at + "crate::{".len()..];
        let group = &rest[..rest.find('}').unwrap_or(rest.len())];
        for item in group.split(',') {
            let name: String = item
                .trim()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

/// The first cycle of `graph` a depth-first search finds, its first node
/// again at its end.
fn first_cycle<T: Ord + Clone>(graph: &BTreeMap<T, BTreeSet<T>>) -> Option<Vec<T>> {
    fn visit<T: Ord + Clone>(
        node: &T,
        graph: &BTreeMap<T, BTreeSet<T>>,
        path: &mut Vec<T>,
        done: &mut BTreeSet<T>,
    ) -> Option<Vec<T>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.clone());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_source_file_is_longer_than_a_sitting() {
    let src = repo("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let long: Vec<String> = files
        .iter()
        .filter(|f| !is_test_file(f))
        .filter_map(|f| {
            let lines = code_lines(&fs::read_to_string(f).unwrap());
            (lines > MAX_CODE_LINES).then(|| format!("{} ({lines})", f.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_CODE_LINES} lines of code: {long:?}"
    );
}

#[test]
fn top_level_modules_depend_on_each_other_one_way_only() {
    let src = repo("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(module) = top_module(&src, file) else {
            continue;
        };
        let used = uses(&fs::read_to_string(file).unwrap());
        let entry = graph.entry(module.clone()).or_default();
        entry.extend(used.into_iter().filter(|u| *u != module));
    }
    if let Some(cycle) = first_cycle(&graph) {
        panic!("modules import each other: {}", cycle.join(" -> "));
    }
    // The pipeline's direction: a step never reaches a later one.
    let order = ["charter", "render", "site", "server", "cli"];
    for (i, step) in order.iter().enumerate() {
        for later in &order[i + 1..] {
            assert!(
                !graph.get(*step).is_some_and(|u| u.contains(*later)),
                "{step} uses {later}, a later step of the pipeline"
            );
        }
    }
}

/// The module path of a file of `src/`: `src/server/mod.rs` ->
/// `["server"]`, `src/server/routes.rs` -> `["server", "routes"]`,
/// `src/lib.rs` -> `[]`.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut path: Vec<String> = (relative.components())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        path.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        path.pop();
    }
    path
}

/// Every path `source` names from `crate::`, `super::` or `self::`, its
/// use-trees expanded (`use super::{a, b::{c, d}}` names `super::a`,
/// `super::b::c`, `super::b::d`), outside its unit tests.
fn named_paths(source: &str) -> Vec<Vec<String>> {
    let code = match source.find("#[cfg(test)]\nmod tests") {
        Some(at) => &source[..at],
        None => source,
    };
    // Doc comments link to modules they do not import.
    let code: String = code
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .flat_map(|l| [l, "\n"])
        .collect();
    let code = code.as_str();
    fn tree(prefix: &[String], text: &str, out: &mut Vec<Vec<String>>) {
        let text = text.trim();
        if let Some(inner) = text.strip_prefix('{') {
            let inner = &inner[..inner.rfind('}').unwrap_or(inner.len())];
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        tree(prefix, &inner[start..i], out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            tree(prefix, &inner[start..], out);
            return;
        }
        let mut path = prefix.to_vec();
        let mut rest = text;
        loop {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if name.is_empty() {
                break;
            }
            rest = &rest[name.len()..];
            if name != "self" || path.is_empty() {
                path.push(name);
            }
            match rest.strip_prefix("::") {
                Some(after) if after.starts_with('{') => return tree(&path, after, out),
                Some(after) => rest = after,
                None => break,
            }
        }
        if !path.is_empty() {
            out.push(path);
        }
    }
    let mut out = Vec::new();
    for start in ["crate::", "super::", "self::"] {
        for (at, _) in code.match_indices(start) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let rest = &code[at..];
            // The whole use-tree, up to its end.
            let end = if rest[start.len()..].starts_with('{') || rest.contains("::{") {
                let mut depth = 0;
                let mut end = rest.len();
                for (i, c) in rest.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = i + 1;
                                break;
                            }
                        }
                        ';' | '(' | ')' | ' ' | '\n' | '<' | '>' | '&' | '=' | '!' | ','
                            if depth == 0 =>
                        {
                            end = i;
                            break;
                        }
                        _ => {}
                    }
                }
                end
            } else {
                rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                    .unwrap_or(rest.len())
            };
            tree(&[], &rest[..end], &mut out);
        }
    }
    out
}

#[test]
fn no_two_files_import_each_other() {
    let src = repo("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let files: Vec<PathBuf> = files.into_iter().filter(|f| !is_test_file(f)).collect();
    let modules: BTreeMap<Vec<String>, PathBuf> = files
        .iter()
        .map(|f| (module_path(&src, f), f.clone()))
        .collect();
    // file -> the files it takes names from, a module and its own
    // ancestors aside (a module declares its children and they use what
    // it shares: that is the tree, not a circle).
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, file) in &modules {
        let source = fs::read_to_string(file).unwrap();
        for path in named_paths(&source) {
            let mut absolute: Vec<String> = match path[0].as_str() {
                "crate" => Vec::new(),
                "self" => module.clone(),
                _ => module[..module.len().saturating_sub(1)].to_vec(),
            };
            let mut rest = &path[1..];
            // super::super::x
            while rest.first().is_some_and(|p| p == "super") {
                absolute.pop();
                rest = &rest[1..];
            }
            absolute.extend(rest.iter().cloned());
            // The longest prefix that is a file's module.
            let target = (0..=absolute.len())
                .rev()
                .map(|n| absolute[..n].to_vec())
                .find(|m| modules.contains_key(m));
            let Some(target) = target else { continue };
            let related = target.starts_with(module) || module.starts_with(&target);
            if !related {
                graph.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    if let Some(cycle) = first_cycle(&graph) {
        let shown: Vec<String> = cycle.iter().map(|m| m.join("::")).collect();
        panic!("files import each other: {}", shown.join(" -> "));
    }
    assert!(
        graph.values().map(BTreeSet::len).sum::<usize>() > 50,
        "{graph:?}"
    );
}

#[test]
fn use_trees_are_read_whole() {
    let paths = named_paths(
        "use super::{a, b::{c, d}};\nuse crate::x::y;\nlet v = self::z::f(super::super::w::g());\n",
    );
    let shown: BTreeSet<String> = paths.iter().map(|p| p.join("::")).collect();
    for expected in [
        "super::a",
        "super::b::c",
        "super::b::d",
        "crate::x::y",
        "self::z::f",
        "super::super::w::g",
    ] {
        assert!(shown.contains(expected), "{expected}: {shown:?}");
    }
}

#[test]
fn counting_skips_comments_blank_lines_and_unit_tests() {
    let source =
        "//! doc\n\nfn a() {}\n// note\n    let x = 1;\n#[cfg(test)]\nmod tests {\n fn t() {}\n}\n";
    assert_eq!(code_lines(source), 2);
    let uses = uses("use crate::{a, b::c};\nuse crate::d::e;\nx_crate::f\n");
    assert_eq!(
        uses,
        ["a", "b", "d"].map(String::from).into_iter().collect()
    );
}
