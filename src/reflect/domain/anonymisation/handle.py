"""Social media handles and profile links: "@kayla_xo", "tiktok.com/@dev.07", "her Snapchat is kayxo".

A username leads straight to a young person's profile, photos and friends. Reported:

- "@" and a username (letters, digits, "_" and inner "."), when nothing but a space or punctuation
  comes before the "@" (so not an email address);
- a link to a profile on the usual sites (facebook.com/…, instagram.com/…, tiktok.com/@…,
  x.com/…, twitter.com/…, snapchat.com/add/…, youtube.com/@…, wa.me/…), with or without "https://";
- a username after the name of a platform ("Snapchat: kayxo_12", "her TikTok is dev.07", "gamertag
  ShadowKid99"), when it looks like a username: it has a digit, "_" or ".", or is not a word.

Not reported: an organisation's handle ("@wiganlscp", "@NSPCC", "@WiganCouncil"): it names no
child; "@ 3pm"; an email address (see `email`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reflect.domain.anonymisation.finding import Hit
from reflect.domain.anonymisation.lexicon import lexicon
from reflect.domain.anonymisation.patterns import words_alternation
from reflect.domain.anonymisation.scan import ScanText

KIND = "handle"
_AT_HANDLE = re.compile(r"@(?P<h>[a-z0-9_](?:[a-z0-9_.]{0,28}[a-z0-9_])?)(?![\w@])")
_SITES = """facebook.com fb.com instagram.com tiktok.com twitter.com x.com snapchat.com youtube.com
    threads.net twitch.tv reddit.com linkedin.com wa.me t.me discord.gg onlyfans.com""".split()
# Words that say the next word is someone's handle on that platform: "snapchat is kayla_x".
_PLATFORM_WORDS = (
    "snapchat", "snap", "insta", "instagram", "tiktok", "twitter", "facebook", "fb", "discord", "xbox",
    "psn", "gamertag", "roblox", "username", "user name", "handle", "whatsapp name",
)
_LINK = re.compile(rf"(?:https?://)?(?:www\.|m\.)?(?:{words_alternation(_SITES)})/[\w.@/?=&%+-]*[\w@/=-]")
_LINK_ANCHOR = re.compile(r"\.(?:com|net|tv|me|gg)/")
_PLATFORM = re.compile(
    rf"(?<!\w)(?:{words_alternation(_PLATFORM_WORDS)})(?: (?:name|username|handle|account|id))?"
    r"(?: is| was| as| called|:| -)? ['\"]?(?P<h>[a-z0-9_][a-z0-9_.]{1,28}[a-z0-9_])(?![\w@])"
)
_PLATFORM_ANCHOR = re.compile(
    r"snap|insta|tiktok|twitter|facebook|fb|discord|xbox|psn|gamertag|roblox|user|handle")
# Parts of organisations' handles: these name a service, not a child.
_ORGANISATION = re.compile(
    r"lscp|scp|safeguard|council|nhs|police|gov|nspcc|barnardo|childline|ofsted|cafcass|camhs"
    r"|school|academy|trust|partnership|service|charity|official|news|team|health"
)


def _username_like(handle: str) -> bool:
    return any(ch.isdigit() or ch in "_." for ch in handle) or lexicon().tier(handle) is None


def find(scan: ScanText) -> Iterator[Hit]:
    """Social media handles and profile links in the scanned text."""
    text = scan.text
    found: list[tuple[int, int]] = []
    for match in scan.matches(_LINK, _LINK_ANCHOR, 40, 80):
        found.append(match.span())
    for match in scan.matches(_AT_HANDLE, re.compile("@"), 0, 32):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "._%+-'/"):
            continue
        handle = match.group("h")
        if not any(ch.isalpha() for ch in handle) or _ORGANISATION.search(handle):
            continue
        found.append(match.span())
    for match in scan.matches(_PLATFORM, _PLATFORM_ANCHOR, 0, 60):
        handle = match.group("h")
        if _username_like(handle) and not _ORGANISATION.search(handle):
            found.append(match.span("h"))
    done = -1
    for start, end in sorted(found):
        if start >= done:
            done = end
            yield Hit(KIND, start, end)
