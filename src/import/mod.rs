//! Import of a citizen charter published on the national portal.
//!
//! The portal's charter, scraped to text, is a list of lines: the office
//! details (government, office, department, "upazila, district", website and
//! the title "সিটিজেন চার্টার"), the heading "১. ভিশন ও মিশন" with the vision and
//! mission, then one table per service group ("২.১) নাগরিক সেবা",
//! "২.২) প্রাতিষ্ঠানিক সেবা", "২.৩) অভ্যন্তরীণ সেবা"), one row per line, cells
//! separated by tabs. [`import`] turns it into the text of a `charter.toml` with
//! the Bangla side only, for staff to complete with English.
//!
//! What the scrape does to a table, and how it is undone:
//! - A row cut in two continues on a line whose first cell is empty: its cells
//!   are appended to the row above.
//! - A merged officer cell is empty on every row but the first: the officer is
//!   the one of the row above, within the same table.
//! - Cells may hold markup (`<p>…</p>`) and entities (`&amp;`): removed.
//! - Numbered lists ("১। … ২। …") in the delivery and documents cells become
//!   TOML lists, like the hand-made charter.

use std::collections::HashMap;
use std::fmt::Write as _;

use unicode_normalization::UnicodeNormalization;

/// Why a portal text could not be imported. Every message says what to change
/// in the portal text, and where (1-based line number) when one line is at fault.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// No table of services under a heading "২.১) নাগরিক সেবা",
    /// "২.২) প্রাতিষ্ঠানিক সেবা" or "২.৩) অভ্যন্তরীণ সেবা".
    #[error(
        "no service table found: the text needs a heading such as \"২.১) নাগরিক সেবা\" or \
         \"২.২) প্রাতিষ্ঠানিক সেবা\" followed by rows of 7 cells separated by tabs \
         (ক্রমিক নং, সেবার নাম, পদ্ধতি, কাগজপত্র, মূল্য, সময়সীমা, কর্মকর্তা); \
         copy the whole charter page from the portal, tables included"
    )]
    NoServiceTable,

    /// The lines before "১. ভিশন ও মিশন" are not the expected office details.
    #[error(
        "line {line}: expected 5 lines of office details before this heading (government, \
         office, department, \"upazila, district\", website; the title \"সিটিজেন চার্টার\" \
         may be added) but found {found}; add the missing lines or remove the extra ones"
    )]
    HeaderLines {
        /// Line of the heading that ends the office details.
        line: usize,
        /// How many office-detail lines were found.
        found: usize,
    },

    /// The fourth office line is not "upazila, district".
    #[error(
        "line {line}: expected the upazila and the district separated by a comma, like \
         \"হালুয়াঘাট, ময়মনসিংহ\", but found \"{found}\"; add the comma"
    )]
    UpazilaDistrict {
        /// Line of the office details at fault.
        line: usize,
        /// Its text.
        found: String,
    },

    /// The fifth office line is not a web address.
    #[error(
        "line {line}: expected the office's website, like \"doict.haluaghat.mymensingh.gov.bd\", \
         but found \"{found}\"; put the website on this line"
    )]
    Website {
        /// Line of the office details at fault.
        line: usize,
        /// Its text.
        found: String,
    },

    /// No vision or no mission line.
    #[error(
        "no {what} found: under \"১. ভিশন ও মিশন\" the text needs a line starting with \
         \"{label}:\" followed by the {what}"
    )]
    MissingStatement {
        /// "vision" or "mission".
        what: &'static str,
        /// The Bangla label the line should start with.
        label: &'static str,
    },

    /// A table row without the 7 cells of a service.
    #[error(
        "line {line}: this table row has {found} cells separated by tabs, but a service row has \
         7 (ক্রমিক নং, সেবার নাম, পদ্ধতি, কাগজপত্র, মূল্য, সময়সীমা, কর্মকর্তা); \
         add the missing tabs, or join the row if it was cut in two"
    )]
    CellCount {
        /// Line of the row.
        line: usize,
        /// How many cells it has.
        found: usize,
    },

    /// A row with an empty first cell (the continuation of a row cut in two)
    /// but no row above it in the same table.
    #[error(
        "line {line}: this row starts with an empty cell, which means it continues the row \
         above, but there is no service row above it in this table; \
         put the service number (ক্রমিক নং) in its first cell"
    )]
    OrphanContinuation {
        /// Line of the row.
        line: usize,
    },

    /// Text without tabs between the rows of a service table.
    #[error(
        "line {line}: this line is inside the table \"{table}\" but is not a table row \
         (it has no tabs) nor a numbered heading; join it to the cell it belongs to, \
         or delete it"
    )]
    TextInTable {
        /// Line of the text.
        line: usize,
        /// The heading of the table, e.g. "২.১ নাগরিক সেবা".
        table: &'static str,
    },

    /// The first cell of a service row is not a number.
    #[error(
        "line {line}: the service number (ক্রমিক নং) \"{found}\" is not a number; \
         write it with digits, like \"৩\" or \"3\""
    )]
    SerialNotNumber {
        /// Line of the row.
        line: usize,
        /// The first cell.
        found: String,
    },

    /// Two services of one table with the same number.
    #[error(
        "line {line}: service number {serial} appears twice in \"{table}\" (first on line \
         {first_line}); renumber the services"
    )]
    DuplicateSerial {
        /// Line of the second row.
        line: usize,
        /// The repeated number.
        serial: u32,
        /// The heading of the table.
        table: &'static str,
        /// Line of the first row with this number.
        first_line: usize,
    },

    /// The first service of a table has an empty officer cell.
    #[error(
        "line {line}: the responsible officer cell (column 7) is empty on the first service of \
         this table, so there is no officer above to repeat; copy the officer (name, \
         designation, office, ফোনঃ …, ইমেইলঃ …) into this cell"
    )]
    NoOfficerToInherit {
        /// Line of the row.
        line: usize,
    },

    /// An officer cell without a recognisable designation.
    #[error(
        "line {line}: the responsible officer \"{cell}\" could not be read: {reason}; write it \
         as \"name, designation office ফোনঃ … ইমেইলঃ …\", for example \"জনাব মোঃ আশিকুল ইসলাম, \
         সহকারী প্রোগ্রামার তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর হালুয়াঘাট, ময়মনসিংহ \
         ফোনঃ 02996673752 ইমেইলঃ shakilcse96@gmail.com\""
    )]
    OfficerCell {
        /// Line of the row.
        line: usize,
        /// The officer cell, cleaned.
        cell: String,
        /// What is missing.
        reason: &'static str,
    },
}

/// Imports a charter scraped from the national portal (tab-separated text)
/// and returns the text of a `charter.toml` with the Bangla side only.
pub fn import(portal_text: &str) -> Result<String, ImportError> {
    let charter = parse(portal_text)?;
    Ok(render(&charter))
}

/// Number of cells in a service row.
const COLUMNS: usize = 7;

/// Common designations of Bangladeshi government officers, with the officer
/// id used for them. At one place in a cell the longest match wins.
const DESIGNATIONS: &[(&str, &str)] = &[
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
const DESIGNATION_ENDINGS: &[&str] = &[
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
const CONTACT_LABELS: &[(&str, Contact)] = &[
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

/// Labels of the vision and mission lines.
const VISION_LABELS: &[&str] = &["ভিশন", "রূপকল্প"];
const MISSION_LABELS: &[&str] = &["মিশন", "অভিলক্ষ্য", "অভিলক্ষ"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Group {
    Citizen,
    Institutional,
    Internal,
}

impl Group {
    /// The value of `group` in charter.toml.
    fn key(self) -> &'static str {
        match self {
            Group::Citizen => "citizen",
            Group::Institutional => "institutional",
            Group::Internal => "internal",
        }
    }

    /// The heading of the group's table on the portal, for messages.
    fn heading(self) -> &'static str {
        match self {
            Group::Citizen => "২.১ নাগরিক সেবা",
            Group::Institutional => "২.২ প্রাতিষ্ঠানিক সেবা",
            Group::Internal => "২.৩ অভ্যন্তরীণ সেবা",
        }
    }

    /// The group a numbered heading opens, if it is a service table.
    fn from_heading(title: &str) -> Option<Group> {
        if title.contains("নাগরিক সেবা") {
            Some(Group::Citizen)
        } else if title.contains("প্রাতিষ্ঠানিক সেবা") {
            Some(Group::Institutional)
        } else if title.contains("অভ্যন্তরী") {
            Some(Group::Internal)
        } else {
            None
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Contact {
    Phone,
    Email,
}

/// Everything read from the portal text.
#[derive(Debug)]
struct Charter {
    office: Office,
    vision: String,
    mission: String,
    officers: Vec<Officer>,
    services: Vec<Service>,
}

#[derive(Debug)]
struct Office {
    government: String,
    office: String,
    department: String,
    upazila: String,
    district: String,
    website: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Officer {
    id: String,
    name: String,
    designation: String,
    office: String,
    phone: String,
    email: String,
}

/// An officer as read from a cell, before it gets its id.
#[derive(Debug, Clone, PartialEq, Eq)]
struct OfficerCell {
    name: String,
    designation: String,
    office: String,
    phone: String,
    email: String,
    /// The id of a known designation.
    known_id: Option<&'static str>,
}

/// One text, or a numbered list of texts.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Text {
    One(String),
    List(Vec<String>),
}

#[derive(Debug)]
struct Service {
    group: Group,
    serial: u32,
    /// Index into [`Charter::officers`].
    officer: usize,
    name: Text,
    delivery: Text,
    documents: Text,
    fee: Text,
    time_limit: Text,
}

impl Service {
    fn slug(&self) -> String {
        format!("{}-{}", self.group.key(), self.serial)
    }
}

/// A service row of a table, its continuation lines joined.
#[derive(Debug)]
struct Row {
    line: usize,
    /// Tables are numbered in reading order; merged cells never cross tables.
    table: usize,
    group: Group,
    cells: [String; COLUMNS],
}

fn parse(portal_text: &str) -> Result<Charter, ImportError> {
    let text = portal_text.strip_prefix('\u{feff}').unwrap_or(portal_text);
    let mut header: Vec<(usize, String)> = Vec::new();
    let mut office = None;
    let mut vision = None;
    let mut mission = None;
    let mut awaiting: Option<Statement> = None;
    let mut last_heading: Vec<u32> = Vec::new();
    let mut group = None;
    let mut table = 0;
    let mut rows: Vec<Row> = Vec::new();

    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let is_row = raw.contains('\t');
        if office.is_none() {
            let cleaned = clean(raw);
            if cleaned.is_empty() {
                continue;
            }
            if heading(&cleaned).is_none() && statement(&cleaned).is_none() {
                if !is_title(&cleaned) {
                    header.push((line, cleaned));
                }
                continue;
            }
            office = Some(office_from_header(&header, line)?);
        }

        if is_row {
            if let Some(group) = group {
                read_row(raw, line, group, &mut table, &mut rows)?;
            }
            continue;
        }
        let cleaned = clean(raw);
        if cleaned.is_empty() {
            continue;
        }
        if let Some((number, title)) = heading(&cleaned).filter(|(n, _)| *n > last_heading) {
            last_heading = number;
            group = Group::from_heading(title);
            table += 1;
            awaiting = None;
            continue;
        }
        if let Some(group) = group {
            return Err(ImportError::TextInTable {
                line,
                table: group.heading(),
            });
        }
        let (which, value) = match statement(&cleaned) {
            Some((which, value)) => (which, value.to_string()),
            None => match awaiting.take() {
                Some(which) => (which, cleaned),
                // Text of a section the charter file does not keep.
                None => continue,
            },
        };
        let slot = match which {
            Statement::Vision => &mut vision,
            Statement::Mission => &mut mission,
        };
        if value.is_empty() {
            awaiting = Some(which);
        } else if slot.is_none() {
            *slot = Some(value);
        }
    }

    let Some(office) = office else {
        return Err(ImportError::NoServiceTable);
    };
    let vision = vision.ok_or(ImportError::MissingStatement {
        what: "vision",
        label: "ভিশন",
    })?;
    let mission = mission.ok_or(ImportError::MissingStatement {
        what: "mission",
        label: "মিশন",
    })?;
    if rows.is_empty() {
        return Err(ImportError::NoServiceTable);
    }
    let (officers, services) = services_from_rows(rows)?;
    Ok(Charter {
        office,
        vision,
        mission,
        officers,
        services,
    })
}

/// Reads one tab-separated line of a service table into `rows`.
fn read_row(
    raw: &str,
    line: usize,
    group: Group,
    table: &mut usize,
    rows: &mut Vec<Row>,
) -> Result<(), ImportError> {
    let cells: Vec<String> = raw.split('\t').map(clean).collect();
    if cells.iter().all(|c| c.chars().all(|ch| ch == '-')) {
        // Blank, or a `---` rule under the table.
        return Ok(());
    }
    if is_table_header(&cells[0]) {
        *table += 1;
        return Ok(());
    }
    if cells.len() == COLUMNS
        && cells
            .iter()
            .enumerate()
            .all(|(i, c)| number(c) == Some(i as u64 + 1))
    {
        // The row of column numbers ১ ২ ৩ … under the header.
        return Ok(());
    }
    if cells.len() > COLUMNS {
        return Err(ImportError::CellCount {
            line,
            found: cells.len(),
        });
    }
    if cells[0].is_empty() {
        let previous = rows
            .last_mut()
            .filter(|row| row.table == *table)
            .ok_or(ImportError::OrphanContinuation { line })?;
        for (into, more) in previous.cells.iter_mut().zip(&cells) {
            if !more.is_empty() {
                if !into.is_empty() {
                    into.push(' ');
                }
                into.push_str(more);
            }
        }
        return Ok(());
    }
    let found = cells.len();
    let cells =
        <[String; COLUMNS]>::try_from(cells).map_err(|_| ImportError::CellCount { line, found })?;
    rows.push(Row {
        line,
        table: *table,
        group,
        cells,
    });
    Ok(())
}

fn services_from_rows(rows: Vec<Row>) -> Result<(Vec<Officer>, Vec<Service>), ImportError> {
    let mut officers: Vec<Officer> = Vec::new();
    let mut unknown_officers = 0;
    let mut services = Vec::new();
    let mut first_lines: HashMap<(Group, u32), usize> = HashMap::new();
    let mut above: Option<(usize, usize)> = None;

    for row in rows {
        let line = row.line;
        let serial = number(row.cells[0].trim_end_matches(['.', ')', '।']))
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| ImportError::SerialNotNumber {
                line,
                found: row.cells[0].clone(),
            })?;
        if let Some(&first_line) = first_lines.get(&(row.group, serial)) {
            return Err(ImportError::DuplicateSerial {
                line,
                serial,
                table: row.group.heading(),
                first_line,
            });
        }
        first_lines.insert((row.group, serial), line);

        let officer = if row.cells[6].is_empty() {
            match above {
                Some((table, officer)) if table == row.table => officer,
                _ => return Err(ImportError::NoOfficerToInherit { line }),
            }
        } else {
            let cell = parse_officer(&row.cells[6]).map_err(|reason| ImportError::OfficerCell {
                line,
                cell: row.cells[6].clone(),
                reason,
            })?;
            match officers.iter().position(|o| cell.is_same_person(o)) {
                Some(index) => index,
                None => {
                    let base = match cell.known_id {
                        Some(id) => id.to_string(),
                        None => {
                            unknown_officers += 1;
                            format!("officer-{unknown_officers}")
                        }
                    };
                    let id = unique_id(&base, &officers);
                    officers.push(cell.into_officer(id));
                    officers.len() - 1
                }
            }
        };
        above = Some((row.table, officer));

        let [_, name, delivery, documents, fee, time_limit, _] = row.cells;
        services.push(Service {
            group: row.group,
            serial,
            officer,
            name: Text::One(name),
            // Lists only where the hand-made charter has them; numbered text
            // elsewhere stays one text.
            delivery: list_or_text(delivery),
            documents: list_or_text(documents),
            fee: Text::One(fee),
            time_limit: Text::One(time_limit),
        });
    }
    Ok((officers, services))
}

fn unique_id(base: &str, officers: &[Officer]) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while officers.iter().any(|o| o.id == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

impl OfficerCell {
    fn is_same_person(&self, officer: &Officer) -> bool {
        self.name == officer.name
            && self.designation == officer.designation
            && self.office == officer.office
            && self.phone == officer.phone
            && self.email == officer.email
    }

    fn into_officer(self, id: String) -> Officer {
        Officer {
            id,
            name: self.name,
            designation: self.designation,
            office: self.office,
            phone: self.phone,
            email: self.email,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Statement {
    Vision,
    Mission,
}

/// A vision or mission line: "ভিশন: …" gives the text after the label.
fn statement(line: &str) -> Option<(Statement, &str)> {
    let labels = VISION_LABELS
        .iter()
        .map(|l| (Statement::Vision, l))
        .chain(MISSION_LABELS.iter().map(|l| (Statement::Mission, l)));
    for (which, label) in labels {
        if let Some(rest) = line.strip_prefix(label) {
            let rest = rest.trim_start();
            if let Some(text) = rest.strip_prefix([':', 'ঃ']) {
                return Some((which, text.trim()));
            }
        }
    }
    None
}

/// A numbered heading such as "১. ভিশন ও মিশন" or "২.১) নাগরিক সেবা": its
/// number ([2, 1]) and title.
fn heading(line: &str) -> Option<(Vec<u32>, &str)> {
    let mut parts = Vec::new();
    let mut rest = line;
    loop {
        let end = rest
            .char_indices()
            .find(|&(_, c)| digit(c).is_none())
            .map_or(rest.len(), |(i, _)| i);
        let part = u32::try_from(number(&rest[..end])?).ok()?;
        parts.push(part);
        rest = &rest[end..];
        match rest.strip_prefix('.') {
            Some(after) if after.chars().next().and_then(digit).is_some() => rest = after,
            _ => break,
        }
    }
    let title = match rest.strip_prefix(['.', ')']) {
        Some(title) => title,
        // "২.১ নাগরিক সেবা": a dotted number needs no mark after it.
        None if parts.len() > 1 => rest,
        None => return None,
    };
    if !title.starts_with(char::is_whitespace) && !title.is_empty() {
        return None;
    }
    let title = title.trim();
    (!title.is_empty()).then_some((parts, title))
}

fn is_title(line: &str) -> bool {
    line.contains("চার্টার")
        || line.contains("সেবা প্রদান প্রতিশ্রুতি")
        || line.to_lowercase().contains("citizen")
}

fn is_table_header(first_cell: &str) -> bool {
    let lower = first_cell.to_lowercase();
    first_cell.starts_with("ক্র") || lower.starts_with("sl") || lower.starts_with("serial")
}

fn office_from_header(header: &[(usize, String)], line: usize) -> Result<Office, ImportError> {
    let [government, office, department, place, website] = header else {
        return Err(ImportError::HeaderLines {
            line,
            found: header.len(),
        });
    };
    let Some((upazila, district)) = place
        .1
        .split_once(',')
        .map(|(u, d)| (u.trim(), d.trim()))
        .filter(|(u, d)| !u.is_empty() && !d.is_empty())
    else {
        return Err(ImportError::UpazilaDistrict {
            line: place.0,
            found: place.1.clone(),
        });
    };
    let address = website.1.trim_start_matches("https://");
    let address = address.trim_start_matches("http://").trim_end_matches('/');
    if !address.contains('.') || address.contains(char::is_whitespace) || !address.is_ascii() {
        return Err(ImportError::Website {
            line: website.0,
            found: website.1.clone(),
        });
    }
    Ok(Office {
        government: government.1.clone(),
        office: office.1.clone(),
        department: department.1.clone(),
        upazila: upazila.to_string(),
        district: district.to_string(),
        website: address.to_string(),
    })
}

/// Splits an officer cell: "জনাব মোঃ আশিকুল ইসলাম, সহকারী প্রোগ্রামার তথ্য ও
/// যোগাযোগ প্রযুক্তি অধিদপ্তর হালুয়াঘাট, ময়মনসিংহ ফোনঃ 02996673752 ইমেইলঃ
/// shakilcse96@gmail.com". Returns what is missing when it cannot.
fn parse_officer(cell: &str) -> Result<OfficerCell, &'static str> {
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
            let (name, rest) = person
                .split_once(',')
                .ok_or("no known designation (পদবি) after the name")?;
            let (designation, office) =
                designation_by_ending(rest).ok_or("no known designation (পদবি) after the name")?;
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
                Contact::Phone => value.starts_with(|c: char| c == '+' || digit(c).is_some()),
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

fn list_or_text(cell: String) -> Text {
    numbered_list(&cell).map_or(Text::One(cell), Text::List)
}

/// A numbered list "১। … ২। … ৩। …" (Bangla or ASCII digits, "।" or "."
/// after the number) as its items; `None` when the cell is not one.
fn numbered_list(cell: &str) -> Option<Vec<String>> {
    // (mark start, text start) of each item.
    let mut marks = vec![(0, list_mark(cell, 0, 1)?)];
    let mut previous: Option<char> = None;
    for (start, c) in cell.char_indices() {
        let at_word_start = previous.is_none_or(char::is_whitespace);
        previous = Some(c);
        let after_last_mark = marks.last().is_some_and(|&(_, end)| start >= end);
        if at_word_start
            && after_last_mark
            && digit(c).is_some()
            && let Some(end) = list_mark(cell, start, marks.len() as u64 + 1)
        {
            marks.push((start, end));
        }
    }
    let items: Vec<String> = marks
        .iter()
        .enumerate()
        .map(|(i, &(_, text_start))| {
            let text_end = marks.get(i + 1).map_or(cell.len(), |m| m.0);
            cell[text_start..text_end]
                .trim_matches(|c: char| c.is_whitespace() || c == ',' || c == ';')
                .to_string()
        })
        .filter(|item| !item.is_empty())
        .collect();
    (!items.is_empty()).then_some(items)
}

/// If the number `expected` followed by "।" or "." starts at `start`, the
/// byte index after the mark.
fn list_mark(cell: &str, start: usize, expected: u64) -> Option<usize> {
    let rest = &cell[start..];
    let digits_end = rest
        .char_indices()
        .find(|&(_, c)| digit(c).is_none())
        .map_or(rest.len(), |(i, _)| i);
    if number(&rest[..digits_end]) != Some(expected) {
        return None;
    }
    let after = &rest[digits_end..];
    let mark_len = if after.starts_with('।') {
        '।'.len_utf8()
    } else if after.starts_with('.') && after[1..].chars().next().is_none_or(char::is_whitespace) {
        // "১.৫ লক্ষ" is a decimal number, "১. …" a list item.
        1
    } else {
        return None;
    };
    Some(start + digits_end + mark_len)
}

/// The value of a Bangla (০–৯) or ASCII digit.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '০'..='৯' => Some(c as u32 - '০' as u32),
        _ => None,
    }
}

/// A whole number written with Bangla or ASCII digits.
fn number(text: &str) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    text.chars().try_fold(0u64, |n, c| {
        n.checked_mul(10)?.checked_add(u64::from(digit(c)?))
    })
}

/// The text of a cell or line: markup removed, entities decoded, whitespace
/// collapsed and trimmed, Unicode NFC.
fn clean(raw: &str) -> String {
    let text = decode_entities(&strip_tags(raw));
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    text.nfc().collect()
}

/// Replaces every tag (`<p>`, `</p>`, `<br/>`, `<!-- … -->`) with a space. A
/// `<` that does not open a tag ("< ৫ দিন") is kept.
fn strip_tags(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tag = &rest[open..];
        let opens_tag = tag[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        match tag.find('>').filter(|_| opens_tag) {
            Some(close) => {
                out.push(' ');
                rest = &tag[close + 1..];
            }
            None => {
                out.push('<');
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes HTML entities (`&amp;`, `&nbsp;`, `&#2453;`, `&#x995;`). Unknown
/// ones are kept as written.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let candidate = &rest[amp + 1..];
        let decoded = candidate
            .find(';')
            .filter(|&semi| semi <= 10)
            .and_then(|semi| Some((entity(&candidate[..semi])?, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &candidate[semi + 1..];
            }
            None => {
                out.push('&');
                rest = candidate;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(code) = name.strip_prefix('#') {
        let value = match code.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => code.parse().ok()?,
        };
        return char::from_u32(value);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "bull" => '•',
        _ => return None,
    })
}

/// A TOML basic string, quotes included (also used by the charter
/// generator in `examples/`).
pub fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if c <= '\u{1f}' || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Bangla-only text: `{ bn = "…" }`.
fn bn(text: &str) -> String {
    format!("{{ bn = {} }}", toml_string(text))
}

const HEADER_COMMENT: &str = "\
# Citizen charter (সিটিজেন চার্টার) imported from the national portal.
#
# Staff: only the Bangla (bn) side was imported. Before publishing:
# - add the English to every text: { bn = \"…\" } becomes { bn = \"…\", en = \"…\" };
# - the service slugs (citizen-1, institutional-6, …) are the services' addresses
#   (/bn/services/<slug>): you may rename them to short English words, like \"ict-training\";
# - fill in any empty value (\"\"): it was missing on the portal;
# - then run `charter check`.
";

fn render(charter: &Charter) -> String {
    let mut out = String::from(HEADER_COMMENT);
    let office = &charter.office;
    out.push_str("\n[office]\n");
    for (key, value) in [
        ("government", &office.government),
        ("office", &office.office),
        ("department", &office.department),
        ("upazila", &office.upazila),
        ("district", &office.district),
    ] {
        let _ = writeln!(out, "{key} = {}", bn(value));
    }
    let _ = writeln!(out, "website = {}", toml_string(&office.website));

    out.push_str("\n[charter]\n");
    let _ = writeln!(out, "vision = {}", bn(&charter.vision));
    let _ = writeln!(out, "mission = {}", bn(&charter.mission));

    out.push_str("\n# Officers are written once and referred to by `id` from the services.\n");
    for (i, officer) in charter.officers.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("[[officers]]\n");
        let _ = writeln!(out, "id = {}", toml_string(&officer.id));
        let _ = writeln!(out, "name = {}", bn(&officer.name));
        let _ = writeln!(out, "designation = {}", bn(&officer.designation));
        // Optional keys are left out rather than written empty: an empty
        // phone or e-mail would not pass `charter check`.
        if !officer.office.is_empty() {
            let _ = writeln!(out, "office = {}", bn(&officer.office));
        }
        if !officer.phone.is_empty() {
            let _ = writeln!(out, "phone = {}", toml_string(&officer.phone));
        }
        if !officer.email.is_empty() {
            let _ = writeln!(out, "email = {}", toml_string(&officer.email));
        }
    }

    out.push_str(
        "\n# Services: `group` is \"citizen\" (২.১ নাগরিক সেবা), \"institutional\" \
         (২.২ প্রাতিষ্ঠানিক সেবা)\n# or \"internal\" (২.৩ অভ্যন্তরীণ সেবা). `slug` is the \
         service's address: /bn/services/<slug>.\n# A list ([ … ]) is shown as a numbered list.\n",
    );
    for service in &charter.services {
        out.push_str("\n[[services]]\n");
        let _ = writeln!(out, "group = {}", toml_string(service.group.key()));
        let _ = writeln!(out, "serial = {}", service.serial);
        let _ = writeln!(out, "slug = {}", toml_string(&service.slug()));
        let officer = &charter.officers[service.officer];
        let _ = writeln!(out, "officer = {}", toml_string(&officer.id));
        for (key, text) in [
            ("name", &service.name),
            ("delivery", &service.delivery),
            ("documents", &service.documents),
            ("fee", &service.fee),
            ("time_limit", &service.time_limit),
        ] {
            match text {
                Text::One(text) => {
                    let _ = writeln!(out, "{key} = {}", bn(text));
                }
                Text::List(items) => {
                    let _ = writeln!(out, "{key} = [");
                    for item in items {
                        let _ = writeln!(out, "  {},", bn(item));
                    }
                    out.push_str("]\n");
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/portal.txt");
    const REFERENCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/charter.toml");

    const OFFICER: &str = "জনাব মোঃ আশিকুল ইসলাম, সহকারী প্রোগ্রামার তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর \
                           হালুয়াঘাট, ময়মনসিংহ ফোনঃ 02996673752 ইমেইলঃ shakilcse96@gmail.com";

    /// Lines 1–10 of a small portal text; table rows start on line 11.
    const HEAD: &str = "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার
উপজেলা কার্যালয়
তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর
হালুয়াঘাট, ময়মনসিংহ
doict.haluaghat.mymensingh.gov.bd
সিটিজেন চার্টার
১. ভিশন ও মিশন
ভিশন: জ্ঞানভিত্তিক অর্থনীতি।
মিশন: সুশাসন প্রতিষ্ঠা।
২.১) নাগরিক সেবা
";

    fn row(cells: &[&str]) -> String {
        cells.join("\t") + "\n"
    }

    fn service_row(serial: &str, name: &str, officer: &str) -> String {
        row(&[serial, name, "পদ্ধতি", "কাগজ", "বিনামূল্যে", "৩ দিন", officer])
    }

    fn portal(rows: &[String]) -> String {
        format!("{HEAD}{}", rows.concat())
    }

    fn parsed(output: &str) -> toml::Table {
        output.parse().expect("the output is valid TOML")
    }

    fn services(output: &str) -> Vec<toml::Table> {
        parsed(output)["services"]
            .as_array()
            .expect("services is an array")
            .iter()
            .map(|s| s.as_table().expect("a service is a table").clone())
            .collect()
    }

    /// The Bangla side of a text or list of texts; panics on an `en`.
    fn bn_only(value: &toml::Value) -> toml::Value {
        match value {
            toml::Value::Array(items) => toml::Value::Array(items.iter().map(bn_only).collect()),
            toml::Value::Table(text) => {
                assert_eq!(text.keys().collect::<Vec<_>>(), ["bn"], "{value}");
                text["bn"].clone()
            }
            other => panic!("not a text: {other}"),
        }
    }

    /// The Bangla side of a reference text (which also has `en`).
    fn reference_bn(value: &toml::Value) -> toml::Value {
        match value {
            toml::Value::Array(items) => {
                toml::Value::Array(items.iter().map(reference_bn).collect())
            }
            toml::Value::Table(text) => text["bn"].clone(),
            other => panic!("not a text: {other}"),
        }
    }

    fn officer_by_id<'a>(charter: &'a toml::Table, id: &toml::Value) -> &'a toml::Table {
        charter["officers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o.as_table().unwrap())
            .find(|o| &o["id"] == id)
            .unwrap_or_else(|| panic!("no officer {id}"))
    }

    #[test]
    fn seed_matches_the_hand_made_charter() {
        let seed = std::fs::read_to_string(SEED).expect("seed readable");
        let reference: toml::Table = std::fs::read_to_string(REFERENCE)
            .expect("reference readable")
            .parse()
            .expect("reference is valid TOML");
        let output = import(&seed).expect("the seed imports");
        let charter = parsed(&output);

        for key in ["government", "office", "department", "upazila", "district"] {
            assert_eq!(
                bn_only(&charter["office"][key]),
                reference_bn(&reference["office"][key]),
                "office.{key}"
            );
        }
        assert_eq!(charter["office"]["website"], reference["office"]["website"]);
        for key in ["vision", "mission"] {
            assert_eq!(
                bn_only(&charter["charter"][key]),
                reference_bn(&reference["charter"][key]),
                "charter.{key}"
            );
        }

        // The same person is in many officer cells, with and without a comma
        // after the name and inside <p>: one officer.
        assert_eq!(charter["officers"].as_array().unwrap().len(), 1);

        let ours = services(&output);
        let theirs = reference["services"].as_array().unwrap();
        assert_eq!(ours.len(), 13);
        let count = |group: &str| {
            ours.iter()
                .filter(|s| s["group"].as_str() == Some(group))
                .count()
        };
        assert_eq!((count("citizen"), count("institutional")), (3, 10));
        assert_eq!(ours.len(), theirs.len());

        for (ours, theirs) in ours.iter().zip(theirs) {
            let at = format!("{} {}", theirs["group"], theirs["serial"]);
            assert_eq!(ours["group"], theirs["group"], "{at}");
            assert_eq!(ours["serial"], theirs["serial"], "{at}");
            assert_eq!(
                ours["slug"].as_str().unwrap(),
                format!("{}-{}", ours["group"].as_str().unwrap(), ours["serial"]),
                "{at}"
            );
            for key in ["name", "delivery", "documents", "fee", "time_limit"] {
                assert_eq!(
                    bn_only(&ours[key]),
                    reference_bn(&theirs[key]),
                    "{at}: {key}"
                );
            }
            assert_eq!(ours["officer"], theirs["officer"], "{at}");
            let our_officer = officer_by_id(&charter, &ours["officer"]);
            let their_officer = officer_by_id(&reference, &theirs["officer"]);
            for key in ["name", "designation", "office"] {
                assert_eq!(
                    bn_only(&our_officer[key]),
                    reference_bn(&their_officer[key]),
                    "{at}: officer {key}"
                );
            }
            for key in ["phone", "email"] {
                assert_eq!(our_officer[key], their_officer[key], "{at}: officer {key}");
            }
        }
    }

    #[test]
    fn output_keeps_the_reference_layout() {
        let seed = std::fs::read_to_string(SEED).unwrap();
        let output = import(&seed).unwrap();
        let comment: String = output.lines().take_while(|l| l.starts_with('#')).collect();
        assert!(comment.contains("imported"), "{comment}");
        assert!(comment.contains("en = "), "{comment}");
        assert!(comment.contains("`charter check`"), "{comment}");
        assert!(comment.contains("slug"), "{comment}");
        // Bangla only: no `en` outside the comments.
        assert!(
            output
                .lines()
                .filter(|l| !l.starts_with('#'))
                .all(|l| !l.contains("en ="))
        );

        let keys: Vec<&str> = output
            .split("[[services]]\n")
            .nth(1)
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with(' ') && l.contains(" = "))
            .map(|l| l.split(" = ").next().unwrap())
            .collect();
        assert_eq!(
            keys,
            [
                "group",
                "serial",
                "slug",
                "officer",
                "name",
                "delivery",
                "documents",
                "fee",
                "time_limit"
            ]
        );
        let sections: Vec<&str> = output.lines().filter(|l| l.starts_with('[')).collect();
        assert_eq!(&sections[..3], ["[office]", "[charter]", "[[officers]]"]);
        assert!(output.contains("delivery = [\n  { bn = \"দাপ্তরিক ওয়েব সাইটের মাধ্যমে\" },\n"));
    }

    #[test]
    fn split_row_is_joined_to_the_row_above() {
        let text = portal(&[
            row(&[
                "১",
                "স্পেসিফিকেশন প্রণয়নে",
                "১। ব্যক্তিগত উপস্থিতি ২। টেলিফোনে",
                "কাগজ",
                "বিনামূল্যে",
                "৩ দিন",
                OFFICER,
            ]),
            "\n".to_string(),
            row(&["", "সহায়তা প্রদান", "৩। ই-মেইল", "", "", "", ""]),
            // A continuation line may stop after its last non-empty cell.
            row(&["", "", "", "", "(প্রযোজ্য ক্ষেত্রে)"]),
        ]);
        let output = import(&text).unwrap();
        let services = services(&output);
        assert_eq!(services.len(), 1);
        let service = &services[0];
        assert_eq!(
            bn_only(&service["name"]).as_str(),
            Some("স্পেসিফিকেশন প্রণয়নে সহায়তা প্রদান")
        );
        assert_eq!(
            bn_only(&service["delivery"]),
            toml::Value::Array(
                ["ব্যক্তিগত উপস্থিতি", "টেলিফোনে", "ই-মেইল"]
                    .map(toml::Value::from)
                    .to_vec()
            )
        );
        assert_eq!(
            bn_only(&service["fee"]).as_str(),
            Some("বিনামূল্যে (প্রযোজ্য ক্ষেত্রে)")
        );
    }

    #[test]
    fn markup_and_entities_are_removed() {
        assert_eq!(clean("<p>তথ্য &amp; যোগাযোগ</p>"), "তথ্য & যোগাযোগ");
        assert_eq!(clean("ক<br/>খ<BR>গ&nbsp;&nbsp; ঘ\u{a0}"), "ক খ গ ঘ");
        assert_eq!(
            clean("<p class=\"x\">\n  <span>ফি</span>  <!-- note --></p>"),
            "ফি"
        );
        assert_eq!(clean("&#2453;&#x996; &quot;ক&quot;"), "কখ \"ক\"");
        // Not tags, not entities: kept.
        assert_eq!(
            clean("< ৫ দিন & ফি &unknown; &amp"),
            "< ৫ দিন & ফি &unknown; &amp"
        );
        // An escaped tag is text, not markup.
        assert_eq!(clean("&lt;p&gt;"), "<p>");
        // NFC: the precomposed য় (U+09DF) becomes য + nukta.
        assert_eq!(clean("\u{9df}"), "\u{9af}\u{9bc}");
    }

    #[test]
    fn numbered_lists_with_ascii_or_bangla_digits() {
        let list = |items: &[&str]| Some(items.iter().map(|s| s.to_string()).collect());
        assert_eq!(
            numbered_list("1. অনলাইনে 2. ডাকযোগে, 3. সরাসরি"),
            list(&["অনলাইনে", "ডাকযোগে", "সরাসরি"])
        );
        assert_eq!(numbered_list("1। ক 2। খ"), list(&["ক", "খ"]));
        assert_eq!(numbered_list("১. ক ২. খ"), list(&["ক", "খ"]));
        assert_eq!(numbered_list("১।ক ২।খ"), list(&["ক", "খ"]));
        assert_eq!(
            numbered_list("১। ধারা ৩ অনুযায়ী ২। ১০ দিন"),
            list(&["ধারা ৩ অনুযায়ী", "১০ দিন"])
        );
        // Numbers in ordinary text are not lists.
        assert_eq!(numbered_list("৭ কার্যদিবস/ চাহিদা অনুযায়ী"), None);
        assert_eq!(numbered_list("১.৫ লক্ষ টাকা"), None);
        assert_eq!(numbered_list("কাগজ: ১। ক ২। খ"), None);
        assert_eq!(numbered_list("২। ক ৩। খ"), None);
        assert_eq!(numbered_list(""), None);
    }

    #[test]
    fn officer_cell_without_comma_after_the_name() {
        let officer = parse_officer(
            "জনাব মোঃ আশিকুল ইসলাম সহকারী প্রোগ্রামার তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর হালুয়াঘাট, \
             ময়মনসিংহ ফোনঃ 02996673752 ইমেইলঃ shakilcse96@gmail.com",
        )
        .unwrap();
        assert_eq!(officer.name, "জনাব মোঃ আশিকুল ইসলাম");
        assert_eq!(officer.designation, "সহকারী প্রোগ্রামার");
        assert_eq!(
            officer.office,
            "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর হালুয়াঘাট, ময়মনসিংহ"
        );
        assert_eq!(officer.phone, "02996673752");
        assert_eq!(officer.email, "shakilcse96@gmail.com");
        assert_eq!(officer.known_id, Some("assistant-programmer"));
        assert_eq!(officer, parse_officer(OFFICER).unwrap());
    }

    #[test]
    fn officer_cell_variants() {
        let officer = parse_officer(
            "বেগম রহিমা খাতুন, সহকারী কমিশনার (ভূমি), উপজেলা ভূমি অফিস, হালুয়াঘাট \
             মোবাইলঃ ০১৭১১-০০০০০০, ই-মেইল: acland@example.gov.bd",
        )
        .unwrap();
        assert_eq!(officer.name, "বেগম রহিমা খাতুন");
        assert_eq!(officer.designation, "সহকারী কমিশনার (ভূমি)");
        assert_eq!(officer.office, "উপজেলা ভূমি অফিস, হালুয়াঘাট");
        assert_eq!(officer.phone, "০১৭১১-০০০০০০");
        assert_eq!(officer.email, "acland@example.gov.bd");
        assert_eq!(officer.known_id, Some("assistant-commissioner-land"));

        // No honorific, "সহকারি" spelling, "ফোন:" with a colon, no email.
        let officer = parse_officer("মোঃ করিম সহকারি প্রোগ্রামার ফোন: 0123").unwrap();
        assert_eq!(
            (
                officer.name.as_str(),
                officer.designation.as_str(),
                officer.office.as_str()
            ),
            ("মোঃ করিম", "সহকারি প্রোগ্রামার", "")
        );
        assert_eq!(
            (officer.phone.as_str(), officer.email.as_str()),
            ("0123", "")
        );

        // A designation missing from the list, after "name,".
        let officer =
            parse_officer("জনাব করিম, উপজেলা রেশম উন্নয়ন কর্মকর্তা রেশম অফিস ফোনঃ 0123").unwrap();
        assert_eq!(officer.designation, "উপজেলা রেশম উন্নয়ন কর্মকর্তা");
        assert_eq!(officer.office, "রেশম অফিস");
        assert_eq!(officer.known_id, None);

        // "অফিসারের কার্যালয়" is an office, not the designation অফিসার.
        let officer = parse_officer("জনাব করিম, অফিস সহায়ক উপজেলা নির্বাহী অফিসারের কার্যালয়").unwrap();
        assert_eq!(officer.designation, "অফিস সহায়ক");
        assert_eq!(officer.office, "উপজেলা নির্বাহী অফিসারের কার্যালয়");
    }

    #[test]
    fn empty_officer_cell_repeats_the_officer_above() {
        let other = "জনাব করিম, সহকারী প্রোগ্রামার অন্য অফিস ফোনঃ 0123 ইমেইলঃ k@example.com";
        let unknown = "জনাব রহিম, উপজেলা রেশম উন্নয়ন কর্মকর্তা রেশম অফিস ফোনঃ 0456";
        let text = portal(&[
            service_row("১", "ক", OFFICER),
            service_row("২", "খ", ""),
            service_row("৩", "গ", &format!("<p>{other}</p>")),
            service_row("৪", "ঘ", ""),
            service_row("৫", "ঙ", unknown),
            service_row("৬", "চ", OFFICER),
            "২.৩) অভ্যন্তরীণ সেবা\n".to_string(),
            service_row("২", "ছ", OFFICER),
            service_row("৩", "জ", ""),
        ]);
        let output = import(&text).unwrap();
        let officers: Vec<(String, String)> = services(&output)
            .iter()
            .map(|s| {
                (
                    s["slug"].as_str().unwrap().into(),
                    s["officer"].as_str().unwrap().into(),
                )
            })
            .collect();
        let expected = [
            ("citizen-1", "assistant-programmer"),
            ("citizen-2", "assistant-programmer"),
            ("citizen-3", "assistant-programmer-2"),
            ("citizen-4", "assistant-programmer-2"),
            ("citizen-5", "officer-1"),
            ("citizen-6", "assistant-programmer"),
            ("internal-2", "assistant-programmer"),
            ("internal-3", "assistant-programmer"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(officers, expected);
        let charter = parsed(&output);
        assert_eq!(charter["officers"].as_array().unwrap().len(), 3);
        let unknown = officer_by_id(&charter, &"officer-1".into());
        assert_eq!(bn_only(&unknown["name"]).as_str(), Some("জনাব রহিম"));
        assert!(
            unknown.get("email").is_none(),
            "an unknown e-mail is left out"
        );
        assert_eq!(services(&output)[6]["group"].as_str(), Some("internal"));
    }

    #[test]
    fn toml_escaping() {
        assert_eq!(toml_string(r#"ক "খ" গ\ঘ"#), r#""ক \"খ\" গ\\ঘ""#);
        assert_eq!(toml_string("a\tb\nc\r\u{8}\u{c}"), r#""a\tb\nc\r\b\f""#);
        assert_eq!(toml_string("\u{1}\u{7f}"), r#""\u0001\u007F""#);
        assert_eq!(toml_string("\u{200c}ক\u{a0}"), "\"\u{200c}ক\u{a0}\"");
        let tricky = "\"\\\"\\\\ \u{0}\u{1f}\u{7f} '''\"\"\" \\u0041 ক";
        let parsed: toml::Table = format!("value = {}", toml_string(tricky)).parse().unwrap();
        assert_eq!(parsed["value"].as_str(), Some(tricky));
    }

    #[test]
    fn quotes_and_backslashes_survive_an_import() {
        let text = portal(&[service_row("১", r#"ফরম "ক" \ খ"#, OFFICER)]);
        let output = import(&text).unwrap();
        assert_eq!(
            bn_only(&services(&output)[0]["name"]).as_str(),
            Some(r#"ফরম "ক" \ খ"#)
        );
    }

    #[test]
    fn other_sections_and_line_endings() {
        let text = format!(
            "\u{feff}{}",
            portal(&[
                service_row("১", "ক", OFFICER),
                "---\t---\t--\t--\t--\t--\t--\n".to_string(),
                "৩) অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)\n".to_string(),
                row(&[
                    "ক্রমিক নং",
                    "কখন যোগাযোগ করবেন",
                    "যোগাযোগের ঠিকানা",
                    "নিষ্পত্তির সময়",
                    "x"
                ]),
                row(&[
                    "১",
                    "দায়িত্বপ্রাপ্ত কর্মকর্তা সমাধান দিতে না পারলে",
                    "ঠিকানা",
                    "৩০ দিন",
                    "x"
                ]),
                "যে কোনো লেখা\n".to_string(),
            ])
        )
        .replace('\n', "\r\n");
        let output = import(&text).unwrap();
        assert_eq!(services(&output).len(), 1);
        assert_eq!(
            bn_only(&parsed(&output)["office"]["government"]).as_str(),
            Some("গণপ্রজাতন্ত্রী বাংলাদেশ সরকার")
        );

        // The vision's text on the line after its label.
        let text = HEAD.replace("ভিশন: ", "ভিশনঃ\n\n") + &service_row("১", "ক", OFFICER);
        let output = import(&text).unwrap();
        assert_eq!(
            bn_only(&parsed(&output)["charter"]["vision"]).as_str(),
            Some("জ্ঞানভিত্তিক অর্থনীতি।")
        );
    }

    #[test]
    fn designations_are_nfc() {
        let all = DESIGNATIONS
            .iter()
            .map(|d| d.0)
            .chain(DESIGNATION_ENDINGS.iter().copied())
            .chain(CONTACT_LABELS.iter().map(|c| c.0))
            .chain(VISION_LABELS.iter().chain(MISSION_LABELS).copied());
        for text in all {
            assert_eq!(text.nfc().collect::<String>(), text);
        }
    }

    fn failure(text: &str) -> (ImportError, String) {
        let error = import(text).expect_err("the import fails");
        let message = error.to_string();
        (error, message)
    }

    #[test]
    fn error_no_service_table() {
        for text in ["", "\n\n", HEAD, &HEAD.replace("২.১) নাগরিক সেবা\n", "")]
        {
            let (error, message) = failure(text);
            assert!(matches!(error, ImportError::NoServiceTable), "{error:?}");
            assert!(message.contains("২.১) নাগরিক সেবা"), "{message}");
        }
        // Rows of a table that is not a service table do not count.
        let text = HEAD.replace("২.১) নাগরিক সেবা", "৩) অভিযোগ প্রতিকার ব্যবস্থাপনা")
            + &service_row("১", "ক", OFFICER);
        assert!(matches!(failure(&text).0, ImportError::NoServiceTable));
    }

    #[test]
    fn error_header_lines() {
        let text = portal(&[service_row("১", "ক", OFFICER)]).replace("উপজেলা কার্যালয়\n", "");
        let (error, message) = failure(&text);
        assert!(
            matches!(error, ImportError::HeaderLines { line: 6, found: 4 }),
            "{error:?}"
        );
        assert!(message.starts_with("line 6: "), "{message}");
    }

    #[test]
    fn error_upazila_district() {
        let text =
            portal(&[service_row("১", "ক", OFFICER)]).replace("হালুয়াঘাট, ময়মনসিংহ", "হালুয়াঘাট ময়মনসিংহ");
        let (error, message) = failure(&text);
        assert!(
            matches!(error, ImportError::UpazilaDistrict { line: 4, .. }),
            "{error:?}"
        );
        assert!(message.starts_with("line 4: "), "{message}");
        assert!(message.contains("\"হালুয়াঘাট ময়মনসিংহ\""), "{message}");
    }

    #[test]
    fn error_website() {
        let text = portal(&[service_row("১", "ক", OFFICER)])
            .replace("doict.haluaghat.mymensingh.gov.bd", "ওয়েবসাইট");
        let (error, message) = failure(&text);
        assert!(
            matches!(error, ImportError::Website { line: 5, .. }),
            "{error:?}"
        );
        assert!(message.starts_with("line 5: "), "{message}");
    }

    #[test]
    fn error_missing_vision_or_mission() {
        let rows = [service_row("১", "ক", OFFICER)];
        let text = portal(&rows).replace("ভিশন: জ্ঞানভিত্তিক অর্থনীতি।\n", "");
        let (error, message) = failure(&text);
        assert!(
            matches!(error, ImportError::MissingStatement { what: "vision", .. }),
            "{error:?}"
        );
        assert!(message.contains("\"ভিশন:\""), "{message}");
        let text = portal(&rows).replace("মিশন: সুশাসন প্রতিষ্ঠা।\n", "");
        assert!(matches!(
            failure(&text).0,
            ImportError::MissingStatement {
                what: "mission",
                ..
            }
        ));
    }

    #[test]
    fn error_cell_count() {
        let text = portal(&[
            service_row("১", "ক", OFFICER),
            row(&["২", "খ", "পদ্ধতি", "কাগজ", "ফি", "সময়"]),
        ]);
        let (error, message) = failure(&text);
        assert!(
            matches!(error, ImportError::CellCount { line: 12, found: 6 }),
            "{error:?}"
        );
        assert!(
            message.starts_with("line 12: this table row has 6 cells"),
            "{message}"
        );

        let too_many = service_row("১", "ক", OFFICER).replace('\n', "\textra\n");
        assert!(matches!(
            failure(&portal(&[too_many])).0,
            ImportError::CellCount { line: 11, found: 8 }
        ));
    }

    #[test]
    fn error_orphan_continuation() {
        let text = portal(&[row(&["", "সহায়তা প্রদান", "", "", "", "", ""])]);
        let (error, message) = failure(&text);
        assert!(
            matches!(error, ImportError::OrphanContinuation { line: 11 }),
            "{error:?}"
        );
        assert!(message.starts_with("line 11: "), "{message}");
    }

    #[test]
    fn error_text_in_table() {
        // "১." after "২.১)" is out of order: a list item cut off its row, not a heading.
        for stray in ["সহায়তা প্রদান\n", "১. সহায়তা প্রদান\n"]
        {
            let text = portal(&[service_row("১", "ক", OFFICER), stray.to_string()]);
            let (error, message) = failure(&text);
            assert!(
                matches!(
                    error,
                    ImportError::TextInTable {
                        line: 12,
                        table: "২.১ নাগরিক সেবা"
                    }
                ),
                "{error:?}"
            );
            assert!(message.starts_with("line 12: "), "{message}");
        }
    }

    #[test]
    fn error_serial_not_a_number() {
        let text = portal(&[service_row("১", "ক", OFFICER), service_row("খ", "খ", "")]);
        let (error, message) = failure(&text);
        assert!(matches!(&error, ImportError::SerialNotNumber { line: 12, found } if found == "খ"));
        assert!(
            message.starts_with("line 12: the service number"),
            "{message}"
        );
        // "১০." and "১০)" are numbers.
        let text = portal(&[
            service_row("১০.", "ক", OFFICER),
            service_row("১১)", "খ", ""),
        ]);
        let serials: Vec<_> = services(&import(&text).unwrap())
            .iter()
            .map(|s| s["serial"].clone())
            .collect();
        assert_eq!(serials, [toml::Value::from(10), toml::Value::from(11)]);
    }

    #[test]
    fn error_duplicate_serial() {
        let text = portal(&[service_row("১", "ক", OFFICER), service_row("1", "খ", "")]);
        let (error, message) = failure(&text);
        assert!(
            matches!(
                error,
                ImportError::DuplicateSerial {
                    line: 12,
                    serial: 1,
                    first_line: 11,
                    ..
                }
            ),
            "{error:?}"
        );
        assert!(message.starts_with("line 12: "), "{message}");
    }

    #[test]
    fn error_no_officer_to_inherit() {
        let text = portal(&[service_row("১", "ক", "")]);
        let (error, message) = failure(&text);
        assert!(
            matches!(error, ImportError::NoOfficerToInherit { line: 11 }),
            "{error:?}"
        );
        assert!(message.starts_with("line 11: "), "{message}");

        // A merged cell never reaches into the next table.
        let text = portal(&[
            service_row("১", "ক", OFFICER),
            "২.২) প্রাতিষ্ঠানিক সেবা\n".to_string(),
            row(&[
                "ক্রমিক নং",
                "সেবার নাম",
                "পদ্ধতি",
                "কাগজ",
                "মূল্য",
                "সময়",
                "কর্মকর্তা",
            ]),
            row(&["১", "২", "৩", "৪", "৫", "৬", "৭"]),
            service_row("১", "খ", ""),
        ]);
        assert!(matches!(
            failure(&text).0,
            ImportError::NoOfficerToInherit { line: 15 }
        ));
    }

    #[test]
    fn error_officer_cell() {
        let text = portal(&[service_row("১", "ক", "জনাব করিম ফোনঃ 0123")]);
        let (error, message) = failure(&text);
        assert!(
            matches!(&error, ImportError::OfficerCell { line: 11, cell, .. } if cell == "জনাব করিম ফোনঃ 0123"),
            "{error:?}"
        );
        assert!(message.starts_with("line 11: "), "{message}");
        assert!(message.contains("designation"), "{message}");
    }
}
