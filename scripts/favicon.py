#!/usr/bin/env python3
"""Writes static/favicon.ico: the flag of Bangladesh (a red disc on bottle
green, the green of the site's header) in a 32 x 32 PNG inside an ICO
container, a few hundred bytes.

Python 3 without packages; the output is the same on every run, so the
icon's fingerprinted name changes only when this drawing does. Run it from
the repository's root: scripts/favicon.py
"""

import struct
import zlib

SIZE = 32
GREEN = (0x00, 0x6A, 0x4E)
RED = (0xF4, 0x2A, 0x41)
# The flag's disc: centred at 9/20 of its length, radius a fifth of it.
# On a square the length is the side; the disc is a little larger than on
# the flag so that it reads at 16 px.
CENTRE = (SIZE * 9 / 20, SIZE / 2)
RADIUS = SIZE * 0.3
# Edge pixels take one of these shades between green and red
# (4 x 4 samples a pixel, so 17 coverages, rounded to 8 steps).
STEPS = 8
SAMPLES = 4


def shade(level):
    t = level / STEPS
    return bytes(round(g + (r - g) * t) for g, r in zip(GREEN, RED))


def coverage(x, y):
    inside = 0
    for i in range(SAMPLES):
        for j in range(SAMPLES):
            sx = x + (i + 0.5) / SAMPLES - CENTRE[0]
            sy = y + (j + 0.5) / SAMPLES - CENTRE[1]
            inside += sx * sx + sy * sy <= RADIUS * RADIUS
    return round(inside / SAMPLES**2 * STEPS)


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png():
    # Four bits a pixel, two pixels a byte, each row after its filter byte 0.
    rows = b""
    for y in range(SIZE):
        levels = [coverage(x, y) for x in range(SIZE)]
        rows += b"\0" + bytes(a << 4 | b for a, b in zip(levels[::2], levels[1::2]))
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 4, 3, 0, 0, 0)
    palette = b"".join(shade(level) for level in range(STEPS + 1))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"PLTE", palette)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def ico(image):
    # One image; its directory entry says 32 x 32, 32 bits (a PNG's own
    # header has the real format), and where the PNG starts (6 + 16 bytes).
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 6 + 16)
    return header + entry + image


if __name__ == "__main__":
    with open("static/favicon.ico", "wb") as f:
        f.write(ico(png()))
