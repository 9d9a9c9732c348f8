//! The walk over the portal's lines: the office details, the vision and
//! mission, and the rows of the service tables.

use crate::charter::{Charter, Office, Statement};

use super::tables::{self, Row, table_heading};
use super::text::{StatementKind, clean, heading, is_title, statement};
use super::{ImportError, bangla, stand_in};

/// Reads the portal's text into a charter with the Bangla side only.
pub(super) fn read(portal_text: &str) -> Result<Charter, ImportError> {
    let text = portal_text.strip_prefix('\u{feff}').unwrap_or(portal_text);
    let mut header: Vec<(usize, String)> = Vec::new();
    let mut office = None;
    let mut vision = None;
    let mut mission = None;
    let mut awaiting: Option<StatementKind> = None;
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
                tables::read_row(raw, line, group, &mut table, &mut rows)?;
            }
            continue;
        }
        let cleaned = clean(raw);
        if cleaned.is_empty() {
            continue;
        }
        if let Some((number, title)) = heading(&cleaned).filter(|(n, _)| *n > last_heading) {
            last_heading = number;
            group = tables::group_of(title);
            table += 1;
            awaiting = None;
            continue;
        }
        if let Some(group) = group {
            return Err(ImportError::TextInTable {
                line,
                table: table_heading(group),
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
            StatementKind::Vision => &mut vision,
            StatementKind::Mission => &mut mission,
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
    let (officers, services) = tables::services(rows)?;
    Ok(Charter {
        office,
        statement: Statement {
            vision: bangla(vision),
            mission: bangla(mission),
            expectations: Vec::new(),
            last_updated: None,
        },
        officers,
        services,
        grievance: Vec::new(),
    })
}

/// The office from the lines before the first heading: government,
/// office, department, "upazila, district" and website.
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
        government: bangla(government.1.clone()),
        office: bangla(office.1.clone()),
        department: bangla(department.1.clone()),
        upazila: bangla(upazila.to_string()),
        district: bangla(district.to_string()),
        division: None,
        website: stand_in(address.to_string()),
        aliases: Vec::new(),
        address: None,
        phone: None,
        email: None,
    })
}
