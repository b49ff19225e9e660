"""Which lines are section headings, and which of the five briefing parts each heading names.

Partnerships use the same five parts under many headings ("What was the learning?", "Key findings",
"2. LEARNING POINTS"). Recognition is deliberately cautious: a line is only a heading when its
markup says so (Markdown, a setext underline, Word's heading styles turned into Markdown by the
reader), when it is a known heading phrase, or when its shape leaves little doubt (ALL CAPS, a
numbered section in sequence, a short line standing alone between blank lines). Questions in a
list are never headings, because losing a reflection question is worse than missing a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reflect.briefings.lines import MARKDOWN_LINK, URL, atx_heading, list_item
from reflect.domain.briefing import SectionKind

# "Why is this important to Wigan?", "... for practitioners in Lowfield?": a few words at most, so a
# long question ("Why is it important to record missed appointments when ...?") is not a heading
# each word is taken whole ((?!...)): otherwise a long word is split into up to five parts every way
_TO_SOMEONE = r"(?: (?:to|for) (?:[\w'&-]+(?![\w'&-]),? ?){1,5})?"
_PHRASES: dict[SectionKind, tuple[str, ...]] = {
    SectionKind.BACKGROUND: (
        r"(?:the |case |family )?background(?: information| to the (?:case|review)| and context)?",
        r"(?:the )?case(?: summary| overview| background)?",
        r"(?:a |brief )?summary(?: of the (?:case|review))?",
        r"summary of case",
        r"(?:the )?context",
        r"what happened(?: to [\w' ]{1,40})?",
        r"introduction",
        r"overview",
        r"(?:the )?circumstances",
        r"about (?:this|the) (?:review|case|briefing)",
        r"the (?:review|story)",
    ),
    SectionKind.LEARNING: (
        r"what (?:was|were|is|are) the (?:key |main )?(?:learning|lessons|findings)(?: points)?"
        + _TO_SOMEONE,
        r"what (?:did|do|have|can) (?:we|you|i) (?:learn|learned|learnt)"
        r"(?: from (?:this|the) \w+)?",
        r"what we (?:learned|learnt)",
        r"(?:key |main )?findings?",
        r"(?:key |main )?learning(?: points?| themes?| identified| messages?)?"
        r"(?: (?:from|for) [\w' ,&-]{1,60})?",
        r"lessons? (?:learned|learnt|to learn)",
        r"key (?:messages?|themes?|lessons?)",
        r"areas (?:for|of) learning",
        r"what the review found",
    ),
    SectionKind.WHY: (
        r"why (?:is|does|did) (?:this|it) (?:important|matter|relevant|significant|so important)"
        + _TO_SOMEONE,
        r"why (?:is|was) this (?:learning )?(?:important|relevant|significant)" + _TO_SOMEONE,
        r"why (?:this|it) (?:matters|is important)" + _TO_SOMEONE,
        r"why should (?:we|you|i) care",
        r"why it matters" + _TO_SOMEONE,
        r"so what",
        r"what does (?:this|it) mean for [\w' ]{1,40}",
    ),
    SectionKind.CONSIDER: (
        r"what (?:can|should|could|might) (?:we|you|i) consider",
        r"what (?:can|should|could) (?:we|you|i) do(?: differently| now| next)?",
        r"(?:some )?questions? (?:for|to) (?:reflection|reflect on|practitioners|managers|"
        r"discussion|supervision|teams?|you|consider|consideration|ask(?: yourself)?|think about|"
        r"practitioners and managers)",
        r"(?:reflective|reflection|discussion|key) questions?",
        r"(?:things|points|issues) (?:to|for) (?:consider|think about|reflect on|reflection)",
        r"(?:for |time to |points for )?reflect(?:ion|ions)?",
        r"(?:to )?consider",
        r"questions",
        r"reflect on your (?:own )?practice",
        r"what (?:does|will) this mean for (?:your|my|our) practice",
    ),
    SectionKind.LEARN_MORE: (
        r"(?:want|like|need) to (?:learn|know|find out|read) more",
        r"(?:would you |do you want to )?(?:learn|know|find out|read) more",
        r"further (?:information|reading|resources|learning|guidance|help|support|links)",
        r"(?:useful |other |more |additional |key )?(?:links|resources|contacts)",
        r"(?:more|additional|useful) (?:information|reading|guidance)",
        r"references?",
        r"(?:where|how) (?:can|to|do) (?:i |you |we )?(?:find out|learn|get) more(?: information)?",
        r"(?:read |see )?the full (?:report|review)",
        r"support and resources",
        r"signposting",
    ),
}
_COMPILED = tuple(
    (kind, re.compile(f"(?:{phrase})", re.IGNORECASE))
    for kind, phrases in _PHRASES.items()
    for phrase in phrases
)

_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(?P<text>.+?)\1$")
_LEADING_NUMBER = re.compile(
    r"^(?:(?:section|part|step)[ ]+)?\d{1,2}(?:[.):]|[ ]+[-\u2013\u2014:])?[ ]+(?=\S)",
    re.IGNORECASE,
)
_NUMBERED_SECTION = re.compile(
    r"^(?P<word>(?:section|part|step)[ ]+)?(?P<num>\d{1,2})(?P<style>[.):]|[ ]+[-\u2013\u2014:]|)"
    r"[ ]+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
#: more words than this and a line is a sentence, not a heading
MAX_HEADING_WORDS = 10
_PLAIN_MAX_WORDS = 8
#: in a questions section, a known heading phrase ending in "?" longer than this is a question
_QUESTION_HEADING_WORDS = 6


@dataclass(frozen=True)
class Heading:
    """A recognised heading: its words as written (no markup or numbering), and what it names."""

    text: str
    #: None when the words are not one of the known phrases (the section becomes "other")
    kind: SectionKind | None
    #: how it was recognised: markdown, setext, numbered, caps, bold, known or plain
    source: str
    number: int | None = None
    number_style: str = ""
    #: body text on the same line ("Background: In 2021 ...")
    inline_body: str = ""


@dataclass(frozen=True)
class LineContext:
    """What heading detection needs to know about a line's neighbours."""

    prev_blank: bool = True
    next_blank: bool = True
    prev_text: str = ""
    next_text: str = ""
    #: the kind of the section the line is in (None before the first heading or for "other")
    current_kind: SectionKind | None = None
    #: (number, style) of the last numbered section heading, so "3." can follow "2."
    last_number: tuple[int, str] | None = None
    #: the line comes straight after a heading, before any body text
    section_empty: bool = False


def phrase_key(text: str) -> str:
    """Lowercase, straight apostrophes, single spaces, no numbering, punctuation or decoration."""
    text = _LEADING_NUMBER.sub("", text.strip())
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    text = re.sub(r"[^\w'?:.!&,\- ]", " ", text)
    text = " ".join(text.split())
    return text.strip(" :?.!-,")


def classify_heading(text: str) -> SectionKind | None:
    """The briefing part a heading names, or None if it is not one of the known phrases."""
    key = phrase_key(text)
    if not key or len(key.split()) > MAX_HEADING_WORDS + 2:
        return None
    for kind, pattern in _COMPILED:
        if pattern.fullmatch(key):
            return kind
    return None


def clean_heading_text(text: str) -> str:
    """The heading's words as written: no Markdown `#`s or emphasis, no trailing colon."""
    text = text.strip()
    atx = atx_heading(text)
    if atx:
        text = atx[1]
    for _ in range(2):
        m = _EMPHASIS.match(text)
        if m:
            text = m.group("text").strip()
    text = " ".join(text.split())
    return text.rstrip(" :").strip()


def strip_numbering(text: str) -> str:
    """ "2. Key findings" -> "Key findings"; a heading that is only a number is left alone."""
    return _LEADING_NUMBER.sub("", text) or text


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters if ch.lower() != ch.upper())


def _has_link(text: str) -> bool:
    return bool(URL.search(text) or MARKDOWN_LINK.search(text))


def _numbered(text: str) -> tuple[int, str, str, bool] | None:
    """(number, style, rest, has "Section" or "Part") for "3. Why it matters", "Section 4 - ..."."""
    m = _NUMBERED_SECTION.match(text)
    if not m:
        return None
    style = m.group("style").strip() or " "
    return int(m.group("num")), style, m.group("rest").strip(), bool(m.group("word"))


def _in_numbered_run(number: int, style: str, ctx: LineContext) -> bool:
    """Whether a neighbouring line continues the same numbered list (so this line is an item)."""
    for text, expected in ((ctx.prev_text, number - 1), (ctx.next_text, number + 1)):
        item = list_item(text.strip()) if text else None
        if item and item.number == expected and item.style == style:
            return True
    return False


def _short(text: str, limit: int = MAX_HEADING_WORDS) -> bool:
    return 0 < len(text.split()) <= limit and len(text) <= 90


def detect_heading(line: str, ctx: LineContext) -> Heading | None:
    """The heading on this line, or None if it is body text (see the module docstring)."""
    stripped = line.strip()
    if not stripped:
        return None
    atx = atx_heading(stripped)
    if atx:
        text = strip_numbering(clean_heading_text(atx[1]))
        return Heading(text, classify_heading(text), "markdown") if text else None

    numbered = _numbered(stripped)
    if numbered:
        heading = _numbered_heading(*numbered, ctx)
        if heading:
            return heading

    item = list_item(stripped)
    if item:
        return None  # bullets and numbered items are list items, even when they name a part

    text = clean_heading_text(stripped)
    kind = classify_heading(text)
    if kind is not None and _short(text, MAX_HEADING_WORDS + 2):
        asked = text.endswith("?") and len(text.split()) > _QUESTION_HEADING_WORDS
        if not (asked and ctx.current_kind is SectionKind.CONSIDER):
            return Heading(text, kind, "known")
        return None  # a long question among the questions is one of them

    inline = _inline_heading(stripped)
    if inline:
        return inline

    if not _short(text) or stripped.endswith((".", ",", ";")) or _has_link(text):
        return None
    bold = bool(_EMPHASIS.match(stripped))
    if _is_caps(text) and (len(text.split()) >= 2 or bold):
        if not (text.endswith("?") and ctx.current_kind is SectionKind.CONSIDER):
            return Heading(text, None, "caps")
    if ctx.current_kind is SectionKind.LEARN_MORE or ctx.section_empty:
        return None  # reference titles are short lines too; a heading needs a body before the next
    if text.endswith("?"):
        return None  # an unknown question is a question, not a heading
    if stripped.endswith(":") and list_item(ctx.next_text.strip()):
        return None  # "The partnership has already:" introduces its list
    if bold and ctx.prev_blank:
        return Heading(text, None, "bold")
    if (
        ctx.prev_blank
        and ctx.next_blank
        and _short(text, _PLAIN_MAX_WORDS)
        and (text[0].isupper() or text[0].isdigit())
        and ctx.next_text
        and not ctx.next_text.lstrip()[0].islower()
        and not _looks_like_heading(ctx.next_text)
    ):
        return Heading(text, None, "plain")
    return None


def _numbered_heading(
    number: int, style: str, rest: str, has_word: bool, ctx: LineContext
) -> Heading | None:
    text = clean_heading_text(rest)
    if not text or not _short(text, MAX_HEADING_WORDS + 2) or _has_link(text):
        return None
    if has_word:
        return Heading(text, classify_heading(text), "numbered", number, style)
    if style in ".)" and _in_numbered_run(number, style, ctx):
        return None
    kind = classify_heading(text)
    if kind is not None or (_is_caps(text) and text.rstrip()[-1:] != "."):
        return Heading(text, kind, "numbered", number, style)
    follows = ctx.last_number is not None and ctx.last_number == (number - 1, style)
    if follows and _short(text) and not text.endswith((".", "?", ",", ";")):
        return Heading(text, None, "numbered", number, style)
    return None


def _inline_heading(line: str) -> Heading | None:
    """ "Background: In 2021 the family..." - a known heading followed by its first sentence."""
    head, sep, body = line.partition(":")
    if not sep or not body.strip() or len(head.split()) > 6:
        return None
    text = clean_heading_text(head)
    kind = classify_heading(text)
    if kind is None or body.lstrip().startswith("//"):
        return None
    return Heading(text, kind, "known", inline_body=body.strip())


def _looks_like_heading(text: str) -> bool:
    stripped = text.strip()
    if atx_heading(stripped):
        return True
    return classify_heading(clean_heading_text(stripped)) is not None
