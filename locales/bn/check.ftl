# What `charter check` says about a charter file, Bangla (the default).
# Every id here must also exist in locales/en/check.ftl (the tests compare
# them). Written for an office clerk who edits the file in Notepad: plain
# words, the polite form, one word for one thing:
#   error ত্রুটি, warning সতর্কতা, hint পরামর্শ, example উদাহরণ,
#   line লাইন ("২৩ নম্বর লাইন"), column "অক্ষর" (the Nth character of a line),
#   text (a value in quotes) লেখা, quote উদ্ধৃতিচিহ্ন (straight: সোজা, curly:
#   বাঁকা), key নাম, value মান, list তালিকা, heading শিরোনাম, section অংশ,
#   [ ] তৃতীয় বন্ধনী / বন্ধনী, { } দ্বিতীয় বন্ধনী, serial ক্রমিক নম্বর,
#   alias বিকল্প ঠিকানা; the terms of the pages (সেবা, কর্মকর্তা, দায়িত্বপ্রাপ্ত
#   কর্মকর্তা, ঊর্ধ্বতন কর্মকর্তা, অভিযোগ প্রতিকার) as locales/bn/main.ftl has them.
# Keys, values, headings, file names and examples stay as the file writes
# them. Numbers ($line, $count, …) arrive already written in Bangla digits.

## The words of a report
check-error = ত্রুটি
check-warning = সতর্কতা
check-hint = পরামর্শ
check-example = উদাহরণ

## The file's bytes (decode.rs)
check-save-as-utf8 = ফাইলটি Notepad-এ খুলুন, File > Save As বেছে নিন, Encoding-এ UTF-8 দিন, তারপর সংরক্ষণ করুন
check-utf16 = ফাইলটি UTF-16 ("Unicode") হিসেবে সংরক্ষিত হয়েছে, যা ওয়েবসাইট পড়তে পারে না
check-ansi = ফাইলটি "ANSI" হিসেবে সংরক্ষিত হয়েছে, যাতে বাংলা অক্ষর থাকে না: সেগুলো ??? হয়ে গেছে
check-ansi-hint = আবার সংরক্ষণ করলেও সেগুলো ফিরে আসবে না: charter restore দিয়ে সর্বশেষ সঠিক সংস্করণটি ফিরিয়ে আনুন (সংস্করণগুলো দেখায় charter history), অথবা লেখাগুলো আবার টাইপ করুন, তারপর UTF-8 হিসেবে সংরক্ষণ করুন
check-not-utf8 = { $line } নম্বর লাইনের { $column } নম্বর অক্ষরটি UTF-8 হিসেবে সংরক্ষিত নয়

## Texts (validate.rs); $name is the name of a text (check-text-*)
check-stand-in-text = { $name }: আসল লেখার বদলে এখনো { $stand-in } রয়ে গেছে
check-stand-in-text-hint = উদ্ধৃতিচিহ্নের মাঝে আসল লেখাটি লিখুন
check-question-marks = { $name }: বাংলা লেখায় শুধু প্রশ্নবোধক চিহ্ন (?) আছে
check-question-marks-hint = ফাইলটি এমনভাবে সংরক্ষিত হয়েছিল যাতে বাংলা অক্ষর থাকে না (Notepad-এর "ANSI"): charter restore দিয়ে সর্বশেষ সঠিক সংস্করণটি ফিরিয়ে আনুন, অথবা লেখাটি আবার টাইপ করুন, তারপর UTF-8 হিসেবে সংরক্ষণ করুন
check-empty-bangla = { $name }: বাংলা লেখাটি খালি
check-empty-bangla-hint = উদ্ধৃতিচিহ্নের মাঝে লেখাটি লিখুন: bn = "…"
check-tab = { $name }: লেখার ভেতরে একটি ট্যাব আছে
check-tab-hint = পাতায় ট্যাব একটি স্পেসের মতো দেখায়; ট্যাবের বদলে স্পেস দিন
check-empty-english = { $name }: ইংরেজি লেখাটি খালি
check-empty-english-hint = ইংরেজি অনুবাদটি লিখুন, অথবা `en = ""` মুছে দিন: তখন ইংরেজি পাতায় বাংলা লেখাটিই দেখাবে
check-no-english = { $name }: ইংরেজি লেখা নেই
check-no-english-hint = বাংলা লেখার পরে en = "…" যোগ করুন; ততদিন ইংরেজি পাতায় এটি বাংলায় দেখাবে

## Officers and services (validate.rs)
check-officer-id-not-simple = কর্মকর্তার আইডি "{ $id }" সাধারণ নাম নয়
check-officer-id-not-simple-hint = শুধু ইংরেজি ছোট হাতের অক্ষর, অঙ্ক ও হাইফেন (-) ব্যবহার করুন, যেমন assistant-programmer
check-officer-id-twice = কর্মকর্তার আইডি "{ $id }" দুইবার ব্যবহার করা হয়েছে
check-officer-id-twice-hint = প্রত্যেক কর্মকর্তাকে আলাদা আইডি দিন; প্রথম "{ $id }" আছে { $line } নম্বর লাইনে
check-slug-not-simple = সেবার slug "{ $slug }" সাধারণ নাম নয়
check-slug-not-simple-hint = শুধু ইংরেজি ছোট হাতের অক্ষর, অঙ্ক ও হাইফেন (-) ব্যবহার করুন, যেমন ict-training
check-slug-twice = সেবার slug "{ $slug }" দুইবার ব্যবহার করা হয়েছে
check-slug-twice-hint = slug হলো সেবার ওয়েব ঠিকানা, তাই প্রত্যেক সেবার আলাদা slug লাগবে; প্রথম "{ $slug }" আছে { $line } নম্বর লাইনে
# $field is officer or senior_officer.
check-unknown-officer = { $field ->
        [senior_officer] ঊর্ধ্বতন কর্মকর্তার
       *[officer] কর্মকর্তার
    } আইডি "{ $id }" অজানা
check-no-officers = এই আইডি দিয়ে একটি [[officers]] অংশ যোগ করুন
check-known-officers = ফাইলে যেসব কর্মকর্তার আইডি আছে: { $ids }
check-no-officer = { $slug } সেবার কোনো দায়িত্বপ্রাপ্ত কর্মকর্তা নেই
check-no-officer-hint = officer = "<কর্মকর্তার আইডি>" যোগ করুন, যাতে নাগরিকেরা জানেন কার সঙ্গে যোগাযোগ করবেন
check-officer-id-misspelt = কোনো সেবায় কর্মকর্তার আইডি "{ $id }" নেই, অথচ { $count }টি সেবায় আছে "{ $named }"
check-officer-id-misspelt-hint = আইডিটির বানান এখানে ভুল হয়ে থাকলে এখানেই একবার ঠিক করুন

## Dates (validate.rs, shape.rs)
check-not-a-date = { $date } কোনো সঠিক তারিখ নয়
check-date-with-time = last_updated-এ শুধু তারিখ থাকবে, সময় নয়
check-date-with-time-hint = বছর-মাস-দিন আকারে লিখুন
check-date-in-future = last_updated-এর তারিখ { $date } ভবিষ্যতের একটি তারিখ
check-date-in-future-hint = চার্টারটি যেদিন আসলে বদলানো হয়েছে, সেই তারিখ লিখুন
check-no-month = { $month } নম্বর মাস বলে কিছু নেই: মাস ১ থেকে ১২
# "২০২৬ সালের নভেম্বর মাসে ৩০ দিন".
check-month-days = { $year } সালের { $month } মাসে { $days } দিন
check-month = { $month ->
        [january] জানুয়ারি
        [february] ফেব্রুয়ারি
        [march] মার্চ
        [april] এপ্রিল
        [may] মে
        [june] জুন
        [july] জুলাই
        [august] আগস্ট
        [september] সেপ্টেম্বর
        [october] অক্টোবর
        [november] নভেম্বর
       *[december] ডিসেম্বর
    }

## Serial numbers (serials.rs); $group is a check-group
# The group's table, as the next word needs it: "নাগরিক সেবার তালিকায়".
check-group = { $group ->
        [citizen] নাগরিক সেবার
        [institutional] প্রাতিষ্ঠানিক সেবার
       *[internal] অভ্যন্তরীণ সেবার
    }
check-serial-zero = ক্রমিক নম্বর ০ হতে পারে না
check-serial-zero-hint = ক্রমিক নম্বর শুরু হয় ১ থেকে
check-serial-twice = { $group } তালিকায় ক্রমিক নম্বর { $serial } দুইবার ব্যবহার করা হয়েছে
check-serial-twice-hint = প্রতিটি শ্রেণির সেবাগুলোর ক্রমিক নম্বর দিন ১, ২, ৩, …; প্রথম { $serial } আছে { $line } নম্বর লাইনে
# A number skipped: $from to $to are missing ($missing: one or more),
# $serial comes after $before.
check-serial-missing = { $group } তালিকায় ক্রমিক নম্বর { $before }-এর পরেই { $serial }: { $missing ->
        [one] { $from } নেই
       *[more] { $from } থেকে { $to } পর্যন্ত নেই
    }
check-serial-first-missing = { $group } তালিকা শুরু হয়েছে ক্রমিক নম্বর { $serial } দিয়ে: { $missing ->
        [one] { $from } নেই
       *[more] { $from } থেকে { $to } পর্যন্ত নেই
    }
check-serial-missing-hint = কোনো সেবা ইচ্ছা করে বাদ দিয়ে থাকলে পরের সেবাগুলোর ক্রমিক নম্বর নতুন করে দিন, যাতে কোনো নম্বর বাদ না পড়ে; ভুল করে মুছে গিয়ে থাকলে সেবাটি ফিরিয়ে আনুন
check-grievance-serial = অভিযোগ প্রতিকারের ক্রমিক নম্বর { $serial } দেওয়া যাবে না: নম্বরটি ০, অথবা আগেই ব্যবহার করা হয়েছে
check-grievance-serial-hint = অভিযোগ প্রতিকারের ধাপগুলোর ক্রমিক নম্বর দিন ১, ২, ৩, …

## Addresses, phone numbers, e-mail (contacts.rs)
# $problem: name (not a web address), ip, localhost.
check-website = ওয়েবসাইট "{ $website }" { $problem ->
        [ip] একটি IP ঠিকানা, নাম নয়
        [localhost] এই কম্পিউটারের নিজের নাম
       *[name] কোনো ওয়েব ঠিকানা নয়
    }
check-website-hint = { $problem ->
        [ip] ওয়েবে দপ্তরের নামটি লিখুন, যা মানুষ টাইপ করে এবং DNS যাকে ঠিকানায় রূপ দেয়
        [localhost] ওয়েবে দপ্তরের নামটি লিখুন, যা টাইপ করে মানুষ ওয়েবসাইটে আসে
       *[name] শুধু ঠিকানাটুকু লিখুন: https:// আর / দিয়ে শুরু হওয়া পরের অংশ বাদ দিন
    }
check-aliases-too-many = বিকল্প ঠিকানা { $count }টি: একটি ওয়েবসাইটের অন্য নাম থাকতে পারে সর্বোচ্চ { $max }টি
check-aliases-too-many-hint = মানুষ আসলে যেসব নাম ব্যবহার করে সেগুলো রাখুন, আর এখান থেকে বাকিগুলো মুছে দিন
check-alias = বিকল্প ঠিকানা "{ $alias }" { $problem ->
        [ip] একটি IP ঠিকানা, নাম নয়
        [localhost] এই কম্পিউটারের নিজের নাম
       *[name] কোনো ওয়েব ঠিকানা নয়
    }
check-alias-hint = { $problem ->
        [ip] বিকল্প ঠিকানা হলো ওয়েবসাইটের আরেকটি নাম, যা টাইপ করে মানুষ এখানে আসে; এটি মুছে দিন
        [localhost] বিকল্প ঠিকানা হলো ওয়েবসাইটের আরেকটি নাম, যা টাইপ করে মানুষ এখানে আসে; এটি মুছে দিন
       *[name] প্রতিটি ঠিকানার শুধু ঠিকানাটুকু লিখুন: https:// আর / দিয়ে শুরু হওয়া পরের অংশ বাদ দিন
    }
check-alias-website = বিকল্প ঠিকানা "{ $alias }" ওয়েবসাইটের নিজের ঠিকানাই
check-alias-website-hint = ওয়েবসাইটের ঠিকানায় সাইটটি এমনিতেই খোলে: বিকল্প ঠিকানা হলো এর অন্য নামগুলো; এটি মুছে দিন
check-alias-twice = বিকল্প ঠিকানা "{ $alias }" দুইবার লেখা হয়েছে
check-alias-twice-hint = প্রতিটি নাম একবার লিখুন; প্রথমটি আছে { $line } নম্বর লাইনের { $column } নম্বর অক্ষরে: এটি মুছে দিন
check-phone = ফোন নম্বর "{ $phone }" সঠিক নয়
check-phone-hint = ৬ থেকে ১৫টি অঙ্ক লিখুন: চাইলে শুরুতে +, আর অঙ্কের মাঝে স্পেস বা হাইফেন; এ ছাড়া আর কিছু নয় (কোনো শব্দ নয়)
check-email = ইমেইল ঠিকানা "{ $email }" সঠিক নয়
check-email-hint = name@example.gov.bd-এর মতো করে লিখুন: একটি @, কোনো স্পেস নয়

## Sections and keys (schema.rs); $section is a section's name: office,
## charter, officers, services or grievance
check-unknown-section = "{ $name }" চার্টারের কোনো অংশ নয়
check-unknown-section-hint = অংশগুলো হলো [office], [charter], [[officers]], [[services]] ও [[grievance]]
check-no-section = ফাইলে { $heading } অংশটি নেই
check-no-section-hint = প্রত্যেক চার্টারে [office] ও [charter] থাকে; পূর্ণ একটি ফাইল দেখুন charter.toml-এ
# $key is the first line of a section whose heading was deleted.
check-heading-missing = "{ $key }" লাইনটি ও এর পরের লাইনগুলো { $heading } শিরোনামের নিচে থাকার কথা, কিন্তু শিরোনামটি নেই
check-heading-missing-hint = এই লাইনের ওপরে আলাদা একটি লাইনে { $heading } লিখুন
check-not-a-section = "{ $name }" হওয়ার কথা { $heading } শিরোনামের একটি অংশ, যার লাইনগুলো থাকবে শিরোনামের নিচে
check-not-a-section-many-hint = যে অংশ অনেকবার থাকে, তার শিরোনামের দুই পাশে দুটি করে বন্ধনী থাকে
check-not-a-section-one-hint = অংশটি শুরু করুন আলাদা একটি লাইনে এর শিরোনাম দিয়ে, দুই পাশে একটি করে বন্ধনী
check-unknown-key = "{ $key }" নামের কোনো লাইন { $section ->
        [office] [office] অংশে
        [charter] [charter] অংশে
        [officers] এই কর্মকর্তার তথ্যে
        [services] এই সেবার তথ্যে
       *[grievance] অভিযোগ প্রতিকারের এই ধাপে
    } থাকতে পারে না
check-unknown-key-near = "{ $key }" নামের কোনো লাইন { $section ->
        [office] [office] অংশে
        [charter] [charter] অংশে
        [officers] এই কর্মকর্তার তথ্যে
        [services] এই সেবার তথ্যে
       *[grievance] অভিযোগ প্রতিকারের এই ধাপে
    } থাকতে পারে না: আপনি কি "{ $near }" লিখতে চেয়েছিলেন?
check-unknown-key-hint = { $section ->
        [office] [office] অংশে
        [charter] [charter] অংশে
        [officers] এই কর্মকর্তার তথ্যে
        [services] এই সেবার তথ্যে
       *[grievance] অভিযোগ প্রতিকারের এই ধাপে
    } যেসব লাইন থাকতে পারে, সেগুলো শুরু হয় এই নামগুলো দিয়ে: { $keys }
check-key-elsewhere = "{ $key }" লাইনটি { $heading } অংশের: লাইনটি সেখানে সরিয়ে নিন
check-missing-key = { $section ->
        [office] [office] অংশে
        [charter] [charter] অংশে
        [officers] এই কর্মকর্তার তথ্যে
        [services] এই সেবার তথ্যে
       *[grievance] অভিযোগ প্রতিকারের এই ধাপে
    } "{ $key }" নেই
check-missing-key-hint = { $heading }-এর নিচে উদাহরণের মতো একটি লাইন যোগ করুন

## Values (values.rs); $key is a key of the file
-text-form = {"{"} bn = "…", en = "…" {"}"}
check-items-not-texts = "{ $key }" তালিকার প্রতিটি লেখা লিখতে হয় { -text-form } আকারে
check-items-not-texts-hint = প্রতিটি বাংলা লেখার আগে {"{"} bn = এবং পরে {"}"} দিন; ইংরেজির জন্য en = "…" যোগ করুন
check-empty-list = "{ $key }"-এর তালিকা খালি
check-empty-list-hint = [ ও ]-এর মাঝে অন্তত একটি লেখা দিন, প্রতিটি { -text-form } আকারে
check-item-not-quoted = "{ $key }" তালিকার প্রতিটি লেখা উদ্ধৃতিচিহ্নের মাঝে থাকতে হবে
check-item-not-quoted-hint = প্রতিটি লেখার আগে ও পরে একটি সোজা উদ্ধৃতিচিহ্ন " দিন, আর লেখাগুলোর মাঝে কমা
check-not-a-list = "{ $key }" একটি তালিকা: এর লেখাগুলো থাকে [ ও ]-এর মাঝে
check-not-a-list-hint = প্রথম লেখার আগে [ এবং শেষ লেখার পরে ] দিন, আর লেখাগুলোর মাঝে কমা
check-not-a-group = group-এর মান "{ $group }" চেনা যাচ্ছে না
check-not-a-group-hint = লিখুন citizen (নাগরিক সেবা), institutional (প্রাতিষ্ঠানিক সেবা) অথবা internal (অভ্যন্তরীণ সেবা)
# $kind: number, date, group, plain (a text in quotes), plains (a list of them).
check-wrong-kind = "{ $key }"-এর মান হবে { $kind ->
        [number] একটি পূর্ণসংখ্যা, যেমন ১, ২ বা ৩
        [date] বছর-মাস-দিন আকারে লেখা একটি তারিখ
        [group] উদ্ধৃতিচিহ্নের মাঝে citizen, institutional অথবা internal
        [plains] উদ্ধৃতিচিহ্নের মাঝে লেখা লেখাগুলোর একটি তালিকা
       *[plain] উদ্ধৃতিচিহ্নের মাঝে একটি লেখা
    }
# $part is bn or en.
check-part-not-quoted = "{ $key }"-এর { $part } অংশটি উদ্ধৃতিচিহ্নের মাঝে একটি লেখা হতে হবে
check-part-not-quoted-hint = লেখাটি সোজা উদ্ধৃতিচিহ্নের মাঝে রাখুন: "…"
check-not-a-part = "{ $part }" লেখার কোনো অংশ নয়: একটি লেখার অংশ হলো bn (বাংলা) ও en (ইংরেজি)
check-not-a-part-near = "{ $part }" লেখার কোনো অংশ নয়: একটি লেখার অংশ হলো bn (বাংলা) ও en (ইংরেজি); আপনি কি "{ $near }" লিখতে চেয়েছিলেন?
check-not-a-part-hint = বাংলার আগে bn = এবং ইংরেজির আগে en = লিখুন
check-no-bangla = "{ $key }"-এর লেখায় বাংলা নেই (bn = "…")
check-no-bangla-hint = প্রতিটি লেখা বাংলায় লেখা হয়, আর অনুবাদ থাকলে ইংরেজিতেও
check-not-a-text = "{ $key }" লিখতে হবে এর বাংলা ও ইংরেজি লেখা দিয়ে
check-not-a-text-hint = bn = লিখে তার পরে বাংলা, আর en = লিখে তার পরে ইংরেজি লিখুন, প্রতিটি উদ্ধৃতিচিহ্নের মাঝে

## Quotes and signs (recovery/quotes.rs)
check-curly-quote = এই লাইনে সোজা উদ্ধৃতিচিহ্নের (") জায়গায় বাঁকা উদ্ধৃতিচিহ্ন { $quote } আছে
check-curly-quote-hint = ওয়ার্ড প্রসেসর ও ফোনের কি-বোর্ড " চিহ্নকে বদলে “ ” করে দেয়; সোজা উদ্ধৃতিচিহ্ন " টাইপ করুন, অথবা ফাইলটি Notepad-এ সম্পাদনা করুন
# $kind is one of the characters below; $code its number, U+00A0.
check-invisible = এখানে একটি অদৃশ্য অক্ষর আছে ({ $kind ->
        [no-break-space] নো-ব্রেক স্পেস
        [zero-width-space] জিরো-উইডথ স্পেস
        [zero-width-non-joiner] জিরো-উইডথ নন-জয়নার
        [zero-width-joiner] জিরো-উইডথ জয়নার
        [word-joiner] ওয়ার্ড জয়নার
        [byte-order-mark] বাইট-অর্ডার মার্ক
       *[special-space] বিশেষ ধরনের স্পেস
    }, { $code })
check-invisible-hint = এই জায়গার আশপাশের স্পেসগুলো মুছে স্পেসবার দিয়ে আবার টাইপ করুন
# $sign is । or another sign typed for a comma.
check-not-a-comma = এই { $sign } চিহ্নটি কমা নয়
check-not-a-comma-hint = লাইনের দুই অংশের মাঝে এবং তালিকার লেখাগুলোর মাঝে কমা (,) টাইপ করুন
check-no-closing-quote = { $line } নম্বর লাইনের { $column } নম্বর অক্ষর থেকে শুরু হওয়া লেখাটির শেষের উদ্ধৃতিচিহ্ন নেই
check-no-closing-quote-hint = প্রতিটি লেখার শেষে একটি সোজা উদ্ধৃতিচিহ্ন " দিন
check-text-on-one-line = একটি লেখা এক লাইনেই থাকে: { $line } নম্বর লাইনটি এই লাইনের সঙ্গে জুড়ে দিন
check-no-opening-quote = এই লেখার শেষের উদ্ধৃতিচিহ্ন আছে, কিন্তু শুরুর উদ্ধৃতিচিহ্ন নেই
check-no-opening-quote-hint = একটি লেখা সোজা উদ্ধৃতিচিহ্ন " দিয়ে শুরু হয় এবং শেষ হয়
check-comma-between-items = এই দুটি লেখার মাঝে কমা নেই
check-comma-after-each-item = তালিকার প্রতিটি লেখার পরে কমা দিন
check-quote-inside = { $line } নম্বর লাইনের { $column } নম্বর অক্ষর থেকে শুরু হওয়া লেখাটির ভেতরে একটি " আছে
check-quote-inside-hint = লেখার ভেতরের উদ্ধৃতিচিহ্ন লিখতে হয় \" করে (অথবা সেখানে ‘ ’ ব্যবহার করুন)
check-words-after-quote = এই শব্দগুলো লেখার শেষের উদ্ধৃতিচিহ্নের পরে পড়েছে
check-words-after-quote-hint = শব্দগুলো উদ্ধৃতিচিহ্নের ভেতরে নিন, অথবা মুছে দিন

## What the parser stops at (recovery/syntax.rs)
check-list-not-closed = { $line } নম্বর লাইনে শুরু হওয়া তালিকার শেষে ] নেই
check-list-not-closed-hint = তালিকার শেষ লেখার পরে আলাদা একটি লাইনে ] দিয়ে তালিকাটি শেষ করুন
check-comma-before-item = এই লেখার আগে কমা নেই
check-comma-after-item = { $line } নম্বর লাইনের লেখাটির পরে কমা নেই
check-brace-not-closed = { $line } নম্বর লাইনের লেখাটির শেষে {"}"} নেই
check-brace-not-closed-hint = একটি লেখা { -text-form } একই লাইনে {"}"} দিয়ে শেষ হয়
check-comma-missing = এখানে একটি কমা নেই
check-comma-missing-hint = বাংলা ও ইংরেজি লেখার মাঝে কমা দিন: { -text-form }
check-heading-brackets = { $heading } শিরোনামে [ আছে { $opens }টি, কিন্তু ] আছে { $closes }টি
check-heading-brackets-hint = শিরোনামের নামের আগে যতগুলো [, পরে ততগুলো ] থাকে
check-heading-bracket-count = { $heading } শিরোনামের প্রতি পাশে { $count }টি করে বন্ধনী লাগবে
check-heading-bracket-count-hint = [office] ও [charter]-এর প্রতি পাশে একটি করে বন্ধনী; [[officers]], [[services]] ও [[grievance]] অনেকবার থাকে বলে এদের প্রতি পাশে দুটি করে
check-backslash = লেখার ভেতরে ব্যাকস্ল্যাশ \ একা থাকতে পারে না
check-backslash-hint = এর বদলে / লিখুন, অথবা ব্যাকস্ল্যাশের জন্য \\ লিখুন; \" হলো লেখার ভেতরের উদ্ধৃতিচিহ্ন
# The parser's own complaint, when nothing above was found; $kind: date,
# leading-zero, key, no-value, list, text, quotes, other.
check-cannot-read = { $kind ->
        [date] এই তারিখটি পড়া যাচ্ছে না
        [leading-zero] কোনো সংখ্যা ০ দিয়ে শুরু হতে পারে না
        [key] = চিহ্নের আগের নামে শুধু ইংরেজি অক্ষর, অঙ্ক, - ও _ থাকতে পারে
        [no-value] প্রতিটি লাইনে একটি নাম, একটি = চিহ্ন ও একটি মান থাকতে হবে
        [list] এই তালিকাটি ঠিকভাবে লেখা হয়নি
        [text] এই লেখাটি ঠিকভাবে লেখা হয়নি
        [quotes] একটি লেখা সোজা উদ্ধৃতিচিহ্নের মাঝে থাকতে হবে
       *[other] এই জায়গা থেকে ফাইলটি আর পড়া যাচ্ছে না
    }
check-cannot-read-hint = { $kind ->
        [date] তারিখ লিখুন বছর-মাস-দিন আকারে
        [leading-zero] শুরুর ০ বাদ দিন
        [key] নামটি docs/charter.md-এ যেভাবে আছে সেভাবে লিখুন; লেখা থাকে = চিহ্নের পরে, উদ্ধৃতিচিহ্নের মাঝে
        [no-value] প্রথমে নাম, তারপর =, তারপর মান লিখুন
        [list] তালিকা লেখা হয় [ লেখা, লেখা ] আকারে: লেখাগুলোর মাঝে কমা, আর শেষে ]
        [text] একটি লেখা হলো { -text-form }: দুই অংশের মাঝে কমা, শেষে {"}"}, আর সবকিছু এক লাইনে
        [quotes] লেখার আগে ও পরে " দিন
       *[other] প্রতিটি লাইনে একটি করে নাম = মান; এই লাইনটিকে ফাইলের অন্য জায়গার একই ধরনের লাইনের সঙ্গে মিলিয়ে দেখুন
    }

## Lines not written as name = value (recovery/lines.rs)
check-two-commas = দুটি কমা পাশাপাশি আছে
check-two-commas-hint = দুটি অংশের মাঝে একটি কমাই যথেষ্ট
check-lone-bracket = এই লাইনে শুধু একটি বন্ধনী আছে, যা কিছুই বন্ধ করে না
check-lone-bracket-hint = এই লাইনটি মুছে দিন
check-leading-comma = লাইনের শুরুতে কমা কিছুকে আলাদা করে না
check-leading-comma-hint = কমা বসে একটি লেখার পরে, তার লাইনের শেষে
check-space-in-name = নামের ভেতরে স্পেস থাকে না
check-space-in-name-hint = { $key } লিখুন, শব্দগুলোর মাঝে _ দিয়ে
check-brackets-for-braces = { $key } লেখা হয় {"{"} {"}"} দিয়ে, [ ] দিয়ে নয়
check-brackets-for-braces-hint = একটি লেখা হলো { -text-form }; [ ]-এর মাঝে থাকে এমন লেখার তালিকা
check-colon = নাম আর তার মানের মাঝে থাকে = চিহ্ন, : নয়
check-colon-hint = নাম ও মানের মাঝে = লিখুন
check-no-equals = { $key }-এর পরে = নেই
check-no-equals-hint = প্রথমে নাম, তারপর =, তারপর মান লিখুন
check-no-equals-in-text-hint = {"{"} {"}"}-এর ভেতরে লিখুন bn = "…" এবং en = "…"
check-bad-heading = এই শিরোনামটি শিরোনামের নিয়মে লেখা হয়নি
check-bad-heading-hint = শিরোনাম হলো আলাদা একটি লাইনে বন্ধনীর মাঝে একটি নাম
check-not-a-line = এই লাইনটি নাম = মান ধরনেরও নয়, শিরোনামও নয়
check-not-a-line-hint = এটি কর্মীদের জন্য কোনো নোট হলে লাইনের শুরুতে # দিন: ওয়েবসাইট এমন লাইন উপেক্ষা করে
# $part is bn or en.
check-part-no-quotes = "{ $part } ="-এর পরের লেখাটির দুই পাশে উদ্ধৃতিচিহ্ন নেই
check-part-no-quotes-hint = লেখাটির আগে ও পরে একটি সোজা উদ্ধৃতিচিহ্ন " দিন
check-list-not-opened = { $key }-এর তালিকার শুরুতে [ নেই
check-list-not-opened-hint = তালিকা শুরু হয় = চিহ্নের পরে [ দিয়ে, আর শেষ হয় আলাদা একটি লাইনে ] দিয়ে
check-no-value = { $key }-এর কোনো মান নেই
check-no-value-hint = একই লাইনে = চিহ্নের পরে এর মান লিখুন
check-value-next-line = { $key }-এর মান তার নিজের লাইনে নেই
check-value-next-line-hint = মান থাকে নামের লাইনেই, = চিহ্নের পরে: { $line } নম্বর লাইনটি এই লাইনের সঙ্গে জুড়ে দিন
# $sign is what was typed after the value: , ; . or ।
check-sign-after-value = { $key }-এর মানের পরের { $sign } চিহ্নটির দরকার নেই
check-sign-after-value-hint = লাইনের শেষের { $sign } মুছে দিন
check-value-no-quotes = { $key }-এর মান উদ্ধৃতিচিহ্নের মাঝে থাকতে হবে
check-value-no-quotes-hint = মানটির আগে ও পরে একটি সোজা উদ্ধৃতিচিহ্ন " দিন
check-text-no-braces = { $key } লেখা হয় { -text-form } আকারে
check-text-no-braces-hint = bn = লিখে তার পরে বাংলা, আর en = লিখে তার পরে ইংরেজি লিখুন, প্রতিটি উদ্ধৃতিচিহ্নের মাঝে, আর সবকিছু {"{"} ও {"}"}-এর মাঝে
check-date-hyphens-hint = তারিখ লিখুন বছর-মাস-দিন আকারে, মাঝে হাইফেন দিয়ে
check-list-no-brackets = { $key } হলো লেখার একটি তালিকা, যার প্রতিটি লেখা উদ্ধৃতিচিহ্নের মাঝে
check-list-no-brackets-hint = প্রথম লেখার আগে [ এবং শেষ লেখার পরে ] দিন; প্রতিটি লেখার আগে ও পরে একটি সোজা উদ্ধৃতিচিহ্ন ", আর লেখাগুলোর মাঝে কমা
check-items-no-quotes = { $key }-এর তালিকার লেখাগুলোর উদ্ধৃতিচিহ্ন নেই
check-items-no-quotes-hint = প্রতিটি লেখার আগে ও পরে একটি সোজা উদ্ধৃতিচিহ্ন " দিন

## A key or a heading written twice (recovery/duplicates.rs)
# $part is bn or en, $other the other one.
check-part-twice = এই লেখায় { $part } দুইবার লেখা হয়েছে
check-part-twice-hint = একটি লেখায় একটি bn (বাংলা) ও একটি en (ইংরেজি) থাকে; দ্বিতীয় { $part } হবে { $other }
check-part-twice-other-hint = {"{"} {"}"}-এর ভেতরে প্রতিটি নাম একবার লিখুন
check-heading-twice = { $heading } শিরোনামটি দুইবার লেখা হয়েছে
check-heading-twice-at = { $heading } শিরোনামটি দুইবার লেখা হয়েছে (প্রথমবার { $line } নম্বর লাইনে)
check-heading-twice-hint = { $heading } অংশ একটিই থাকে: এই শিরোনামের নিচের লাইনগুলো ওপরে প্রথম { $heading }-এর নিচে সরিয়ে নিন, আর এই শিরোনামটি মুছে দিন
check-key-twice = "{ $key }" ফাইলের একই অংশে দুইবার লেখা হয়েছে
check-key-twice-at = "{ $key }" ফাইলের একই অংশে দুইবার লেখা হয়েছে (প্রথমবার { $line } নম্বর লাইনে)
check-entry-heading-hint = প্রতিটি নতুন অংশ শুরু হয় নিজের শিরোনামের লাইন দিয়ে; এখানে নতুন একটি শুরু হলে এর আগের লাইনে { $heading } লিখুন
check-line-twice-hint = প্রতিটি লাইন একবার লিখুন: দুটির একটি মুছে দিন
# Line $line has $earlier, line $later-line has $later; the earlier runs
# to line $last ($lines: one or more).
check-keep-the-later-hint = { $line } নম্বর লাইনে আছে { $earlier }, আর { $later-line } নম্বর লাইনে আছে { $later }: সম্ভবত পরেরটিই আপনি রাখতে চেয়েছেন, তাই { $lines ->
        [one] { $line } নম্বর লাইনটি
       *[more] { $line } থেকে { $last } নম্বর লাইন
    } মুছে দিন

## The name of a text in a message ($name above); $key is its key
check-text-office = [office] অংশের { $key }
check-text-charter = [charter] অংশের { $key }
check-text-expectation = [charter] অংশের expectations-এর { $n } নম্বর লেখা
check-text-officer = { $id } কর্মকর্তার { $key }
check-text-service = { $slug } সেবার { $key }
check-text-grievance = অভিযোগ প্রতিকারের { $n } নম্বর ধাপের { $key }

## Reading the file (errors.rs, file.rs)
# "charter.toml ফাইলে ১টি ত্রুটি", at the end of a report.
check-summary = { $file } ফাইলে { $count }টি ত্রুটি
check-cannot-read-file = { $path }: চার্টার ফাইলটি পড়া যাচ্ছে না: { $reason }
check-file-not-found = এমন কোনো ফাইল নেই
check-file-not-allowed = এই ব্যবহারকারীর ফাইলটি পড়ার অনুমতি নেই
check-not-a-plain-file = এটি সাধারণ ফাইল নয় (ফোল্ডার, ডিভাইস বা পাইপ); চার্টার হতে হবে একটি টেক্সট ফাইল
check-file-too-large = এটি { $mb } MB-এর চেয়ে বড়, যেকোনো চার্টারের চেয়ে অনেক বেশি; ফাইলটি ঠিক তো? (আরও বড় চার্টারের জন্য --max-charter-mb লাগবে)
check-link-outside = এটি দপ্তরগুলোর ফোল্ডারের বাইরের কোনো জায়গার লিংক, যা পড়া হয় না

## `charter check`'s own lines (cli/check.rs)
check-ok = { $file }: ঠিক আছে: { $services }টি সেবা, { $officers } জন কর্মকর্তা, { $warnings }টি সতর্কতা
check-pages-fail = { $file }: ত্রুটি: পাতাগুলো তৈরি করা যাচ্ছে না: { $error }
check-folder-unreadable = { $folder }: ফোল্ডারটি পড়া যাচ্ছে না: { $error }
check-folder-empty = { $folder }: ত্রুটি: এই ফোল্ডারে কোনো চার্টার নেই: প্রতিটি দপ্তরের চার্টার হলো সরাসরি এই ফোল্ডারে রাখা .toml দিয়ে শেষ হওয়া একটি ফাইল, যেমন haluaghat.toml
check-folder-summary = { $folder }: { $offices }টি দপ্তর: { $ok }টি ঠিক আছে, { $bad }টিতে ত্রুটি; { $skipped }টি এন্ট্রি বাদ পড়েছে
# An interface text of the program itself missing in one language.
check-message-missing = locales/{ $lang }/: ত্রুটি: "{ $id }" বার্তাটি নেই
