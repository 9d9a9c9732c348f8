# What `charter check` says about a charter file, English. Every id here
# must also exist in locales/bn/check.ftl (the tests compare them).
#
# Arguments in quotes or after "line" are as the file has them: keys,
# values, headings and examples stay as typed, in both languages. Numbers
# ($line, $count, …) arrive as numbers, for English plurals.

## The words of a report
check-error = error
check-warning = warning
check-hint = hint
check-example = example

## The file's bytes (decode.rs)
check-save-as-utf8 = open the file in Notepad, choose File > Save As, set Encoding to UTF-8, and save
check-utf16 = the file is saved as UTF-16 ("Unicode"), which the site cannot read
check-ansi = the file was saved as "ANSI", which cannot hold Bangla letters: they became ???
check-ansi-hint = saving it again cannot bring them back: put the last good version back with charter restore (see charter history), or type the texts again, and save as UTF-8
check-not-utf8 = line { $line } column { $column } has a character that is not saved as UTF-8

## Texts (validate.rs); $name is the name of a text (check-text-*)
check-stand-in-text = a text of { $name } is still the stand-in { $stand-in }
check-stand-in-text-hint = write the real text between the quotes
check-question-marks = the Bangla text of { $name } has only question marks
check-question-marks-hint = the file was saved in a form that cannot hold Bangla letters (Notepad's "ANSI"): put the last good version back with charter restore, or type the text again, and save as UTF-8
check-empty-bangla = the Bangla text of { $name } is empty
check-empty-bangla-hint = write the text between the quotes: bn = "…"
check-tab = a text of { $name } has a tab in it
check-tab-hint = a tab shows as a space on the page; type a space instead
check-empty-english = the English text of { $name } is empty
check-empty-english-hint = write the translation, or remove `en = ""` to show the Bangla text on English pages
check-no-english = { $name } has no English text
check-no-english-hint = add en = "…" after the Bangla text; until then English pages show it in Bangla

## Officers and services (validate.rs)
check-officer-id-not-simple = officer id "{ $id }" is not a simple name
check-officer-id-not-simple-hint = use lower-case English letters, digits and hyphens, e.g. assistant-programmer
check-officer-id-twice = officer id "{ $id }" is used twice
check-officer-id-twice-hint = give each officer their own id; the first "{ $id }" is on line { $line }
check-slug-not-simple = service slug "{ $slug }" is not a simple name
check-slug-not-simple-hint = use lower-case English letters, digits and hyphens, e.g. ict-training
check-slug-twice = service slug "{ $slug }" is used twice
check-slug-twice-hint = each service needs its own slug, its web address; the first "{ $slug }" is on line { $line }
# $field is officer or senior_officer.
check-unknown-officer = unknown { $field ->
        [senior_officer] senior officer
       *[officer] officer
    } "{ $id }"
check-no-officers = add an [[officers]] entry with this id
check-known-officers = known officers: { $ids }
check-no-officer = service { $slug } has no responsible officer
check-no-officer-hint = add officer = "<officer id>" so citizens know whom to contact
check-officer-id-misspelt = no service refers to officer id "{ $id }", and { $count } refer to "{ $named }"
check-officer-id-misspelt-hint = if the id is misspelt here, correct it here, once

## Dates (validate.rs, shape.rs)
check-not-a-date = { $date } is not a date
check-date-with-time = last_updated must be a date without a time
check-date-with-time-hint = write it as year-month-day
check-date-in-future = last_updated { $date } is in the future
check-date-in-future-hint = write the date the charter was actually changed
check-no-month = there is no month { $month }: months go from 1 to 12
# "November 2026 has 30 days".
check-month-days = { $month } { $year } has { $days } days
check-month = { $month ->
        [january] January
        [february] February
        [march] March
        [april] April
        [may] May
        [june] June
        [july] July
        [august] August
        [september] September
        [october] October
        [november] November
       *[december] December
    }

## Serial numbers (serials.rs); $group is a check-group
check-group = { $group }
check-serial-zero = serial number 0 is not allowed
check-serial-zero-hint = serial numbers start at 1
check-serial-twice = serial { $serial } is used twice among the { $group } services
check-serial-twice-hint = number the services of each group 1, 2, 3, …; the first { $serial } is on line { $line }
# A number skipped: $from to $to are missing ($missing: one or more),
# $serial comes after $before.
check-serial-missing = serial { $serial } comes after { $before } among the { $group } services: { $missing ->
        [one] { $from } is missing
       *[more] { $from } to { $to } are missing
    }
check-serial-first-missing = the { $group } services start at serial { $serial }: { $missing ->
        [one] { $from } is missing
       *[more] { $from } to { $to } are missing
    }
check-serial-missing-hint = if a service was removed on purpose, number the ones after it again so that no number is skipped; if it was deleted by mistake, put it back
check-grievance-serial = grievance serial { $serial } is zero or used twice
check-grievance-serial-hint = number the grievance steps 1, 2, 3, …

## Addresses, phone numbers, e-mail (contacts.rs)
# $problem: name (not a web address), ip, localhost.
check-website = website "{ $website }" { $problem ->
        [ip] is an IP address, not a name
        [localhost] is this computer's own name
       *[name] is not a web address
    }
check-website-hint = { $problem ->
        [ip] write the office's name on the web, which people type and DNS turns into an address
        [localhost] write the office's name on the web, which people type to reach the site
       *[name] write the address only, without https:// or a path
    }
check-aliases-too-many = there are { $count } aliases: a site answers to at most { $max } other names
check-aliases-too-many-hint = keep the names people really use, and delete the others from here on
check-alias = alias "{ $alias }" { $problem ->
        [ip] is an IP address, not a name
        [localhost] is this computer's own name
       *[name] is not a web address
    }
check-alias-hint = { $problem ->
        [ip] an alias is another name people type to reach the site; delete this one
        [localhost] an alias is another name people type to reach the site; delete this one
       *[name] write each address only, without https:// or a path
    }
check-alias-website = alias "{ $alias }" is the website itself
check-alias-website-hint = the site answers to its website already: aliases are its other names; delete this one
check-alias-twice = alias "{ $alias }" is written twice
check-alias-twice-hint = write each name once; the first is on line { $line }, column { $column }: delete this one
check-phone = phone number "{ $phone }" is not valid
check-phone-hint = write 6 to 15 digits, optionally starting with +, with spaces or hyphens between them if you like, and nothing else (no words)
check-email = e-mail address "{ $email }" is not valid
check-email-hint = write it like name@example.gov.bd: one @, no spaces

## Sections and keys (schema.rs); $section is a section's name: office,
## charter, officers, services or grievance
check-unknown-section = "{ $name }" is not a part of a charter
check-unknown-section-hint = the parts are [office], [charter], [[officers]], [[services]] and [[grievance]]
check-no-section = the file has no { $heading } section
check-no-section-hint = every charter has [office] and [charter]; see charter.toml for a complete file
# $key is the first line of a section whose heading was deleted.
check-heading-missing = the line "{ $key }" and those after it belong under the heading { $heading }, which is missing
check-heading-missing-hint = put { $heading } on a line of its own above this line
check-not-a-section = "{ $name }" must be a section headed { $heading } with its lines below it
check-not-a-section-many-hint = a part of which there are many has two brackets on each side of its heading
check-not-a-section-one-hint = start the section with its heading on a line of its own, one bracket on each side
check-unknown-key = "{ $key }" is not something { $section ->
        [office] the [office] section
        [charter] the [charter] section
        [officers] this officer
        [services] this service
       *[grievance] this grievance step
    } can have
check-unknown-key-near = "{ $key }" is not something { $section ->
        [office] the [office] section
        [charter] the [charter] section
        [officers] this officer
        [services] this service
       *[grievance] this grievance step
    } can have: did you mean "{ $near }"?
check-unknown-key-hint = the lines { $section ->
        [office] the [office] section
        [charter] the [charter] section
        [officers] this officer
        [services] this service
       *[grievance] this grievance step
    } can have start with: { $keys }
check-key-elsewhere = "{ $key }" belongs under { $heading }: move this line there
check-missing-key = { $section ->
        [office] the [office] section
        [charter] the [charter] section
        [officers] this officer
        [services] this service
       *[grievance] this grievance step
    } has no "{ $key }"
check-missing-key-hint = add a line like the example below { $heading }

## Values (values.rs); $key is a key of the file
-text-form = {"{"} bn = "…", en = "…" {"}"}
check-items-not-texts = each item of "{ $key }" is written { -text-form }
check-items-not-texts-hint = put {"{"} bn = before each Bangla text and {"}"} after it; add en = "…" with the English
check-empty-list = the list of "{ $key }" is empty
check-empty-list-hint = write at least one text between [ and ], each as { -text-form }
check-item-not-quoted = each item of "{ $key }" is a text between double quotes
check-item-not-quoted-hint = put a straight double quote " before and after each item, with a comma between items
check-not-a-list = "{ $key }" is a list: its texts go between [ and ]
check-not-a-list-hint = put [ before the first text and ] after the last, with a comma between texts
check-not-a-group = "{ $group }" is not one of the service groups
check-not-a-group-hint = write citizen (নাগরিক সেবা), institutional (প্রাতিষ্ঠানিক সেবা) or internal (অভ্যন্তরীণ সেবা)
# $kind: number, date, group, plain (a text in quotes), plains (a list of them).
check-wrong-kind = "{ $key }" must be { $kind ->
        [number] a whole number like 1, 2 or 3
        [date] a date written year-month-day
        [group] one of the words citizen, institutional or internal, in quotes
        [plains] a list of texts between double quotes
       *[plain] a text between double quotes
    }
# $part is bn or en.
check-part-not-quoted = the { $part } part of "{ $key }" must be a text between double quotes
check-part-not-quoted-hint = put the text between straight double quotes "…"
check-not-a-part = "{ $part }" is not part of a text: a text has bn (Bangla) and en (English)
check-not-a-part-near = "{ $part }" is not part of a text: a text has bn (Bangla) and en (English); did you mean "{ $near }"?
check-not-a-part-hint = write bn = before the Bangla and en = before the English
check-no-bangla = the text of "{ $key }" has no Bangla (bn = "…")
check-no-bangla-hint = every text is written in Bangla, and in English when there is a translation
check-not-a-text = "{ $key }" must be written with its Bangla and English texts
check-not-a-text-hint = write the Bangla after bn = and the English after en =, each between double quotes

## Quotes and signs (recovery/quotes.rs)
check-curly-quote = this line has a curly quote { $quote } where a straight quote " belongs
check-curly-quote-hint = word processors and phone keyboards change " into “ ”; type the straight quote " instead, or edit the file in Notepad
# $kind is one of the characters below; $code its number, U+00A0.
check-invisible = there is an invisible character here ({ $kind ->
        [no-break-space] a no-break space
        [zero-width-space] a zero-width space
        [zero-width-non-joiner] a zero-width non-joiner
        [zero-width-joiner] a zero-width joiner
        [word-joiner] a word joiner
        [byte-order-mark] a byte-order mark
       *[special-space] a special space
    }, { $code })
check-invisible-hint = delete the spaces around this spot and type them again with the space bar
# $sign is । or another sign typed for a comma.
check-not-a-comma = this { $sign } is not a comma
check-not-a-comma-hint = between two parts of a line, and between the items of a list, type a comma ,
check-no-closing-quote = the text starting at line { $line } column { $column } has no closing quote
check-no-closing-quote-hint = end every text with a straight double quote "
check-text-on-one-line = a text stays on one line: join line { $line } to this one
check-no-opening-quote = this text has a closing quote but no opening quote
check-no-opening-quote-hint = a text begins and ends with a straight double quote "
check-comma-between-items = a comma is missing between these two items
check-comma-after-each-item = put a comma after each item of a list
check-quote-inside = the text starting at line { $line } column { $column } has a " inside it
check-quote-inside-hint = a quote inside a text is written \" (or use ‘ ’ there)
check-words-after-quote = these words come after the text's closing quote
check-words-after-quote-hint = put them inside the quotes, or delete them

## What the parser stops at (recovery/syntax.rs)
check-list-not-closed = the list that starts on line { $line } has no closing ]
check-list-not-closed-hint = end the list with ] on a line of its own after its last item
check-comma-before-item = a comma is missing before this item
check-comma-after-item = a comma is missing after the item on line { $line }
check-brace-not-closed = the text on line { $line } has no closing {"}"}
check-brace-not-closed-hint = a text { -text-form } ends with {"}"} on the same line
check-comma-missing = a comma is missing here
check-comma-missing-hint = put a comma between the Bangla and the English text: { -text-form }
check-heading-brackets = the heading { $heading } has { $opens } [ but { $closes } ]
check-heading-brackets-hint = a heading has as many ] after its name as [ before it
check-heading-bracket-count = the heading { $heading } needs { $count } brackets on each side
check-heading-bracket-count-hint = [office] and [charter] have one bracket on each side; [[officers]], [[services]] and [[grievance]], of which there are many, have two
check-backslash = a backslash \ cannot stand alone in a text
check-backslash-hint = write / instead, or \\ for a backslash; \" is a quote inside a text
# The parser's own complaint, when nothing above was found; $kind: date,
# leading-zero, key, no-value, list, text, quotes, other.
check-cannot-read = { $kind ->
        [date] this date cannot be read
        [leading-zero] a number cannot start with 0
        [key] the name before = can only have English letters, digits, - and _
        [no-value] a line must have a name, an = sign and a value
        [list] this list is not written correctly
        [text] this text is not written correctly
        [quotes] a text must be between straight double quotes
       *[other] the file cannot be read from this point
    }
check-cannot-read-hint = { $kind ->
        [date] write dates as year-month-day
        [leading-zero] leave out the leading 0
        [key] write the name as docs/charter.md does; texts go after = between quotes
        [no-value] write the name, then =, then the value
        [list] a list is [ item, item ] with a comma between items and ] at its end
        [text] a text is { -text-form }: a comma between the two parts and {"}"} at its end, all on one line
        [quotes] put " before and after the text
       *[other] each line is one name = value; compare this line with the same kind of line elsewhere in the file
    }

## Lines not written as name = value (recovery/lines.rs)
check-two-commas = two commas stand together
check-two-commas-hint = one comma separates two parts
check-lone-bracket = this line has only a bracket, which closes nothing
check-lone-bracket-hint = delete this line
check-leading-comma = a comma at the start of a line separates nothing
check-leading-comma-hint = a comma goes after an item, at the end of its line
check-space-in-name = a name has no spaces in it
check-space-in-name-hint = write { $key }, with _ between the words
check-brackets-for-braces = { $key } is written with {"{"} {"}"}, not [ ]
check-brackets-for-braces-hint = a text is { -text-form }; [ ] holds a list of such texts
check-colon = a name and its value are joined by =, not by :
check-colon-hint = write = between a name and its value
check-no-equals = = is missing after { $key }
check-no-equals-hint = write the name, then =, then the value
check-no-equals-in-text-hint = inside {"{"} {"}"}, write bn = "…" and en = "…"
check-bad-heading = this heading is not written as headings are
check-bad-heading-hint = a heading is a name between brackets on a line of its own
check-not-a-line = this line is neither name = value nor a heading
check-not-a-line-hint = if it is a note for the staff, start it with #: the site ignores such lines
# $part is bn or en.
check-part-no-quotes = the text after { $part } = has no quotes
check-part-no-quotes-hint = put a straight double quote " before and after the text
check-list-not-opened = the list of { $key } has no opening [
check-list-not-opened-hint = a list starts with [ after =, and ends with ] on a line of its own
check-no-value = { $key } has no value
check-no-value-hint = write its value after =, on the same line
check-value-next-line = the value of { $key } is not on its line
check-value-next-line-hint = a value goes on the same line as its name, after =: join line { $line } to this one
# $sign is what was typed after the value: , ; . or ।
check-sign-after-value = the { $sign } after the value of { $key } is not needed
check-sign-after-value-hint = delete the { $sign } at the end of the line
check-value-no-quotes = the value of { $key } must be between double quotes
check-value-no-quotes-hint = put a straight double quote " before and after it
check-text-no-braces = { $key } is written { -text-form }
check-text-no-braces-hint = write the Bangla after bn = and the English after en =, each between double quotes, all between {"{"} and {"}"}
check-date-hyphens-hint = write dates as year-month-day, with hyphens
check-list-no-brackets = { $key } is a list of texts, each between double quotes
check-list-no-brackets-hint = put [ before the first text and ] after the last; a straight double quote " before and after each text, with a comma between texts
check-items-no-quotes = the texts in the list of { $key } have no quotes
check-items-no-quotes-hint = put a straight double quote " before and after each text

## A key or a heading written twice (recovery/duplicates.rs)
# $part is bn or en, $other the other one.
check-part-twice = { $part } is written twice in this text
check-part-twice-hint = a text has one bn (Bangla) and one en (English); the second { $part } should be { $other }
check-part-twice-other-hint = write each name once inside {"{"} {"}"}
check-heading-twice = the heading { $heading } is written twice
check-heading-twice-at = the heading { $heading } is written twice (first on line { $line })
check-heading-twice-hint = there is one { $heading } section: move the lines under this heading up under the first { $heading }, and delete this heading
check-key-twice = "{ $key }" is written twice in the same part of the file
check-key-twice-at = "{ $key }" is written twice in the same part of the file (first on line { $line })
check-entry-heading-hint = each new entry begins with its own heading line; if a new one begins here, put { $heading } on the line before it
check-line-twice-hint = write each line once: delete one of the two
# Line $line has $earlier, line $later-line has $later; the earlier runs
# to line $last ($lines: one or more).
check-keep-the-later-hint = line { $line } has { $earlier } and line { $later-line } has { $later }: the later one is most likely the one meant, so delete { $lines ->
        [one] line { $line }
       *[more] lines { $line } to { $last }
    }

## The name of a text in a message ($name above); $key is its key
check-text-office = office.{ $key }
check-text-charter = charter.{ $key }
check-text-expectation = charter.expectations[{ $n }]
check-text-officer = officer { $id }: { $key }
check-text-service = service { $slug }: { $key }
check-text-grievance = grievance { $n }: { $key }

## Reading the file (errors.rs, file.rs)
# "1 error in charter.toml", at the end of a report.
check-summary = { $count ->
        [one] { $count } error
       *[other] { $count } errors
    } in { $file }
check-cannot-read-file = { $path }: cannot read the charter file: { $reason }
check-file-not-found = there is no such file
check-file-not-allowed = this user may not read it
check-not-a-plain-file = it is not a plain file (a folder, a device or a pipe); the charter must be a text file
check-file-too-large = it is larger than { $mb } MB, far more than any charter; is it the right file? (a larger charter needs --max-charter-mb)
check-link-outside = it is a link to a place outside the folder of offices, which is not read

## `charter check`'s own lines (cli/check.rs)
check-ok = { $file }: OK: { $services ->
        [one] { $services } service
       *[other] { $services } services
    }, { $officers ->
        [one] { $officers } officer
       *[other] { $officers } officers
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
check-pages-fail = { $file }: error: the pages cannot be made: { $error }
check-folder-unreadable = { $folder }: cannot read the folder: { $error }
check-folder-empty = { $folder }: error: no charter in this folder: each office's charter is a file ending in .toml directly in it, for example haluaghat.toml
check-folder-summary = { $folder }: { $offices } offices: { $ok } OK, { $bad } with errors; { $skipped } entries skipped

## With the server's state folder (cli/check.rs): the services of the
## version the site shows that the file no longer has, each "slug (name)"
check-removed-since-served = { $count ->
        [one] a service of the version the site shows (version { $version }) is not in this file
       *[other] { $count } services of the version the site shows (version { $version }) are not in this file
    }: { $services }
# $restore is the command, with the version's number.
check-removed-since-served-hint = if { $count ->
        [one] it was
       *[other] they were
    } deleted by mistake, `{ $restore }` puts that version back whole, undoing what was saved since (`charter history` lists the versions); if on purpose, nothing more is needed
check-removed-service = { $slug } ({ $en })
check-removed-slug = { $slug }
check-removed-more = { $first }, { $rest }

## The program itself
# An interface text of the program itself missing in one language.
check-message-missing = locales/{ $lang }/: error: message "{ $id }" is missing
