//! The kinds of office that publish a charter, from ministries in Dhaka
//! to union parishads: each with its name, its department, the title of
//! its head, and the sector its services come from.

use crate::places::Pair;

/// Where an office sits in the administration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    National,
    Division,
    District,
    Upazila,
    Union,
}

/// What an office's services are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sector {
    Administration,
    Land,
    Agriculture,
    Livestock,
    Fisheries,
    Health,
    Education,
    Welfare,
    Ict,
    Engineering,
    Finance,
    Food,
    Disaster,
    Local,
}

/// A kind of office: its id (the first label of its host name), its name
/// and department, its head's title, its sector.
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    pub id: &'static str,
    pub name: Pair,
    pub department: Pair,
    pub head: Pair,
    pub sector: Sector,
}

const fn k(id: &'static str, name: Pair, department: Pair, head: Pair, sector: Sector) -> Kind {
    Kind {
        id,
        name,
        department,
        head,
        sector,
    }
}

use Sector::*;

const CABINET: Pair = ("মন্ত্রিপরিষদ বিভাগ", "Cabinet Division");
const LAND_MIN: Pair = ("ভূমি মন্ত্রণালয়", "Ministry of Land");
const AGRI_DEPT: Pair = (
    "কৃষি সম্প্রসারণ অধিদপ্তর",
    "Department of Agricultural Extension",
);
const LIVESTOCK_DEPT: Pair = ("প্রাণিসম্পদ অধিদপ্তর", "Department of Livestock Services");
const FISH_DEPT: Pair = ("মৎস্য অধিদপ্তর", "Department of Fisheries");
const HEALTH_DEPT: Pair = ("স্বাস্থ্য অধিদপ্তর", "Directorate General of Health Services");
const FP_DEPT: Pair = (
    "পরিবার পরিকল্পনা অধিদপ্তর",
    "Directorate General of Family Planning",
);
const PRIMARY: Pair = ("প্রাথমিক শিক্ষা অধিদপ্তর", "Directorate of Primary Education");
const SECONDARY: Pair = (
    "মাধ্যমিক ও উচ্চ শিক্ষা অধিদপ্তর",
    "Directorate of Secondary and Higher Education",
);
const SOCIAL: Pair = ("সমাজসেবা অধিদপ্তর", "Department of Social Services");
const WOMEN: Pair = ("মহিলা বিষয়ক অধিদপ্তর", "Department of Women Affairs");
const YOUTH: Pair = ("যুব উন্নয়ন অধিদপ্তর", "Department of Youth Development");
const DOICT: Pair = ("তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর", "Department of ICT");
const LGED: Pair = (
    "স্থানীয় সরকার প্রকৌশল অধিদপ্তর",
    "Local Government Engineering Department",
);
const DPHE: Pair = (
    "জনস্বাস্থ্য প্রকৌশল অধিদপ্তর",
    "Department of Public Health Engineering",
);
const ACCOUNTS: Pair = (
    "হিসাব মহানিয়ন্ত্রকের কার্যালয়",
    "Office of the Controller General of Accounts",
);
const FOOD: Pair = ("খাদ্য অধিদপ্তর", "Directorate General of Food");
const DISASTER: Pair = ("দুর্যোগ ব্যবস্থাপনা অধিদপ্তর", "Department of Disaster Management");
const LOCAL: Pair = ("স্থানীয় সরকার বিভাগ", "Local Government Division");
const COOP: Pair = ("সমবায় অধিদপ্তর", "Department of Cooperatives");
const ELECTION: Pair = ("নির্বাচন কমিশন সচিবালয়", "Election Commission Secretariat");
const REGISTRATION: Pair = ("নিবন্ধন অধিদপ্তর", "Department of Registration");

/// The offices of every upazila.
pub const UPAZILA: &[Kind] = &[
    k(
        "uno",
        (
            "উপজেলা নির্বাহী অফিসারের কার্যালয়",
            "Office of the Upazila Nirbahi Officer",
        ),
        CABINET,
        ("উপজেলা নির্বাহী অফিসার", "Upazila Nirbahi Officer"),
        Administration,
    ),
    k(
        "acland",
        ("উপজেলা ভূমি অফিস", "Upazila Land Office"),
        LAND_MIN,
        ("সহকারী কমিশনার (ভূমি)", "Assistant Commissioner (Land)"),
        Land,
    ),
    k(
        "dae",
        ("উপজেলা কৃষি অফিস", "Upazila Agriculture Office"),
        AGRI_DEPT,
        ("উপজেলা কৃষি অফিসার", "Upazila Agriculture Officer"),
        Agriculture,
    ),
    k(
        "dls",
        ("উপজেলা প্রাণিসম্পদ দপ্তর", "Upazila Livestock Office"),
        LIVESTOCK_DEPT,
        ("উপজেলা প্রাণিসম্পদ অফিসার", "Upazila Livestock Officer"),
        Livestock,
    ),
    k(
        "fisheries",
        ("উপজেলা মৎস্য অফিস", "Upazila Fisheries Office"),
        FISH_DEPT,
        ("উপজেলা মৎস্য অফিসার", "Upazila Fisheries Officer"),
        Fisheries,
    ),
    k(
        "uhc",
        ("উপজেলা স্বাস্থ্য কমপ্লেক্স", "Upazila Health Complex"),
        HEALTH_DEPT,
        (
            "উপজেলা স্বাস্থ্য ও পরিবার পরিকল্পনা কর্মকর্তা",
            "Upazila Health and Family Planning Officer",
        ),
        Health,
    ),
    k(
        "fpo",
        (
            "উপজেলা পরিবার পরিকল্পনা কার্যালয়",
            "Upazila Family Planning Office",
        ),
        FP_DEPT,
        (
            "উপজেলা পরিবার পরিকল্পনা কর্মকর্তা",
            "Upazila Family Planning Officer",
        ),
        Health,
    ),
    k(
        "dpe",
        ("উপজেলা প্রাথমিক শিক্ষা অফিস", "Upazila Primary Education Office"),
        PRIMARY,
        (
            "উপজেলা প্রাথমিক শিক্ষা অফিসার",
            "Upazila Primary Education Officer",
        ),
        Education,
    ),
    k(
        "secondary",
        (
            "উপজেলা মাধ্যমিক শিক্ষা অফিস",
            "Upazila Secondary Education Office",
        ),
        SECONDARY,
        (
            "উপজেলা মাধ্যমিক শিক্ষা অফিসার",
            "Upazila Secondary Education Officer",
        ),
        Education,
    ),
    k(
        "social",
        ("উপজেলা সমাজসেবা কার্যালয়", "Upazila Social Services Office"),
        SOCIAL,
        ("উপজেলা সমাজসেবা অফিসার", "Upazila Social Services Officer"),
        Welfare,
    ),
    k(
        "women",
        (
            "উপজেলা মহিলা বিষয়ক কর্মকর্তার কার্যালয়",
            "Office of the Upazila Women Affairs Officer",
        ),
        WOMEN,
        ("উপজেলা মহিলা বিষয়ক কর্মকর্তা", "Upazila Women Affairs Officer"),
        Welfare,
    ),
    k(
        "youth",
        ("উপজেলা যুব উন্নয়ন অফিস", "Upazila Youth Development Office"),
        YOUTH,
        ("উপজেলা যুব উন্নয়ন কর্মকর্তা", "Upazila Youth Development Officer"),
        Welfare,
    ),
    k(
        "doict",
        (
            "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, উপজেলা কার্যালয়",
            "Department of ICT, Upazila Office",
        ),
        DOICT,
        ("উপজেলা আইসিটি অফিসার", "Upazila ICT Officer"),
        Ict,
    ),
    k(
        "lged",
        ("উপজেলা প্রকৌশলীর কার্যালয়", "Office of the Upazila Engineer"),
        LGED,
        ("উপজেলা প্রকৌশলী", "Upazila Engineer"),
        Engineering,
    ),
    k(
        "dphe",
        (
            "উপজেলা জনস্বাস্থ্য প্রকৌশল অফিস",
            "Upazila Public Health Engineering Office",
        ),
        DPHE,
        ("উপ-সহকারী প্রকৌশলী", "Sub-Assistant Engineer"),
        Engineering,
    ),
    k(
        "accounts",
        ("উপজেলা হিসাবরক্ষণ অফিস", "Upazila Accounts Office"),
        ACCOUNTS,
        ("উপজেলা হিসাবরক্ষণ অফিসার", "Upazila Accounts Officer"),
        Finance,
    ),
    k(
        "food",
        (
            "উপজেলা খাদ্য নিয়ন্ত্রকের কার্যালয়",
            "Office of the Upazila Food Controller",
        ),
        FOOD,
        ("উপজেলা খাদ্য নিয়ন্ত্রক", "Upazila Food Controller"),
        Food,
    ),
    k(
        "pio",
        (
            "উপজেলা প্রকল্প বাস্তবায়ন কর্মকর্তার কার্যালয়",
            "Office of the Project Implementation Officer",
        ),
        DISASTER,
        ("প্রকল্প বাস্তবায়ন কর্মকর্তা", "Project Implementation Officer"),
        Disaster,
    ),
    k(
        "cooperative",
        ("উপজেলা সমবায় অফিস", "Upazila Cooperative Office"),
        COOP,
        ("উপজেলা সমবায় অফিসার", "Upazila Cooperative Officer"),
        Finance,
    ),
    k(
        "election",
        ("উপজেলা নির্বাচন অফিস", "Upazila Election Office"),
        ELECTION,
        ("উপজেলা নির্বাচন অফিসার", "Upazila Election Officer"),
        Administration,
    ),
    k(
        "subregistry",
        ("উপজেলা সাব-রেজিস্ট্রি অফিস", "Upazila Sub-Registry Office"),
        REGISTRATION,
        ("সাব-রেজিস্ট্রার", "Sub-Registrar"),
        Land,
    ),
    k(
        "parishad",
        ("উপজেলা পরিষদ", "Upazila Parishad"),
        LOCAL,
        ("উপজেলা পরিষদ চেয়ারম্যান", "Upazila Parishad Chairman"),
        Local,
    ),
    k(
        "pourashava",
        ("পৌরসভা কার্যালয়", "Municipality Office"),
        LOCAL,
        ("পৌর নির্বাহী কর্মকর্তা", "Municipal Executive Officer"),
        Local,
    ),
    k(
        "ansar",
        ("উপজেলা আনসার ও ভিডিপি কার্যালয়", "Upazila Ansar and VDP Office"),
        CABINET,
        (
            "উপজেলা আনসার ও ভিডিপি কর্মকর্তা",
            "Upazila Ansar and VDP Officer",
        ),
        Administration,
    ),
    k(
        "statistics",
        ("উপজেলা পরিসংখ্যান অফিস", "Upazila Statistics Office"),
        CABINET,
        ("উপজেলা পরিসংখ্যান কর্মকর্তা", "Upazila Statistics Officer"),
        Administration,
    ),
    k(
        "brdb",
        ("উপজেলা পল্লী উন্নয়ন অফিস", "Upazila Rural Development Office"),
        COOP,
        (
            "উপজেলা পল্লী উন্নয়ন কর্মকর্তা",
            "Upazila Rural Development Officer",
        ),
        Finance,
    ),
    k(
        "forest",
        ("উপজেলা বন অফিস", "Upazila Forest Office"),
        CABINET,
        ("রেঞ্জ কর্মকর্তা", "Range Officer"),
        Agriculture,
    ),
    k(
        "seed",
        ("বীজ বিপণন কেন্দ্র", "Seed Marketing Centre"),
        AGRI_DEPT,
        ("উপ-সহকারী পরিচালক", "Sub-Assistant Director"),
        Agriculture,
    ),
    k(
        "sports",
        ("উপজেলা ক্রীড়া অফিস", "Upazila Sports Office"),
        YOUTH,
        ("উপজেলা ক্রীড়া কর্মকর্তা", "Upazila Sports Officer"),
        Welfare,
    ),
    k(
        "culture",
        ("উপজেলা শিল্পকলা একাডেমি", "Upazila Shilpakala Academy"),
        YOUTH,
        ("সাধারণ সম্পাদক", "General Secretary"),
        Welfare,
    ),
    k(
        "fire",
        (
            "ফায়ার সার্ভিস ও সিভিল ডিফেন্স স্টেশন",
            "Fire Service and Civil Defence Station",
        ),
        DISASTER,
        ("স্টেশন অফিসার", "Station Officer"),
        Disaster,
    ),
    k(
        "tax",
        ("আয়কর সার্কেল অফিস", "Income Tax Circle Office"),
        ACCOUNTS,
        ("সহকারী কর কমিশনার", "Assistant Commissioner of Taxes"),
        Finance,
    ),
    k(
        "post",
        ("উপজেলা ডাকঘর", "Upazila Post Office"),
        CABINET,
        ("পোস্টমাস্টার", "Postmaster"),
        Administration,
    ),
    k(
        "bank",
        ("কৃষি ব্যাংক শাখা", "Krishi Bank Branch"),
        ACCOUNTS,
        ("শাখা ব্যবস্থাপক", "Branch Manager"),
        Finance,
    ),
    k(
        "mass",
        ("উপজেলা তথ্য অফিস", "Upazila Information Office"),
        CABINET,
        ("উপজেলা তথ্য অফিসার", "Upazila Information Officer"),
        Administration,
    ),
    k(
        "family",
        ("উপজেলা পরিবার কল্যাণ কেন্দ্র", "Upazila Family Welfare Centre"),
        FP_DEPT,
        ("মেডিকেল অফিসার", "Medical Officer"),
        Health,
    ),
    k(
        "tti",
        (
            "উপজেলা কারিগরি প্রশিক্ষণ কেন্দ্র",
            "Upazila Technical Training Centre",
        ),
        YOUTH,
        ("অধ্যক্ষ", "Principal"),
        Education,
    ),
    k(
        "college",
        ("সরকারি কলেজ", "Government College"),
        SECONDARY,
        ("অধ্যক্ষ", "Principal"),
        Education,
    ),
    k(
        "school",
        ("সরকারি উচ্চ বিদ্যালয়", "Government High School"),
        SECONDARY,
        ("প্রধান শিক্ষক", "Head Teacher"),
        Education,
    ),
];

/// The community clinics of a union: three each, numbered.
pub const CLINIC: Kind = k(
    "cc",
    ("কমিউনিটি ক্লিনিক", "Community Clinic"),
    HEALTH_DEPT,
    (
        "কমিউনিটি হেলথ কেয়ার প্রোভাইডার",
        "Community Health Care Provider",
    ),
    Health,
);

/// The offices of every district.
pub const DISTRICT: &[Kind] = &[
    k(
        "dc",
        ("জেলা প্রশাসকের কার্যালয়", "Deputy Commissioner's Office"),
        CABINET,
        ("জেলা প্রশাসক", "Deputy Commissioner"),
        Administration,
    ),
    k(
        "dae",
        (
            "কৃষি সম্প্রসারণ অধিদপ্তর, জেলা কার্যালয়",
            "Department of Agricultural Extension, District Office",
        ),
        AGRI_DEPT,
        ("উপপরিচালক", "Deputy Director"),
        Agriculture,
    ),
    k(
        "dls",
        ("জেলা প্রাণিসম্পদ দপ্তর", "District Livestock Office"),
        LIVESTOCK_DEPT,
        ("জেলা প্রাণিসম্পদ কর্মকর্তা", "District Livestock Officer"),
        Livestock,
    ),
    k(
        "fisheries",
        ("জেলা মৎস্য দপ্তর", "District Fisheries Office"),
        FISH_DEPT,
        ("জেলা মৎস্য কর্মকর্তা", "District Fisheries Officer"),
        Fisheries,
    ),
    k(
        "civilsurgeon",
        ("সিভিল সার্জনের কার্যালয়", "Office of the Civil Surgeon"),
        HEALTH_DEPT,
        ("সিভিল সার্জন", "Civil Surgeon"),
        Health,
    ),
    k(
        "hospital",
        ("জেলা সদর হাসপাতাল", "District Hospital"),
        HEALTH_DEPT,
        ("তত্ত্বাবধায়ক", "Superintendent"),
        Health,
    ),
    k(
        "dpeo",
        ("জেলা প্রাথমিক শিক্ষা অফিস", "District Primary Education Office"),
        PRIMARY,
        (
            "জেলা প্রাথমিক শিক্ষা অফিসার",
            "District Primary Education Officer",
        ),
        Education,
    ),
    k(
        "deo",
        ("জেলা শিক্ষা অফিস", "District Education Office"),
        SECONDARY,
        ("জেলা শিক্ষা অফিসার", "District Education Officer"),
        Education,
    ),
    k(
        "social",
        ("জেলা সমাজসেবা কার্যালয়", "District Social Services Office"),
        SOCIAL,
        ("উপপরিচালক", "Deputy Director"),
        Welfare,
    ),
    k(
        "women",
        ("জেলা মহিলা বিষয়ক কার্যালয়", "District Women Affairs Office"),
        WOMEN,
        ("উপপরিচালক", "Deputy Director"),
        Welfare,
    ),
    k(
        "youth",
        ("জেলা যুব উন্নয়ন কার্যালয়", "District Youth Development Office"),
        YOUTH,
        ("উপপরিচালক", "Deputy Director"),
        Welfare,
    ),
    k(
        "doict",
        (
            "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, জেলা কার্যালয়",
            "Department of ICT, District Office",
        ),
        DOICT,
        ("প্রোগ্রামার", "Programmer"),
        Ict,
    ),
    k(
        "lged",
        (
            "নির্বাহী প্রকৌশলীর কার্যালয়, এলজিইডি",
            "Office of the Executive Engineer, LGED",
        ),
        LGED,
        ("নির্বাহী প্রকৌশলী", "Executive Engineer"),
        Engineering,
    ),
    k(
        "dphe",
        (
            "নির্বাহী প্রকৌশলীর কার্যালয়, জনস্বাস্থ্য প্রকৌশল",
            "Office of the Executive Engineer, DPHE",
        ),
        DPHE,
        ("নির্বাহী প্রকৌশলী", "Executive Engineer"),
        Engineering,
    ),
    k(
        "accounts",
        ("জেলা হিসাবরক্ষণ অফিস", "District Accounts Office"),
        ACCOUNTS,
        ("জেলা হিসাবরক্ষণ অফিসার", "District Accounts Officer"),
        Finance,
    ),
    k(
        "food",
        (
            "জেলা খাদ্য নিয়ন্ত্রকের কার্যালয়",
            "Office of the District Food Controller",
        ),
        FOOD,
        ("জেলা খাদ্য নিয়ন্ত্রক", "District Food Controller"),
        Food,
    ),
    k(
        "relief",
        (
            "জেলা ত্রাণ ও পুনর্বাসন কর্মকর্তার কার্যালয়",
            "Office of the District Relief and Rehabilitation Officer",
        ),
        DISASTER,
        (
            "জেলা ত্রাণ ও পুনর্বাসন কর্মকর্তা",
            "District Relief and Rehabilitation Officer",
        ),
        Disaster,
    ),
    k(
        "cooperative",
        ("জেলা সমবায় কার্যালয়", "District Cooperative Office"),
        COOP,
        ("জেলা সমবায় অফিসার", "District Cooperative Officer"),
        Finance,
    ),
    k(
        "election",
        ("জেলা নির্বাচন অফিস", "District Election Office"),
        ELECTION,
        ("জেলা নির্বাচন অফিসার", "District Election Officer"),
        Administration,
    ),
    k(
        "registry",
        ("জেলা রেজিস্ট্রারের কার্যালয়", "Office of the District Registrar"),
        REGISTRATION,
        ("জেলা রেজিস্ট্রার", "District Registrar"),
        Land,
    ),
    k(
        "parishad",
        ("জেলা পরিষদ", "Zila Parishad"),
        LOCAL,
        ("প্রধান নির্বাহী কর্মকর্তা", "Chief Executive Officer"),
        Local,
    ),
    k(
        "pourashava",
        ("জেলা সদর পৌরসভা", "District Town Municipality"),
        LOCAL,
        ("মেয়র", "Mayor"),
        Local,
    ),
];

/// The offices of every division.
pub const DIVISION: &[Kind] = &[
    k(
        "divcom",
        ("বিভাগীয় কমিশনারের কার্যালয়", "Divisional Commissioner's Office"),
        CABINET,
        ("বিভাগীয় কমিশনার", "Divisional Commissioner"),
        Administration,
    ),
    k(
        "dae",
        (
            "কৃষি সম্প্রসারণ অধিদপ্তর, অঞ্চল",
            "Department of Agricultural Extension, Region",
        ),
        AGRI_DEPT,
        ("অতিরিক্ত পরিচালক", "Additional Director"),
        Agriculture,
    ),
    k(
        "health",
        (
            "বিভাগীয় স্বাস্থ্য পরিচালকের কার্যালয়",
            "Office of the Divisional Director of Health",
        ),
        HEALTH_DEPT,
        ("বিভাগীয় পরিচালক (স্বাস্থ্য)", "Divisional Director (Health)"),
        Health,
    ),
    k(
        "education",
        (
            "মাধ্যমিক ও উচ্চ শিক্ষা অধিদপ্তর, আঞ্চলিক কার্যালয়",
            "Directorate of Secondary and Higher Education, Regional Office",
        ),
        SECONDARY,
        ("পরিচালক", "Director"),
        Education,
    ),
    k(
        "lged",
        (
            "তত্ত্বাবধায়ক প্রকৌশলীর কার্যালয়, এলজিইডি",
            "Office of the Superintending Engineer, LGED",
        ),
        LGED,
        ("তত্ত্বাবধায়ক প্রকৌশলী", "Superintending Engineer"),
        Engineering,
    ),
    k(
        "doict",
        (
            "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, বিভাগীয় কার্যালয়",
            "Department of ICT, Divisional Office",
        ),
        DOICT,
        ("উপপরিচালক", "Deputy Director"),
        Ict,
    ),
    k(
        "social",
        (
            "সমাজসেবা অধিদপ্তর, বিভাগীয় কার্যালয়",
            "Department of Social Services, Divisional Office",
        ),
        SOCIAL,
        ("পরিচালক", "Director"),
        Welfare,
    ),
    k(
        "accounts",
        (
            "বিভাগীয় হিসাব নিয়ন্ত্রকের কার্যালয়",
            "Office of the Divisional Controller of Accounts",
        ),
        ACCOUNTS,
        ("বিভাগীয় হিসাব নিয়ন্ত্রক", "Divisional Controller of Accounts"),
        Finance,
    ),
];

/// The offices of a union.
pub const UNION: &[Kind] = &[
    k(
        "up",
        ("ইউনিয়ন পরিষদ", "Union Parishad"),
        LOCAL,
        ("ইউনিয়ন পরিষদ চেয়ারম্যান", "Union Parishad Chairman"),
        Local,
    ),
    k(
        "landoffice",
        ("ইউনিয়ন ভূমি অফিস", "Union Land Office"),
        LAND_MIN,
        ("ইউনিয়ন ভূমি সহকারী কর্মকর্তা", "Union Land Assistant Officer"),
        Land,
    ),
    k(
        "udc",
        ("ইউনিয়ন ডিজিটাল সেন্টার", "Union Digital Centre"),
        DOICT,
        ("উদ্যোক্তা", "Entrepreneur"),
        Ict,
    ),
    k(
        "hfwc",
        (
            "ইউনিয়ন স্বাস্থ্য ও পরিবার কল্যাণ কেন্দ্র",
            "Union Health and Family Welfare Centre",
        ),
        FP_DEPT,
        (
            "উপ-সহকারী কমিউনিটি মেডিকেল অফিসার",
            "Sub-Assistant Community Medical Officer",
        ),
        Health,
    ),
    k(
        "block",
        ("ইউনিয়ন কৃষি ব্লক অফিস", "Union Agriculture Block Office"),
        AGRI_DEPT,
        ("উপ-সহকারী কৃষি কর্মকর্তা", "Sub-Assistant Agriculture Officer"),
        Agriculture,
    ),
];

/// The national offices: ministries and divisions, their departments.
pub const NATIONAL: &[Kind] = &[
    k(
        "cabinet",
        ("মন্ত্রিপরিষদ বিভাগ", "Cabinet Division"),
        CABINET,
        ("মন্ত্রিপরিষদ সচিব", "Cabinet Secretary"),
        Administration,
    ),
    k("minland", LAND_MIN, LAND_MIN, ("সচিব", "Secretary"), Land),
    k(
        "moa",
        ("কৃষি মন্ত্রণালয়", "Ministry of Agriculture"),
        ("কৃষি মন্ত্রণালয়", "Ministry of Agriculture"),
        ("সচিব", "Secretary"),
        Agriculture,
    ),
    k(
        "mofl",
        (
            "মৎস্য ও প্রাণিসম্পদ মন্ত্রণালয়",
            "Ministry of Fisheries and Livestock",
        ),
        (
            "মৎস্য ও প্রাণিসম্পদ মন্ত্রণালয়",
            "Ministry of Fisheries and Livestock",
        ),
        ("সচিব", "Secretary"),
        Fisheries,
    ),
    k(
        "hsd",
        ("স্বাস্থ্য সেবা বিভাগ", "Health Services Division"),
        HEALTH_DEPT,
        ("সচিব", "Secretary"),
        Health,
    ),
    k(
        "mopme",
        (
            "প্রাথমিক ও গণশিক্ষা মন্ত্রণালয়",
            "Ministry of Primary and Mass Education",
        ),
        PRIMARY,
        ("সচিব", "Secretary"),
        Education,
    ),
    k(
        "msw",
        ("সমাজকল্যাণ মন্ত্রণালয়", "Ministry of Social Welfare"),
        SOCIAL,
        ("সচিব", "Secretary"),
        Welfare,
    ),
    k(
        "ictd",
        (
            "তথ্য ও যোগাযোগ প্রযুক্তি বিভাগ",
            "Information and Communication Technology Division",
        ),
        DOICT,
        ("সচিব", "Secretary"),
        Ict,
    ),
    k("lgd", LOCAL, LOCAL, ("সচিব", "Secretary"), Local),
    k(
        "finance",
        ("অর্থ বিভাগ", "Finance Division"),
        ACCOUNTS,
        ("সিনিয়র সচিব", "Senior Secretary"),
        Finance,
    ),
    k(
        "food",
        ("খাদ্য মন্ত্রণালয়", "Ministry of Food"),
        FOOD,
        ("সচিব", "Secretary"),
        Food,
    ),
    k(
        "modmr",
        (
            "দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয়",
            "Ministry of Disaster Management and Relief",
        ),
        DISASTER,
        ("সচিব", "Secretary"),
        Disaster,
    ),
    k(
        "dae",
        AGRI_DEPT,
        AGRI_DEPT,
        ("মহাপরিচালক", "Director General"),
        Agriculture,
    ),
    k(
        "dls",
        LIVESTOCK_DEPT,
        LIVESTOCK_DEPT,
        ("মহাপরিচালক", "Director General"),
        Livestock,
    ),
    k(
        "dghs",
        HEALTH_DEPT,
        HEALTH_DEPT,
        ("মহাপরিচালক", "Director General"),
        Health,
    ),
    k(
        "dshe",
        SECONDARY,
        SECONDARY,
        ("মহাপরিচালক", "Director General"),
        Education,
    ),
    k(
        "dss",
        SOCIAL,
        SOCIAL,
        ("মহাপরিচালক", "Director General"),
        Welfare,
    ),
    k("doict", DOICT, DOICT, ("মহাপরিচালক", "Director General"), Ict),
    k(
        "lged",
        LGED,
        LGED,
        ("প্রধান প্রকৌশলী", "Chief Engineer"),
        Engineering,
    ),
    k(
        "dphe",
        DPHE,
        DPHE,
        ("প্রধান প্রকৌশলী", "Chief Engineer"),
        Engineering,
    ),
];
