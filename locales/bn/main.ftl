# Interface strings of the charter site, Bangla (default language).
# Every id here must also exist in locales/en/main.ftl (`charter check` and the tests compare them).
# Numbers passed as arguments ($count, $number) arrive already written in Bangla digits.

site-title = সিটিজেন চার্টার
lang-name = বাংলা
skip-to-content = মূল বিষয়বস্তুতে যান
nav-label = প্রধান মেনু
nav-home = প্রথম পাতা
nav-services = সেবাসমূহ
nav-contact = যোগাযোগ
# The language switch on an English page links here: it names Bangla in Bangla
# (`lang-name`, with this title) and is marked lang="bn".
lang-switch-label = এই পাতাটি বাংলায় পড়ুন
header-label = দপ্তরের পরিচিতি

section-vision-mission = ভিশন ও মিশন
vision = ভিশন
mission = মিশন
section-services = প্রতিশ্রুত সেবাসমূহ
group-citizen = নাগরিক সেবা
group-institutional = প্রাতিষ্ঠানিক সেবা
group-internal = অভ্যন্তরীণ সেবা
# A service table's heading, as the national format writes it: "২.১) নাগরিক সেবা".
group-heading = { $section }) { $group }
group-count = { $count }টি সেবা
section-expectations = আপনার কাছে আমাদের প্রত্যাশা
section-grs = অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)
grs-intro = সেবা প্রাপ্তিতে অসন্তুষ্ট হলে দায়িত্বপ্রাপ্ত কর্মকর্তার সঙ্গে যোগাযোগ করুন। তাঁর কাছ থেকে সমাধান পাওয়া না গেলে নিচের পদ্ধতিতে যোগাযোগ করে আপনার সমস্যা অবহিত করুন।

col-serial = ক্রমিক নং
col-name = সেবার নাম
col-delivery = সেবা প্রদান পদ্ধতি
col-documents = প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান
col-fee = সেবার মূল্য ও পরিশোধ পদ্ধতি
col-time = সেবা প্রদানের সময়সীমা
col-officer = দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি, ফোন নম্বর ও ই-মেইল)
col-numbering = কলামের ক্রম
senior-officer = ঊর্ধ্বতন কর্মকর্তা
no-officer = দায়িত্বপ্রাপ্ত কর্মকর্তার নাম এখনো দেওয়া হয়নি।
grs-serial = ক্রমিক নং
grs-when = কখন যোগাযোগ করবেন
grs-contact = কার সঙ্গে যোগাযোগ করবেন
grs-address = যোগাযোগের ঠিকানা
grs-time = নিষ্পত্তির সময়সীমা

officer-phone = ফোন
officer-email = ই-মেইল
officers-title = দায়িত্বপ্রাপ্ত কর্মকর্তা
office-contact = দপ্তরের সঙ্গে যোগাযোগ
website = ওয়েবসাইট

home-title = সিটিজেন চার্টার — { $office }
home-description = সিটিজেন চার্টার — { $office }। ভিশন, মিশন, প্রতিশ্রুত সেবা, প্রয়োজনীয় কাগজপত্র, সেবার মূল্য, সময়সীমা ও দায়িত্বপ্রাপ্ত কর্মকর্তা।
services-title = প্রতিশ্রুত সেবাসমূহ
services-description = সকল সেবার তালিকা — { $office }। সেবা প্রদান পদ্ধতি, কাগজপত্র, মূল্য, সময়সীমা ও দায়িত্বপ্রাপ্ত কর্মকর্তা।
services-print-note = এই তালিকা A4 মাপের কাগজে আড়াআড়িভাবে ছাপার উপযোগী।
service-description = { $service } — সেবা প্রদান পদ্ধতি, প্রয়োজনীয় কাগজপত্র, মূল্য, সময়সীমা ও দায়িত্বপ্রাপ্ত কর্মকর্তা।
service-group-serial = { $group }, ক্রমিক নং { $number }
all-services = সকল সেবা
contact-title = যোগাযোগ
contact-description = দায়িত্বপ্রাপ্ত কর্মকর্তাদের ফোন ও ই-মেইল — { $office }।

search-label = সেবা খুঁজুন
search-button = খুঁজুন
search-title = সেবা অনুসন্ধান
search-description = সেবাসমূহের মধ্যে অনুসন্ধান — { $office }।
search-results = “{ $query }” অনুসন্ধানে { $count }টি সেবা পাওয়া গেছে।
search-all = সকল সেবা ({ $count }টি)
search-none = “{ $query }” অনুসন্ধানে কোনো সেবা পাওয়া যায়নি। অন্য শব্দ লিখে চেষ্টা করুন, অথবা সকল সেবার তালিকা দেখুন।
search-more = শুধু প্রথম { $count }টি দেখানো হলো। অনুসন্ধান আরও নির্দিষ্ট করতে আরেকটি শব্দ লিখুন, অথবা সকল সেবার তালিকা দেখুন।
search-closest = কাছাকাছি নামের সেবা
# The label of an officer's name or designation a search found.
search-field-officer = দায়িত্বপ্রাপ্ত কর্মকর্তা
# In the static copy, which has no search, in place of the search form.
all-services-link = সকল সেবার তালিকা ({ $count }টি)

last-updated = সর্বশেষ হালনাগাদ
bangla-calendar = বঙ্গাব্দ

not-found-title = পাতাটি পাওয়া যায়নি
not-found-body = আপনি যে পাতাটি খুঁজছেন সেটি এই ওয়েবসাইটে নেই। ঠিকানাটি আবার দেখুন, অথবা নিচের কোনো পাতায় যান।
bad-request-title = অনুরোধটি বোঝা যায়নি
bad-request-body = ঠিকানাটিতে এমন কিছু আছে যা এই ওয়েবসাইট বুঝতে পারে না। ঠিকানাটি আবার দেখুন, অথবা নিচের কোনো পাতায় যান।
server-error-title = একটি সমস্যা হয়েছে
server-error-body = ওয়েবসাইটের একটি ত্রুটির কারণে পাতাটি দেখানো যায়নি। কিছুক্ষণ পর আবার চেষ্টা করুন, অথবা নিচের কোনো পাতায় যান।
go-home = প্রথম পাতায় যান

qr-label = এই সেবার পাতার কিউআর কোড
qr-caption = ফোনের ক্যামেরা দিয়ে স্ক্যান করে এই পাতাটি খুলুন

# The directory of every office of a folder of charters, served to any host
# name that is not an office's.
directory-title = সকল কার্যালয়ের সিটিজেন চার্টার
directory-government = গণপ্রজাতন্ত্রী বাংলাদেশ সরকার
# The header's department when the offices do not all name the same one.
directory-department = তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর
directory-description = বিভাগ, জেলা ও উপজেলা অনুসারে { $count }টি কার্যালয়ের সিটিজেন চার্টার: প্রতিটি কার্যালয়ের সেবা, প্রয়োজনীয় কাগজপত্র, সেবার মূল্য ও সময়সীমা।
directory-intro = এখানে { $count }টি কার্যালয়ের সিটিজেন চার্টার আছে, বিভাগ, জেলা ও উপজেলা অনুসারে সাজানো। কার্যালয়ের নামে তার নিজের ওয়েবসাইট খুলবে।
directory-intro-search = সকল কার্যালয়ের সেবা একসঙ্গে খুঁজতে ওপরের অনুসন্ধানের ঘরে সেবার নাম বা তার একটি শব্দ লিখুন।
directory-empty = এখনো কোনো কার্যালয়ের সিটিজেন চার্টার যোগ করা হয়নি।
nav-offices = সকল কার্যালয়
# The label of the list of links to each division's offices.
directory-divisions = বিভাগসমূহ
# Written after a division's or a district's name in its heading: "ময়মনসিংহ বিভাগ".
division-word = বিভাগ
district-word = জেলা
no-division = বিভাগ উল্লেখ নেই
office-count = { $count }টি কার্যালয়
all-offices = সকল কার্যালয়ের তালিকা
# In the static copy, which has no search, in place of the search form.
all-offices-link = সকল কার্যালয়ের তালিকা ({ $count }টি)
directory-search-label = সকল কার্যালয়ের সেবা খুঁজুন
directory-search-title = সকল কার্যালয়ের সেবা অনুসন্ধান
directory-search-description = সকল কার্যালয়ের সেবাসমূহের মধ্যে অনুসন্ধান।
directory-search-results = “{ $query }” অনুসন্ধানে { $offices }টি কার্যালয়ের { $count }টি সেবা পাওয়া গেছে।
directory-search-none = “{ $query }” অনুসন্ধানে কোনো কার্যালয়ের কোনো সেবা পাওয়া যায়নি। অন্য শব্দ লিখে চেষ্টা করুন, অথবা সকল কার্যালয়ের তালিকা দেখুন।
directory-search-empty = সেবার নাম বা তার একটি শব্দ লিখে সকল কার্যালয়ের সেবা খুঁজুন, অথবা সকল কার্যালয়ের তালিকা দেখুন।
directory-search-more = শুধু প্রথম { $count }টি দেখানো হলো। অনুসন্ধান আরও নির্দিষ্ট করতে আরেকটি শব্দ লিখুন।

# প্রতিটি অফিসের পাতার নিচে, মতামতের ফর্মের লিংক।
feedback-link = এই পাতায় কিছু ভুল আছে কি?
