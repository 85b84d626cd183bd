"""Checks that every character the zh report shows has a glyph in some installed font, so that
the browser draws it rather than an empty box (tofu). Chromium falls back through fontconfig
to any font that covers a character, so the union of the fonts' character sets is what it can
draw. Standard library and fc-list only."""
import html
import re
import subprocess
import sys


def covered_ranges():
    """The code point ranges of every installed font, from fc-list's charset (hex ranges)."""
    out = subprocess.run(["fc-list", "--format", "%{charset}\n"], capture_output=True,
                         text=True, check=True).stdout
    ranges = []
    for part in out.split():
        low, _, high = part.partition("-")
        ranges.append((int(low, 16), int(high or low, 16)))
    return sorted(ranges)


def shown_text(page):
    """The text a reader sees: the style sheet and the tags removed, entities decoded."""
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]*>", " ", page))


def main(path):
    text = shown_text(open(path, encoding="utf-8").read())
    wanted = sorted({c for c in text if ord(c) > 0x7F and not c.isspace()})
    cjk = [c for c in wanted if 0x4E00 <= ord(c) <= 0x9FFF]
    ranges = covered_ranges()

    def covered(c):
        return any(low <= ord(c) <= high for low, high in ranges)

    missing = [c for c in wanted if not covered(c)]
    print(f"zh report: {len(wanted)} distinct non-ASCII characters ({len(cjk)} CJK), "
          f"{len(missing)} without a glyph")
    assert len(cjk) > 50, "the zh report shows too few Chinese characters to be in Chinese"
    assert not missing, "no installed font has: " + " ".join(
        f"{c} (U+{ord(c):04X})" for c in missing[:20]) + \
        " (make -f Makefile.aux deps-browser installs fonts-noto-cjk)"


if __name__ == "__main__":
    main(sys.argv[1])
