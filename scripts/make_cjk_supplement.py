"""Make the shipped CJK supplement font: the characters of Noto Sans CJK JP that the other shipped faces lack.

    python scripts/make_cjk_supplement.py NotoSansCJK-Regular.ttc OUT.otf

(Debian's fonts-noto-cjk holds the .ttc; fontTools must be installed, it is no dependency of the program.)

Droid Sans Fallback draws the common Han characters but none of CJK Extension B, where Japanese and Hong Kong
names keep characters like “𠮷” (U+20BB7): Noto Sans CJK JP has about 2,400 of them. The whole collection is
19.5 MB; this subset of what no other shipped face has is about 1.2 MB. It is renamed (“Fishbowl CJK
Supplement”), as the SIL Open Font License asks of a modified version; the licence travels beside it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset  # type: ignore[import-not-found]
from fontTools.ttLib import TTCollection, TTFont  # type: ignore[import-not-found]

FONTS = Path(__file__).resolve().parent.parent / "src" / "fishbowl_desktop" / "assets" / "fonts"
FAMILY = "Fishbowl CJK Supplement"


def main(collection: Path, out: Path) -> int:
    jp = TTCollection(str(collection)).fonts[0]  # Noto Sans CJK JP
    covered: set[int] = set()
    for other in FONTS.glob("*.ttf"):
        covered |= set(TTFont(str(other)).getBestCmap())
    wanted = set(jp.getBestCmap()) - covered
    options = subset.Options()
    options.layout_features = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(jp)
    names = jp["name"]
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 4:
            names.setName(f"{FAMILY} Regular", 4, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName("FishbowlCJKSupplement-Regular", 6, record.platformID, record.platEncID, record.langID)
    jp.save(str(out))
    print(f"{len(wanted)} characters, {out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
