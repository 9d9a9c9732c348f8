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
