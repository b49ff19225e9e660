"""Full UK postcodes ("WN1 1AA", "EC1A 1BB", "wn11aa"), with or without the space, any case.

Only full postcodes are reported. An outward code alone ("WN1") covers thousands of homes and looks
like too much ordinary text ("M6 motorway", "A1", "Y6", "CIN 12") to be worth a finding; a full
postcode covers about fifteen addresses and can point to a family's home.

The outward code must start with a real postcode area (the 120-odd one- and two-letter areas in
use, plus BF for BFPO and BX for non-geographic codes): this alone keeps "Y6 2nd half" and "A1 1st"
out, while every format — A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA, and GIR 0AA —
is accepted. Inward letters never include C, I, K, M, O or V. One more guard: written in small
letters, an inward code that reads as an ordinal ("b2 4th", "m1 1st") is taken to be one; in
capitals ("B33 8TH") it is a postcode.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reflect.domain.anonymisation.finding import Hit
from reflect.domain.anonymisation.scan import ScanText

KIND = "postcode"
_AREAS = (
    "AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT "
    "DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE "
    "LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM "
    "SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE"
).split()
_AREA = "|".join(sorted((a.lower() for a in _AREAS), key=len, reverse=True))
# Both matched on the lower-case copy: the inward code ("1aa") is the cheap anchor, and the whole
# postcode is then tried from two to five characters before it.
_INWARD = re.compile(r"\d[a-z]{2}(?![^\W_])")
_POSTCODE = re.compile(rf"gir ?0aa|(?:{_AREA})\d[\da-hjkmnpr-y]? ?\d[abd-hjlnp-uw-z]{{2}}")
_ORDINALS = {"st", "nd", "rd", "th"}


def find(scan: ScanText) -> Iterator[Hit]:
    """Full UK postcodes in the scanned text."""
    text, lower = scan.text, scan.lower
    for inward in _INWARD.finditer(lower):
        end = inward.end()
        letters = text[end - 2:end]
        if letters.lower() in _ORDINALS and not letters.isupper():
            continue
        for start in range(max(0, inward.start() - 5), inward.start() - 1):
            if start > 0 and lower[start - 1].isalnum():
                continue
            match = _POSTCODE.match(lower, start)
            if match is not None and match.end() == end:
                yield Hit(KIND, start, end)
                break
