"""The data that flows through the pipeline: one CodedDocument per input, filled stage by stage.

Every coded value keeps the character span of the input text it came from (offsets into
``Document.text``, the text exactly as given), and says when it was inferred rather than read.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["asserted", "claimed", "denied", "negated", "hypothetical", "future"]
Precision = Literal["day", "week", "month", "quarter", "season", "year"]
STATUSES: tuple[str, ...] = ("asserted", "claimed", "denied", "negated", "hypothetical", "future")


class DocumentError(ValueError):
    """A document that cannot be coded (empty, binary, too large …): reported for it, never fatal."""


@dataclass
class Failed:
    """An input that could not become a Document: reported, and the rest goes on."""

    id: str
    error: str


@dataclass(frozen=True)
class Span:
    """Character offsets [start, end) into the input text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass
class Document:
    """One input document, as read by ingest (the contract's input line)."""

    id: str
    text: str
    published: str | None = None  # ISO date as given by the source, if any
    title: str | None = None
    url: str | None = None
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


#: What ingest yields: a document to code, or the reason an input could not become one.
Item = Document | Failed


@dataclass
class Actor:
    name: str  # canonical name from the knowledge base, or the mention itself when unknown
    text: str  # the words of the article
    span: Span | None = None
    country: str | None = None  # ISO 3166 alpha-3, or IGO, UNO, EUR, NGO
    sector: str | None = None  # PLOVER sector
    kind: str | None = None  # ACLED actor kind (state_forces … external)
    entity: str | None = None  # knowledge-base id, None for an unknown actor
    rule: str | None = None  # how it was resolved ("kb:alias", "kb:generic", "context")
    inferred: bool = False  # True when the knowledge base lacks the actor: kind and country are read from
    # its words and its event, not known


@dataclass
class Place:
    """A place mention resolved to a gazetteer entry (or a point derived from one)."""

    span: Span
    text: str
    name: str
    lat: float
    lon: float
    country: str | None = None  # ISO 3166 alpha-2, as GeoNames has it
    geonameid: int | None = None
    feature: str | None = None  # "city", "admin1", "country", "relative"
    precision: int = 1  # ACLED geo precision: 1 town, 2 near a town / part of a region, 3 region
    inferred: bool = False  # True when the location comes from context, not a mention
    rule: str | None = None


@dataclass
class TimeExpr:
    """A normalised time expression (TIMEX3 value such as 2020-05-31, 2020-05, 2020-W22, PRESENT_REF)."""

    span: Span
    text: str
    value: str
    type: str = "DATE"
    rule: str | None = None


@dataclass
class When:
    date: str | None  # ISO date (the first day of the period for coarser precision)
    precision: Precision = "day"
    inferred: bool = False  # True when taken from the publication date, not a time expression
    span: Span | None = None


@dataclass
class Event:
    type: str  # PLOVER event type
    evidence: Span
    trigger: Span
    rule: str  # the lexicon entry or pattern that produced the event
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    when: When | None = None
    location: Place | None = None
    fatalities: int | None = None
    status: Status = "asserted"
    attribution: str | None = None
    attribution_span: Span | None = None
    confidence: float = 0.5
    from_caption: bool = False
    incident: str | None = None
    decided_by: str = "rules"  # who set the ACLED types: "rules" or "model:<name>" (the trained classifier)
    mentions: list[Span] = field(default_factory=list)  # every sentence of the article that tells of it (coreference)
    gate: str | None = None  # the precision gate's verdict on it ("passed", or the rule that recoded its status)


@dataclass
class Figure:
    """A count the text reports ("at least 168 people infected"), with the words it came from."""

    value: int
    what: str  # what was counted, as data/coding/figures.json names it ("infected", "aircraft" ...)
    text: str
    span: Span
    evidence: Span  # the sentence: the store places and dates the count by the mentions in it
    rule: str


@dataclass
class Relation:
    """Who backs, arms or is allied with whom, as the text states it."""

    relation: str  # "backs", "allied with" ...
    source: Actor
    target: Actor
    evidence: Span  # the sentence
    trigger: Span  # the verb or adjective that states it
    rule: str
    status: Status = "asserted"  # "claimed" when a party says so, "denied" when one denies it ...


@dataclass
class Segment:
    """A parsed stretch of the input: the body (offset 0, boilerplate blanked) or one caption."""

    offset: int  # add to a token's ``idx`` to get an offset into the input text
    doc: Any  # spaCy Doc
    kind: Literal["body", "caption"] = "body"
    text: str = ""  # the doc's text, kept once: spaCy's ``Doc.text`` joins every token on each call

    def __post_init__(self) -> None:
        if not self.text and self.doc is not None:
            self.text = self.doc.text


@dataclass
class CodedDocument:
    """The carrier: the input document plus what each stage added."""

    doc: Document
    body: str = ""  # the text with boilerplate blanked out: same length, same offsets
    title_span: Span | None = None
    dateline: Span | None = None
    captions: list[Span] = field(default_factory=list)
    removed: list[tuple[Span, str]] = field(default_factory=list)  # boilerplate and why
    published: str | None = None
    published_inferred: bool = False
    published_precision: Precision | None = None
    published_rule: str | None = None
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)  # counts such as "168 coronavirus cases"
    relations: list[Relation] = field(default_factory=list)  # backers and allies named in the text
    error: str | None = None
    segments: list[Segment] = field(default_factory=list)  # parsed by nlp; not serialised

    @property
    def id(self) -> str:
        return self.doc.id

    @property
    def text(self) -> str:
        return self.doc.text
