//! The charter's data model, as written in `charter.toml`.
//!
//! Fields that validation must point at keep their place in the file
//! (`toml::Spanned`), so an error can name the line and column.
//!
//! The model also serialises back to the same format (`toml::to_string`),
//! so a loaded charter can be written out again and read back unchanged.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use toml::Spanned;
use unicode_normalization::UnicodeNormalization;

use super::words::Words;
use crate::i18n::{Lang, tr};

/// A whole citizen charter.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Charter {
    /// Who publishes the charter.
    pub office: Office,
    /// Vision, mission, expectations and the date of the last change.
    #[serde(rename = "charter")]
    pub statement: Statement,
    /// Every officer named anywhere in the charter, each written once.
    #[serde(default)]
    pub officers: Vec<Officer>,
    /// The services, in the order they appear in the official tables.
    #[serde(default)]
    pub services: Vec<Service>,
    /// Grievance redress (GRS) steps, section ৪ of the national format.
    #[serde(default)]
    pub grievance: Vec<GrievanceStep>,
}

/// The office header printed at the top of a charter.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// e.g. গণপ্রজাতন্ত্রী বাংলাদেশ সরকার.
    pub government: Text,
    /// e.g. উপজেলা কার্যালয়.
    pub office: Text,
    /// e.g. তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর.
    pub department: Text,
    /// e.g. হালুয়াঘাট.
    pub upazila: Text,
    /// e.g. ময়মনসিংহ.
    pub district: Text,
    /// e.g. ময়মনসিংহ: the division the district is in, which groups the
    /// offices in the directory of a folder of charters.
    #[serde(default)]
    pub division: Option<Text>,
    /// The office's website, without `https://`.
    pub website: Spanned<String>,
    /// Other host names the office's site answers to (an older address,
    /// the portal's), without `https://`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Spanned<String>>,
    /// Postal address, when the charter gives one.
    #[serde(default)]
    pub address: Option<Text>,
    /// Office telephone, when the charter gives one.
    #[serde(default)]
    pub phone: Option<Spanned<String>>,
    /// Office e-mail, when the charter gives one.
    #[serde(default)]
    pub email: Option<Spanned<String>>,
}

impl Office {
    /// The office's name for titles and structured data: department,
    /// office and upazila, e.g. "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর,
    /// উপজেলা কার্যালয়, হালুয়াঘাট".
    pub fn full_name(&self, lang: Lang) -> String {
        format!(
            "{}, {}, {}",
            self.department.get(lang).0,
            self.office.get(lang).0,
            self.upazila.get(lang).0
        )
    }
}

/// Section ১ (vision and mission), section ৩ (expectations) and the date.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// ভিশন.
    pub vision: Text,
    /// মিশন.
    pub mission: Text,
    /// ৩. আপনার কাছে আমাদের প্রত্যাশা: what the office expects from citizens.
    #[serde(default)]
    pub expectations: Vec<Text>,
    /// When the charter was last changed (a TOML date: 2026-11-27).
    #[serde(default)]
    pub last_updated: Option<Spanned<toml::value::Datetime>>,
}

/// An officer responsible for services.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Officer {
    /// Short ASCII name services refer to, e.g. `assistant-programmer`.
    pub id: Spanned<String>,
    /// Full name with honorific.
    pub name: Text,
    /// Designation (পদবি).
    pub designation: Text,
    /// Office and place, as the charter writes it.
    #[serde(default)]
    pub office: Option<Text>,
    /// Telephone number as written (ASCII or Bangla digits).
    #[serde(default)]
    pub phone: Option<Spanned<String>>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<Spanned<String>>,
}

/// Which of the charter's service tables a service belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ServiceGroup {
    /// ২.১ নাগরিক সেবা.
    Citizen,
    /// ২.২ প্রাতিষ্ঠানিক সেবা.
    Institutional,
    /// ২.৩ অভ্যন্তরীণ সেবা.
    Internal,
}

impl ServiceGroup {
    /// The groups in the order of the national format.
    pub const ALL: [ServiceGroup; 3] = [
        ServiceGroup::Citizen,
        ServiceGroup::Institutional,
        ServiceGroup::Internal,
    ];

    /// The name used in `charter.toml` and in page anchors.
    pub fn key(self) -> &'static str {
        match self {
            ServiceGroup::Citizen => "citizen",
            ServiceGroup::Institutional => "institutional",
            ServiceGroup::Internal => "internal",
        }
    }

    /// The group's name in `lang`, e.g. নাগরিক সেবা.
    pub fn name(self, lang: Lang) -> String {
        tr(lang, &format!("group-{}", self.key()))
    }

    /// The section number in the national format (২.১, ২.২, ২.৩).
    pub fn section(self) -> &'static str {
        match self {
            ServiceGroup::Citizen => "2.1",
            ServiceGroup::Institutional => "2.2",
            ServiceGroup::Internal => "2.3",
        }
    }
}

/// One promised service: one row of the charter's seven-column table.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Which table the service is in.
    pub group: ServiceGroup,
    /// ক্রমিক নং within its table.
    pub serial: Spanned<u32>,
    /// The service's address: `/bn/services/<slug>`.
    pub slug: Spanned<String>,
    /// সেবার নাম.
    pub name: Text,
    /// সেবা প্রদান পদ্ধতি.
    pub delivery: Block,
    /// প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান.
    pub documents: Block,
    /// সেবার মূল্য ও পরিশোধ পদ্ধতি.
    pub fee: Block,
    /// সেবা প্রদানের সময়সীমা.
    pub time_limit: Block,
    /// Id of the responsible officer (দায়িত্বপ্রাপ্ত কর্মকর্তা).
    #[serde(default)]
    pub officer: Option<Spanned<String>>,
    /// Id of the senior officer to turn to if the service is not given.
    #[serde(default)]
    pub senior_officer: Option<Spanned<String>>,
}

/// One row of the grievance redress (GRS) table.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GrievanceStep {
    /// ক্রমিক নং.
    pub serial: Spanned<u32>,
    /// কখন যোগাযোগ করবেন.
    pub when: Text,
    /// কার সঙ্গে যোগাযোগ করবেন.
    pub contact: Text,
    /// যোগাযোগের ঠিকানা.
    pub address: Text,
    /// নিষ্পত্তির সময়সীমা.
    pub resolution_time: Text,
}

/// A text in Bangla, with its English version when there is one.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The Bangla text (required).
    pub bn: Spanned<String>,
    /// The English text; without it English pages show the Bangla text.
    #[serde(default)]
    pub en: Option<Spanned<String>>,
}

impl Text {
    /// The text for `lang`, and the language it is actually in (Bangla when
    /// the English text is missing).
    pub fn get(&self, lang: Lang) -> (&str, Lang) {
        match (lang, &self.en) {
            (Lang::En, Some(en)) => (en.get_ref(), Lang::En),
            _ => (self.bn.get_ref(), Lang::Bn),
        }
    }

    /// The Bangla text.
    pub fn bn(&self) -> &str {
        self.bn.get_ref()
    }

    fn normalize(&mut self) {
        nfc(self.bn.get_mut());
        if let Some(en) = &mut self.en {
            nfc(en.get_mut());
        }
    }
}

/// A table cell: either one text, or a numbered list of texts (written in
/// `charter.toml` as an array and shown as `<ol>`).
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A single text.
    Text(Text),
    /// A numbered list (১। … ২। …).
    List(Vec<Text>),
}

impl Block {
    /// Every text in the block.
    pub fn texts(&self) -> &[Text] {
        match self {
            Block::Text(t) => std::slice::from_ref(t),
            Block::List(items) => items,
        }
    }

    fn texts_mut(&mut self) -> &mut [Text] {
        match self {
            Block::Text(t) => std::slice::from_mut(t),
            Block::List(items) => items,
        }
    }
}

/// Written as it is read: a text as a table, a list as an array.
impl Serialize for Block {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Block::Text(t) => t.serialize(serializer),
            Block::List(items) => items.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BlockVisitor;
        impl<'de> Visitor<'de> for BlockVisitor {
            type Value = Block;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a text like { bn = \"…\", en = \"…\" } or a list of them [ { bn = \"…\" }, … ]",
                )
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Block, A::Error> {
                Text::deserialize(de::value::MapAccessDeserializer::new(map)).map(Block::Text)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Block, A::Error> {
                Vec::<Text>::deserialize(de::value::SeqAccessDeserializer::new(seq))
                    .map(Block::List)
            }
        }
        deserializer.deserialize_any(BlockVisitor)
    }
}

fn nfc(s: &mut String) {
    if !unicode_normalization::is_nfc(s) {
        *s = s.nfc().collect();
    }
}

impl Charter {
    /// Every text in the charter, in file order, for checks that look at
    /// all of them (empty texts, missing English), each with its name in
    /// a clerk's message ("service ict-training: fee").
    pub fn texts(&self) -> Vec<(&Text, Words)> {
        let mut out: Vec<(&Text, Words)> = Vec::new();
        let named = |id, key: &str| Words::new(id).arg("key", key);
        let o = &self.office;
        for (t, key) in [
            (&o.government, "government"),
            (&o.office, "office"),
            (&o.department, "department"),
            (&o.upazila, "upazila"),
            (&o.district, "district"),
        ] {
            out.push((t, named("check-text-office", key)));
        }
        if let Some(d) = &o.division {
            out.push((d, named("check-text-office", "division")));
        }
        if let Some(a) = &o.address {
            out.push((a, named("check-text-office", "address")));
        }
        out.push((
            &self.statement.vision,
            named("check-text-charter", "vision"),
        ));
        out.push((
            &self.statement.mission,
            named("check-text-charter", "mission"),
        ));
        for (i, t) in self.statement.expectations.iter().enumerate() {
            out.push((t, Words::new("check-text-expectation").arg("n", i + 1)));
        }
        for officer in &self.officers {
            let id = officer.id.get_ref();
            let of = |key| named("check-text-officer", key).arg("id", id);
            out.push((&officer.name, of("name")));
            out.push((&officer.designation, of("designation")));
            if let Some(t) = &officer.office {
                out.push((t, of("office")));
            }
        }
        for s in &self.services {
            let slug = s.slug.get_ref();
            let of = |key| named("check-text-service", key).arg("slug", slug);
            out.push((&s.name, of("name")));
            for (block, key) in [
                (&s.delivery, "delivery"),
                (&s.documents, "documents"),
                (&s.fee, "fee"),
                (&s.time_limit, "time_limit"),
            ] {
                for t in block.texts() {
                    out.push((t, of(key)));
                }
            }
        }
        for g in &self.grievance {
            let n = *g.serial.get_ref();
            for (t, key) in [
                (&g.when, "when"),
                (&g.contact, "contact"),
                (&g.address, "address"),
                (&g.resolution_time, "resolution_time"),
            ] {
                out.push((t, named("check-text-grievance", key).arg("n", n)));
            }
        }
        out
    }

    /// Brings every text to Unicode NFC, whatever form the editor saved it
    /// in, so pages and search see one spelling.
    pub(crate) fn normalize_text(&mut self) {
        let o = &mut self.office;
        for t in [
            &mut o.government,
            &mut o.office,
            &mut o.department,
            &mut o.upazila,
            &mut o.district,
        ] {
            t.normalize();
        }
        for t in [&mut o.division, &mut o.address].into_iter().flatten() {
            t.normalize();
        }
        self.statement.vision.normalize();
        self.statement.mission.normalize();
        self.statement
            .expectations
            .iter_mut()
            .for_each(Text::normalize);
        for officer in &mut self.officers {
            officer.name.normalize();
            officer.designation.normalize();
            if let Some(t) = &mut officer.office {
                t.normalize();
            }
        }
        for s in &mut self.services {
            s.name.normalize();
            for block in [
                &mut s.delivery,
                &mut s.documents,
                &mut s.fee,
                &mut s.time_limit,
            ] {
                block.texts_mut().iter_mut().for_each(Text::normalize);
            }
        }
        for g in &mut self.grievance {
            for t in [
                &mut g.when,
                &mut g.contact,
                &mut g.address,
                &mut g.resolution_time,
            ] {
                t.normalize();
            }
        }
    }

    /// The officer with this id.
    pub fn officer(&self, id: &str) -> Option<&Officer> {
        self.officers.iter().find(|o| o.id.get_ref() == id)
    }

    /// The services of one group, in table order.
    pub fn services_in(&self, group: ServiceGroup) -> impl Iterator<Item = &Service> {
        self.services.iter().filter(move |s| s.group == group)
    }

    /// The date of the last change, if the charter gives one.
    pub fn last_updated(&self) -> Option<crate::calendar::Date> {
        let dt = self.statement.last_updated.as_ref()?.get_ref();
        let d = dt.date?;
        crate::calendar::Date::new(i32::from(d.year), d.month, d.day)
    }
}
