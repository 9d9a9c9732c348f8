//! The words of the generated charters: what services are about, by
//! sector, and the phrases real charters say them with, in Bangla and
//! English; names of people. An office picks its own mix of them, so that
//! charters differ the way real ones do, and share what real ones share.

use crate::kinds::Sector;
use crate::places::Pair;

/// What an upazila office's services are about (the subjects of
/// [`Sector::Administration`], and of a single generated charter).
pub const SUBJECTS: &[Pair] = &[
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

pub const ACTIONS: &[Pair] = &[
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

pub const QUALIFIERS: &[Pair] = &[
    ("", ""),
    ("", ""),
    (" (উপজেলা ও ইউনিয়ন পর্যায়ে)", " (at upazila and union level)"),
    (" (অনলাইনে আবেদনের মাধ্যমে)", " (by online application)"),
    (
        " সংক্রান্ত সকল কার্যক্রম সমন্বয়",
        ": coordination of all related activities",
    ),
];

pub const DELIVERY: &[Pair] = &[
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

pub const DOCUMENTS: &[Pair] = &[
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

pub const FEES: &[Pair] = &[
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

pub const TIME_LIMITS: &[Pair] = &[
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

/// id, name, designation: a single generated charter's officers.
pub const OFFICERS: &[(&str, Pair, Pair)] = &[
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

/// What each sector's offices serve, besides what every office does.
pub fn subjects(sector: Sector) -> &'static [Pair] {
    match sector {
        Sector::Administration => SUBJECTS,
        Sector::Land => &[
            ("নামজারি ও জমাখারিজ", "mutation of land records"),
            ("ভূমি উন্নয়ন কর", "land development tax"),
            (
                "খতিয়ানের সার্টিফাইড কপি",
                "certified copy of the record of rights",
            ),
            ("খাস জমি বন্দোবস্ত", "settlement of government land"),
            ("ভূমি অধিগ্রহণের ক্ষতিপূরণ", "compensation for land acquisition"),
            ("দলিল নিবন্ধন", "registration of deeds"),
            ("জলমহাল ইজারা", "water body lease"),
            ("অর্পিত সম্পত্তি লিজ নবায়ন", "renewal of vested property leases"),
        ],
        Sector::Agriculture => &[
            ("কৃষি প্রণোদনা", "agricultural incentive"),
            ("বীজ ও সার বিতরণ", "seed and fertiliser distribution"),
            ("মাটি পরীক্ষা", "soil testing"),
            ("কৃষক কার্ড", "farmer's card"),
            ("বালাইনাশক লাইসেন্স", "pesticide licence"),
            ("ফসলের রোগবালাই পরামর্শ", "advice on crop diseases"),
            ("কৃষি যন্ত্রপাতিতে ভর্তুকি", "subsidy on farm machinery"),
            ("চারা বিতরণ", "distribution of seedlings"),
        ],
        Sector::Livestock => &[
            ("গবাদিপশুর টিকা", "livestock vaccination"),
            ("পশু চিকিৎসা", "veterinary treatment"),
            ("কৃত্রিম প্রজনন", "artificial insemination"),
            ("খামার নিবন্ধন", "farm registration"),
            ("হাঁস-মুরগির রোগ নির্ণয়", "poultry disease diagnosis"),
            ("পশুখাদ্যের লাইসেন্স", "animal feed licence"),
        ],
        Sector::Fisheries => &[
            ("মৎস্যচাষ প্রশিক্ষণ", "fish farming training"),
            ("পোনা অবমুক্তকরণ", "release of fingerlings"),
            ("জেলে নিবন্ধন", "fishermen's registration"),
            ("মৎস্য খামার নিবন্ধন", "fish farm registration"),
            (
                "মা ইলিশ সংরক্ষণে খাদ্য সহায়তা",
                "food support during the hilsa ban",
            ),
            ("পানির গুণাগুণ পরীক্ষা", "water quality testing"),
        ],
        Sector::Health => &[
            ("বহির্বিভাগে চিকিৎসা", "outpatient treatment"),
            ("জরুরি চিকিৎসা", "emergency treatment"),
            ("টিকাদান কর্মসূচি", "immunisation"),
            ("মাতৃস্বাস্থ্য সেবা", "maternal health care"),
            ("পরিবার পরিকল্পনা পদ্ধতি", "family planning methods"),
            ("বিনামূল্যে ওষুধ", "free medicines"),
            ("স্বাস্থ্য সনদ", "health certificate"),
            ("রোগ নির্ণয় পরীক্ষা", "diagnostic tests"),
        ],
        Sector::Education => &[
            ("শিক্ষা উপবৃত্তি", "education stipend"),
            ("পাঠ্যপুস্তক বিতরণ", "distribution of textbooks"),
            ("শিক্ষক বদলি", "transfer of teachers"),
            ("বিদ্যালয় পরিদর্শন", "school inspection"),
            ("সনদের সত্যায়ন", "attestation of certificates"),
            ("ভর্তি", "admission"),
            ("এমপিও", "monthly pay order"),
        ],
        Sector::Welfare => &[
            ("বয়স্ক ভাতা", "old-age allowance"),
            (
                "বিধবা ও স্বামী নিগৃহীতা ভাতা",
                "allowance for widowed and deserted women",
            ),
            ("প্রতিবন্ধী ভাতা", "disability allowance"),
            ("মাতৃত্বকালীন ভাতা", "maternity allowance"),
            ("ভিজিডি কার্ড", "VGD card"),
            ("ক্ষুদ্রঋণ", "microcredit"),
            ("যুব প্রশিক্ষণ", "youth training"),
            ("সুবর্ণ নাগরিক কার্ড", "Subarna citizen card"),
        ],
        Sector::Ict => &[
            ("ডিজিটাল সেন্টার", "digital centre"),
            ("ই-নথি হিসাব", "e-Nothi account"),
            ("সরকারি ই-মেইল ঠিকানা", "government e-mail address"),
            ("ওয়েব পোর্টাল", "web portal"),
            ("ভিডিও কনফারেন্স", "video conference"),
            ("আইসিটি যন্ত্রপাতি মেরামত", "repair of ICT equipment"),
            ("ইন্টারনেট সংযোগ", "Internet connection"),
            ("অনলাইনে জন্ম নিবন্ধন", "online birth registration"),
        ],
        Sector::Engineering => &[
            ("নলকূপ স্থাপন", "tube-well installation"),
            ("স্যানিটারি ল্যাট্রিন", "sanitary latrines"),
            ("গ্রামীণ সড়ক মেরামত", "repair of rural roads"),
            ("ঠিকাদার তালিকাভুক্তি", "enlistment of contractors"),
            ("দরপত্র", "tenders"),
            ("সেতু ও কালভার্ট নির্মাণ", "bridges and culverts"),
        ],
        Sector::Finance => &[
            ("বেতন ও ভাতার বিল", "pay and allowance bills"),
            ("পেনশন", "pension"),
            ("ভবিষ্য তহবিল অগ্রিম", "provident fund advance"),
            ("সমবায় সমিতি নিবন্ধন", "registration of cooperative societies"),
            ("আয়কর রিটার্ন", "income tax return"),
            ("কৃষি ঋণ", "agricultural loan"),
        ],
        Sector::Food => &[
            ("খাদ্যবান্ধব কর্মসূচি", "food-friendly programme"),
            ("ওএমএস ডিলার নিয়োগ", "appointment of OMS dealers"),
            ("ধান ও চাল সংগ্রহ", "procurement of paddy and rice"),
            ("খাদ্য গুদামের লাইসেন্স", "food storage licence"),
        ],
        Sector::Disaster => &[
            ("দুর্যোগ ত্রাণ", "disaster relief"),
            ("টিআর ও কাবিখা প্রকল্প", "TR and food-for-work projects"),
            ("গৃহহীনদের জন্য ঘর", "housing for the homeless"),
            ("অগ্নি নির্বাপণ মহড়া", "fire drills"),
            ("ঘূর্ণিঝড় আশ্রয়কেন্দ্র", "cyclone shelters"),
        ],
        Sector::Local => &[
            ("জন্ম নিবন্ধন সনদ", "birth registration certificate"),
            ("মৃত্যু নিবন্ধন সনদ", "death registration certificate"),
            ("ট্রেড লাইসেন্স", "trade licence"),
            ("নাগরিকত্ব সনদ", "citizenship certificate"),
            ("ওয়ারিশ সনদ", "heirship certificate"),
            ("হাট-বাজার ইজারা", "market lease"),
            ("গ্রাম আদালত", "village court"),
            ("হোল্ডিং ট্যাক্স", "holding tax"),
        ],
    }
}

/// What every office does besides its sector's work.
pub const COMMON: &[Pair] = &[
    ("তথ্য অধিকার আবেদন", "right to information request"),
    ("অভিযোগ প্রতিকার", "grievance redress"),
    ("কর্মকর্তা-কর্মচারীদের ছুটি", "leave of officers and staff"),
    ("বার্ষিক গোপনীয় অনুবেদন", "annual confidential report"),
    ("দাপ্তরিক তথ্য প্রদান", "office information"),
];

/// First names, Bangla and English, men's (a person's title goes
/// before: জনাব).
pub const MEN: &[Pair] = &[
    ("মোঃ রফিকুল", "Md. Rafiqul"),
    ("মোঃ আশিকুল", "Md. Ashikul"),
    ("তানভীর", "Tanvir"),
    ("কামরুল", "Kamrul"),
    ("আব্দুল", "Abdul"),
    ("মোঃ শহিদুল", "Md. Shahidul"),
    ("জাহিদ", "Zahid"),
    ("মোস্তফা", "Mostafa"),
    ("আরিফ", "Arif"),
    ("মিজানুর", "Mizanur"),
    ("হাবিবুর", "Habibur"),
    ("সুব্রত", "Subrata"),
];

/// Women's first names (জনাবা).
pub const WOMEN: &[Pair] = &[
    ("সাবরিনা", "Sabrina"),
    ("নাসরিন", "Nasrin"),
    ("মাহমুদা", "Mahmuda"),
    ("ফারহানা", "Farhana"),
    ("রুবিনা", "Rubina"),
    ("শামীমা", "Shamima"),
    ("নুসরাত", "Nusrat"),
    ("সুমাইয়া", "Sumaiya"),
    ("দিলরুবা", "Dilruba"),
    ("তাহমিনা", "Tahmina"),
];

/// Family names, anyone's.
pub const FAMILY: &[Pair] = &[
    ("ইসলাম", "Islam"),
    ("আহমেদ", "Ahmed"),
    ("হাসান", "Hasan"),
    ("করিম", "Karim"),
    ("রহমান", "Rahman"),
    ("চৌধুরী", "Chowdhury"),
    ("হোসেন", "Hossain"),
    ("সরকার", "Sarkar"),
    ("দাস", "Das"),
    ("মিয়া", "Mia"),
    ("আলম", "Alam"),
    ("পাল", "Paul"),
];

/// The titles of the officers under an office's head.
pub const STAFF: &[(&str, Pair)] = &[
    ("deputy", ("উপ-পরিচালক", "Deputy Director")),
    ("assistant", ("সহকারী কর্মকর্তা", "Assistant Officer")),
    ("field", ("মাঠ কর্মকর্তা", "Field Officer")),
    ("accountant", ("হিসাবরক্ষক", "Accountant")),
    (
        "clerk",
        (
            "অফিস সহকারী কাম কম্পিউটার মুদ্রাক্ষরিক",
            "Office Assistant cum Computer Typist",
        ),
    ),
    ("programmer", ("সহকারী প্রোগ্রামার", "Assistant Programmer")),
    ("inspector", ("পরিদর্শক", "Inspector")),
];
