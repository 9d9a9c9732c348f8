//! Where the generated offices are: Bangladesh's 64 districts, and names
//! of upazilas given to them in turn, for a folder of offices with names,
//! websites and file names of the real kind.

/// A name in both languages.
pub type Pair = (&'static str, &'static str);

/// The eight divisions, each with how many of the districts below (in
/// their order) it has.
pub const DIVISIONS: &[(Pair, usize)] = &[
    (("ঢাকা", "Dhaka"), 13),
    (("ময়মনসিংহ", "Mymensingh"), 4),
    (("চট্টগ্রাম", "Chattogram"), 11),
    (("রাজশাহী", "Rajshahi"), 8),
    (("খুলনা", "Khulna"), 10),
    (("বরিশাল", "Barishal"), 6),
    (("সিলেট", "Sylhet"), 4),
    (("রংপুর", "Rangpur"), 8),
];

/// The 64 districts, Bangla and English, division by division.
pub const DISTRICTS: &[Pair] = &[
    ("ঢাকা", "Dhaka"),
    ("গাজীপুর", "Gazipur"),
    ("নারায়ণগঞ্জ", "Narayanganj"),
    ("নরসিংদী", "Narsingdi"),
    ("মানিকগঞ্জ", "Manikganj"),
    ("মুন্সীগঞ্জ", "Munshiganj"),
    ("টাঙ্গাইল", "Tangail"),
    ("কিশোরগঞ্জ", "Kishoreganj"),
    ("ফরিদপুর", "Faridpur"),
    ("গোপালগঞ্জ", "Gopalganj"),
    ("মাদারীপুর", "Madaripur"),
    ("রাজবাড়ী", "Rajbari"),
    ("শরীয়তপুর", "Shariatpur"),
    ("ময়মনসিংহ", "Mymensingh"),
    ("জামালপুর", "Jamalpur"),
    ("নেত্রকোণা", "Netrokona"),
    ("শেরপুর", "Sherpur"),
    ("চট্টগ্রাম", "Chattogram"),
    ("কক্সবাজার", "Cox's Bazar"),
    ("কুমিল্লা", "Cumilla"),
    ("ফেনী", "Feni"),
    ("নোয়াখালী", "Noakhali"),
    ("লক্ষ্মীপুর", "Lakshmipur"),
    ("চাঁদপুর", "Chandpur"),
    ("ব্রাহ্মণবাড়িয়া", "Brahmanbaria"),
    ("রাঙ্গামাটি", "Rangamati"),
    ("খাগড়াছড়ি", "Khagrachhari"),
    ("বান্দরবান", "Bandarban"),
    ("রাজশাহী", "Rajshahi"),
    ("নাটোর", "Natore"),
    ("নওগাঁ", "Naogaon"),
    ("চাঁপাইনবাবগঞ্জ", "Chapainawabganj"),
    ("পাবনা", "Pabna"),
    ("সিরাজগঞ্জ", "Sirajganj"),
    ("বগুড়া", "Bogura"),
    ("জয়পুরহাট", "Joypurhat"),
    ("খুলনা", "Khulna"),
    ("বাগেরহাট", "Bagerhat"),
    ("সাতক্ষীরা", "Satkhira"),
    ("যশোর", "Jashore"),
    ("ঝিনাইদহ", "Jhenaidah"),
    ("মাগুরা", "Magura"),
    ("নড়াইল", "Narail"),
    ("কুষ্টিয়া", "Kushtia"),
    ("চুয়াডাঙ্গা", "Chuadanga"),
    ("মেহেরপুর", "Meherpur"),
    ("বরিশাল", "Barishal"),
    ("ভোলা", "Bhola"),
    ("পটুয়াখালী", "Patuakhali"),
    ("পিরোজপুর", "Pirojpur"),
    ("ঝালকাঠি", "Jhalokati"),
    ("বরগুনা", "Barguna"),
    ("সিলেট", "Sylhet"),
    ("মৌলভীবাজার", "Moulvibazar"),
    ("হবিগঞ্জ", "Habiganj"),
    ("সুনামগঞ্জ", "Sunamganj"),
    ("রংপুর", "Rangpur"),
    ("দিনাজপুর", "Dinajpur"),
    ("ঠাকুরগাঁও", "Thakurgaon"),
    ("পঞ্চগড়", "Panchagarh"),
    ("নীলফামারী", "Nilphamari"),
    ("লালমনিরহাট", "Lalmonirhat"),
    ("কুড়িগ্রাম", "Kurigram"),
    ("গাইবান্ধা", "Gaibandha"),
];

/// Upazila names, given to the districts in turn (the generated offices
/// are not real ones, only named like them).
pub const UPAZILAS: &[Pair] = &[
    ("হালুয়াঘাট", "Haluaghat"),
    ("ফুলপুর", "Phulpur"),
    ("গৌরীপুর", "Gouripur"),
    ("ত্রিশাল", "Trishal"),
    ("ভালুকা", "Bhaluka"),
    ("মুক্তাগাছা", "Muktagachha"),
    ("ফুলবাড়িয়া", "Fulbaria"),
    ("গফরগাঁও", "Gaffargaon"),
    ("নান্দাইল", "Nandail"),
    ("ঈশ্বরগঞ্জ", "Ishwarganj"),
    ("ধোবাউড়া", "Dhobaura"),
    ("সাভার", "Savar"),
    ("ধামরাই", "Dhamrai"),
    ("কেরানীগঞ্জ", "Keraniganj"),
    ("দোহার", "Dohar"),
    ("কালিয়াকৈর", "Kaliakair"),
    ("কাপাসিয়া", "Kapasia"),
    ("শ্রীপুর", "Sreepur"),
    ("রূপগঞ্জ", "Rupganj"),
    ("সোনারগাঁও", "Sonargaon"),
    ("আড়াইহাজার", "Araihazar"),
    ("বেলাব", "Belabo"),
    ("মনোহরদী", "Monohardi"),
    ("রায়পুরা", "Raipura"),
    ("শিবপুর", "Shibpur"),
];

/// The office's place: upazila, district, and the name of its file and
/// host (`haluaghat-mymensingh`, `doict.haluaghat.mymensingh.gov.bd`).
pub struct Place {
    pub upazila: Pair,
    pub district: Pair,
    pub division: Pair,
}

impl Place {
    /// The `i`th office's place: each district in turn, then the next
    /// upazila name (64 x 25 = 1,600 different places).
    pub fn nth(i: usize) -> Place {
        let district = i % DISTRICTS.len();
        let mut first = 0;
        let division = DIVISIONS
            .iter()
            .find(|(_, count)| {
                first += count;
                district < first
            })
            .expect("the divisions have every district")
            .0;
        Place {
            district: DISTRICTS[district],
            upazila: UPAZILAS[(i / DISTRICTS.len()) % UPAZILAS.len()],
            division,
        }
    }

    fn ascii(name: &str) -> String {
        name.chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase()
    }

    /// The file's name without `.toml`: the office's id.
    pub fn id(&self) -> String {
        format!(
            "{}-{}",
            Self::ascii(self.upazila.1),
            Self::ascii(self.district.1)
        )
    }

    /// The host name part: `haluaghat.mymensingh`.
    pub fn host(&self) -> String {
        format!(
            "{}.{}",
            Self::ascii(self.upazila.1),
            Self::ascii(self.district.1)
        )
    }
}
