"""The rules of data/ingest/boilerplate.json, compiled once, and the tests they answer.

Each rule looks at one whole line (a paragraph of scraped text); what a line is depends on the
line alone, so a rule can be read, tested and blamed on its own. Order and context (which line
is the headline, where the dateline is) are clean.py's business.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import lang

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = rf"(?:,?\s*(?P<date>{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?)"
_CAPS_WORD = r"[A-Z][A-Z'’.\-]*"
_ANY_WORD = r"[A-Z][\w'’.\-]*"
_REGION = rf"(?:,\s*{_ANY_WORD}(?:\s+{_ANY_WORD}){{0,3}}){{0,2}}"
_DASH = r"\s*(?:--|[–—]|-(?=\s|$))"
_AFTER_AGENCY = r"\s*(?:--|[–—]|[-_:](?=\s|$))"  # old AP copy writes "(AP) _"; Indian agencies "(PTI):"
_CREDIT_MAX = 200  # a photo credit is at the end of its line and shorter than this: search only there
_TOKEN = re.compile(r"[a-z]+(?:\.[a-z])*|\d+")


@dataclass(frozen=True)
class Rules:
    phrases: dict[str, str]  # normalised line → reason
    patterns: list[tuple[str, re.Pattern]]
    max_chars: dict[str, int]
    share_words: frozenset[str]
    timestamp_words: frozenset[str]
    caption_markers: list[re.Pattern]
    caption_credits: list[re.Pattern]
    datelines: list[re.Pattern]
    not_places: frozenset[str]

    def limit(self, reason: str) -> int:
        return self.max_chars.get(reason, self.max_chars["default"])


@functools.lru_cache(maxsize=1)
def rules() -> Rules:
    data = lang.load("ingest/boilerplate.json")
    phrases = {normalise(p): reason for reason, items in data["phrases"].items() for p in items}
    patterns = [(reason, re.compile(p)) for reason, items in data["patterns"].items() for p in items]
    agencies = "|".join(re.escape(a) for a in sorted(data["dateline"]["agencies"], key=len, reverse=True))
    agency = rf"\s*\((?:{agencies})\)"
    datelines = [
        # CAIRO – / BUFFALO, N.Y. (AP) -- / WASHINGTON, June 2 (Reuters) - / NAIROBI, Kenya (AP) _
        re.compile(rf"(?P<place>{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}){_REGION}{_DATE}?"
                   rf"(?:{_DASH}|{agency}{_AFTER_AGENCY})"),
        # ISLAMABAD: (a bare place in capitals, nothing between it and the colon)
        re.compile(rf"(?P<place>{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}):(?=\s)"),
        # Tripoli (AFP) - : any case, but then the agency must be there
        re.compile(rf"(?P<place>{_ANY_WORD}(?:\s+{_ANY_WORD}){{0,3}}){_REGION}{_DATE}?{agency}{_AFTER_AGENCY}"),
        # (CNN) — / (CNN)Sudan's army …: the agency alone
        re.compile(rf"\((?:{agencies})\)(?:{_AFTER_AGENCY}|(?=[A-Z]))"),
    ]
    caps = data["captions"]
    return Rules(phrases=phrases, patterns=patterns, max_chars=data["max_chars"],
                 share_words=frozenset(data["share_words"]), timestamp_words=frozenset(data["timestamp_words"]),
                 caption_markers=[re.compile(p) for p in caps["markers"]],
                 caption_credits=[re.compile(p) for p in caps["credits"]],
                 datelines=datelines, not_places=frozenset(data["dateline"]["not_places"]))


def normalise(line: str) -> str:
    return " ".join(line.strip().rstrip(":>›»|").split()).casefold()


def reason_for(line: str) -> str | None:
    """Why a whole (stripped) line is boilerplate, or None when it is not."""
    r = rules()
    if len(line) > max(r.max_chars.values()):
        return None
    reason = r.phrases.get(normalise(line))
    if reason:
        return reason
    for reason, pattern in r.patterns:
        if len(line) <= r.limit(reason) and pattern.fullmatch(line):
            return reason
    if len(line) <= 120:
        tokens = _TOKEN.findall(line.casefold())
        if tokens and all(t in r.share_words for t in tokens) and not line.rstrip().endswith("."):
            return "share"
        if (len(line) <= 80 and any(t.isdigit() for t in tokens)
                and all(t.isdigit() or t.rstrip(".") in r.timestamp_words for t in tokens)):
            return "timestamp"
    return None


@dataclass(frozen=True)
class CaptionParts:
    """A caption line in pieces, as offsets into the line: the marker, the caption, the credit."""

    marker: tuple[int, int] | None
    caption: tuple[int, int] | None
    credit: tuple[int, int] | None


def caption_parts(line: str) -> CaptionParts | None:
    """A photo caption ("FILE - … (AP Photo/…)", "Image caption, …", "… REUTERS/Name"), else None."""
    r = rules()
    if len(line) > r.limit("caption"):
        return None
    start, end = 0, len(line)
    marker = credit = None
    for pattern in r.caption_markers:
        m = pattern.match(line)
        if m:
            marker, start = (0, m.end()), m.end()
            break
    tail = max(start, len(line) - _CREDIT_MAX)
    for pattern in r.caption_credits if any(ch in line[tail:] for ch in "/([:") else ():
        m = pattern.search(line, tail)
        if m:
            begin = m.start() + len(m.group()) - len(m.group().lstrip())
            credit, end = (begin, len(line)), m.start()
            break
    if marker is None and credit is None:
        return None
    body = line[start:end]
    lead = len(body) - len(body.lstrip())
    start, end = start + lead, start + len(body.rstrip())
    caption = (start, end) if len(line[start:end].split()) >= 3 else None
    return CaptionParts(marker, caption, credit)


def dateline(line: str) -> tuple[int, tuple[int, int] | None] | None:
    """A dateline at the start of ``line``: where it ends (after its dash) and where its date is, or None."""
    r = rules()
    for pattern in r.datelines:
        m = pattern.match(line)
        if not m:
            continue
        place = m.group("place") if "place" in pattern.groupindex else None
        if place is not None and (place.upper() in r.not_places or sum(ch.isalpha() for ch in place) < 2):
            continue
        date = m.span("date") if "date" in pattern.groupindex and m.group("date") else None
        return m.end(), date
    return None
