# What the commands other than `charter check`'s reading of a charter say
# to a person, English: `history`, `restore`, `import`, `offices`, the
# folder findings `check` reports, and the log of `serve`. Every id here
# must also exist in locales/bn/cli.ftl (the tests compare them).
#
# Paths, commands, keys and addresses stay as written. Numbers ($count,
# $line, …) arrive as numbers, for English plurals; a number that is part
# of an address or a command arrives as text.

# Joins two names: "alpha and zulu".
cli-and = and

# The system's refusals, said in Bangla; English keeps the system's own
# words ("No such file or directory", "Permission denied").
cli-not-found = there is no such file or folder
cli-not-allowed = this user may not do it (permission denied)

## A folder of offices: entries skipped (offices/folder.rs)
offices-skipped = { $path }: skipped: { $why }
offices-skipped-too-many = { $path }: the folder holds more than { $max } entries; those after the first { $max } were not looked at
offices-skipped-link-outside = it is a link to a place outside the folder, which is not read
offices-skipped-dangling = it is a link to a file that is not there
# $kind: pipe, socket or device.
offices-skipped-special = it is { $kind ->
        [pipe] a pipe
        [socket] a socket
       *[device] a device
    }, not a plain file
offices-skipped-unreadable = it cannot be looked at: { $error }
offices-skipped-folder = it is a folder, not a charter file
offices-skipped-same-name = its name differs from { $other } only by capital letters; one office has one file: delete or rename this one
offices-skipped-not-registered = the office is not in the registry of addresses; the administrator adds it (`charter offices init` adds every new file's office)
offices-skipped-beyond-limit = a folder serves at most { $max } offices
offices-id-rules = the file's name is the office's name in web addresses, so it may only have small English letters, digits and hyphens (-), at most 63: rename it, for example to { $example }.toml
offices-id-small-letters = the file's name is the office's name in web addresses, so it is written in small letters, .toml too: rename it to { $name }.toml

## The registry of addresses (offices/registry.rs)
offices-registry-missing = { $path }: there is no registry of addresses, which says which addresses reach each office: `charter offices init` writes it from the offices' files as they are
offices-registry-unreadable = { $path }: cannot read the registry of addresses: { $error }
offices-registry-not-text = { $path }: cannot read the registry of addresses: it is not UTF-8 text
offices-registry-unwritable = { $path }: cannot write the registry of addresses: { $error }
# $message is the TOML reader's own, in English.
offices-registry-toml = { $message } (TOML)
offices-registry-not-part = "{ $key }" is not part of a registry of addresses, which has one table, [offices]
offices-registry-not-table = offices is a table: [offices], then a line per office
offices-registry-not-list = the addresses of { $id } are a list: { $id } = ["its.address.gov.bd"]
offices-registry-not-quoted = each address of { $id } is a text in quotes: "its.address.gov.bd"
offices-registry-bad-id = office "{ $id }" is left out: { $problem }
offices-registry-too-many = office { $id } is left out: a folder serves at most { $max } offices
# $problem: name (not a host name), ip, localhost.
offices-registry-bad-address = address "{ $host }" of { $id } is left out: { $problem ->
        [ip] it is an IP address, which reaches whatever server answers on it
        [localhost] it is this computer's own name
       *[name] it is not a host name (write the name only, without https:// or a path)
    }
offices-registry-directory = address { $host } of { $id } is left out: it is the directory's own address (--base-url), which reaches no office
offices-registry-twice = address { $host } is written twice for { $id }
offices-registry-max-hosts = address { $host } of { $id } is left out: an office has at most { $max } addresses
offices-registry-shared = address { $host } is given to { $id } and to { $others }: it reaches neither until one of the two lines is corrected

## An address a file names that does not reach its office (offices/addresses.rs)
# $kind is the key of the file: website or alias.
offices-refused-held = { $kind } { $host } is the address of the office { $other } in the registry of addresses, not of this office: it does not reach this office; correct the file, or ask the administrator to change the registry
offices-refused-not-given = { $kind } { $host } is not this office's address in the registry of addresses: it does not reach this office until the administrator gives it there
offices-refused-directory = { $kind } { $host } is the directory's own address (--base-url), which reaches no office: correct the file
offices-refused-contested = { $kind } { $host } is named by { $others } too: it reaches neither office until one of the files is corrected (a registry of addresses decides, `charter offices init`)

## `charter offices` and `charter offices init` (cli/offices.rs, offices/init.rs)
offices-not-a-folder = { $folder }: not a folder: `charter offices` is for a folder of offices' charter files (a single charter file needs no registry of addresses)
offices-folder-unreadable = { $folder }: cannot read the folder: { $error }
offices-list-heading = Offices of { $folder } and their addresses ({ $registry }):
offices-list-no-address = (no address: it is reached by none)
offices-list-no-file = (no file)
offices-list-not-registered = Not in the registry (`charter offices init` adds them): { $files }
offices-list-summary = { $offices ->
        [one] { $offices } office
       *[other] { $offices } offices
    }; { $unregistered ->
        [one] { $unregistered } file
       *[other] { $unregistered } files
    } not in the registry
offices-init-added = added { $id }: { $hosts }
# $written: yes or no.
offices-init-summary = { $registry }: { $written ->
        [yes] written
       *[no] unchanged
    }: { $offices } offices, { $added } added, { $kept } kept as they were
offices-init-invalid = { $file }: not added: the file has the errors above; `charter offices init` adds it once `charter check` finds none
offices-init-beyond-limit = { $file }: not added: a folder serves at most { $max } offices
offices-init-address = { $kind } { $host } not given to { $id }: { $why }
offices-init-directory = it is the directory's own address (--base-url)
offices-init-held = it is already the address of { $holder }
offices-init-named-too = the file of { $others } names it too; give it to one of them in the registry by hand
offices-init-no-address = { $file }: not added: none of the addresses its file names can be given to { $id }
offices-init-registry-unchanged = The registry was not changed.

## `charter history` (history/commands.rs)
history-no-such-folder = { $folder }: no such folder
history-no-state-folder = no state folder: give the one `charter serve` uses with --state-dir or CHARTER_STATE_DIR (with the systemd unit: /var/lib/charter)
history-empty = No versions kept yet in { $folder }: the server keeps each version it loads.
history-other-file = warning: { $file } is not the charter file the server serves, which is { $served }: give --charter { $served } or set CHARTER_FILE={ $served } to see which version it holds
history-charter-unreadable = { $file }: cannot read the charter file: { $error }
history-heading = Versions of the charter kept in { $folder }, newest first (times in Bangladesh, BST):
history-not-listed-other = { $file } is not in the list: it is not the file the server serves, which is { $served }.
history-not-listed = { $file } is not in the list: the server has not loaded it (`charter check` says why).
history-how-to-restore = To put a version back: charter restore NUMBER
# A row of the list: $count is already as wide as the column.
history-services = { $count } services
history-back-to = back to version { $number }
history-now = <- the charter file now
# $time: year-month-day hour:minute, Bangladesh time.
history-time = { $time } BST
history-unknown-time = an unknown time
history-offices-empty = No versions kept yet in { $folder }: the server keeps each version it loads of each office of { $offices }.
history-offices-heading = { $offices } is a folder of offices; the versions kept of each, in { $folder } (times in Bangladesh, BST):
history-office-versions = { $count ->
        [one] { $count } version
       *[other] { $count } versions
    }, the newest { $number } ({ $when })
history-office-none = none yet
history-offices-how-to-see = To see one office's versions, name its file: charter history --charter { $file }
history-offices-how-to-restore = To put one back: charter restore NUMBER --charter { $file }

## What changed in a version (history/changes.rs); $names are slugs
history-changes-first = first version kept
history-changes-same = same content (only spacing or comments changed)
history-changes-added = added { $names }
history-changes-removed = removed { $names }
history-changes-changed = changed { $names }
history-changes-reordered = services in a new order
history-changes-sections = also changed [{ $sections }]
history-changes-more = { $names } and { $more } more
history-changes-then = { $first }; { $rest }

## The history's files (history/mod.rs)
history-cannot = { $path }: cannot { $action }: { $error }
history-cannot-without-path = cannot { $action }: { $error }
history-action = { $action ->
        [read-folder] read the history folder
        [read] read
        [read-version] read the version
        [write] write
        [create-folder] create the history folder
        [delete-old] delete an old version
        [resolve-path] resolve the charter file's path
        [follow-link] follow the link
        [read-charter] read the charter file
        [write-charter] write the charter file
       *[copy-aside] copy the charter file aside
    }
history-damaged = { $path }: { $message }
history-damaged-entry = not a history entry: { $error }
history-damaged-events = not a list of events: { $error }
history-damaged-hash = the stored copy does not match its hash; it was changed or damaged
history-damaged-changed = changed while it was being checked
history-damaged-json = cannot be written as JSON: { $error }
history-not-found = version { $number } is not in the history; `charter history` lists the versions kept

## `charter restore` (cli/history.rs, history/commands.rs, history/restore.rs)
restore-folder = { $folder } is a folder of offices: name the office whose version to put back, by its file: charter restore { $number } --charter { $folder }/haluaghat.toml (`charter history --charter { $folder }` lists the offices); nothing was changed
restore-not-in-history = version { $number } is not in the history; { $kept }
restore-not-a-number = "{ $number }" is not a version number; { $kept }
restore-kept-none = the history holds no versions yet
# $runs: "3-7, 9".
restore-kept = it holds { $count ->
        [one] version
       *[other] versions
    } { $runs } (`charter history` lists them)
restore-backup = The charter file held a version the history does not have; it is copied to { $backup }
# $in-place: yes or no.
restore-done = Restored version { $number } ({ $when }, { $services } services) into { $file }{ $in-place ->
        [yes] , written in place
       *[no] {""}
    }; a running server shows it in a moment.
restore-already = { $file } already holds version { $number } ({ $when }).
# Printed in both languages after every restore.
restore-after-editor = If the charter file is open in an editor (Notepad, WinSCP's editor), close it and open it again before you edit it: saving the text it still holds would undo this restore.
restore-invalid = version { $number } is not a valid charter for this program; nothing was changed
restore-not-served = { $path } is not the charter file the server serves, which is { $served }: give --charter { $served } or set CHARTER_FILE={ $served }; nothing was changed
restore-no-file = no charter file at { $path }; give --charter or set CHARTER_FILE, e.g. CHARTER_FILE=/srv/charter/charter.toml; nothing was changed

## `charter import` (cli/import.rs, import/)
import-not-utf8 = { $file }: cannot read the file: it is not UTF-8 text; save it as UTF-8 (Notepad: File > Save As, Encoding UTF-8)
import-unreadable = { $file }: cannot read the file: { $error }
import-no-service-table = no service table found: the text needs a heading such as "২.১) নাগরিক সেবা" or "২.২) প্রাতিষ্ঠানিক সেবা" followed by rows of 7 cells separated by tabs (ক্রমিক নং, সেবার নাম, পদ্ধতি, কাগজপত্র, মূল্য, সময়সীমা, কর্মকর্তা); copy the whole charter page from the portal, tables included
import-header-lines = line { $line }: expected 5 lines of office details before this heading (government, office, department, "upazila, district", website; the title "সিটিজেন চার্টার" may be added) but found { $found }; add the missing lines or remove the extra ones
import-upazila-district = line { $line }: expected the upazila and the district separated by a comma, like "হালুয়াঘাট, ময়মনসিংহ", but found "{ $found }"; add the comma
import-website = line { $line }: expected the office's website, like "doict.haluaghat.mymensingh.gov.bd", but found "{ $found }"; put the website on this line
# $what: vision or mission; $label: its Bangla label.
import-missing-statement = no { $what } found: under "১. ভিশন ও মিশন" the text needs a line starting with "{ $label }:" followed by the { $what }
import-cell-count = line { $line }: this table row has { $found } cells separated by tabs, but a service row has 7 (ক্রমিক নং, সেবার নাম, পদ্ধতি, কাগজপত্র, মূল্য, সময়সীমা, কর্মকর্তা); add the missing tabs, or join the row if it was cut in two
import-orphan-continuation = line { $line }: this row starts with an empty cell, which means it continues the row above, but there is no service row above it in this table; put the service number (ক্রমিক নং) in its first cell
import-text-in-table = line { $line }: this line is inside the table "{ $table }" but is not a table row (it has no tabs) nor a numbered heading; join it to the cell it belongs to, or delete it
import-serial-not-number = line { $line }: the service number (ক্রমিক নং) "{ $found }" is not a number; write it with digits, like "৩" or "3"
import-duplicate-serial = line { $line }: service number { $serial } appears twice in "{ $table }" (first on line { $first-line }); renumber the services
import-no-officer-to-inherit = line { $line }: the responsible officer cell (column 7) is empty on the first service of this table, so there is no officer above to repeat; copy the officer (name, designation, office, ফোনঃ …, ইমেইলঃ …) into this cell
import-officer-cell = line { $line }: the responsible officer "{ $cell }" could not be read: { $reason }; write it as "name, designation office ফোনঃ … ইমেইলঃ …", for example "জনাব মোঃ আশিকুল ইসলাম, সহকারী প্রোগ্রামার তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর হালুয়াঘাট, ময়মনসিংহ ফোনঃ 02996673752 ইমেইলঃ shakilcse96@gmail.com"
import-no-designation = no known designation (পদবি) after the name
import-fails-check = the charter read from this text does not pass `charter check` yet; it is printed all the same: save it, fix what check found (the lines are those of the printed charter; service citizen-3 is row ৩ of table ২.১), then run `charter check`:

## The log of `charter serve`: its lines for people (cli/serve.rs, server/, history/mod.rs)
serve-keeping = keeping every version loaded in { $folder }
serve-keeping-offices = keeping every version loaded of each office in { $folder }
serve-no-state-folder = no state folder (--state-dir, CHARTER_STATE_DIR or STATE_DIRECTORY): no history of versions is kept
serve-no-runtime = cannot start the async runtime: { $error }
serve-not-watching = not watching { $file }: { $error }; SIGHUP still reloads
serve-cannot-listen = cannot listen on { $address }: { $error }
serve-serving = serving { $file } on http://{ $address }/
# $port is written as in an address.
serve-previewing = previewing: the directory is at http://127.0.0.1:{ $port }/, each office at http://<its file's name>.localhost:{ $port }/
serve-failed = server error: { $error }
serve-folder-needs-base-url = { $folder }: a folder of offices is served with the directory of them all, whose public address is needed for its links, sitemap and robots.txt: give it with --base-url (for example --base-url https://charter.example.gov.bd), or CHARTER_BASE_URL in the service's unit; to look at the offices on this computer, --preview needs none
serve-not-started = The site was not started. Fix the charter and run `charter check` to confirm.
serve-reloaded = charter reloaded
serve-not-reloaded = charter not reloaded; still serving the last good version:
serve-services-removed = the charter saved has { $count ->
        [one] { $count } service
       *[other] { $count } services
    } fewer than the one it replaces: { $slugs }; if that was not meant, `charter history` and `charter restore` bring them back
# $restore is the command, with the version's number.
serve-restore-undone = this save brings back the version that version { $number } replaced, a moment ago: if the file was open in an editor during `charter restore`, the restore is undone. Close the file in the editor, open it again, and run `{ $restore }` again if that is what the site should show
serve-from-history = { $file } cannot be loaded; serving version { $number } from the history ({ $folder }) until it is fixed (`charter check` says what to fix; `charter history` lists the versions):
serve-version-unnoted = the history does not say which version is served: { $error }
serve-file-unnoted = the history does not say which charter file is served: { $error }
serve-version-unservable = version { $number } of the history cannot be served
serve-history-reread = version { $hash } not kept in the history: cannot read { $file } again: { $error }
serve-history-changed = version { $hash } not kept in the history: the file changed while it loaded
serve-history-path-unnoted = the history does not say which charter file is served (`charter history` and `restore` cannot check the path they are given): { $error }
serve-history-kept = kept in the history: { $changes }
serve-history-known = the history already holds this version
serve-history-back = the history already holds this version: back to version { $number }
serve-history-failed = this version was not kept in the history: { $error }
serve-folder-loaded = folder loaded
serve-preview-no-registry = previewing without a registry of addresses ({ $registry }): each address reaches the office whose file alone names it
serve-office-not-served = { $file } is not served:
serve-load-stopped = the load stopped unexpectedly: { $error }
serve-folder-unread = cannot read { $folder }; every office keeps being served
serve-office-removed = { $file } was removed; its office is no longer served
serve-office-beyond-limit = { $file } is not served: a folder serves at most { $max } offices
serve-office-added = { $file } added: its office is served
serve-registry-not-reread = the registry of addresses is not read again; the one read before is served:
serve-registry-followed = the registry of addresses changed; the offices follow it
serve-directory-failed = the directory could not be made: { $error }
serve-directory-failed-again = the directory could not be made again
serve-not-watching-folder = not watching { $folder } for changes: { $error }; it is looked at every { $seconds } s and on SIGHUP
serve-registry-changed = the registry of addresses changed; reading it again
serve-file-changed = charter file changed; reloading
serve-office-file-changed = { $file } changed; reloading its office
serve-registry-changed-periodic = the registry of addresses changed (periodic check)
serve-files-changed-periodic = charter files changed (periodic check)
serve-no-sighup = cannot listen for SIGHUP; reload by editing the files instead
serve-sighup = SIGHUP received; reloading every changed charter
serve-shutting-down = shutting down: finishing requests in flight
serve-no-staff-area = no state folder: no staff area (/bn/staff/) is served
# $file is the state folder; $error what went wrong
serve-staff-store-failed = { $file }: { $error }; no staff area is served
# $file is the staff area's database
serve-staff-area = staff area at /bn/staff/, accounts in { $file }
