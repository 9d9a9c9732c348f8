//! Where the generated offices are: Bangladesh's 8 divisions and 64
//! districts, and in them upazilas (495 in all, as the country has) and
//! their unions (4,706), named like real ones from Bangla parts of
//! names (the generated places are not real ones: a name may come again
//! in another district, as real names do).

/// A name in both languages.
pub type Pair = (&'static str, &'static str);

// The eight divisions.
const DHAKA: Pair = ("ঢাকা", "Dhaka");
const CHATTOGRAM: Pair = ("চট্টগ্রাম", "Chattogram");
const RAJSHAHI: Pair = ("রাজশাহী", "Rajshahi");
const KHULNA: Pair = ("খুলনা", "Khulna");
const BARISHAL: Pair = ("বরিশাল", "Barishal");
const SYLHET: Pair = ("সিলেট", "Sylhet");
const RANGPUR: Pair = ("রংপুর", "Rangpur");
const MYMENSINGH: Pair = ("ময়মনসিংহ", "Mymensingh");

/// The eight divisions.
pub const DIVISIONS: [Pair; 8] = [
    DHAKA, CHATTOGRAM, RAJSHAHI, KHULNA, BARISHAL, SYLHET, RANGPUR, MYMENSINGH,
];

/// The 64 districts, Bangla and English, each with its division.
pub const DISTRICTS: &[(Pair, Pair)] = &[
    (("ঢাকা", "Dhaka"), DHAKA),
    (("গাজীপুর", "Gazipur"), DHAKA),
    (("নারায়ণগঞ্জ", "Narayanganj"), DHAKA),
    (("নরসিংদী", "Narsingdi"), DHAKA),
    (("মানিকগঞ্জ", "Manikganj"), DHAKA),
    (("মুন্সীগঞ্জ", "Munshiganj"), DHAKA),
    (("টাঙ্গাইল", "Tangail"), DHAKA),
    (("কিশোরগঞ্জ", "Kishoreganj"), DHAKA),
    (("ফরিদপুর", "Faridpur"), DHAKA),
    (("গোপালগঞ্জ", "Gopalganj"), DHAKA),
    (("মাদারীপুর", "Madaripur"), DHAKA),
    (("রাজবাড়ী", "Rajbari"), DHAKA),
    (("শরীয়তপুর", "Shariatpur"), DHAKA),
    (("ময়মনসিংহ", "Mymensingh"), MYMENSINGH),
    (("জামালপুর", "Jamalpur"), MYMENSINGH),
    (("নেত্রকোণা", "Netrokona"), MYMENSINGH),
    (("শেরপুর", "Sherpur"), MYMENSINGH),
    (("চট্টগ্রাম", "Chattogram"), CHATTOGRAM),
    (("কক্সবাজার", "Cox's Bazar"), CHATTOGRAM),
    (("কুমিল্লা", "Cumilla"), CHATTOGRAM),
    (("ফেনী", "Feni"), CHATTOGRAM),
    (("নোয়াখালী", "Noakhali"), CHATTOGRAM),
    (("লক্ষ্মীপুর", "Lakshmipur"), CHATTOGRAM),
    (("চাঁদপুর", "Chandpur"), CHATTOGRAM),
    (("ব্রাহ্মণবাড়িয়া", "Brahmanbaria"), CHATTOGRAM),
    (("রাঙ্গামাটি", "Rangamati"), CHATTOGRAM),
    (("খাগড়াছড়ি", "Khagrachhari"), CHATTOGRAM),
    (("বান্দরবান", "Bandarban"), CHATTOGRAM),
    (("রাজশাহী", "Rajshahi"), RAJSHAHI),
    (("নাটোর", "Natore"), RAJSHAHI),
    (("নওগাঁ", "Naogaon"), RAJSHAHI),
    (("চাঁপাইনবাবগঞ্জ", "Chapainawabganj"), RAJSHAHI),
    (("পাবনা", "Pabna"), RAJSHAHI),
    (("সিরাজগঞ্জ", "Sirajganj"), RAJSHAHI),
    (("বগুড়া", "Bogura"), RAJSHAHI),
    (("জয়পুরহাট", "Joypurhat"), RAJSHAHI),
    (("খুলনা", "Khulna"), KHULNA),
    (("বাগেরহাট", "Bagerhat"), KHULNA),
    (("সাতক্ষীরা", "Satkhira"), KHULNA),
    (("যশোর", "Jashore"), KHULNA),
    (("ঝিনাইদহ", "Jhenaidah"), KHULNA),
    (("মাগুরা", "Magura"), KHULNA),
    (("নড়াইল", "Narail"), KHULNA),
    (("কুষ্টিয়া", "Kushtia"), KHULNA),
    (("চুয়াডাঙ্গা", "Chuadanga"), KHULNA),
    (("মেহেরপুর", "Meherpur"), KHULNA),
    (("বরিশাল", "Barishal"), BARISHAL),
    (("ভোলা", "Bhola"), BARISHAL),
    (("পটুয়াখালী", "Patuakhali"), BARISHAL),
    (("পিরোজপুর", "Pirojpur"), BARISHAL),
    (("ঝালকাঠি", "Jhalokati"), BARISHAL),
    (("বরগুনা", "Barguna"), BARISHAL),
    (("সিলেট", "Sylhet"), SYLHET),
    (("মৌলভীবাজার", "Moulvibazar"), SYLHET),
    (("হবিগঞ্জ", "Habiganj"), SYLHET),
    (("সুনামগঞ্জ", "Sunamganj"), SYLHET),
    (("রংপুর", "Rangpur"), RANGPUR),
    (("দিনাজপুর", "Dinajpur"), RANGPUR),
    (("ঠাকুরগাঁও", "Thakurgaon"), RANGPUR),
    (("পঞ্চগড়", "Panchagarh"), RANGPUR),
    (("নীলফামারী", "Nilphamari"), RANGPUR),
    (("লালমনিরহাট", "Lalmonirhat"), RANGPUR),
    (("কুড়িগ্রাম", "Kurigram"), RANGPUR),
    (("গাইবান্ধা", "Gaibandha"), RANGPUR),
];

/// How many upazilas the country has, spread over its districts.
const UPAZILAS_IN_ALL: usize = 495;

/// The first parts of place names, as Bangla names of places begin.
const FIRST: &[Pair] = &[
    ("কালী", "Kali"),
    ("শ্রী", "Sri"),
    ("রাম", "Ram"),
    ("গোবিন্দ", "Gobinda"),
    ("চাঁদ", "Chand"),
    ("সোনা", "Sona"),
    ("রূপ", "Rup"),
    ("মধু", "Madhu"),
    ("হরি", "Hari"),
    ("দেব", "Deb"),
    ("শিব", "Shib"),
    ("বাসু", "Basu"),
    ("ফকির", "Fakir"),
    ("পাথর", "Pathar"),
    ("বালু", "Balu"),
    ("আলম", "Alam"),
    ("জামাল", "Jamal"),
    ("কমল", "Kamal"),
    ("নবী", "Nabi"),
    ("মীর", "Mir"),
    ("লাল", "Lal"),
    ("ধোপা", "Dhopa"),
    ("বড়", "Bara"),
    ("ছোট", "Chhota"),
    ("নয়া", "Naya"),
    ("পুরান", "Puran"),
    ("হাজী", "Haji"),
    ("ভবানী", "Bhabani"),
    ("গোপাল", "Gopal"),
    ("মোহন", "Mohan"),
];

/// The last parts of place names.
const LAST: &[Pair] = &[
    ("পুর", "pur"),
    ("গঞ্জ", "ganj"),
    ("নগর", "nagar"),
    ("হাট", "hat"),
    ("বাড়ী", "bari"),
    ("ঘাট", "ghat"),
    ("কান্দি", "kandi"),
    ("দিয়া", "dia"),
    ("খালী", "khali"),
    ("তলা", "tala"),
    ("চর", "char"),
    ("গাঁও", "gaon"),
    ("পাড়া", "para"),
    ("ডাঙ্গা", "danga"),
    ("বাগ", "bag"),
    ("কুড়ি", "kuri"),
];

/// A place's name, both languages, made from part `first` and part `last`.
fn name(first: usize, last: usize) -> (String, String) {
    let (a, b) = (FIRST[first % FIRST.len()], LAST[last % LAST.len()]);
    (format!("{}{}", a.0, b.0), format!("{}{}", a.1, b.1))
}

/// An upazila and its unions.
#[derive(Debug, Clone)]
pub struct Upazila {
    pub name: (String, String),
    pub unions: Vec<(String, String)>,
}

/// A district of the country, with its upazilas.
#[derive(Debug, Clone)]
pub struct District {
    pub name: Pair,
    pub division: Pair,
    pub upazilas: Vec<Upazila>,
}

/// The country as the generator lays it out: every district, with 7 or
/// 8 upazilas (495 in all) of 6 to 13 unions each, named distinctly
/// within their district and upazila.
pub fn country() -> Vec<District> {
    let extra = UPAZILAS_IN_ALL - 7 * DISTRICTS.len();
    DISTRICTS
        .iter()
        .enumerate()
        .map(|(d, &(name, division))| {
            // Spread the eighth upazilas over the districts.
            let count = 7 + usize::from((d * 37) % DISTRICTS.len() < extra);
            let upazilas = (0..count)
                .map(|u| {
                    let upazila = name_in(d * 11 + u * 7, d * 5 + u * 3, u);
                    let unions = 6 + (d * 7 + u * 5) % 8;
                    let unions = (0..unions)
                        .map(|n| name_in(d + u * 13 + n * 3, u * 7 + n * 5 + 1, n))
                        .collect();
                    Upazila {
                        name: upazila,
                        unions,
                    }
                })
                .collect();
            District {
                name,
                division,
                upazilas,
            }
        })
        .collect()
}

/// The `k`th name of a list (of upazilas in a district, or unions in an
/// upazila): parts chosen from `first` and `last`, a different first part
/// for each, so that no two in one list are the same.
fn name_in(first: usize, last: usize, k: usize) -> (String, String) {
    name(first + k, last)
}

/// The ASCII of a name, for ids and host names: `Cox's Bazar` ->
/// `coxsbazar`.
pub fn ascii(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase()
}
