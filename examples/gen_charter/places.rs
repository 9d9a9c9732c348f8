//! Where the generated offices are: Bangladesh's 64 districts, and names
//! of upazilas given to them in turn, for a folder of offices with names,
//! websites and file names of the real kind.

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

/// The office's place: upazila, district, division, and the name of its
/// file and host (`haluaghat-mymensingh`, `doict.haluaghat.mymensingh.gov.bd`).
pub struct Place {
    pub upazila: Pair,
    pub district: Pair,
    pub division: Pair,
}

impl Place {
    /// The `i`th office's place: each district in turn, then the next
    /// upazila name (64 x 25 = 1,600 different places).
    pub fn nth(i: usize) -> Place {
        let (district, division) = DISTRICTS[i % DISTRICTS.len()];
        Place {
            district,
            division,
            upazila: UPAZILAS[(i / DISTRICTS.len()) % UPAZILAS.len()],
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
