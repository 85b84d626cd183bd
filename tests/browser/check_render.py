"""Checks a rendered report with the standard library only: the PNG screenshot is not blank
and shows the burn-up chart's line colours; the PDF has a sensible number of pages."""
import re
import struct
import sys
import zlib

# The first two task-area colours of the burn-up chart (report/html_report.cpp).
CHART_COLOURS = [(0x1F, 0x77, 0xB4), (0xFF, 0x7F, 0x0E)]


def read_png(path):
    """Returns (width, height, rows of RGB tuples) of an 8-bit RGB or RGBA PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert depth == 8 and colour in (2, 6), f"unsupported PNG (depth {depth}, colour {colour})"
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                line[i] = (line[i] + pred) & 0xFF
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


def near(a, b, tolerance=40):
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def main(png, pdf):
    width, height, rows = read_png(png)
    pixels = [p for row in rows for p in row]
    ink = sum(1 for p in pixels if min(p) < 200)
    share = ink / len(pixels)
    print(f"screenshot {width}x{height}: {share:.1%} of the pixels are ink")
    assert share > 0.02, "the page looks blank"
    for colour in CHART_COLOURS:
        count = sum(1 for p in pixels if near(p, colour))
        print(f"chart colour #{colour[0]:02x}{colour[1]:02x}{colour[2]:02x}: {count} pixels")
        assert count > 30, "a burn-up line is not drawn"
    text = open(pdf, "rb").read()
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", text))
    print(f"pdf: {len(text)} bytes, {pages} pages")
    assert 2 <= pages <= 40, "the PDF page count is not sensible"


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
