# What the commands other than `charter check`'s reading of a charter say
# to a person, Bangla: `history`, `restore`, `import`, `offices`, the
# folder findings `check` reports, and the log of `serve`. Every id here
# must also exist in locales/en/cli.ftl (the tests compare them).
# Written as locales/bn/check.ftl is, for a clerk at a terminal for the
# first time: plain words, the polite form, one word for one thing, the
# terms of check.ftl and these:
#   version সংস্করণ ("৩ নম্বর সংস্করণ"), history (the versions kept)
#   ইতিহাস, restore (put back) ফিরিয়ে আনা, load (the site takes a file)
#   ওয়েবসাইটে তোলা, reload নতুন করে পড়া, serve (a site) দেখানো,
#   folder ফোল্ডার, entry (of a folder) এন্ট্রি, office দপ্তর,
#   registry of addresses ঠিকানার রেজিস্ট্রি, directory (the site of every
#   office) ডিরেক্টরি, website ওয়েবসাইট, alias বিকল্প ঠিকানা, state
#   folder state ফোল্ডার, editor এডিটর, save সেভ, server সার্ভার,
#   administrator প্রশাসক, table (of the portal) ছক, row সারি, cell ঘর.
# Paths, commands, keys and addresses stay as written. Numbers in a
# sentence arrive already written in Bangla digits; a number that is part
# of an address or a command arrives as typed.

# Joins two names: "alpha ও zulu".
cli-and = ও

# The system's refusals, said in Bangla; English keeps the system's own
# words ("No such file or directory", "Permission denied").
cli-not-found = এমন কোনো ফাইল বা ফোল্ডার নেই
cli-not-allowed = এই ব্যবহারকারীর অনুমতি নেই (Permission denied)

## A folder of offices: entries skipped (offices/folder.rs)
offices-skipped = { $path }: বাদ দেওয়া হয়েছে: { $why }
offices-skipped-too-many = { $path }: ফোল্ডারে { $max }টির বেশি এন্ট্রি আছে; প্রথম { $max }টির পরেরগুলো দেখা হয়নি
offices-skipped-link-outside = এটি ফোল্ডারের বাইরের কোনো জায়গার লিংক, যা পড়া হয় না
offices-skipped-dangling = এটি এমন একটি ফাইলের লিংক, যে ফাইলটি নেই
# $kind: pipe, socket or device.
offices-skipped-special = এটি { $kind ->
        [pipe] একটি পাইপ
        [socket] একটি সকেট
       *[device] একটি ডিভাইস
    }, সাধারণ ফাইল নয়
offices-skipped-unreadable = এটি দেখা যাচ্ছে না: { $error }
offices-skipped-folder = এটি একটি ফোল্ডার, চার্টার ফাইল নয়
offices-skipped-same-name = এর নাম { $other } থেকে শুধু বড় হাতের অক্ষরে আলাদা; একটি দপ্তরের ফাইল একটিই: এই ফাইলটি মুছে দিন অথবা এর নাম বদলান
offices-skipped-not-registered = দপ্তরটি ঠিকানার রেজিস্ট্রিতে নেই; প্রশাসক এটি যোগ করবেন (`charter offices init` প্রতিটি নতুন ফাইলের দপ্তর যোগ করে)
offices-skipped-beyond-limit = একটি ফোল্ডার থেকে সর্বোচ্চ { $max }টি দপ্তরের ওয়েবসাইট চলে
offices-id-rules = ফাইলের নামই ওয়েব ঠিকানায় দপ্তরের নাম, তাই এতে শুধু ইংরেজি ছোট হাতের অক্ষর, অঙ্ক ও হাইফেন (-) থাকতে পারে, সব মিলিয়ে সর্বোচ্চ ৬৩টি: ফাইলের নাম বদলান, যেমন { $example }.toml
offices-id-small-letters = ফাইলের নামই ওয়েব ঠিকানায় দপ্তরের নাম, তাই এটি ছোট হাতের অক্ষরে লেখা হয়, .toml অংশটিও: নাম বদলে { $name }.toml করুন

## The registry of addresses (offices/registry.rs)
offices-registry-missing = { $path }: ঠিকানার রেজিস্ট্রি নেই; কোন ঠিকানা দিয়ে কোন দপ্তরে পৌঁছানো যাবে, তা এই রেজিস্ট্রিই বলে: দপ্তরগুলোর ফাইল এখন যেমন আছে, তা থেকে `charter offices init` রেজিস্ট্রিটি লিখে দেয়
offices-registry-unreadable = { $path }: ঠিকানার রেজিস্ট্রি পড়া যাচ্ছে না: { $error }
offices-registry-not-text = { $path }: ঠিকানার রেজিস্ট্রি পড়া যাচ্ছে না: এটি UTF-8 লেখা নয়
offices-registry-unwritable = { $path }: ঠিকানার রেজিস্ট্রি লেখা যাচ্ছে না: { $error }
# $message is the TOML reader's own, in English.
offices-registry-toml = ফাইলটি TOML হিসেবে পড়া যাচ্ছে না: { $message }
offices-registry-not-part = "{ $key }" ঠিকানার রেজিস্ট্রির অংশ নয়: রেজিস্ট্রিতে একটিই অংশ থাকে, [offices]
offices-registry-not-table = offices একটি অংশ: প্রথমে [offices] শিরোনাম, তারপর প্রতিটি দপ্তরের জন্য একটি লাইন
offices-registry-not-list = { $id }-এর ঠিকানাগুলো একটি তালিকা: { $id } = ["its.address.gov.bd"]
offices-registry-not-quoted = { $id }-এর প্রতিটি ঠিকানা উদ্ধৃতিচিহ্নের মাঝে লেখা হয়: "its.address.gov.bd"
offices-registry-bad-id = দপ্তর "{ $id }" বাদ দেওয়া হয়েছে: { $problem }
offices-registry-too-many = দপ্তর { $id } বাদ দেওয়া হয়েছে: একটি ফোল্ডার থেকে সর্বোচ্চ { $max }টি দপ্তরের ওয়েবসাইট চলে
# $problem: name (not a host name), ip, localhost.
offices-registry-bad-address = { $id }-এর ঠিকানা "{ $host }" বাদ দেওয়া হয়েছে: { $problem ->
        [ip] এটি একটি IP ঠিকানা, যা দিয়ে সেই ঠিকানায় সাড়া দেওয়া যেকোনো সার্ভারে পৌঁছানো যায়
        [localhost] এটি এই কম্পিউটারের নিজের নাম
       *[name] এটি কোনো হোস্টের নাম নয় (https:// বা পথ ছাড়া শুধু নামটি লিখুন)
    }
offices-registry-directory = { $id }-এর ঠিকানা { $host } বাদ দেওয়া হয়েছে: এটি ডিরেক্টরির নিজের ঠিকানা (--base-url), যা দিয়ে কোনো দপ্তরে পৌঁছানো যায় না
offices-registry-twice = { $id }-এর জন্য ঠিকানা { $host } দুইবার লেখা হয়েছে
offices-registry-max-hosts = { $id }-এর ঠিকানা { $host } বাদ দেওয়া হয়েছে: একটি দপ্তরের সর্বোচ্চ { $max }টি ঠিকানা থাকতে পারে
offices-registry-shared = ঠিকানা { $host } একসঙ্গে { $id } ও { $others }-কে দেওয়া হয়েছে: এই দুটি লাইনের একটি ঠিক না করা পর্যন্ত এটি দিয়ে কোনো দপ্তরেই পৌঁছানো যাবে না

## An address a file names that does not reach its office (offices/addresses.rs)
# $kind is the key of the file: website or alias.
offices-refused-held = { $kind ->
        [alias] বিকল্প ঠিকানা
       *[website] ওয়েবসাইট
    } { $host } ঠিকানার রেজিস্ট্রিতে { $other } দপ্তরের ঠিকানা, এই দপ্তরের নয়: এটি দিয়ে এই দপ্তরে পৌঁছানো যায় না; ফাইলটি ঠিক করুন, অথবা রেজিস্ট্রি বদলাতে প্রশাসককে বলুন
offices-refused-not-given = { $kind ->
        [alias] বিকল্প ঠিকানা
       *[website] ওয়েবসাইট
    } { $host } ঠিকানার রেজিস্ট্রিতে এই দপ্তরের ঠিকানা নয়: প্রশাসক রেজিস্ট্রিতে এটি এই দপ্তরকে না দেওয়া পর্যন্ত এটি দিয়ে এই দপ্তরে পৌঁছানো যাবে না
offices-refused-directory = { $kind ->
        [alias] বিকল্প ঠিকানা
       *[website] ওয়েবসাইট
    } { $host } ডিরেক্টরির নিজের ঠিকানা (--base-url), যা দিয়ে কোনো দপ্তরে পৌঁছানো যায় না: ফাইলটি ঠিক করুন
offices-refused-contested = { $kind ->
        [alias] বিকল্প ঠিকানা
       *[website] ওয়েবসাইট
    } { $host } { $others } ফাইলেও লেখা আছে: একটি ফাইল ঠিক না করা পর্যন্ত এটি দিয়ে কোনো দপ্তরেই পৌঁছানো যাবে না (ঠিকানার রেজিস্ট্রি থাকলে সেটিই ঠিক করে দেয়: `charter offices init`)

## `charter offices` and `charter offices init` (cli/offices.rs, offices/init.rs)
offices-not-a-folder = { $folder }: এটি ফোল্ডার নয়: `charter offices` দপ্তরগুলোর চার্টার ফাইলের ফোল্ডারের জন্য (একটি চার্টার ফাইলের জন্য ঠিকানার রেজিস্ট্রি লাগে না)
offices-folder-unreadable = { $folder }: ফোল্ডারটি পড়া যাচ্ছে না: { $error }
offices-list-heading = { $folder } ফোল্ডারের দপ্তর ও তাদের ঠিকানা ({ $registry }):
offices-list-no-address = (কোনো ঠিকানা নেই: কোনো ঠিকানা দিয়েই এখানে পৌঁছানো যায় না)
offices-list-no-file = (ফাইল নেই)
offices-list-not-registered = রেজিস্ট্রিতে নেই (`charter offices init` এগুলো যোগ করে): { $files }
offices-list-summary = { $offices }টি দপ্তর; রেজিস্ট্রিতে নেই এমন ফাইল { $unregistered }টি
offices-init-added = যোগ করা হয়েছে { $id }: { $hosts }
# $written: yes or no.
offices-init-summary = { $registry }: { $written ->
        [yes] লেখা হয়েছে
       *[no] বদলানো হয়নি
    }: { $offices }টি দপ্তর, { $added }টি যোগ করা হয়েছে, { $kept }টি আগের মতোই আছে
offices-init-invalid = { $file }: যোগ করা হয়নি: ফাইলটিতে ওপরের ত্রুটিগুলো আছে; `charter check` কোনো ত্রুটি না পেলে `charter offices init` এটি যোগ করবে
offices-init-beyond-limit = { $file }: যোগ করা হয়নি: একটি ফোল্ডার থেকে সর্বোচ্চ { $max }টি দপ্তরের ওয়েবসাইট চলে
offices-init-address = { $kind ->
        [alias] বিকল্প ঠিকানা
       *[website] ওয়েবসাইট
    } { $host } { $id } দপ্তরকে দেওয়া হয়নি: { $why }
offices-init-directory = এটি ডিরেক্টরির নিজের ঠিকানা (--base-url)
offices-init-held = এটি আগে থেকেই { $holder } দপ্তরের ঠিকানা
offices-init-named-too = { $others } দপ্তরের ফাইলেও এটি লেখা আছে; রেজিস্ট্রিতে নিজ হাতে এটি তাদের একটিকে দিন
offices-init-no-address = { $file }: যোগ করা হয়নি: ফাইলে লেখা কোনো ঠিকানাই { $id } দপ্তরকে দেওয়া যায় না
offices-init-registry-unchanged = রেজিস্ট্রি বদলানো হয়নি।

## `charter history` (history/commands.rs)
history-no-such-folder = { $folder }: এমন কোনো ফোল্ডার নেই
history-no-state-folder = state ফোল্ডার দেওয়া হয়নি: `charter serve` যে ফোল্ডার ব্যবহার করে, সেটি --state-dir বা CHARTER_STATE_DIR দিয়ে দিন (systemd ইউনিট দিয়ে চালানো সার্ভারে: /var/lib/charter)
history-empty = { $folder }-এ এখনো কোনো সংস্করণ রাখা হয়নি: সার্ভার ওয়েবসাইটে তোলা প্রতিটি সংস্করণ রেখে দেয়।
history-other-file = সতর্কতা: { $file } সেই চার্টার ফাইল নয়, যা সার্ভার দেখায়; সার্ভার দেখায় { $served }: এতে কোন সংস্করণ আছে দেখতে --charter { $served } দিন, অথবা CHARTER_FILE={ $served } সেট করুন
history-charter-unreadable = { $file }: চার্টার ফাইলটি পড়া যাচ্ছে না: { $error }
history-heading = { $folder }-এ রাখা চার্টারের সংস্করণগুলো, সবচেয়ে নতুনটি সবার ওপরে (সময় বাংলাদেশের, BST):
history-not-listed-other = { $file } তালিকায় নেই: সার্ভার এই ফাইলটি দেখায় না, দেখায় { $served }।
history-not-listed = { $file } তালিকায় নেই: সার্ভার এটি ওয়েবসাইটে তোলেনি (কেন, তা জানায় `charter check`)।
history-how-to-restore = কোনো সংস্করণ ফিরিয়ে আনতে লিখুন charter restore, তারপর বাঁ দিকের নম্বরটি (যেমন charter restore ২)
# A row of the list: $count is already as wide as the column.
history-services = { $count }টি সেবা
history-back-to = ফিরে গেছে { $number } নম্বর সংস্করণে
history-now = <- ফাইলে এখন এটি আছে
# $time: year-month-day hour:minute, Bangladesh time.
history-time = { $time } BST
history-unknown-time = অজানা সময়
history-offices-empty = { $folder }-এ এখনো কোনো সংস্করণ রাখা হয়নি: { $offices }-এর প্রতিটি দপ্তরের যে সংস্করণ সার্ভার ওয়েবসাইটে তোলে, তা রেখে দেয়।
history-offices-heading = { $offices } দপ্তরগুলোর একটি ফোল্ডার; প্রতিটি দপ্তরের রাখা সংস্করণ আছে { $folder }-এ (সময় বাংলাদেশের, BST):
history-office-versions = { $count }টি সংস্করণ, সবচেয়ে নতুনটি { $number } নম্বর ({ $when })
history-office-none = এখনো নেই
history-offices-how-to-see = একটি দপ্তরের সংস্করণগুলো দেখতে তার ফাইলের নাম দিন: charter history --charter { $file }
history-offices-how-to-restore = কোনোটি ফিরিয়ে আনতে লিখুন charter restore, তারপর তার নম্বর, তারপর --charter { $file }

## What changed in a version (history/changes.rs); $names are slugs
history-changes-first = প্রথম রাখা সংস্করণ
history-changes-same = একই বিষয়বস্তু (শুধু ফাঁকা জায়গা বা # দিয়ে লেখা নোট বদলেছে)
history-changes-added = যোগ হয়েছে { $names }
history-changes-removed = বাদ পড়েছে { $names }
history-changes-changed = বদলেছে { $names }
history-changes-reordered = সেবাগুলোর ক্রম বদলেছে
history-changes-sections = আরও বদলেছে [{ $sections }]
history-changes-more = { $names } এবং আরও { $more }টি
history-changes-then = { $first }; { $rest }

## The history's files (history/mod.rs)
history-cannot = { $path }: { $action } যাচ্ছে না: { $error }
history-cannot-without-path = { $action } যাচ্ছে না: { $error }
history-action = { $action ->
        [read-folder] ইতিহাসের ফোল্ডার পড়া
        [read] পড়া
        [read-version] সংস্করণটি পড়া
        [write] লেখা
        [create-folder] ইতিহাসের ফোল্ডার তৈরি করা
        [delete-old] একটি পুরোনো সংস্করণ মোছা
        [resolve-path] চার্টার ফাইলের পূর্ণ পথ বের করা
        [follow-link] লিংকটি অনুসরণ করা
        [read-charter] চার্টার ফাইলটি পড়া
        [write-charter] চার্টার ফাইলটি লেখা
       *[copy-aside] চার্টার ফাইলটির একটি কপি রাখা
    }
history-damaged = { $path }: { $message }
history-damaged-entry = এটি ইতিহাসের কোনো সংস্করণের বিবরণ নয়: { $error }
history-damaged-events = এটি আগের সংস্করণে ফিরে যাওয়ার তালিকা নয়: { $error }
history-damaged-hash = রাখা কপিটি তার হ্যাশের সঙ্গে মেলে না; এটি বদলানো হয়েছে বা নষ্ট হয়ে গেছে
history-damaged-changed = যাচাইয়ের সময়েই এটি বদলে গেছে
history-damaged-json = JSON হিসেবে লেখা যাচ্ছে না: { $error }
history-not-found = { $number } নম্বর সংস্করণ ইতিহাসে নেই; রাখা সংস্করণগুলোর তালিকা দেখায় `charter history`

## `charter restore` (cli/history.rs, history/commands.rs, history/restore.rs)
restore-folder = { $folder } দপ্তরগুলোর একটি ফোল্ডার: কোন দপ্তরের সংস্করণ ফিরিয়ে আনবেন, তার ফাইলের নাম দিন: charter restore { $number } --charter { $folder }/haluaghat.toml (দপ্তরগুলোর তালিকা দেখায় `charter history --charter { $folder }`); কিছুই বদলানো হয়নি
restore-not-in-history = { $number } নম্বর সংস্করণ ইতিহাসে নেই; { $kept }
restore-not-a-number = "{ $number }" কোনো সংস্করণের নম্বর নয়; { $kept }
restore-kept-none = ইতিহাসে এখনো কোনো সংস্করণ রাখা হয়নি
# $runs: "৩-৭, ৯".
restore-kept = ইতিহাসে আছে { $runs } নম্বর সংস্করণ (তালিকা দেখায় `charter history`)
restore-backup = চার্টার ফাইলে এমন একটি সংস্করণ ছিল, যা ইতিহাসে নেই; সেটির একটি কপি রাখা হয়েছে { $backup } ফাইলে
# $in-place: yes or no.
restore-done = { $number } নম্বর সংস্করণ ({ $when }, { $services }টি সেবা) { $file } ফাইলে ফিরিয়ে আনা হয়েছে{ $in-place ->
        [yes] {" "}(পুরোনো ফাইলটির ভেতরেই লেখা হয়েছে)
       *[no] {""}
    }; সার্ভার চালু থাকলে কয়েক মুহূর্তের মধ্যে ওয়েবসাইট এটি দেখাবে।
restore-already = { $file } ফাইলে আগে থেকেই { $number } নম্বর সংস্করণ আছে ({ $when })।
# Printed in both languages after every restore.
restore-after-editor = চার্টার ফাইলটি কোনো এডিটরে (Notepad, WinSCP-এর এডিটর) খোলা থাকলে, আবার সম্পাদনার আগে সেটি বন্ধ করে আবার খুলুন: এডিটরে থাকা পুরোনো লেখা সেভ করলে এই পুনরুদ্ধার মুছে যাবে।
restore-invalid = { $number } নম্বর সংস্করণটি এই প্রোগ্রামের জন্য সঠিক চার্টার নয়; কিছুই বদলানো হয়নি
restore-not-served = { $path } সেই চার্টার ফাইল নয়, যা সার্ভার দেখায়; সার্ভার দেখায় { $served }: --charter { $served } দিন, অথবা CHARTER_FILE={ $served } সেট করুন; কিছুই বদলানো হয়নি
restore-no-file = { $path }-এ কোনো চার্টার ফাইল নেই; --charter দিন অথবা CHARTER_FILE সেট করুন, যেমন CHARTER_FILE=/srv/charter/charter.toml; কিছুই বদলানো হয়নি

## `charter import` (cli/import.rs, import/)
import-not-utf8 = { $file }: ফাইলটি পড়া যাচ্ছে না: এটি UTF-8 লেখা নয়; ফাইলটি UTF-8 হিসেবে সংরক্ষণ করুন (Notepad: File > Save As, Encoding-এ UTF-8)
import-unreadable = { $file }: ফাইলটি পড়া যাচ্ছে না: { $error }
import-no-service-table = কোনো সেবার ছক পাওয়া যায়নি: লেখায় "২.১) নাগরিক সেবা" বা "২.২) প্রাতিষ্ঠানিক সেবা"-এর মতো একটি শিরোনাম, আর তার নিচে ট্যাব দিয়ে আলাদা করা ৭টি ঘরের সারি থাকতে হবে (ক্রমিক নং, সেবার নাম, পদ্ধতি, কাগজপত্র, মূল্য, সময়সীমা, কর্মকর্তা); পোর্টাল থেকে ছকসহ পুরো চার্টার পাতাটি কপি করুন
import-header-lines = { $line } নম্বর লাইন: এই শিরোনামের আগে দপ্তরের বিবরণের ৫টি লাইন থাকার কথা (সরকার, দপ্তর, অধিদপ্তর, "উপজেলা, জেলা", ওয়েবসাইট; "সিটিজেন চার্টার" শিরোনামটিও থাকতে পারে), কিন্তু পাওয়া গেছে { $found }টি; যে লাইনগুলো নেই তা যোগ করুন, অথবা বাড়তি লাইনগুলো মুছে দিন
import-upazila-district = { $line } নম্বর লাইন: এখানে কমা দিয়ে আলাদা করা উপজেলা ও জেলা থাকার কথা, যেমন "হালুয়াঘাট, ময়মনসিংহ", কিন্তু আছে "{ $found }"; কমাটি যোগ করুন
import-website = { $line } নম্বর লাইন: এখানে দপ্তরের ওয়েবসাইট থাকার কথা, যেমন "doict.haluaghat.mymensingh.gov.bd", কিন্তু আছে "{ $found }"; এই লাইনে ওয়েবসাইটটি লিখুন
# $what: vision or mission; $label: its Bangla label.
import-missing-statement = { $what ->
        [vision] ভিশন
       *[mission] মিশন
    } পাওয়া যায়নি: "১. ভিশন ও মিশন"-এর নিচে "{ $label }:" দিয়ে শুরু হওয়া একটি লাইন থাকতে হবে, তার পরে { $what ->
        [vision] ভিশনটি
       *[mission] মিশনটি
    }
import-cell-count = { $line } নম্বর লাইন: ছকের এই সারিতে ট্যাব দিয়ে আলাদা করা ঘর আছে { $found }টি, কিন্তু সেবার সারিতে থাকে ৭টি (ক্রমিক নং, সেবার নাম, পদ্ধতি, কাগজপত্র, মূল্য, সময়সীমা, কর্মকর্তা); যে ট্যাবগুলো নেই তা যোগ করুন, অথবা সারিটি দুই ভাগ হয়ে গিয়ে থাকলে জোড়া লাগান
import-orphan-continuation = { $line } নম্বর লাইন: এই সারির প্রথম ঘর খালি, অর্থাৎ এটি ওপরের সারির বাকি অংশ, কিন্তু এই ছকে এর ওপরে কোনো সেবার সারি নেই; প্রথম ঘরে সেবার ক্রমিক নম্বর (ক্রমিক নং) লিখুন
import-text-in-table = { $line } নম্বর লাইন: এই লাইনটি "{ $table }" ছকের ভেতরে, কিন্তু এটি ছকের সারি নয় (এতে কোনো ট্যাব নেই), নম্বর দেওয়া শিরোনামও নয়; যে ঘরের অংশ, তার সঙ্গে জোড়া লাগান, অথবা মুছে দিন
import-serial-not-number = { $line } নম্বর লাইন: সেবার ক্রমিক নম্বর (ক্রমিক নং) "{ $found }" কোনো সংখ্যা নয়; অঙ্কে লিখুন, যেমন "৩" বা "3"
import-duplicate-serial = { $line } নম্বর লাইন: "{ $table }" ছকে ক্রমিক নম্বর { $serial } দুইবার আছে (প্রথমবার { $first-line } নম্বর লাইনে); সেবাগুলোর ক্রমিক নম্বর নতুন করে দিন
import-no-officer-to-inherit = { $line } নম্বর লাইন: এই ছকের প্রথম সেবাতেই দায়িত্বপ্রাপ্ত কর্মকর্তার ঘর (৭ নম্বর কলাম) খালি, তাই ওপরের সারি থেকে নেওয়ার মতো কোনো কর্মকর্তা নেই; এই ঘরে কর্মকর্তার বিবরণ কপি করুন (নাম, পদবি, দপ্তর, ফোনঃ …, ইমেইলঃ …)
import-officer-cell = { $line } নম্বর লাইন: দায়িত্বপ্রাপ্ত কর্মকর্তা "{ $cell }" পড়া যায়নি: { $reason }; এভাবে লিখুন: "নাম, পদবি দপ্তর ফোনঃ … ইমেইলঃ …", যেমন "জনাব মোঃ আশিকুল ইসলাম, সহকারী প্রোগ্রামার তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর হালুয়াঘাট, ময়মনসিংহ ফোনঃ 02996673752 ইমেইলঃ shakilcse96@gmail.com"
import-no-designation = নামের পরে কোনো চেনা পদবি নেই
import-fails-check = এই লেখা থেকে পড়া চার্টারটি এখনো `charter check`-এ উতরায় না; তবুও চার্টারটি দেখানো হলো: এটি সংরক্ষণ করুন, check যা পেয়েছে তা ঠিক করুন (লাইন নম্বরগুলো দেখানো চার্টারের; citizen-3 সেবা হলো ২.১ ছকের ৩ নম্বর সারি), তারপর `charter check` চালান:

## The log of `charter serve`: its lines for people (cli/serve.rs, server/, history/mod.rs)
serve-keeping = ওয়েবসাইটে তোলা প্রতিটি সংস্করণ রাখা হচ্ছে { $folder }-এ
serve-keeping-offices = প্রতিটি দপ্তরের ওয়েবসাইটে তোলা প্রতিটি সংস্করণ রাখা হচ্ছে { $folder }-এ
serve-no-state-folder = state ফোল্ডার দেওয়া হয়নি (--state-dir, CHARTER_STATE_DIR বা STATE_DIRECTORY): সংস্করণগুলোর কোনো ইতিহাস রাখা হচ্ছে না
serve-no-runtime = সার্ভার চালু করা যাচ্ছে না (async runtime): { $error }
serve-not-watching = { $file } ফাইলের পরিবর্তনের দিকে নজর রাখা যাচ্ছে না: { $error }; SIGHUP পাঠালে তবুও নতুন করে পড়া হবে
serve-cannot-listen = { $address } ঠিকানায় সংযোগ নেওয়া যাচ্ছে না: { $error }
serve-serving = { $file } দেখানো হচ্ছে http://{ $address }/ ঠিকানায়
# $port is written as in an address.
serve-previewing = প্রিভিউ: ডিরেক্টরি আছে http://127.0.0.1:{ $port }/ ঠিকানায়, প্রতিটি দপ্তর http://<তার ফাইলের নাম>.localhost:{ $port }/ ঠিকানায়
serve-failed = সার্ভারে ত্রুটি: { $error }
serve-folder-needs-base-url = { $folder }: দপ্তরগুলোর ফোল্ডারের সঙ্গে সব দপ্তরের ডিরেক্টরিও দেখানো হয়, যার লিংক, sitemap ও robots.txt-এর জন্য তার সর্বজনীন ঠিকানা লাগে: ঠিকানাটি --base-url দিয়ে দিন (যেমন --base-url https://charter.example.gov.bd), অথবা সার্ভিসের ইউনিটে CHARTER_BASE_URL দিয়ে; এই কম্পিউটারে দপ্তরগুলো দেখতে --preview-এর কোনো ঠিকানা লাগে না
serve-not-started = ওয়েবসাইট চালু করা হয়নি। চার্টারটি ঠিক করুন, তারপর `charter check` চালিয়ে নিশ্চিত হোন।
serve-reloaded = চার্টার নতুন করে পড়া হয়েছে
serve-not-reloaded = চার্টার নতুন করে পড়া হয়নি; ওয়েবসাইট এখনো শেষ সঠিক সংস্করণটি দেখাচ্ছে:
serve-services-removed = সেভ করা চার্টারে আগেরটির চেয়ে { $count }টি সেবা কম: { $slugs }; ইচ্ছা করে না হয়ে থাকলে `charter history` ও `charter restore` দিয়ে সেগুলো ফিরিয়ে আনুন
# $restore is the command, with the version's number.
serve-restore-undone = এই সেভ সেই সংস্করণটিই ফিরিয়ে এনেছে, যার জায়গায় একটু আগে { $number } নম্বর সংস্করণ ফিরিয়ে আনা হয়েছিল: `charter restore`-এর সময় ফাইলটি কোনো এডিটরে খোলা থাকলে পুনরুদ্ধারটি মুছে গেছে। এডিটরে ফাইলটি বন্ধ করে আবার খুলুন, আর ওয়েবসাইটে সেটিই দেখানোর কথা হলে আবার `{ $restore }` চালান
serve-from-history = { $file } পড়া যাচ্ছে না; ঠিক না করা পর্যন্ত ইতিহাস ({ $folder }) থেকে { $number } নম্বর সংস্করণ দেখানো হচ্ছে (কী ঠিক করতে হবে, তা জানায় `charter check`; সংস্করণগুলোর তালিকা দেখায় `charter history`):
serve-version-unnoted = কোন সংস্করণ দেখানো হচ্ছে, ইতিহাসে তা লেখা যায়নি: { $error }
serve-file-unnoted = কোন চার্টার ফাইল দেখানো হচ্ছে, ইতিহাসে তা লেখা যায়নি: { $error }
serve-version-unservable = ইতিহাসের { $number } নম্বর সংস্করণ দেখানো যাচ্ছে না
serve-history-reread = সংস্করণ { $hash } ইতিহাসে রাখা হয়নি: { $file } আবার পড়া যাচ্ছে না: { $error }
serve-history-changed = সংস্করণ { $hash } ইতিহাসে রাখা হয়নি: পড়ার সময়েই ফাইলটি বদলে গেছে
serve-history-path-unnoted = কোন চার্টার ফাইল দেখানো হচ্ছে, ইতিহাসে তা লেখা যায়নি (তাই `charter history` ও `restore` তাদের দেওয়া পথ যাচাই করতে পারবে না): { $error }
serve-history-kept = ইতিহাসে রাখা হয়েছে: { $changes }
serve-history-known = এই সংস্করণটি ইতিহাসে আগে থেকেই আছে
serve-history-back = এই সংস্করণটি ইতিহাসে আগে থেকেই আছে: { $number } নম্বর সংস্করণে ফিরে যাওয়া হয়েছে
serve-history-failed = এই সংস্করণটি ইতিহাসে রাখা যায়নি: { $error }
serve-folder-loaded = ফোল্ডার পড়া হয়েছে
serve-preview-no-registry = ঠিকানার রেজিস্ট্রি ({ $registry }) ছাড়া প্রিভিউ: যে ঠিকানা শুধু একটি দপ্তরের ফাইলে লেখা আছে, সেটি দিয়ে সেই দপ্তরে পৌঁছানো যায়
serve-office-not-served = { $file } দেখানো হচ্ছে না:
serve-load-stopped = পড়া অপ্রত্যাশিতভাবে থেমে গেছে: { $error }
serve-folder-unread = { $folder } পড়া যাচ্ছে না; সব দপ্তর আগের মতোই দেখানো হচ্ছে
serve-office-removed = { $file } মুছে ফেলা হয়েছে; এর দপ্তর আর দেখানো হচ্ছে না
serve-office-beyond-limit = { $file } দেখানো হচ্ছে না: একটি ফোল্ডার থেকে সর্বোচ্চ { $max }টি দপ্তরের ওয়েবসাইট চলে
serve-office-added = { $file } যোগ হয়েছে: এর দপ্তর দেখানো হচ্ছে
serve-registry-not-reread = ঠিকানার রেজিস্ট্রি আবার পড়া হয়নি; আগে পড়া রেজিস্ট্রি অনুযায়ীই চলছে:
serve-registry-followed = ঠিকানার রেজিস্ট্রি বদলেছে; দপ্তরগুলো এখন সেই অনুযায়ী চলছে
serve-directory-failed = ডিরেক্টরি তৈরি করা যায়নি: { $error }
serve-directory-failed-again = ডিরেক্টরি আবার তৈরি করা যায়নি
serve-not-watching-folder = { $folder } ফোল্ডারের পরিবর্তনের দিকে নজর রাখা যাচ্ছে না: { $error }; প্রতি { $seconds } সেকেন্ডে ও SIGHUP পেলে ফোল্ডারটি দেখা হয়
serve-registry-changed = ঠিকানার রেজিস্ট্রি বদলেছে; আবার পড়া হচ্ছে
serve-file-changed = চার্টার ফাইল বদলেছে; নতুন করে পড়া হচ্ছে
serve-office-file-changed = { $file } বদলেছে; দপ্তরটির চার্টার নতুন করে পড়া হচ্ছে
serve-registry-changed-periodic = ঠিকানার রেজিস্ট্রি বদলেছে (নিয়মিত যাচাইয়ে ধরা পড়েছে)
serve-files-changed-periodic = চার্টার ফাইল বদলেছে (নিয়মিত যাচাইয়ে ধরা পড়েছে)
serve-no-sighup = SIGHUP শোনা যাচ্ছে না; নতুন করে পড়াতে ফাইলগুলো বদলান
serve-sighup = SIGHUP পাওয়া গেছে; বদলানো সব চার্টার নতুন করে পড়া হচ্ছে
serve-shutting-down = সার্ভার বন্ধ হচ্ছে: চলমান অনুরোধগুলোর উত্তর শেষ করা হচ্ছে
serve-no-staff-area = state ফোল্ডার দেওয়া হয়নি: স্টাফ অংশ (/bn/staff/) চালু হয়নি
# $file is the state folder; $error what went wrong
serve-staff-store-failed = { $file }: { $error }; স্টাফ অংশ চালু হয়নি
# $file is the staff area's database
serve-staff-area = স্টাফ অংশ /bn/staff/ ঠিকানায়, অ্যাকাউন্টগুলো { $file } ফাইলে
