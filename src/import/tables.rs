//! The service tables: rows of seven tab-separated cells, put together
//! again where the scrape cut or merged them, then read into services and
//! the officers they name.

use std::collections::HashMap;

use crate::charter::{Block, Officer, Service, ServiceGroup};

use super::lists::{list_or_text, number};
use super::officers::{OfficerCell, parse_officer};
use super::text::{clean, is_table_header};
use super::{ImportError, bangla, stand_in};

/// Number of cells in a service row.
const COLUMNS: usize = 7;

/// The heading of a group's table on the portal, for messages.
pub(super) fn table_heading(group: ServiceGroup) -> &'static str {
    match group {
        ServiceGroup::Citizen => "২.১ নাগরিক সেবা",
        ServiceGroup::Institutional => "২.২ প্রাতিষ্ঠানিক সেবা",
        ServiceGroup::Internal => "২.৩ অভ্যন্তরীণ সেবা",
    }
}

/// The group whose table a numbered heading opens, if it opens one.
pub(super) fn group_of(title: &str) -> Option<ServiceGroup> {
    if title.contains("নাগরিক সেবা") {
        Some(ServiceGroup::Citizen)
    } else if title.contains("প্রাতিষ্ঠানিক সেবা") {
        Some(ServiceGroup::Institutional)
    } else if title.contains("অভ্যন্তরী") {
        Some(ServiceGroup::Internal)
    } else {
        None
    }
}

/// A service row of a table, its continuation lines joined.
#[derive(Debug)]
pub(super) struct Row {
    line: usize,
    /// Tables are numbered in reading order; merged cells never cross tables.
    table: usize,
    group: ServiceGroup,
    cells: [String; COLUMNS],
}

/// Reads one tab-separated line of a service table into `rows`.
pub(super) fn read_row(
    raw: &str,
    line: usize,
    group: ServiceGroup,
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

/// The services of the rows, in order, and the officers they name, each
/// once.
pub(super) fn services(rows: Vec<Row>) -> Result<(Vec<Officer>, Vec<Service>), ImportError> {
    // Each person read from an officer cell, with the id they are given.
    let mut people: Vec<(OfficerCell, String)> = Vec::new();
    let mut unknown_officers = 0;
    let mut services = Vec::new();
    let mut first_lines: HashMap<(ServiceGroup, u32), usize> = HashMap::new();
    // The table and officer id of the row above.
    let mut above: Option<(usize, String)> = None;

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
                table: table_heading(row.group),
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
            match people
                .iter()
                .find(|(person, _)| cell.is_same_person(person))
            {
                Some((_, id)) => id.clone(),
                None => {
                    let base = match cell.known_id {
                        Some(id) => id.to_string(),
                        None => {
                            unknown_officers += 1;
                            format!("officer-{unknown_officers}")
                        }
                    };
                    let id = unique_id(&base, &people);
                    people.push((cell, id.clone()));
                    id
                }
            }
        };
        above = Some((row.table, officer.clone()));

        let [_, name, delivery, documents, fee, time_limit, _] = row.cells;
        services.push(Service {
            group: row.group,
            serial: stand_in(serial),
            slug: stand_in(format!("{}-{serial}", row.group.key())),
            name: bangla(name),
            // Lists only where the hand-made charter has them; numbered text
            // elsewhere stays one text.
            delivery: list_or_text(delivery),
            documents: list_or_text(documents),
            fee: Block::Text(bangla(fee)),
            time_limit: Block::Text(bangla(time_limit)),
            officer: Some(stand_in(officer)),
            senior_officer: None,
        });
    }
    let officers = people
        .into_iter()
        .map(|(person, id)| person.into_officer(id))
        .collect();
    Ok((officers, services))
}

/// `base`, or `base-2`, `base-3`, … when an officer already has it.
fn unique_id(base: &str, people: &[(OfficerCell, String)]) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while people.iter().any(|(_, taken)| *taken == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}
