# Interface strings of the staff area, English.
# Every id here must also exist in locales/bn/staff.ftl (the tests compare them).

staff-area = Staff area
staff-nav-label = Staff menu
staff-home = Office home
staff-signed-in-as = Signed in as
staff-sign-out = Sign out
staff-sign-out-everywhere = Sign out everywhere
staff-back-home = Back to the staff area

staff-sign-in-title = Sign in
staff-name = Name
staff-password = Password
staff-sign-in = Sign in
staff-sign-in-help = No account yet, or forgot your password? Ask your administrator for a link to set one.
staff-sign-in-failed = The name or the password is not right, or this account cannot sign in here.
staff-needs-https = For your password's safety, the staff area opens over HTTPS only. Use the address that starts with https://.
staff-throttled = Too many failed attempts. Try again in { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}.
staff-ended = Your session has ended. Please sign in again.
staff-ended-kept = Your session ended before your form was sent. What you sent is kept: after you sign in again, the office's page offers it back.
staff-ended-carried = Your session ended before your form was sent. Sign in again here and what you sent is kept for you.
staff-busy-title = Busy
staff-busy = The server is busy. Please try again in a moment.
staff-too-large-title = Text too large
staff-too-large = The text sent is larger than this form takes: at most { $mb } MB. Nothing was saved. Go back to keep your text, and send a shorter one.

staff-set-password-title = Set your password
staff-set-password-intro = Set the password of the account { $name }. The link works once.
staff-new-password = New password
staff-password-again = The same password again
staff-set-password = Set password
staff-password-rule = At least { $min } characters. A few words make a good password, in Bangla or English.
staff-password-short = The password is too short: at least { $min } characters.
staff-password-long = The password is too long: at most { $max } characters.
staff-password-common = This password is too common (or it is the account's name). Choose another.
staff-password-mismatch = The two passwords are not the same.
staff-password-was-set = Your password is set. Sign in with it.
staff-link-gone-title = Link no longer valid
staff-link-gone = This link has been used, replaced by a newer one, or is more than 24 hours old. Ask your administrator for a new one.

staff-forbidden-title = Not allowed
staff-forbidden-origin = This form was not sent from a page of this site, so it was refused.
staff-forbidden-csrf = This form has expired. Open the page again and send it once more.
staff-forbidden-office = Your account cannot change this office.
staff-forbidden-admin = Only an administrator can open this page.

staff-services = Services
staff-officers = Officers
staff-more = More
staff-add-service = Add a service
staff-edit-service = Service
staff-edit-officer = Officer
staff-print = Print for the notice board
staff-notice-proposal = A change is checked and waiting to be published: { $what }.
staff-notice-unsent = A form you sent at { $when }, after your session ended, is kept.
staff-review = Review it
staff-continue = Continue with it

staff-offices-title = Offices
staff-offices-intro = Choose the office to work on.

staff-service-place = Table and serial number
staff-group = Table
staff-slug = Address of the service page
staff-slug-hint = Small English letters, digits and hyphens, e.g. trade-licence. It cannot be changed later.
staff-in-bangla = In Bangla
staff-in-english = In English
staff-lines-hint = One item per line; several lines make a numbered list. Give the English lines in the same order, or none.
staff-officer = Responsible officer
staff-none = (none)
staff-remove-service = Remove this service
staff-officer-name = Name
staff-designation = Designation
staff-check = Check the change
staff-updated-title = Date of the last update
staff-file-title = The whole file
staff-file-intro = Everything the forms do not cover: change the charter's text as it is written in its file. The office's addresses (website and aliases) are the administrator's.
staff-file-label = The charter file's text
staff-file-broken-title = The charter file has problems
staff-file-broken = The charter file was saved with problems, so the forms cannot show it. Open “The whole file” to correct it; the site shows the last good version meanwhile.

staff-error-lines = Give as many English lines as Bangla lines, or none.
staff-error-serial = The serial number must be a number.
staff-error-group = Choose one of the tables.
staff-error-slug-empty = Give the service page's address.
staff-error-slug-taken = Another service already has this address.
staff-error-date = Give a date such as 2026-12-07.
staff-forms-cannot-read = The forms cannot change this file as it is written. Use “The whole file”.
staff-not-found = This is not in the charter any more.
staff-nothing-changed = Nothing was changed.
staff-addresses-are-admins = The office's addresses (website and aliases) can only be changed by the administrator. Put them back as they were.
staff-pages-fail = The pages cannot be made from this charter

staff-problems-title = Not published: please correct these
staff-line = line
staff-column = column
staff-conflict-title = The charter changed since you opened this page
staff-conflict-intro = Someone else changed it meanwhile ({ $who }). Nothing was overwritten. What changed:
staff-conflict-unknown = the charter file (the version you started from is no longer kept)
staff-edited-as-file = edited as a file

staff-preview-title = What will change
staff-changes-none = Nothing a reader sees changes (only spacing or comments).
staff-changes-added = Service added
staff-changes-removed = Service removed
staff-changes-changed = Service changed
staff-changes-reordered = The services are in a new order.
staff-changes-section = Also changed
staff-section-office = the office's details
staff-section-charter = vision, mission and date
staff-section-officers = officers
staff-section-grievance = grievance redress
staff-field = Field
staff-before = Before
staff-after = After
staff-note = A short note (why)
staff-note-hint = Kept in the history with your name, e.g. “new fee from 1 January”.
staff-publish = Publish
staff-discard = Discard this change
staff-what-service = Change of the service { $what }
staff-what-add = New service { $what }
staff-what-remove = Removal of the service { $what }
staff-what-officer = Change of the officer { $what }
staff-what-updated = Date of the last update
staff-what-restore = Restore of version { $what }
staff-what-file = Change of the whole file
staff-stale-title = Check the change again
staff-stale = The change shown is no longer the one kept (another change was checked in another window). Open the office's page and review the change kept.
staff-published-title = Published
staff-published = The change is published.
staff-published-version = The change is published as version { $number }. The public pages show it now.
staff-published-not-shown = The site does not show it yet; reload the page in a minute, and tell the administrator if it still does not.
staff-publish-failed-title = Not published
staff-publish-failed = The charter file could not be written: { $error }. Nothing was changed; tell the administrator.

staff-history-title = History
staff-history-intro = Every version the site has shown, newest first. Restoring one checks it and shows what will change before it is published.
staff-history-none = No version is kept yet.
staff-history-off = This server keeps no history of versions.
staff-history-current = shown now
staff-history-first = first version kept
staff-history-same = same content (only spacing or comments changed)
staff-history-back = Back to version { $number } on { $when }.
staff-version = Version { $number }
staff-restore = Restore version { $number }
staff-restore-refused-title = This version cannot be restored

staff-accounts-title = Accounts
staff-office = Office
staff-state = State
staff-actions = Actions
staff-state-active = active
staff-state-disabled = disabled
staff-state-waiting = waiting for a password
staff-enable = Enable
staff-disable = Disable
staff-reset = New password link
staff-add-account = Add an account
staff-admin-account = administrator (every office)
staff-account-invalid = Give a name of 2 to 64 characters that can all be seen: no spaces or invisible characters, and not beginning with “unknown:” or “terminal:”.
staff-account-choose = Choose the office the account edits, or tick “Administrator of every office” with no office chosen.
staff-choose-office = (choose an office)
staff-admin-instead = Administrator of every office instead (no office chosen)
staff-account-taken = An account with this name exists already.
staff-account-done = Done: { $name }.
staff-link-for = The link where { $name } sets a password (valid 24 hours, once; send it privately):

staff-audit-title = Audit log
staff-audit-intro = The newest { $count } entries: sign-ins, failures, publishes, restores and account changes.
staff-when = When
staff-who = Who
staff-what = What
staff-client = From
