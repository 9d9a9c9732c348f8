//! A charter as the text of a `charter.toml`, laid out like the bundled one
//! and the format's documentation: a section per table, each text on one
//! line (`name = { bn = "…", en = "…" }`), a list one text a line.
//!
//! serde and the `toml` crate write every value, quoting and escaping
//! included; this file only orders the keys and breaks the lines.
//! (`toml::to_string` of the whole charter would give each text a section
//! of its own, `[services.name]`, and `toml::Value` cannot hold a date made
//! by serde, toml-rs/toml#440.)

use std::fmt::Write as _;

use serde::Serialize;

use crate::charter::{Block, Charter, GrievanceStep, Office, Officer, Service, Statement, Text};

const OFFICERS_COMMENT: &str =
    "# Officers are written once and referred to by `id` from the services.\n";

const SERVICES_COMMENT: &str = "\
# Services: `group` is \"citizen\" (২.১ নাগরিক সেবা), \"institutional\" (২.২ প্রাতিষ্ঠানিক সেবা)
# or \"internal\" (২.৩ অভ্যন্তরীণ সেবা). `slug` is the service's address: /bn/services/<slug>.
# A list ([ … ]) is shown as a numbered list.

";

/// The text of a `charter.toml` holding `charter`, which `charter check`
/// reads back as the same charter.
pub fn to_toml(charter: &Charter) -> String {
    // Every struct of the model is taken apart field by field, so that a
    // field added to the model cannot be left out unnoticed.
    let Charter {
        office,
        statement,
        officers,
        services,
        grievance,
    } = charter;
    let mut out = Writer::default();
    write_office(&mut out, office);
    write_statement(&mut out, statement);
    for (i, officer) in officers.iter().enumerate() {
        out.header(if i == 0 { OFFICERS_COMMENT } else { "" }, "[[officers]]");
        write_officer(&mut out, officer);
    }
    for (i, service) in services.iter().enumerate() {
        out.header(if i == 0 { SERVICES_COMMENT } else { "" }, "[[services]]");
        write_service(&mut out, service);
    }
    for step in grievance {
        out.header("", "[[grievance]]");
        write_grievance_step(&mut out, step);
    }
    out.0
}

fn write_office(out: &mut Writer, office: &Office) {
    let Office {
        government,
        office,
        department,
        upazila,
        district,
        division,
        website,
        aliases,
        address,
        phone,
        email,
    } = office;
    out.header("", "[office]");
    out.value("government", government);
    out.value("office", office);
    out.value("department", department);
    out.value("upazila", upazila);
    out.value("district", district);
    out.optional("division", division.as_ref());
    out.value("website", website);
    if !aliases.is_empty() {
        out.value("aliases", aliases);
    }
    out.optional("address", address.as_ref());
    out.optional("phone", phone.as_ref());
    out.optional("email", email.as_ref());
}

fn write_statement(out: &mut Writer, statement: &Statement) {
    let Statement {
        vision,
        mission,
        expectations,
        last_updated,
    } = statement;
    out.header("", "[charter]");
    out.value("vision", vision);
    out.value("mission", mission);
    out.optional("last_updated", last_updated.as_ref());
    out.list("expectations", expectations);
}

fn write_officer(out: &mut Writer, officer: &Officer) {
    let Officer {
        id,
        name,
        designation,
        office,
        phone,
        email,
    } = officer;
    out.value("id", id);
    out.value("name", name);
    out.value("designation", designation);
    out.optional("office", office.as_ref());
    out.optional("phone", phone.as_ref());
    out.optional("email", email.as_ref());
}

fn write_service(out: &mut Writer, service: &Service) {
    let Service {
        group,
        serial,
        slug,
        name,
        delivery,
        documents,
        fee,
        time_limit,
        officer,
        senior_officer,
    } = service;
    out.value("group", group);
    out.value("serial", serial);
    out.value("slug", slug);
    out.optional("officer", officer.as_ref());
    out.optional("senior_officer", senior_officer.as_ref());
    out.value("name", name);
    out.block("delivery", delivery);
    out.block("documents", documents);
    out.block("fee", fee);
    out.block("time_limit", time_limit);
}

fn write_grievance_step(out: &mut Writer, step: &GrievanceStep) {
    let GrievanceStep {
        serial,
        when,
        contact,
        address,
        resolution_time,
    } = step;
    out.value("serial", serial);
    out.value("when", when);
    out.value("contact", contact);
    out.value("address", address);
    out.value("resolution_time", resolution_time);
}

/// The text being written.
#[derive(Default)]
struct Writer(String);

impl Writer {
    /// Starts a table (`[name]`, or `[[name]]` for one of a list) after a
    /// blank line and `comment`.
    fn header(&mut self, comment: &str, header: &str) {
        if !self.0.is_empty() {
            self.0.push('\n');
        }
        self.0.push_str(comment);
        self.0.push_str(header);
        self.0.push('\n');
    }

    /// `key = value`, the value on one line.
    fn value(&mut self, key: &str, value: &impl Serialize) {
        let _ = writeln!(self.0, "{key} = {}", inline(value));
    }

    fn optional(&mut self, key: &str, value: Option<&impl Serialize>) {
        if let Some(value) = value {
            self.value(key, value);
        }
    }

    /// A list, one text a line. An empty one is left out: it says what a
    /// missing key says, and `charter check` refuses one written out.
    fn list(&mut self, key: &str, items: &[Text]) {
        if items.is_empty() {
            return;
        }
        let _ = writeln!(self.0, "{key} = [");
        for item in items {
            let _ = writeln!(self.0, "  {},", inline(item));
        }
        self.0.push_str("]\n");
    }

    fn block(&mut self, key: &str, block: &Block) {
        match block {
            Block::Text(text) => self.value(key, text),
            Block::List(items) => self.list(key, items),
        }
    }
}

/// `value` as TOML on one line, as serde and the `toml` crate write it.
fn inline(value: &impl Serialize) -> String {
    let mut out = String::new();
    // The model holds only strings, integers, dates, tables and lists,
    // which TOML can all write.
    value
        .serialize(toml::ser::ValueSerializer::new(&mut out))
        .expect("a charter is made of TOML values");
    out
}
