//! What Chromium's PDFs hold, read back for the print tests: the names in
//! their uncompressed structure (page sizes, fonts), and the text each
//! page shows.

use std::collections::HashMap;

/// A PDF's objects by number: each one's dictionary, and its stream,
/// inflated.
type Objects = HashMap<u32, (Vec<u8>, Option<Vec<u8>>)>;

/// What follows each `key` in a PDF's uncompressed structure, up to the end
/// of the line or dictionary entry: page sizes, font names.
pub fn pdf_names(pdf: &[u8], key: &str) -> Vec<String> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices(key)
        .map(|(at, _)| {
            let rest = &text[at + key.len()..];
            let end = rest.find(['/', '\n', '>']).unwrap_or(rest.len());
            rest[..end].trim().to_string()
        })
        .collect()
}

/// The text each page of a PDF shows, in order, as Chromium (Skia) writes
/// it: every page's content streams read through its fonts' ToUnicode
/// maps, and a cluster of glyphs that stands for other characters (a
/// Bangla conjunct, a vowel sign drawn before its letter) read from its
/// `/ActualText`. Enough to find a line of the page in its print, not a
/// PDF reader.
pub fn pdf_page_texts(pdf: &[u8]) -> Vec<String> {
    let objects = pdf_objects(pdf);
    // Font resource names (`/F4 4 0 R`) and each font's ToUnicode map.
    let mut fonts: HashMap<Vec<u8>, HashMap<u16, String>> = HashMap::new();
    for (dict, _) in objects.values() {
        let Some(at) = find(dict, b"/Font <<").or_else(|| find(dict, b"/Font<<")) else {
            continue;
        };
        let resources = &dict[at..];
        let resources = &resources[find(resources, b"<<").unwrap_or(0) + 2..];
        let resources = &resources[..find(resources, b">>").unwrap_or(resources.len())];
        let tokens = tokens(resources);
        for (i, token) in tokens.iter().enumerate() {
            if let Token::Name(name) = token
                && let Some(&id) = refs(&tokens[i + 1..]).first()
                && let Some(cmap) = (objects.get(&id))
                    .and_then(|(font, _)| reference(font, b"/ToUnicode"))
                    .and_then(|id| objects.get(&id))
                    .and_then(|(_, stream)| stream.as_deref())
            {
                fonts.insert(name.clone(), to_unicode(cmap));
            }
        }
    }
    let Some(root) = objects
        .iter()
        .find(|(_, (dict, _))| find(dict, b"/Type /Catalog").is_some())
        .and_then(|(_, (dict, _))| reference(dict, b"/Pages"))
    else {
        return Vec::new();
    };
    let mut pages = Vec::new();
    page_ids(&objects, root, &mut pages);
    pages
        .into_iter()
        .map(|page| {
            let dict = &objects[&page].0;
            let at = find(dict, b"/Contents").expect("a page has contents");
            let contents = match tokens(&dict[at + b"/Contents".len()..]).as_slice() {
                [Token::Array(items), ..] => refs(items),
                tokens => refs(tokens).into_iter().take(1).collect(),
            };
            let mut text = String::new();
            for id in contents {
                if let Some(Some(stream)) = objects.get(&id).map(|(_, s)| s) {
                    show_text(stream, &fonts, &mut text);
                }
            }
            text
        })
        .collect()
}

/// Every `N 0 obj` of `pdf`.
fn pdf_objects(pdf: &[u8]) -> Objects {
    let mut objects = HashMap::new();
    let mut at = 0;
    while let Some(found) = find(&pdf[at..], b" 0 obj") {
        let end = at + found;
        let start = pdf[..end]
            .iter()
            .rposition(|b| !b.is_ascii_digit())
            .map_or(0, |p| p + 1);
        let id: u32 = std::str::from_utf8(&pdf[start..end])
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let body = end + b" 0 obj".len();
        let close = find(&pdf[body..], b"endobj").map_or(pdf.len(), |e| body + e);
        let object = &pdf[body..close];
        let (dict, stream) = match find(object, b"stream") {
            Some(s) => {
                let data = &object[s + b"stream".len()..];
                let data = data.strip_prefix(b"\r").unwrap_or(data);
                let data = data.strip_prefix(b"\n").unwrap_or(data);
                let data = &data[..find(data, b"endstream").unwrap_or(data.len())];
                let mut inflated = Vec::new();
                let stream = if find(&object[..s], b"/FlateDecode").is_some() {
                    use std::io::Read;
                    flate2::read::ZlibDecoder::new(data)
                        .read_to_end(&mut inflated)
                        .ok()
                        .map(|_| inflated)
                } else {
                    Some(data.to_vec())
                };
                (object[..s].to_vec(), stream)
            }
            None => (object.to_vec(), None),
        };
        objects.insert(id, (dict, stream));
        at = close;
    }
    objects
}

/// The pages under the page tree node `id`, in order.
fn page_ids(objects: &Objects, id: u32, out: &mut Vec<u32>) {
    let Some((dict, _)) = objects.get(&id) else {
        return;
    };
    let Some(at) = find(dict, b"/Kids") else {
        out.push(id);
        return;
    };
    let kids = match tokens(&dict[at + b"/Kids".len()..]).as_slice() {
        [Token::Array(items), ..] => refs(items),
        _ => Vec::new(),
    };
    for kid in kids {
        page_ids(objects, kid, out);
    }
}

/// The object `key N 0 R` in `dict` refers to.
fn reference(dict: &[u8], key: &[u8]) -> Option<u32> {
    let at = find(dict, key)? + key.len();
    refs(&tokens(&dict[at..])).first().copied()
}

/// The objects the leading `N 0 R` references of `tokens` refer to.
fn refs(tokens: &[Token]) -> Vec<u32> {
    let mut ids = Vec::new();
    let mut rest = tokens;
    while let [
        Token::Number(id),
        Token::Number(_),
        Token::Operator(r),
        tail @ ..,
    ] = rest
        && r == b"R"
    {
        ids.push(*id as u32);
        rest = tail;
    }
    ids
}

/// A ToUnicode CMap: glyph code to text.
fn to_unicode(cmap: &[u8]) -> HashMap<u16, String> {
    let mut map = HashMap::new();
    for pair in sections(cmap, b"beginbfchar", b"endbfchar")
        .iter()
        .flat_map(|s| s.chunks(2))
    {
        if let [Token::Hex(from), Token::Hex(to)] = pair {
            map.insert(code(from), utf16(to));
        }
    }
    for range in sections(cmap, b"beginbfrange", b"endbfrange")
        .iter()
        .flat_map(|s| s.chunks(3))
    {
        if let [Token::Hex(lo), Token::Hex(hi), Token::Hex(to)] = range {
            let first = u32::from(code(to));
            for (i, glyph) in (code(lo)..=code(hi)).enumerate() {
                let text = char::from_u32(first + i as u32).map(String::from);
                map.insert(glyph, text.unwrap_or_default());
            }
        }
    }
    map
}

/// The tokens between each `begin` and its `end` in `bytes`.
fn sections(mut bytes: &[u8], begin: &[u8], end: &[u8]) -> Vec<Vec<Token>> {
    let mut out = Vec::new();
    while let Some(at) = find(bytes, begin) {
        let rest = &bytes[at + begin.len()..];
        let stop = find(rest, end).unwrap_or(rest.len());
        out.push(tokens(&rest[..stop]));
        bytes = &rest[stop..];
    }
    out
}

/// A big-endian glyph code.
fn code(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0, |n, &b| n << 8 | u16::from(b))
}

/// Appends the text a content stream shows to `out`.
fn show_text(stream: &[u8], fonts: &HashMap<Vec<u8>, HashMap<u16, String>>, out: &mut String) {
    let mut operands: Vec<Token> = Vec::new();
    let mut font: Option<&HashMap<u16, String>> = None;
    // For each open marked-content sequence: whether it has ActualText.
    let mut marked: Vec<bool> = Vec::new();
    let glyphs = |bytes: &[u8], font: Option<&HashMap<u16, String>>, out: &mut String| {
        for pair in bytes.chunks(2) {
            if let Some(text) = font.and_then(|f| f.get(&code(pair))) {
                out.extend(text.chars().filter(|&c| c != '\0'));
            }
        }
    };
    for token in tokens(stream) {
        let Token::Operator(op) = &token else {
            operands.push(token);
            continue;
        };
        let shown = !marked.contains(&true);
        match op.as_slice() {
            b"Tf" => {
                font = operands.iter().find_map(|t| match t {
                    Token::Name(name) => fonts.get(name),
                    _ => None,
                });
            }
            b"Tj" if shown => {
                if let Some(Token::Hex(bytes)) = operands.last() {
                    glyphs(bytes, font, out);
                }
            }
            b"TJ" if shown => {
                if let Some(Token::Array(items)) = operands.last() {
                    for item in items {
                        if let Token::Hex(bytes) = item {
                            glyphs(bytes, font, out);
                        }
                    }
                }
            }
            b"BDC" => {
                let actual = operands.iter().find_map(|t| match t {
                    Token::Dict(dict) => {
                        let at = find(dict, b"/ActualText")?;
                        match tokens(&dict[at + b"/ActualText".len()..]).first()? {
                            Token::Hex(bytes) => Some(utf16(bytes)),
                            _ => None,
                        }
                    }
                    _ => None,
                });
                if let Some(text) = &actual
                    && shown
                {
                    out.push_str(text.trim_start_matches('\u{FEFF}'));
                }
                marked.push(actual.is_some());
            }
            b"BMC" => marked.push(false),
            b"EMC" => {
                marked.pop();
            }
            _ => {}
        }
        operands.clear();
    }
}

/// UTF-16BE, as ToUnicode maps and ActualText write text.
fn utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes.chunks(2).map(code).collect();
    String::from_utf16_lossy(&units)
}

/// A token of a PDF content stream or dictionary.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Name(Vec<u8>),
    Number(f64),
    Hex(Vec<u8>),
    Array(Vec<Token>),
    Dict(Vec<u8>),
    Operator(Vec<u8>),
}

/// The tokens of `bytes`: enough of PDF's syntax for what Skia writes.
fn tokens(bytes: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    let delimiter = |b: u8| b.is_ascii_whitespace() || b"/<>[]()".contains(&b);
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
        } else if bytes[i..].starts_with(b"<<") {
            // A dictionary, nested ones within it.
            let (mut depth, mut j) = (0, i);
            while j < bytes.len() {
                if bytes[j..].starts_with(b"<<") {
                    depth += 1;
                    j += 2;
                } else if bytes[j..].starts_with(b">>") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            out.push(Token::Dict(
                bytes[i + 2..j.saturating_sub(2).max(i + 2)].to_vec(),
            ));
            i = j;
        } else if b == b'<' {
            let end = i + find(&bytes[i..], b">").unwrap_or(bytes.len() - i);
            let digits: Vec<u8> = (bytes[i + 1..end].iter())
                .filter(|b| b.is_ascii_hexdigit())
                .copied()
                .collect();
            let hex = (digits.chunks(2))
                .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap_or("0"), 16).unwrap_or(0))
                .collect();
            out.push(Token::Hex(hex));
            i = end + 1;
        } else if b == b'[' {
            let (mut depth, mut j) = (0, i);
            while j < bytes.len() {
                match bytes[j] {
                    b'[' => depth += 1,
                    b']' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            out.push(Token::Array(tokens(&bytes[i + 1..j.min(bytes.len())])));
            i = j + 1;
        } else if b == b'(' {
            // A literal string: skipped, escapes and nesting included.
            let (mut depth, mut j) = (0, i);
            while j < bytes.len() {
                match bytes[j] {
                    b'\\' => j += 1,
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            i = j + 1;
        } else {
            let start = i;
            i += 1;
            while i < bytes.len() && !delimiter(bytes[i]) {
                i += 1;
            }
            let word = &bytes[start..i];
            if b == b'/' {
                out.push(Token::Name(word[1..].to_vec()));
            } else if let Some(n) = std::str::from_utf8(word).ok().and_then(|w| w.parse().ok()) {
                out.push(Token::Number(n));
            } else {
                out.push(Token::Operator(word.to_vec()));
            }
        }
    }
    out
}

/// Where `needle` first is in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
