//! A line the file format cannot read because it is not `name = value`
//! as the charter writes it: a colon for `=`, a space in a name, `=`
//! left out, a value on the next line, a sign after the value, a note
//! without `#`, a value without its quotes or braces. Each gets the line
//! as it should be, built from what the clerk typed.

use std::ops::Range;

use crate::charter::diagnostic::{Diagnostic, line_at, position};
use crate::charter::shape::{SECTIONS, Shape, date_from_any_order, impossible_date};
use crate::charter::words::Words;

/// What is wrong with the line holding byte `at`, when its shape says.
pub fn explain(source: &str, at: usize) -> Option<Diagnostic> {
    let line = line_at(source, at);
    let raw = &source[line.clone()];
    let text = raw.trim();
    let start = line.start + (raw.len() - raw.trim_start().len());
    let whole = Some(start..start + text.len());
    if text.is_empty() || text.starts_with('#') {
        return None;
    }
    if text.starts_with(['{', '[', '"'])
        && let Some(previous) = source[..line.start]
            .lines()
            .rev()
            .map(str::trim)
            .find(|l| !l.is_empty())
        && let Some(name) = previous.strip_suffix('=')
    {
        // `fee =` above, its value on this line.
        let at = source[..line.start].rfind(previous).unwrap_or(line.start);
        return Some(value_on_next_line(
            source,
            line_at(source, at),
            name.trim(),
            Some(at..at + previous.len()),
        ));
    }
    if text.contains(",,") {
        return Some(
            Diagnostic::error(whole, Words::new("check-two-commas"))
                .with_hint(Words::new("check-two-commas-hint"))
                .with_example(text.replace(",,", ",")),
        );
    }
    if matches!(text, "}" | "]" | "}," | "]," | "]]" | "}}") {
        return Some(
            Diagnostic::error(whole, Words::new("check-lone-bracket"))
                .with_hint(Words::new("check-lone-bracket-hint")),
        );
    }
    if let Some(rest) = text.strip_prefix(',') {
        return Some(
            Diagnostic::error(Some(start..start + 1), Words::new("check-leading-comma"))
                .with_hint(Words::new("check-leading-comma-hint"))
                .with_example(rest.trim()),
        );
    }
    if let Some(d) = colon_for_equals(text, whole.clone()) {
        return Some(d);
    }
    let (name, value) = match text.split_once('=') {
        Some((name, value)) => (name.trim(), Some(value.trim())),
        None => (text, None),
    };
    if name.contains(' ') && value.is_some() {
        let joined = name.split_whitespace().collect::<Vec<_>>().join("_");
        if is_key(&joined) {
            return Some(
                Diagnostic::error(
                    Some(start..start + name.len()),
                    Words::new("check-space-in-name"),
                )
                .with_hint(Words::new("check-space-in-name-hint").arg("key", joined.as_str()))
                .with_example(format!("{joined} = {}", value.unwrap_or(""))),
            );
        }
    }
    let Some(value) = value else {
        return Some(
            unquoted_item_line(source, line, text, whole.clone())
                .unwrap_or_else(|| no_equals(text, whole)),
        );
    };
    if let Some(d) = inner_equals_missing(text, whole.clone()) {
        return Some(d);
    }
    if let Some(d) = inner_unquoted(text, whole.clone()) {
        return Some(d);
    }
    if value.is_empty() {
        return Some(value_on_next_line(source, line, name, whole));
    }
    let inside = value.trim_start_matches('[').trim_start();
    if value.starts_with('[') && (inside.starts_with("bn") || inside.starts_with("en")) {
        let inner = inside.trim_end().trim_end_matches(']').trim_end();
        return Some(
            Diagnostic::error(
                whole,
                Words::new("check-brackets-for-braces").arg("key", name),
            )
            .with_hint(Words::new("check-brackets-for-braces-hint"))
            .with_example(format!("{name} = {{ {inner} }}")),
        );
    }
    if let Some(d) = sign_after_value(name, value, whole.clone()) {
        return Some(d);
    }
    bare_value(source, line, name, value)
}

/// The value at `span`, when it is the value of a date's line
/// (`last_updated = 27-11-2026`): a stand-in date can be read in its
/// place, the mistake said, so that the rest of the file is checked too.
pub(super) fn date_value(source: &str, span: &Range<usize>) -> Option<Range<usize>> {
    let line = line_at(source, span.start);
    let eq = line.start + source[line.clone()].find('=')?;
    let key = source[line.start..eq].trim();
    (shape_of(key) == Some(Shape::Date) && span.start > eq && span.end <= line.end)
        .then(|| span.clone())
}

fn is_key(name: &str) -> bool {
    name == "bn" || name == "en" || shape_of(name).is_some()
}

/// The kind of value the key `name` takes, in whichever section.
fn shape_of(name: &str) -> Option<Shape> {
    SECTIONS
        .iter()
        .flat_map(|s| s.keys)
        .find(|k| k.name == name)
        .map(|k| k.shape)
}

/// `slug: "x"` or `{ bn: "…", en: "…" }`: a colon where `=` belongs.
fn colon_for_equals(text: &str, whole: Option<Range<usize>>) -> Option<Diagnostic> {
    let mut fixed = String::new();
    let mut changed = false;
    let mut in_text = false;
    let mut word = String::new();
    for c in text.chars() {
        if c == '"' {
            in_text = !in_text;
        }
        if !in_text && c == ':' && is_key(word.trim()) {
            fixed.push_str(" =");
            changed = true;
        } else {
            fixed.push(c);
        }
        if c.is_ascii_alphanumeric() || c == '_' {
            word.push(c);
        } else if c != ' ' {
            word.clear();
        }
    }
    changed.then(|| {
        Diagnostic::error(whole, Words::new("check-colon"))
            .with_hint(Words::new("check-colon-hint"))
            .with_example(fixed.replace("  =", " ="))
    })
}

/// `slug "x"` or a line of words: the name with no `=`; or a note.
fn no_equals(text: &str, whole: Option<Range<usize>>) -> Diagnostic {
    let name_end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    let (name, rest) = text.split_at(name_end);
    if is_key(name) && !rest.trim().is_empty() {
        return Diagnostic::error(whole, Words::new("check-no-equals").arg("key", name))
            .with_hint(Words::new("check-no-equals-hint"))
            .with_example(format!("{name} = {}", rest.trim()));
    }
    if text.starts_with('[') || text.ends_with(']') {
        return Diagnostic::error(whole, Words::new("check-bad-heading"))
            .with_hint(Words::new("check-bad-heading-hint"))
            .with_example("[[services]]");
    }
    Diagnostic::error(whole, Words::new("check-not-a-line"))
        .with_hint(Words::new("check-not-a-line-hint"))
        .with_example(format!("# {}", text.trim_start_matches('/').trim_start()))
}

/// `{ bn "…", en = "…" }`: `=` left out inside a text.
fn inner_equals_missing(text: &str, whole: Option<Range<usize>>) -> Option<Diagnostic> {
    for key in ["bn", "en"] {
        for (i, _) in text.match_indices(key) {
            let before = text[..i].chars().next_back();
            let after = text[i + key.len()..].trim_start();
            if matches!(before, Some('{' | ' ' | ',')) && after.starts_with('"') {
                let fixed = format!("{}{key} = {}", &text[..i], after);
                return Some(
                    Diagnostic::error(whole, Words::new("check-no-equals").arg("key", key))
                        .with_hint(Words::new("check-no-equals-in-text-hint"))
                        .with_example(fixed),
                );
            }
        }
    }
    None
}

/// `{ bn = বিনামূল্যে, … }`: a text inside braces without its quotes.
fn inner_unquoted(text: &str, whole: Option<Range<usize>>) -> Option<Diagnostic> {
    for key in ["bn", "en"] {
        for (i, _) in text.match_indices(key) {
            let rest = text[i + key.len()..].trim_start();
            let Some(value) = rest.strip_prefix('=').map(str::trim_start) else {
                continue;
            };
            if value.starts_with(['"', '\'']) || value.is_empty() {
                continue;
            }
            let end = value.find([',', '}']).unwrap_or(value.len());
            let bare = value[..end].trim();
            let at = text.len() - value.len();
            let fixed = format!("{}\"{bare}\"{}", &text[..at], &value[bare.len()..]);
            return Some(
                Diagnostic::error(whole, Words::new("check-part-no-quotes").arg("part", key))
                    .with_hint(Words::new("check-part-no-quotes-hint"))
                    .with_example(fixed),
            );
        }
    }
    None
}

/// `fee =` with nothing after it: the value went to the next line, or the
/// `[` of a list was deleted.
fn value_on_next_line(
    source: &str,
    line: Range<usize>,
    name: &str,
    whole: Option<Range<usize>>,
) -> Diagnostic {
    let next = source[line.end..]
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let plains = shape_of(name) == Some(Shape::Plains);
    if (next.starts_with('{') || (plains && next.starts_with('"'))) && next.ends_with(',') {
        return Diagnostic::error(whole, Words::new("check-list-not-opened").arg("key", name))
            .with_hint(Words::new("check-list-not-opened-hint"))
            .with_example(format!("{name} = ["));
    }
    if !next.starts_with(['{', '"']) {
        let example = SECTIONS
            .iter()
            .flat_map(|s| s.keys)
            .find(|k| k.name == name)
            .map(|k| k.example.to_string());
        return Diagnostic::error(whole, Words::new("check-no-value").arg("key", name))
            .with_hint(Words::new("check-no-value-hint"))
            .with_example_if(example);
    }
    let here = position(source, line.start).line;
    Diagnostic::error(whole, Words::new("check-value-next-line").arg("key", name))
        .with_hint(Words::new("check-value-next-line-hint").arg("line", here + 1))
        .with_example(format!("{name} = {next}"))
}

/// `slug = "x";`, `serial = ২।`: a sign typed after the value.
fn sign_after_value(name: &str, value: &str, whole: Option<Range<usize>>) -> Option<Diagnostic> {
    let sign = value
        .chars()
        .next_back()
        .filter(|c| [',', ';', '.', '।'].contains(c))?;
    let kept = value[..value.len() - sign.len_utf8()].trim_end();
    let complete = (kept.starts_with('"') && kept.ends_with('"'))
        || (kept.starts_with('{') && kept.ends_with('}'))
        || (kept.starts_with('[') && kept.ends_with(']'))
        || (!kept.is_empty()
            && kept
                .chars()
                .all(|c| c.is_ascii_digit() || crate::i18n::is_bangla_digit(c) || c == '-'));
    complete.then(|| {
        Diagnostic::error(
            whole,
            Words::new("check-sign-after-value")
                .arg("sign", sign)
                .arg("key", name),
        )
        .with_hint(Words::new("check-sign-after-value-hint").arg("sign", sign))
        .with_example(format!("{name} = {kept}"))
    })
}

/// `key = value` where the value is not written as its key needs: a
/// phone number or other text without quotes, a text without its
/// `{ bn = … }`, a date not written year-month-day, a list of names
/// without their quotes or brackets.
fn bare_value(source: &str, line: Range<usize>, key: &str, value: &str) -> Option<Diagnostic> {
    let shape = shape_of(key)?;
    let text = &source[line.clone()];
    let eq = text.find('=')?;
    let after = &text[eq + 1..];
    let value_at = line.start + eq + 1 + (after.len() - after.trim_start().len());
    let here = Some(value_at..value_at + value.len());
    if shape == Shape::Plains && value.starts_with('[') {
        return unquoted_items(key, value, here);
    }
    if value.starts_with(['"', '\'', '{', '[']) {
        return None;
    }
    let bare = value.trim_end_matches([',', '}']).trim();
    match shape {
        Shape::Plain | Shape::Group => Some(
            Diagnostic::error(here, Words::new("check-value-no-quotes").arg("key", key))
                .with_hint(Words::new("check-value-no-quotes-hint"))
                .with_example(format!("{key} = \"{bare}\"")),
        ),
        Shape::Text | Shape::Block => {
            let example = if value.starts_with("bn") || value.starts_with("en") {
                // The opening { was deleted.
                let inner = value.trim_end_matches('}').trim_end();
                format!("{key} = {{ {inner} }}")
            } else if value.starts_with('(') {
                format!(
                    "{key} = {{{}}}",
                    value.trim_start_matches('(').trim_end_matches(')')
                )
            } else {
                format!("{key} = {{ bn = \"{bare}\" }}")
            };
            Some(
                Diagnostic::error(here, Words::new("check-text-no-braces").arg("key", key))
                    .with_hint(Words::new("check-text-no-braces-hint"))
                    .with_example(example),
            )
        }
        Shape::Date => Some(match impossible_date(bare) {
            Some(why) => Diagnostic::error(here, Words::new("check-not-a-date").arg("date", bare))
                .with_hint(why),
            None => Diagnostic::error(here, Words::new("check-cannot-read").arg("kind", "date"))
                .with_hint(Words::new("check-date-hyphens-hint"))
                .with_example_if(date_from_any_order(bare).map(|d| format!("{key} = {d}"))),
        }),
        Shape::Plains => Some(
            Diagnostic::error(here, Words::new("check-list-no-brackets").arg("key", key))
                .with_hint(Words::new("check-list-no-brackets-hint"))
                .with_example(format!("{key} = [{}]", quoted_items(bare))),
        ),
        Shape::Number | Shape::Texts => None,
    }
}

/// `aliases = [a.gov.bd, b.gov.bd]`: the items of a list of plain texts
/// without their quotes.
fn unquoted_items(key: &str, value: &str, here: Option<Range<usize>>) -> Option<Diagnostic> {
    let inner = value.strip_prefix('[')?.trim_end().strip_suffix(']')?;
    let items = inner.split(',').map(str::trim).filter(|i| !i.is_empty());
    if items
        .clone()
        .all(|i| i.starts_with('"') && i.ends_with('"'))
    {
        return None;
    }
    Some(
        Diagnostic::error(here, Words::new("check-items-no-quotes").arg("key", key))
            .with_hint(Words::new("check-items-no-quotes-hint"))
            .with_example(format!("{key} = [{}]", quoted_items(inner))),
    )
}

/// `  a.gov.bd,` on a line of its own below `aliases = [`: an item of a
/// list of plain texts without its quotes.
fn unquoted_item_line(
    source: &str,
    line: Range<usize>,
    text: &str,
    whole: Option<Range<usize>>,
) -> Option<Diagnostic> {
    let opener = source[..line.start]
        .lines()
        .rev()
        .map(str::trim)
        .filter(|l| !l.starts_with('#'))
        .find(|l| l.contains('=') || l.starts_with('['))?;
    let key = opener
        .strip_suffix('[')?
        .trim_end()
        .strip_suffix('=')?
        .trim();
    if shape_of(key) != Some(Shape::Plains) {
        return None;
    }
    Some(
        Diagnostic::error(whole, Words::new("check-items-no-quotes").arg("key", key))
            .with_hint(Words::new("check-items-no-quotes-hint"))
            .with_example(format!("{},", quoted_items(text))),
    )
}

/// `a.gov.bd, "b.gov.bd"` as `"a.gov.bd", "b.gov.bd"`.
fn quoted_items(items: &str) -> String {
    items
        .split([',', ' '])
        .map(|i| i.trim().trim_matches(['"', '\'']))
        .filter(|i| !i.is_empty())
        .map(|i| format!("\"{i}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_get_their_quotes() {
        assert_eq!(
            quoted_items(" a.gov.bd, \"b.gov.bd\" 'c.gov.bd',"),
            "\"a.gov.bd\", \"b.gov.bd\", \"c.gov.bd\""
        );
    }

    #[test]
    fn an_unquoted_item_is_found_below_its_list_only() {
        let source = "aliases = [\n  \"a.gov.bd\",\n  b.gov.bd,\n]\n";
        let d = explain(source, source.find("b.gov").unwrap()).unwrap();
        assert_eq!(d.message.id(), "check-items-no-quotes");
        assert_eq!(d.example.as_deref(), Some("\"b.gov.bd\","));
        let source = "delivery = [\n  b.gov.bd,\n]\n";
        let d = explain(source, source.find("b.gov").unwrap()).unwrap();
        assert_eq!(d.message.id(), "check-not-a-line");
    }
}
