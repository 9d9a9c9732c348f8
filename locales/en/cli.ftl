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
offices-list-summary = { $offices } offices; { $unregistered } file(s) not in the registry
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
