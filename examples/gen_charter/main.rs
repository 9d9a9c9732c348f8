//! Prints a large, valid charter for load tests, or writes a folder of
//! offices (10 to 30 services each) for one deployment of many:
//!
//! ```sh
//! cargo run --release --example gen_charter -- 1000 > /tmp/charter-1000.toml
//! charter check /tmp/charter-1000.toml
//! cargo run --release --example gen_charter -- --offices 600 /tmp/offices
//! charter check /tmp/offices
//! ```
//!
//! The services are spread over the three groups and eight officers, and
//! their texts are made of phrases of the kind real upazila charters use,
//! in Bangla and English, so that pages have realistic sizes and compress
//! like real ones. The output depends only on the count (and the optional
//! seed after it): the same arguments give the same file. The charter is
//! built as the model and written by `import::to_toml`, as `charter import`
//! writes its files.

use citizen_charter::charter::{
    Block, Charter, GrievanceStep, Office, Officer, Service, ServiceGroup, Statement, Text,
};
use citizen_charter::i18n::bn_digits;
use citizen_charter::import::to_toml;
use toml::Spanned;

mod places;

use places::{Pair, Place};

const SUBJECTS: &[Pair] = &[
    ("জন্ম নিবন্ধন সনদ", "birth registration certificate"),
    ("মৃত্যু নিবন্ধন সনদ", "death registration certificate"),
    ("ট্রেড লাইসেন্স", "trade licence"),
    ("নাগরিকত্ব সনদ", "citizenship certificate"),
    ("ওয়ারিশ সনদ", "heirship certificate"),
    ("ভূমি উন্নয়ন কর", "land development tax"),
    ("নামজারি ও জমাখারিজ", "mutation of land records"),
    (
        "খতিয়ানের সার্টিফাইড কপি",
        "certified copy of the record of rights",
    ),
    ("বয়স্ক ভাতা", "old-age allowance"),
    (
        "বিধবা ও স্বামী নিগৃহীতা ভাতা",
        "allowance for widowed and deserted women",
    ),
    ("প্রতিবন্ধী ভাতা", "disability allowance"),
    ("মাতৃত্বকালীন ভাতা", "maternity allowance"),
    ("ভিজিডি কার্ড", "VGD card"),
    ("কৃষি প্রণোদনা", "agricultural incentive"),
    ("বীজ ও সার বিতরণ", "seed and fertiliser distribution"),
    ("গবাদিপশুর টিকা", "livestock vaccination"),
    ("মৎস্যচাষ প্রশিক্ষণ", "fish farming training"),
    ("ক্ষুদ্রঋণ", "microcredit"),
    ("শিক্ষা উপবৃত্তি", "education stipend"),
    ("ডিজিটাল সেন্টার", "digital centre"),
    ("ই-নথি হিসাব", "e-Nothi account"),
    ("সরকারি ই-মেইল ঠিকানা", "government e-mail address"),
    ("ওয়েব পোর্টাল", "web portal"),
    ("ভিডিও কনফারেন্স", "video conference"),
    ("তথ্য অধিকার আবেদন", "right to information request"),
    ("অভিযোগ প্রতিকার", "grievance redress"),
    ("হাট-বাজার ইজারা", "market lease"),
    ("জলমহাল ইজারা", "water body lease"),
    ("খাস জমি বন্দোবস্ত", "settlement of government land"),
    ("গৃহহীনদের জন্য ঘর", "housing for the homeless"),
    ("দুর্যোগ ত্রাণ", "disaster relief"),
    ("টিআর ও কাবিখা প্রকল্প", "TR and food-for-work projects"),
    ("নলকূপ স্থাপন", "tube-well installation"),
    ("স্যানিটারি ল্যাট্রিন", "sanitary latrines"),
    ("কর্মকর্তা-কর্মচারীদের ছুটি", "leave of officers and staff"),
    ("ভবিষ্য তহবিল অগ্রিম", "provident fund advance"),
    ("পেনশন", "pension"),
    ("বার্ষিক গোপনীয় অনুবেদন", "annual confidential report"),
    ("আইসিটি যন্ত্রপাতি মেরামত", "repair of ICT equipment"),
    ("ইন্টারনেট সংযোগ", "Internet connection"),
];

const ACTIONS: &[Pair] = &[
    ("প্রদান", "Issue of"),
    ("সংশোধন", "Correction of"),
    ("নবায়ন", "Renewal of"),
    ("হালনাগাদকরণ", "Updating of"),
    (
        "আবেদন গ্রহণ ও নিষ্পত্তি",
        "Receiving and settling applications for",
    ),
    ("বিষয়ে পরামর্শ ও সহায়তা প্রদান", "Advice and support on"),
    ("বিষয়ক প্রশিক্ষণ প্রদান", "Training on"),
    ("মঞ্জুরি", "Approval of"),
    ("তদারকি ও পরিদর্শন", "Supervision and inspection of"),
    ("তালিকা প্রণয়ন ও যাচাই", "Preparing and verifying the list for"),
];

const QUALIFIERS: &[Pair] = &[
    ("", ""),
    ("", ""),
    (" (উপজেলা ও ইউনিয়ন পর্যায়ে)", " (at upazila and union level)"),
    (" (অনলাইনে আবেদনের মাধ্যমে)", " (by online application)"),
    (
        " সংক্রান্ত সকল কার্যক্রম সমন্বয়",
        ": coordination of all related activities",
    ),
];

const DELIVERY: &[Pair] = &[
    ("ব্যক্তিগত উপস্থিতির মাধ্যমে যোগাযোগ", "Contact in person"),
    ("টেলিফোনে যোগাযোগ", "Contact by telephone"),
    ("ই-মেইলের মাধ্যমে", "By e-mail"),
    ("দাপ্তরিক ওয়েবসাইটের মাধ্যমে", "Through the official website"),
    (
        "নির্ধারিত ফরমে আবেদনের প্রেক্ষিতে সরেজমিন তদন্ত সাপেক্ষে",
        "On application on the prescribed form, subject to an inspection on site",
    ),
    (
        "ইউনিয়ন ডিজিটাল সেন্টারের মাধ্যমে অনলাইনে আবেদন",
        "Online application through the Union Digital Centre",
    ),
    (
        "সংশ্লিষ্ট দপ্তরের অধিযাচন এর মাধ্যমে",
        "On requisition from the office concerned",
    ),
    (
        "উর্ধ্বতন কর্তৃপক্ষের নির্দেশনা মোতাবেক",
        "As directed by the higher authorities",
    ),
    (
        "বার্ষিক কর্মপরিকল্পনা অনুযায়ী",
        "According to the annual work plan",
    ),
    ("ডাকযোগে", "By post"),
];

const DOCUMENTS: &[Pair] = &[
    (
        "নির্ধারিত ফরমে আবেদন (প্রাপ্তিস্থান: উপজেলা কার্যালয়ের সেবা কেন্দ্র ও দাপ্তরিক ওয়েবসাইট)",
        "Application on the prescribed form (available at the upazila office help desk and on the official website)",
    ),
    (
        "জাতীয় পরিচয়পত্রের সত্যায়িত ফটোকপি",
        "Attested photocopy of the national identity card",
    ),
    (
        "সদ্য তোলা দুই কপি পাসপোর্ট সাইজের ছবি",
        "Two recent passport-size photographs",
    ),
    (
        "ইউনিয়ন পরিষদ চেয়ারম্যান কর্তৃক প্রদত্ত নাগরিকত্ব সনদ",
        "Citizenship certificate issued by the Union Parishad chairman",
    ),
    (
        "হালনাগাদ ভূমি উন্নয়ন কর পরিশোধের দাখিলা",
        "Receipt of the latest land development tax payment",
    ),
    (
        "সংশ্লিষ্ট দপ্তরের অধিযাচনপত্র",
        "Requisition letter from the office concerned",
    ),
    (
        "ট্রেজারি চালানের মূল কপি",
        "Original copy of the treasury challan",
    ),
    (
        "প্রয়োজনীয় কাগজপত্র নেই; সরাসরি যোগাযোগের মাধ্যমে",
        "No papers needed; by direct contact",
    ),
];

const FEES: &[Pair] = &[
    ("বিনামূল্যে", "Free of charge"),
    ("বিনামূল্যে", "Free of charge"),
    (
        "বিদ্যমান সরকারী নীতিমালা অনুযায়ী",
        "According to the existing government policy",
    ),
    (
        "৫০ টাকা, ট্রেজারি চালানের মাধ্যমে",
        "Tk 50, paid by treasury challan",
    ),
    (
        "২০০ টাকা, নগদে অথবা মোবাইল ব্যাংকিং এর মাধ্যমে",
        "Tk 200, in cash or by mobile banking",
    ),
    (
        "সরকার নির্ধারিত হারে, ব্যাংক চালানের মাধ্যমে",
        "At the rate set by the government, paid by bank challan",
    ),
];

const TIME_LIMITS: &[Pair] = &[
    ("তাৎক্ষণিক", "Immediately"),
    ("৩ কার্যদিবস", "3 working days"),
    ("৭ কার্যদিবস", "7 working days"),
    ("১৫ কার্যদিবস", "15 working days"),
    ("৩০ কার্যদিবস", "30 working days"),
    (
        "তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)",
        "Immediately / 3 working days (where applicable)",
    ),
];

/// id, name, designation.
const OFFICERS: &[(&str, Pair, Pair)] = &[
    (
        "uno",
        ("জনাব মোঃ রফিকুল ইসলাম", "Mr. Md. Rafiqul Islam"),
        ("উপজেলা নির্বাহী অফিসার", "Upazila Nirbahi Officer"),
    ),
    (
        "ac-land",
        ("জনাবা সাবরিনা আক্তার", "Ms. Sabrina Akter"),
        ("সহকারী কমিশনার (ভূমি)", "Assistant Commissioner (Land)"),
    ),
    (
        "ict-officer",
        ("জনাব মোঃ আশিকুল ইসলাম", "Mr. Md. Ashikul Islam"),
        ("উপজেলা আইসিটি অফিসার", "Upazila ICT Officer"),
    ),
    (
        "assistant-programmer",
        ("জনাব তানভীর আহমেদ", "Mr. Tanvir Ahmed"),
        ("সহকারী প্রোগ্রামার", "Assistant Programmer"),
    ),
    (
        "social-services-officer",
        ("জনাবা নাসরিন সুলতানা", "Ms. Nasrin Sultana"),
        ("উপজেলা সমাজসেবা অফিসার", "Upazila Social Services Officer"),
    ),
    (
        "agriculture-officer",
        ("জনাব কামরুল হাসান", "Mr. Kamrul Hasan"),
        ("উপজেলা কৃষি অফিসার", "Upazila Agriculture Officer"),
    ),
    (
        "livestock-officer",
        ("ডাঃ মাহমুদা খাতুন", "Dr. Mahmuda Khatun"),
        ("উপজেলা প্রাণিসম্পদ অফিসার", "Upazila Livestock Officer"),
    ),
    (
        "office-assistant",
        ("জনাব আব্দুল করিম", "Mr. Abdul Karim"),
        (
            "অফিস সহকারী কাম কম্পিউটার মুদ্রাক্ষরিক",
            "Office Assistant cum Computer Typist",
        ),
    ),
];

/// A small deterministic generator (SplitMix64): no dependency, and the
/// same file for the same arguments on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// `count` different items, in the table's order.
    fn some<T: Copy>(&mut self, items: &[T], count: usize) -> Vec<T> {
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
fn stand_in<T>(value: T) -> Spanned<T> {
    Spanned::new(0..0, value)
}

fn text((bn, en): (impl Into<String>, impl Into<String>)) -> Text {
    Text {
        bn: stand_in(bn.into()),
        en: Some(stand_in(en.into())),
    }
}

fn block(items: &[Pair]) -> Block {
    match items {
        [one] => Block::Text(text(*one)),
        _ => Block::List(items.iter().map(|&item| text(item)).collect()),
    }
}

/// `english` as a slug of whole words, short enough (with the number
/// after it) for `charter check`'s 80-character limit.
fn slug_of(english: &str, number: usize) -> String {
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

fn charter(count: usize, seed: u64, place: &Place) -> Charter {
    let mut rng = Rng(seed);
    let (upazila, district) = (place.upazila, place.district);
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
        division: Some(text(place.division)),
        website: stand_in(format!("uno.{}.gov.bd", place.host())),
        aliases: Vec::new(),
        address: Some(text(here(("উপজেলা পরিষদ ভবন", "Upazila Parishad Building")))),
        phone: Some(stand_in("+880 9025 56001".to_string())),
        email: Some(stand_in(format!("uno@{}.gov.bd", place.host()))),
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
            email: Some(stand_in(format!("{id}@{}.gov.bd", place.host()))),
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
    let steps = [
        (
            (
                "দায়িত্বপ্রাপ্ত কর্মকর্তা সমাধান দিতে ব্যর্থ হলে",
                "If the responsible officer cannot solve it",
            ),
            (
                "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)",
                "Grievance Redress Officer (GRO)",
            ),
            (
                "উপজেলা নির্বাহী অফিসার, ফোন: ০১৭০০০০০০০১",
                "Upazila Nirbahi Officer, phone: 01700000001",
            ),
            30,
        ),
        (
            (
                "অনিক নির্দিষ্ট সময়ে সমাধান দিতে ব্যর্থ হলে",
                "If the GRO cannot solve it in time",
            ),
            ("আপিল কর্মকর্তা", "Appellate Officer"),
            ("জেলা প্রশাসক, ময়মনসিংহ", "Deputy Commissioner, Mymensingh"),
            20,
        ),
        (
            (
                "আপিল কর্মকর্তা নির্দিষ্ট সময়ে সমাধান দিতে ব্যর্থ হলে",
                "If the Appellate Officer cannot solve it in time",
            ),
            (
                "মন্ত্রিপরিষদ বিভাগের অভিযোগ ব্যবস্থাপনা সেল",
                "Grievance management cell of the Cabinet Division",
            ),
            (
                "অভিযোগ গ্রহণ কেন্দ্র, ৫ নং গেইট, বাংলাদেশ সচিবালয়, ঢাকা",
                "Complaint desk, gate 5, Bangladesh Secretariat, Dhaka",
            ),
            60,
        ),
    ];
    let grievance = steps
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
        .collect();
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
        write_folder(offices, std::path::Path::new(folder), seed);
        return;
    }
    let count = args.first().map(|a| a.parse::<usize>());
    let seed = args.get(1).map(|a| a.parse::<u64>());
    let (count, seed) = match (count, seed) {
        (Some(Ok(count)), None) => (count, 1),
        (Some(Ok(count)), Some(Ok(seed))) => (count, seed),
        _ => usage(),
    };
    print!("{HEADER}{}", to_toml(&charter(count, seed, &Place::nth(0))));
}

/// `offices` charters in `folder`, one per place, with 10 to 30 services
/// each (as upazila offices have).
fn write_folder(offices: usize, folder: &std::path::Path, seed: u64) {
    if let Err(e) = std::fs::create_dir_all(folder) {
        eprintln!("gen_charter: cannot make {}: {e}", folder.display());
        std::process::exit(2);
    }
    let mut rng = Rng(seed);
    for i in 0..offices {
        let place = Place::nth(i);
        let services = 10 + rng.below(21);
        let text = format!(
            "{HEADER}{}",
            to_toml(&charter(services, rng.next(), &place))
        );
        let path = folder.join(format!("{}.toml", place.id()));
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("gen_charter: cannot write {}: {e}", path.display());
            std::process::exit(2);
        }
    }
}
