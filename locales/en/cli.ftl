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
