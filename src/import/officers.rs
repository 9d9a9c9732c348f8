//! The responsible officer's cell: the person, their designation (পদবি)
//! and office, then phone numbers and e-mail addresses after their labels.

use crate::charter::Officer;

use super::lists::is_digit;
use super::{bangla, stand_in};

/// Common designations of Bangladeshi government officers, with the officer
/// id used for them. At one place in a cell the longest match wins.
pub(super) const DESIGNATIONS: &[(&str, &str)] = &[
    ("সহকারী প্রোগ্রামার", "assistant-programmer"),
    ("প্রোগ্রামার", "programmer"),
    (
        "সহকারী মেইনটেন্যান্স ইঞ্জিনিয়ার",
        "assistant-maintenance-engineer",
    ),
    ("মেইনটেন্যান্স ইঞ্জিনিয়ার", "maintenance-engineer"),
    ("উপজেলা আইসিটি অফিসার", "upazila-ict-officer"),
    ("জেলা আইসিটি অফিসার", "district-ict-officer"),
    ("সিনিয়র সিস্টেম এনালিস্ট", "senior-system-analyst"),
    ("সিস্টেম এনালিস্ট", "system-analyst"),
    ("সহকারী পরিচালক", "assistant-director"),
    ("উপপরিচালক", "deputy-director"),
    ("উপ-পরিচালক", "deputy-director"),
    ("পরিচালক", "director"),
    ("উপজেলা নির্বাহী অফিসার", "upazila-nirbahi-officer"),
    ("সহকারী কমিশনার (ভূমি)", "assistant-commissioner-land"),
    ("সহকারী কমিশনার", "assistant-commissioner"),
    ("অতিরিক্ত জেলা প্রশাসক", "additional-deputy-commissioner"),
    ("জেলা প্রশাসক", "deputy-commissioner"),
    ("প্রধান নির্বাহী কর্মকর্তা", "chief-executive-officer"),
    ("প্রশাসনিক কর্মকর্তা", "administrative-officer"),
    ("উপজেলা কৃষি অফিসার", "upazila-agriculture-officer"),
    ("উপজেলা শিক্ষা অফিসার", "upazila-education-officer"),
    (
        "উপজেলা মাধ্যমিক শিক্ষা অফিসার",
        "upazila-secondary-education-officer",
    ),
    ("উপজেলা প্রকৌশলী", "upazila-engineer"),
    (
        "উপজেলা স্বাস্থ্য ও পরিবার পরিকল্পনা কর্মকর্তা",
        "upazila-health-officer",
    ),
    ("উপজেলা সমাজসেবা অফিসার", "upazila-social-services-officer"),
    ("উপজেলা মৎস্য কর্মকর্তা", "upazila-fisheries-officer"),
    ("উপজেলা প্রাণিসম্পদ কর্মকর্তা", "upazila-livestock-officer"),
    ("উপজেলা মহিলা বিষয়ক কর্মকর্তা", "upazila-women-affairs-officer"),
    ("উপজেলা যুব উন্নয়ন কর্মকর্তা", "upazila-youth-development-officer"),
    ("উপজেলা সমবায় অফিসার", "upazila-cooperative-officer"),
    ("উপজেলা পরিসংখ্যান কর্মকর্তা", "upazila-statistics-officer"),
    ("উপজেলা হিসাবরক্ষণ কর্মকর্তা", "upazila-accounts-officer"),
    ("উপজেলা নির্বাচন অফিসার", "upazila-election-officer"),
    (
        "উপজেলা প্রকল্প বাস্তবায়ন কর্মকর্তা",
        "upazila-project-implementation-officer",
    ),
    (
        "উপজেলা পল্লী উন্নয়ন কর্মকর্তা",
        "upazila-rural-development-officer",
    ),
    ("উপজেলা খাদ্য নিয়ন্ত্রক", "upazila-food-controller"),
    ("ইউনিয়ন ভূমি সহকারী কর্মকর্তা", "union-land-assistant-officer"),
    ("ইউনিয়ন পরিষদ সচিব", "union-parishad-secretary"),
    ("হিসাবরক্ষক", "accountant"),
    ("ডাটা এন্ট্রি অপারেটর", "data-entry-operator"),
    (
        "সাঁট মুদ্রাক্ষরিক কাম কম্পিউটার অপারেটর",
        "stenotypist-computer-operator",
    ),
    (
        "অফিস সহকারী কাম কম্পিউটার মুদ্রাক্ষরিক",
        "office-assistant-computer-typist",
    ),
    ("কম্পিউটার অপারেটর", "computer-operator"),
    ("নাজির কাম ক্যাশিয়ার", "nazir-cashier"),
    ("অফিস সহকারী", "office-assistant"),
    ("অফিস সহায়ক", "office-support-staff"),
];

/// Last words of designations missing from [`DESIGNATIONS`]: after "name,"
/// the designation runs up to the first of these.
pub(super) const DESIGNATION_ENDINGS: &[&str] = &[
    "অফিসার",
    "কর্মকর্তা",
    "কর্মচারী",
    "প্রোগ্রামার",
    "ইঞ্জিনিয়ার",
    "প্রকৌশলী",
    "অপারেটর",
    "এনালিস্ট",
    "সহায়ক",
    "সহকারী",
    "সহকারি",
    "পরিচালক",
    "কমিশনার",
    "প্রশাসক",
    "সচিব",
    "চেয়ারম্যান",
    "শিক্ষক",
    "পরিদর্শক",
    "হিসাবরক্ষক",
    "নিয়ন্ত্রক",
    "মুদ্রাক্ষরিক",
    "তত্ত্বাবধায়ক",
];

/// Words that start a phone number or an email address in an officer cell,
/// longest first where one is the start of another.
pub(super) const CONTACT_LABELS: &[(&str, Contact)] = &[
    ("টেলিফোন", Contact::Phone),
    ("ফোন নম্বর", Contact::Phone),
    ("ফোন নং", Contact::Phone),
    ("ফোন", Contact::Phone),
    ("মোবাইল নম্বর", Contact::Phone),
    ("মোবাইল নং", Contact::Phone),
    ("মোবাইল", Contact::Phone),
    ("phone", Contact::Phone),
    ("mobile", Contact::Phone),
    ("tel", Contact::Phone),
    ("ই-মেইল", Contact::Email),
    ("ই মেইল", Contact::Email),
    ("ইমেইল", Contact::Email),
    ("ইমেল", Contact::Email),
    ("e-mail", Contact::Email),
    ("email", Contact::Email),
];

/// What a contact label introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Contact {
    Phone,
    Email,
}

/// An officer as read from a cell, before it gets its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct OfficerCell {
    pub(super) name: String,
    pub(super) designation: String,
    /// Office and place, or empty.
    pub(super) office: String,
    /// Phone numbers, separated by commas, or empty.
    pub(super) phone: String,
    /// E-mail addresses, separated by commas, or empty.
    pub(super) email: String,
    /// The id of a known designation.
    pub(super) known_id: Option<&'static str>,
}

impl OfficerCell {
    /// Whether `other` names the same person, with the same contacts.
    pub(super) fn is_same_person(&self, other: &OfficerCell) -> bool {
        self.name == other.name
            && self.designation == other.designation
            && self.office == other.office
            && self.phone == other.phone
            && self.email == other.email
    }

    /// The officer of the charter, known as `id`. Optional keys are left
    /// out rather than written empty: an empty phone or e-mail would not
    /// pass `charter check`.
    pub(super) fn into_officer(self, id: String) -> Officer {
        let given = |text: String| (!text.is_empty()).then_some(text);
        Officer {
            id: stand_in(id),
            name: bangla(self.name),
            designation: bangla(self.designation),
            office: given(self.office).map(bangla),
            phone: given(self.phone).map(stand_in),
            email: given(self.email).map(stand_in),
        }
    }
}

/// What is missing from an officer cell without a known designation.
const NO_DESIGNATION: &str = "import-no-designation";

/// Splits an officer cell: "জনাব মোঃ আশিকুল ইসলাম, সহকারী প্রোগ্রামার তথ্য ও
/// যোগাযোগ প্রযুক্তি অধিদপ্তর হালুয়াঘাট, ময়মনসিংহ ফোনঃ 02996673752 ইমেইলঃ
/// shakilcse96@gmail.com". Returns what is missing when it cannot, as
/// the id of a message.
pub(super) fn parse_officer(cell: &str) -> Result<OfficerCell, &'static str> {
    let labels = contact_labels(cell);
    let person_end = labels.first().map_or(cell.len(), |l| l.0);
    let mut phones = Vec::new();
    let mut emails = Vec::new();
    for (i, &(_, value_start, kind)) in labels.iter().enumerate() {
        let value_end = labels.get(i + 1).map_or(cell.len(), |l| l.0);
        let value = cell[value_start..value_end]
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | 'ঃ'));
        if !value.is_empty() {
            match kind {
                Contact::Phone => phones.push(value),
                Contact::Email => emails.push(value),
            }
        }
    }

    let person = cell[..person_end].trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    let (name, designation, office, known_id) = match known_designation(person) {
        Some((start, end, id)) => (
            &person[..start],
            &person[start..end],
            &person[end..],
            Some(id),
        ),
        None => {
            let (name, rest) = person.split_once(',').ok_or(NO_DESIGNATION)?;
            let (designation, office) = designation_by_ending(rest).ok_or(NO_DESIGNATION)?;
            (name, designation, office, None)
        }
    };
    let tidy = |s: &str| {
        s.trim_matches(|c: char| c.is_whitespace() || c == ',')
            .to_string()
    };
    Ok(OfficerCell {
        name: tidy(name),
        designation: tidy(designation),
        office: tidy(office),
        phone: phones.join(", "),
        email: emails.join(", "),
        known_id,
    })
}

/// Contact labels in an officer cell: (label start, value start, kind), in
/// order. A label is followed by ":" or "ঃ", or directly by the value.
fn contact_labels(cell: &str) -> Vec<(usize, usize, Contact)> {
    let mut found = Vec::new();
    let mut previous: Option<char> = None;
    for (start, c) in cell.char_indices() {
        let at_word_start = previous.is_none_or(|p| p.is_whitespace() || ",;(/|".contains(p));
        previous = Some(c);
        if !at_word_start || found.last().is_some_and(|&(_, end, _)| start < end) {
            continue;
        }
        for &(label, kind) in CONTACT_LABELS {
            let Some(candidate) = cell.get(start..start + label.len()) else {
                continue;
            };
            if !candidate.eq_ignore_ascii_case(label) {
                continue;
            }
            let after = &cell[start + label.len()..];
            let value = after.trim_start();
            let value_start = cell.len() - value.len();
            let marked = value.strip_prefix([':', 'ঃ']);
            let looks_like_value = match kind {
                Contact::Phone => value.starts_with(|c: char| c == '+' || is_digit(c)),
                Contact::Email => value
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.contains('@')),
            };
            if let Some(rest) = marked {
                found.push((start, cell.len() - rest.len(), kind));
                break;
            }
            if looks_like_value && after.starts_with(char::is_whitespace) {
                found.push((start, value_start, kind));
                break;
            }
        }
    }
    found
}

/// The first known designation in `person` (longest at a tie): its byte
/// range and officer id.
fn known_designation(person: &str) -> Option<(usize, usize, &'static str)> {
    let mut best: Option<(usize, usize, &'static str)> = None;
    for &(designation, id) in DESIGNATIONS {
        let spellings = [
            designation.to_string(),
            designation.replace("সহকারী", "সহকারি"),
        ];
        for spelling in &spellings {
            for (start, _) in person.match_indices(spelling.as_str()) {
                let end = start + spelling.len();
                if !is_word_boundary(person, start, end) {
                    continue;
                }
                let better = best.is_none_or(|(s, e, _)| start < s || (start == s && end > e));
                if better {
                    best = Some((start, end, id));
                }
            }
        }
    }
    best
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    before.is_none_or(|c| c.is_whitespace() || ",;(/".contains(c))
        && after.is_none_or(|c| c.is_whitespace() || ",;(/)".contains(c))
}

/// After "name," of an officer whose designation is not known: the words up
/// to the first usual last word of a designation, then the office.
fn designation_by_ending(rest: &str) -> Option<(&str, &str)> {
    let rest = rest.trim_start();
    // Words are separated by single spaces in a cleaned cell.
    let mut end = 0;
    for word in rest.split(' ').take(6) {
        end += word.len();
        if DESIGNATION_ENDINGS.contains(&word.trim_end_matches(',')) {
            return Some((&rest[..end], &rest[end..]));
        }
        end += 1;
    }
    None
}
