//! Prints a large, valid charter for load tests, or writes a folder of
//! offices for one deployment of many, up to every office of the country:
//!
//! ```sh
//! cargo run --release --example gen_charter -- 1000 > /tmp/charter-1000.toml
//! charter check /tmp/charter-1000.toml
//! cargo run --release --example gen_charter -- --offices 600 /tmp/offices
//! cargo run --release --example gen_charter -- --offices 51000 /tmp/country
//! ```
//!
//! A single charter is an upazila office's, its services spread over the
//! three groups and eight officers. A folder's offices are laid out as the
//! country's are ([`national`]): ministries and their departments in
//! Dhaka, 8 offices in each of the 8 divisions, 22 in each of the 64
//! districts, 39 in each of 495 upazilas, and in each of their 4,706
//! unions its parishad, land office, digital centre, health and family
//! welfare centre, agriculture block and three community clinics: 58,445
//! offices, of which `--offices N` writes N, taken across every level and
//! region. Each office has its own id and address, and its own
//! mix of services from its sector's subjects and every office's, in its
//! own words: its place's names, its officers, fees, time limits and
//! papers (how this differs from real charters: `docs/performance.md`).
//! The texts are of the kind real charters use, in Bangla and English, so
//! that pages have realistic sizes and compress like real ones. The output
//! depends only on the arguments: the same arguments give the same files.
//! Charters are built as the model and written by `import::to_toml`, as
//! `charter import` writes its files.

use citizen_charter::charter::{
    Block, Charter, GrievanceStep, Office, Officer, Service, ServiceGroup, Statement, Text,
};
use citizen_charter::i18n::bn_digits;
use citizen_charter::import::to_toml;
use toml::Spanned;

mod kinds;
mod national;
mod phrases;
mod places;

use phrases::{ACTIONS, DELIVERY, DOCUMENTS, FEES, OFFICERS, QUALIFIERS, SUBJECTS, TIME_LIMITS};
use places::Pair;

/// A small deterministic generator (SplitMix64): no dependency, and the
/// same file for the same arguments on every machine.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// `count` different items, in the table's order.
    pub fn some<T: Copy>(&mut self, items: &[T], count: usize) -> Vec<T> {
        let mut chosen: Vec<usize> = Vec::new();
        while chosen.len() < count.min(items.len()) {
            let i = self.below(items.len());
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
        chosen.sort_unstable();
        chosen.into_iter().map(|i| items[i]).collect()
    }
}

/// A value made here rather than read from a file, so with no place in one.
pub fn stand_in<T>(value: T) -> Spanned<T> {
    Spanned::new(0..0, value)
}

pub fn text((bn, en): (impl Into<String>, impl Into<String>)) -> Text {
    Text {
        bn: stand_in(bn.into()),
        en: Some(stand_in(en.into())),
    }
}

pub fn block<A: AsRef<str>, B: AsRef<str>>(items: &[(A, B)]) -> Block {
    let one = |(bn, en): &(A, B)| text((bn.as_ref(), en.as_ref()));
    match items {
        [item] => Block::Text(one(item)),
        _ => Block::List(items.iter().map(one).collect()),
    }
}

/// `english` as a slug of whole words, short enough (with the number
/// after it) for `charter check`'s 80-character limit.
pub fn slug_of(english: &str, number: usize) -> String {
    let mut slug = String::new();
    for word in english
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if slug.len() + word.len() > 60 {
            break;
        }
        slug.push_str(&word.to_ascii_lowercase());
        slug.push('-');
    }
    slug.push_str(&number.to_string());
    slug
}

/// The single charter: `count` services of the Upazila Nirbahi Officer's
/// office of Haluaghat, Mymensingh.
fn charter(count: usize, seed: u64) -> Charter {
    let mut rng = Rng(seed);
    let (upazila, district): (Pair, Pair) = (("হালুয়াঘাট", "Haluaghat"), ("ময়মনসিংহ", "Mymensingh"));
    let host = "haluaghat.mymensingh";
    let here = |(bn, en): Pair| {
        (
            format!("{bn}, {}, {}", upazila.0, district.0),
            format!("{en}, {}, {}", upazila.1, district.1),
        )
    };
    let office = Office {
        government: text((
            "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
            "Government of the People's Republic of Bangladesh",
        )),
        office: text((
            "উপজেলা নির্বাহী অফিসারের কার্যালয়",
            "Office of the Upazila Nirbahi Officer",
        )),
        department: text(("মন্ত্রিপরিষদ বিভাগ", "Cabinet Division")),
        upazila: text(upazila),
        district: text(district),
        division: Some(text(("ময়মনসিংহ", "Mymensingh"))),
        website: stand_in(format!("uno.{host}.gov.bd")),
        aliases: Vec::new(),
        address: Some(text(here(("উপজেলা পরিষদ ভবন", "Upazila Parishad Building")))),
        phone: Some(stand_in("+880 9025 56001".to_string())),
        email: Some(stand_in(format!("uno@{host}.gov.bd"))),
    };
    let statement = Statement {
        vision: text((
            "দক্ষ, স্বচ্ছ ও জবাবদিহিমূলক জনপ্রশাসনের মাধ্যমে নাগরিকের দোরগোড়ায় সেবা পৌঁছে দেওয়া।",
            "Bringing services to citizens' doorsteps through an efficient, transparent and accountable public administration.",
        )),
        mission: text((
            "প্রশাসনিক দক্ষতা বৃদ্ধি, তথ্যপ্রযুক্তির যথাযথ ব্যবহার এবং সেবাদাতাদের দৃষ্টিভঙ্গি পরিবর্তনের মাধ্যমে উপজেলা পর্যায়ে সকল সেবা সহজে, দ্রুত ও স্বল্প ব্যয়ে প্রদান নিশ্চিত করা।",
            "Ensuring that every service at upazila level is given simply, quickly and at low cost by raising administrative efficiency, using information technology well and changing the attitude of those who serve.",
        )),
        expectations: vec![
            text((
                "নির্ধারিত ফরমে সম্পূর্ণভাবে পূরণকৃত আবেদন জমা প্রদান",
                "Submit a fully completed application on the prescribed form",
            )),
            text((
                "সাক্ষাতের জন্য নির্ধারিত সময়ের পূর্বেই উপস্থিত থাকা",
                "Arrive before the time set for the appointment",
            )),
            text((
                "যথাযথ প্রক্রিয়ায় প্রয়োজনীয় ফি পরিশোধ করা",
                "Pay the required fee in the proper way",
            )),
        ],
        last_updated: Some(stand_in("2026-01-15".parse().expect("a TOML date"))),
    };
    let officers = OFFICERS
        .iter()
        .enumerate()
        .map(|(i, (id, name, designation))| Officer {
            id: stand_in(id.to_string()),
            name: text(*name),
            designation: text(*designation),
            office: Some(text(here((
                "উপজেলা নির্বাহী অফিসারের কার্যালয়",
                "Office of the Upazila Nirbahi Officer",
            )))),
            phone: Some(stand_in(format!("0170000{:04}", i + 1))),
            email: Some(stand_in(format!("{id}@{host}.gov.bd"))),
        })
        .collect();
    let mut serials = [0u32; 3];
    let mut services = Vec::with_capacity(count);
    for n in 0..count {
        // Half citizen services, three tenths institutional, the rest internal.
        let group = match n % 10 {
            0..=4 => 0,
            5..=7 => 1,
            _ => 2,
        };
        serials[group] += 1;
        let subject = rng.pick(SUBJECTS);
        let action = rng.pick(ACTIONS);
        let qualifier = rng.pick(QUALIFIERS);
        let name_bn = format!("{} {}{}", subject.0, action.0, qualifier.0);
        let name_en = format!("{} {}{}", action.1, subject.1, qualifier.1);
        let slug = slug_of(&format!("{} {}", action.1, subject.1), n + 1);
        let officer = rng.below(OFFICERS.len());
        let senior = (officer + 1 + rng.below(OFFICERS.len() - 1)) % OFFICERS.len();
        let delivery_count = 1 + rng.below(4);
        let delivery = rng.some(DELIVERY, delivery_count);
        let documents_count = 1 + rng.below(3);
        let documents = rng.some(DOCUMENTS, documents_count);
        let fee = rng.pick(FEES);
        let time = rng.pick(TIME_LIMITS);
        services.push(Service {
            group: ServiceGroup::ALL[group],
            serial: stand_in(serials[group]),
            slug: stand_in(slug),
            name: text((name_bn, name_en)),
            delivery: block(&delivery),
            documents: block(&documents),
            fee: Block::Text(text(fee)),
            time_limit: Block::Text(text(time)),
            officer: Some(stand_in(OFFICERS[officer].0.to_string())),
            senior_officer: Some(stand_in(OFFICERS[senior].0.to_string())),
        });
    }
    let grievance = grievance(
        "উপজেলা নির্বাহী অফিসার",
        "Upazila Nirbahi Officer",
        ("জেলা প্রশাসক, ময়মনসিংহ", "Deputy Commissioner, Mymensingh"),
    );
    Charter {
        office,
        statement,
        officers,
        services,
        grievance,
    }
}

/// The first lines of every file written.
const HEADER: &str =
    "# A generated charter for load tests (examples/gen_charter); not a real office's.\n\n";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = || -> ! {
        eprintln!(
            "usage: gen_charter SERVICES [SEED] > charter.toml\n       gen_charter --offices N FOLDER [SEED]"
        );
        std::process::exit(2);
    };
    if args.first().map(String::as_str) == Some("--offices") {
        let (Some(Ok(offices)), Some(folder)) =
            (args.get(1).map(|a| a.parse::<usize>()), args.get(2))
        else {
            usage()
        };
        let seed = match args.get(3).map(|a| a.parse::<u64>()) {
            None => 1,
            Some(Ok(seed)) => seed,
            Some(Err(_)) => usage(),
        };
        national::write_folder(offices, std::path::Path::new(folder), seed);
        return;
    }
    let count = args.first().map(|a| a.parse::<usize>());
    let seed = args.get(1).map(|a| a.parse::<u64>());
    let (count, seed) = match (count, seed) {
        (Some(Ok(count)), None) => (count, 1),
        (Some(Ok(count)), Some(Ok(seed))) => (count, seed),
        _ => usage(),
    };
    print!("{HEADER}{}", to_toml(&charter(count, seed)));
}

/// The steps of grievance redress: to the office's head first (`head`),
/// then to the `appellate` officer above, then to the Cabinet Division's
/// cell.
pub fn grievance(head_bn: &str, head_en: &str, appellate: (&str, &str)) -> Vec<GrievanceStep> {
    /// A text in both languages, owned.
    type Words = (String, String);
    let own = |(bn, en): Pair| (bn.to_string(), en.to_string());
    let steps: [(Words, Words, Words, u32); 3] = [
        (
            own((
                "দায়িত্বপ্রাপ্ত কর্মকর্তা সমাধান দিতে ব্যর্থ হলে",
                "If the responsible officer cannot solve it",
            )),
            own((
                "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)",
                "Grievance Redress Officer (GRO)",
            )),
            (
                format!("{head_bn}, ফোন: ০১৭০০০০০০০১"),
                format!("{head_en}, phone: 01700000001"),
            ),
            30,
        ),
        (
            own((
                "অনিক নির্দিষ্ট সময়ে সমাধান দিতে ব্যর্থ হলে",
                "If the GRO cannot solve it in time",
            )),
            own(("আপিল কর্মকর্তা", "Appellate Officer")),
            (appellate.0.to_string(), appellate.1.to_string()),
            20,
        ),
        (
            own((
                "আপিল কর্মকর্তা নির্দিষ্ট সময়ে সমাধান দিতে ব্যর্থ হলে",
                "If the Appellate Officer cannot solve it in time",
            )),
            own((
                "মন্ত্রিপরিষদ বিভাগের অভিযোগ ব্যবস্থাপনা সেল",
                "Grievance management cell of the Cabinet Division",
            )),
            own((
                "অভিযোগ গ্রহণ কেন্দ্র, ৫ নং গেইট, বাংলাদেশ সচিবালয়, ঢাকা",
                "Complaint desk, gate 5, Bangladesh Secretariat, Dhaka",
            )),
            60,
        ),
    ];
    steps
        .into_iter()
        .zip(1..)
        .map(|((when, contact, address, days), serial)| GrievanceStep {
            serial: stand_in(serial),
            when: text(when),
            contact: text(contact),
            address: text(address),
            resolution_time: text((
                format!("{} কার্যদিবস", bn_digits(&days.to_string())),
                format!("{days} working days"),
            )),
        })
        .collect()
}
