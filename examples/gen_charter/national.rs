//! Every office of the country, laid out as its administration is, and
//! each office's own charter.

use citizen_charter::charter::{Block, Charter, Office, Officer, Service, ServiceGroup, Statement};
use citizen_charter::import::to_toml;

use crate::kinds::{self, Kind, Level, Sector};
use crate::phrases::{self, COMMON, DELIVERY, DOCUMENTS, FAMILY, MEN, QUALIFIERS, STAFF, WOMEN};
use crate::places::{self, Pair, ascii};
use crate::{HEADER, Rng, block, grievance, slug_of, stand_in, text};

/// One office of the country: its kind and where it is.
pub struct Spec {
    pub kind: Kind,
    /// Its community clinic's number (1 to 3), for clinics.
    pub number: usize,
    pub level: Level,
    pub division: Pair,
    pub district: Pair,
    /// The upazila, or for an office above one, where it sits.
    pub upazila: (String, String),
    /// The union, for an office of one.
    pub union: Option<(String, String)>,
}

impl Spec {
    /// The labels of its place, from the smallest: union, upazila,
    /// district, division, as its level has them.
    fn labels(&self) -> Vec<String> {
        let mut labels = Vec::new();
        if let Some(union) = &self.union {
            labels.push(ascii(&union.1));
        }
        if matches!(self.level, Level::Upazila | Level::Union) {
            labels.push(ascii(&self.upazila.1));
        }
        match self.level {
            Level::National => {}
            Level::Division => labels.push(ascii(self.division.1)),
            _ => labels.push(ascii(self.district.1)),
        }
        labels
    }

    fn kind_label(&self) -> String {
        match self.number {
            0 => self.kind.id.to_string(),
            n => format!("{}{n}", self.kind.id),
        }
    }

    /// Its id, the name of its file: `uno-haluaghat-mymensingh`.
    pub fn id(&self) -> String {
        let mut parts = vec![self.kind_label()];
        parts.extend(self.labels());
        parts.join("-")
    }

    /// Its website: `uno.haluaghat.mymensingh.gov.bd`.
    pub fn host(&self) -> String {
        let mut parts = vec![self.kind_label()];
        parts.extend(self.labels());
        format!("{}.gov.bd", parts.join("."))
    }

    /// Where it is, in words: "Kaligachh Union, Haluaghat, Mymensingh".
    fn place(&self) -> (String, String) {
        let mut bn = Vec::new();
        let mut en = Vec::new();
        if let Some(union) = &self.union {
            bn.push(format!("{} ইউনিয়ন", union.0));
            en.push(format!("{} Union", union.1));
        }
        bn.push(self.upazila.0.clone());
        en.push(self.upazila.1.clone());
        bn.push(self.district.0.to_string());
        en.push(self.district.1.to_string());
        (bn.join(", "), en.join(", "))
    }
}

/// Every office of the country, in the order of the administration.
pub fn country() -> Vec<Spec> {
    let mut specs = Vec::new();
    let dhaka = (("ঢাকা", "Dhaka"), ("ঢাকা", "Dhaka"));
    for kind in kinds::NATIONAL {
        specs.push(Spec {
            kind: *kind,
            number: 0,
            level: Level::National,
            division: dhaka.1,
            district: dhaka.0,
            upazila: ("রমনা".into(), "Ramna".into()),
            union: None,
        });
    }
    for division in places::DIVISIONS {
        for kind in kinds::DIVISION {
            specs.push(Spec {
                kind: *kind,
                number: 0,
                level: Level::Division,
                division,
                district: division,
                upazila: sadar(division),
                union: None,
            });
        }
    }
    for district in places::country() {
        for kind in kinds::DISTRICT {
            specs.push(Spec {
                kind: *kind,
                number: 0,
                level: Level::District,
                division: district.division,
                district: district.name,
                upazila: sadar(district.name),
                union: None,
            });
        }
        for upazila in &district.upazilas {
            for kind in kinds::UPAZILA {
                specs.push(Spec {
                    kind: *kind,
                    number: 0,
                    level: Level::Upazila,
                    division: district.division,
                    district: district.name,
                    upazila: upazila.name.clone(),
                    union: None,
                });
            }
            for union in &upazila.unions {
                let clinics = (1..=3).map(|n| (kinds::CLINIC, n));
                for (kind, number) in kinds::UNION.iter().map(|k| (*k, 0)).chain(clinics) {
                    specs.push(Spec {
                        kind,
                        number,
                        level: Level::Union,
                        division: district.division,
                        district: district.name,
                        upazila: upazila.name.clone(),
                        union: Some(union.clone()),
                    });
                }
            }
        }
    }
    specs
}

/// The upazila a district's or division's own offices sit in.
fn sadar(place: Pair) -> (String, String) {
    (format!("{} সদর", place.0), format!("{} Sadar", place.1))
}

/// Writes `offices` charters into `folder`: the offices of the country
/// in an order drawn from `seed`, so that any number of them spans every
/// level and region as the whole does.
pub fn write_folder(offices: usize, folder: &std::path::Path, seed: u64) {
    if let Err(e) = std::fs::create_dir_all(folder) {
        eprintln!("gen_charter: cannot make {}: {e}", folder.display());
        std::process::exit(2);
    }
    let mut specs = country();
    if offices > specs.len() {
        eprintln!(
            "gen_charter: the country has {} offices; writing them all",
            specs.len()
        );
    }
    let mut rng = Rng(seed);
    // Fisher-Yates, from the seed.
    for i in (1..specs.len()).rev() {
        specs.swap(i, rng.below(i + 1));
    }
    for spec in specs.iter().take(offices) {
        let charter = office_charter(spec, rng.next_u64());
        let path = folder.join(format!("{}.toml", spec.id()));
        if let Err(e) = std::fs::write(&path, format!("{HEADER}{}", to_toml(&charter))) {
            eprintln!("gen_charter: cannot write {}: {e}", path.display());
            std::process::exit(2);
        }
    }
}

/// How many services an office of `level` has, at least and at most.
fn services_of(level: Level) -> (usize, usize) {
    match level {
        Level::Union => (6, 18),
        Level::Upazila => (10, 30),
        Level::District => (15, 40),
        Level::Division => (12, 30),
        Level::National => (20, 50),
    }
}

/// A person's name, both languages, drawn from `rng`.
fn person(rng: &mut Rng) -> (String, String) {
    let (title, given) = match rng.below(2) {
        0 => (("জনাব", "Mr."), rng.pick(MEN)),
        _ => (("জনাবা", "Ms."), rng.pick(WOMEN)),
    };
    let family = rng.pick(FAMILY);
    (
        format!("{} {} {}", title.0, given.0, family.0),
        format!("{} {} {}", title.1, given.1, family.1),
    )
}

/// The office `spec`'s charter, its words drawn from `seed`.
fn office_charter(spec: &Spec, seed: u64) -> Charter {
    let mut rng = Rng(seed);
    let kind = &spec.kind;
    let host = spec.host();
    let (place_bn, place_en) = spec.place();
    let at = |(bn, en): Pair| (format!("{bn}, {place_bn}"), format!("{en}, {place_en}"));
    let office = Office {
        government: text((
            "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
            "Government of the People's Republic of Bangladesh",
        )),
        office: text(match spec.number {
            0 => (kind.name.0.to_string(), kind.name.1.to_string()),
            n => (
                format!(
                    "{} {}",
                    kind.name.0,
                    citizen_charter::i18n::bn_digits(&n.to_string())
                ),
                format!("{} {n}", kind.name.1),
            ),
        }),
        department: text(kind.department),
        upazila: text(spec.upazila.clone()),
        district: text(spec.district),
        division: Some(text(spec.division)),
        website: stand_in(host.clone()),
        // Every fifth office also answers to an older address.
        aliases: if rng.below(5) == 0 {
            vec![stand_in(format!("{}.gov.bd", spec.id()))]
        } else {
            Vec::new()
        },
        address: Some(text(at(match spec.level {
            Level::Union => ("ইউনিয়ন পরিষদ কমপ্লেক্স", "Union Parishad Complex"),
            Level::Upazila => ("উপজেলা পরিষদ চত্বর", "Upazila Parishad premises"),
            _ => ("সরকারি অফিস ভবন", "Government office building"),
        }))),
        phone: Some(stand_in(format!(
            "+880 {} {:05}",
            2 + rng.below(8),
            rng.below(100_000)
        ))),
        email: Some(stand_in(format!("info@{host}"))),
    };
    let statement = statement(kind.sector, &place_bn, &place_en, &mut rng);
    // The head, and the staff under it.
    let mut officers = vec![Officer {
        id: stand_in("head".into()),
        name: text(person(&mut rng)),
        designation: text(kind.head),
        office: Some(text(at(kind.name))),
        phone: Some(stand_in(format!(
            "01{}{:08}",
            3 + rng.below(7),
            rng.below(100_000_000)
        ))),
        email: Some(stand_in(format!("head@{host}"))),
    }];
    let staff_count = 1 + rng.below(5);
    for (id, title) in rng.some(STAFF, staff_count) {
        officers.push(Officer {
            id: stand_in(id.into()),
            name: text(person(&mut rng)),
            designation: text(title),
            office: Some(text(at(kind.name))),
            phone: Some(stand_in(format!(
                "01{}{:08}",
                3 + rng.below(7),
                rng.below(100_000_000)
            ))),
            email: None,
        });
    }
    let (least, most) = services_of(spec.level);
    let count = least + rng.below(most - least + 1);
    let services = services(
        count,
        kind.sector,
        &officers,
        &place_bn,
        &place_en,
        &mut rng,
    );
    let head = kind.head;
    let appellate = match spec.level {
        Level::Union | Level::Upazila => (
            format!("জেলা প্রশাসক, {}", spec.district.0),
            format!("Deputy Commissioner, {}", spec.district.1),
        ),
        _ => (
            "সচিব, মন্ত্রিপরিষদ বিভাগ".into(),
            "Secretary, Cabinet Division".into(),
        ),
    };
    let grievance = grievance(head.0, head.1, (&appellate.0, &appellate.1));
    Charter {
        office,
        statement,
        officers,
        services,
        grievance,
    }
}

/// A vision and mission for an office of `sector` at the place named.
fn statement(sector: Sector, place_bn: &str, place_en: &str, rng: &mut Rng) -> Statement {
    let aims: &[Pair] = &[
        (
            "দক্ষ, স্বচ্ছ ও জবাবদিহিমূলক সেবা",
            "efficient, transparent and accountable service",
        ),
        (
            "সহজে ও দ্রুত নাগরিক সেবা",
            "simple and quick service to citizens",
        ),
        (
            "তথ্যপ্রযুক্তি নির্ভর সেবা",
            "service based on information technology",
        ),
        ("সকলের জন্য মানসম্মত সেবা", "good service for all"),
    ];
    let aim = rng.pick(aims);
    let field = match sector {
        Sector::Agriculture | Sector::Livestock | Sector::Fisheries | Sector::Food => (
            "খাদ্য নিরাপত্তা ও টেকসই কৃষি",
            "food security and sustainable farming",
        ),
        Sector::Health => ("সুস্থ ও কর্মক্ষম জনগোষ্ঠী", "a healthy and able population"),
        Sector::Education => ("মানসম্মত শিক্ষা", "good education"),
        Sector::Welfare => ("সামাজিক সুরক্ষা", "social protection"),
        Sector::Ict => ("ডিজিটাল বাংলাদেশ", "a digital Bangladesh"),
        Sector::Land => ("ভূমি ব্যবস্থাপনায় সুশাসন", "good governance in land management"),
        _ => ("সুশাসন", "good governance"),
    };
    let expected = 2 + rng.below(3);
    Statement {
        vision: text((
            format!("{} প্রতিষ্ঠায় {} এলাকায় {}।", field.0, place_bn, aim.0),
            format!("{} for {} in {place_en}.", capital(aim.1), field.1),
        )),
        mission: text((
            format!(
                "{place_bn} এলাকার নাগরিকদের নিকট {} নিশ্চিত করার মাধ্যমে {} প্রতিষ্ঠা।",
                aim.0, field.0
            ),
            format!(
                "Establishing {} by ensuring {} for the people of {place_en}.",
                field.1, aim.1
            ),
        )),
        expectations: rng
            .some(
                &[
                    (
                        "নির্ধারিত ফরমে সম্পূর্ণভাবে পূরণকৃত আবেদন জমা প্রদান",
                        "Submit a fully completed application on the prescribed form",
                    ),
                    (
                        "সাক্ষাতের জন্য নির্ধারিত সময়ের পূর্বেই উপস্থিত থাকা",
                        "Arrive before the time set for the appointment",
                    ),
                    (
                        "যথাযথ প্রক্রিয়ায় প্রয়োজনীয় ফি পরিশোধ করা",
                        "Pay the required fee in the proper way",
                    ),
                    (
                        "সঠিক তথ্য দিয়ে সহায়তা করা",
                        "Help by giving correct information",
                    ),
                    (
                        "অনাকাঙ্ক্ষিত তদবির থেকে বিরত থাকা",
                        "Refrain from unwanted lobbying",
                    ),
                ],
                expected,
            )
            .into_iter()
            .map(text)
            .collect(),
        last_updated: Some(stand_in(
            format!("2026-{:02}-{:02}", 1 + rng.below(11), 1 + rng.below(28))
                .parse()
                .expect("a TOML date"),
        )),
    }
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// `count` services of an office of `sector`, answered by `officers`.
fn services(
    count: usize,
    sector: Sector,
    officers: &[Officer],
    place_bn: &str,
    place_en: &str,
    rng: &mut Rng,
) -> Vec<Service> {
    let own = phrases::subjects(sector);
    let mut serials = [0u32; 3];
    let mut services = Vec::with_capacity(count);
    for n in 0..count {
        // Mostly citizen services, some institutional, a few internal.
        let group = match rng.below(10) {
            0..=5 => 0,
            6..=8 => 1,
            _ => 2,
        };
        serials[group] += 1;
        let subject = if rng.below(4) == 0 {
            rng.pick(COMMON)
        } else {
            rng.pick(own)
        };
        let action = rng.pick(phrases::ACTIONS);
        let qualifier = rng.pick(QUALIFIERS);
        let name_bn = format!("{} {}{}", subject.0, action.0, qualifier.0);
        let name_en = format!("{} {}{}", action.1, subject.1, qualifier.1);
        let slug = slug_of(&format!("{} {}", action.1, subject.1), n + 1);
        let officer = rng.below(officers.len());
        let delivery_count = 1 + rng.below(3);
        let documents_count = 1 + rng.below(3);
        let mut documents: Vec<(String, String)> = (rng.some(DOCUMENTS, documents_count))
            .into_iter()
            .map(|(bn, en)| (bn.to_string(), en.to_string()))
            .collect();
        if rng.below(3) == 0 {
            // A paper of this place, in its words.
            documents.push((
                format!("{place_bn} এলাকার স্থানীয় প্রত্যয়নপত্র"),
                format!("A local certificate of {place_en}"),
            ));
        }
        services.push(Service {
            group: ServiceGroup::ALL[group],
            serial: stand_in(serials[group]),
            slug: stand_in(slug),
            name: text((name_bn, name_en)),
            delivery: block(&rng.some(DELIVERY, delivery_count)),
            documents: block(&documents),
            fee: Block::Text(text(fee(rng))),
            time_limit: Block::Text(text(time_limit(rng))),
            officer: Some(officers[officer].id.clone()),
            senior_officer: Some(officers[0].id.clone()),
        });
    }
    services
}

/// A fee, in this office's amounts.
fn fee(rng: &mut Rng) -> (String, String) {
    match rng.below(4) {
        0 | 1 => ("বিনামূল্যে".into(), "Free of charge".into()),
        2 => {
            let amount = [20, 50, 100, 150, 200, 300, 500, 1000][rng.below(8)];
            (
                format!(
                    "{} টাকা, {}",
                    citizen_charter::i18n::bn_digits(&amount.to_string()),
                    ["ট্রেজারি চালানের মাধ্যমে", "নগদে", "মোবাইল ব্যাংকিং এর মাধ্যমে"][amount % 3]
                ),
                format!(
                    "Tk {amount}, {}",
                    ["paid by treasury challan", "in cash", "by mobile banking"][amount % 3]
                ),
            )
        }
        _ => {
            let (bn, en) = rng.pick(phrases::FEES);
            (bn.into(), en.into())
        }
    }
}

/// A time limit, in working days or at once.
fn time_limit(rng: &mut Rng) -> (String, String) {
    match rng.below(6) {
        0 => ("তাৎক্ষণিক".into(), "Immediately".into()),
        _ => {
            let days = [1, 3, 5, 7, 10, 15, 21, 30, 45, 60][rng.below(10)];
            (
                format!(
                    "{} কার্যদিবস",
                    citizen_charter::i18n::bn_digits(&days.to_string())
                ),
                format!("{days} working days"),
            )
        }
    }
}
