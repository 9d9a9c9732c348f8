//! The serial numbers (ক্রমিক নং) of the services, within each group, and
//! of the grievance steps: none 0, each used once, and the services'
//! following each other, so that a service deleted by mistake shows.

use std::collections::HashMap;

use toml::Spanned;

use super::diagnostic::{Diagnostic, InFile};
use super::model::{Charter, ServiceGroup};
use super::words::Words;

/// Every problem with the serial numbers of `charter`.
pub(super) fn check(charter: &Charter, at: InFile<'_>, out: &mut Vec<Diagnostic>) {
    services(charter, at, out);
    gaps(charter, out);
    grievance(charter, out);
}

/// A service's serial is not 0, and not another service's of its group.
fn services(charter: &Charter, at: InFile<'_>, out: &mut Vec<Diagnostic>) {
    let mut serials: HashMap<(ServiceGroup, u32), usize> = HashMap::new();
    for service in &charter.services {
        let serial = *service.serial.get_ref();
        if serial == 0 {
            out.push(
                Diagnostic::error(Some(service.serial.span()), Words::new("check-serial-zero"))
                    .with_hint(Words::new("check-serial-zero-hint"))
                    .with_example("serial = 1"),
            );
        } else if let Some(first) =
            serials.insert((service.group, serial), service.serial.span().start)
        {
            // Only a clash needs a line number: counting lines for every
            // entry would make checking a large charter slow.
            let first = at(first).line;
            let next = charter
                .services_in(service.group)
                .map(|s| *s.serial.get_ref())
                .max()
                .unwrap_or(0)
                + 1;
            out.push(
                Diagnostic::error(
                    Some(service.serial.span()),
                    Words::new("check-serial-twice")
                        .arg("serial", serial)
                        .arg("group", group(service.group)),
                )
                .with_hint(
                    Words::new("check-serial-twice-hint")
                        .arg("serial", serial)
                        .arg("line", first),
                )
                .with_example(format!("serial = {next}")),
            );
        }
    }
}

/// A group's name: `citizen` in English, নাগরিক সেবা in Bangla.
fn group(group: ServiceGroup) -> Words {
    Words::new("check-group").arg("group", group.key())
}

/// The serials of each group in the order the charter numbers them: a
/// number skipped (1, 2, 4) is most often a whole service deleted by
/// mistake, which nothing else would notice. A warning, at the number
/// after the gap: removing a service on purpose is allowed.
fn gaps(charter: &Charter, out: &mut Vec<Diagnostic>) {
    for group_of in ServiceGroup::ALL {
        let mut numbered: Vec<&Spanned<u32>> =
            charter.services_in(group_of).map(|s| &s.serial).collect();
        if numbered.iter().any(|s| *s.get_ref() == 0) {
            // A serial that is 0, or could not be read, is an error of its
            // own: the gaps are counted once it is fixed.
            continue;
        }
        numbered.sort_by_key(|s| *s.get_ref());
        numbered.dedup_by_key(|s| *s.get_ref());
        let mut expected = 1;
        for serial in numbered {
            let n = *serial.get_ref();
            if n > expected {
                let id = if expected == 1 {
                    "check-serial-first-missing"
                } else {
                    "check-serial-missing"
                };
                let message = Words::new(id)
                    .arg("serial", n)
                    .arg("before", expected - 1)
                    .arg("group", group(group_of))
                    .arg("from", expected)
                    .arg("to", n - 1)
                    .arg("missing", if n == expected + 1 { "one" } else { "more" });
                out.push(
                    Diagnostic::warning(Some(serial.span()), message)
                        .with_hint(Words::new("check-serial-missing-hint"))
                        .with_example(format!("serial = {expected}")),
                );
            }
            expected = n + 1;
        }
    }
}

/// A grievance step's serial is not 0, and not another step's.
fn grievance(charter: &Charter, out: &mut Vec<Diagnostic>) {
    let mut serials: HashMap<u32, ()> = HashMap::new();
    for step in &charter.grievance {
        let serial = *step.serial.get_ref();
        if serial == 0 || serials.insert(serial, ()).is_some() {
            out.push(
                Diagnostic::error(
                    Some(step.serial.span()),
                    Words::new("check-grievance-serial").arg("serial", serial),
                )
                .with_hint(Words::new("check-grievance-serial-hint")),
            );
        }
    }
}
