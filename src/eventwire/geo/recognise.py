"""Toponym recognition: spaCy place entities, organisation-labelled names the gazetteer knows as
places, demonyms, and gazetteer names in place contexts ("the town of X", "in X province")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lang
from ..model import CodedDocument, Span
from .fold import ascii_fold, fold
from .gazetteer import Gazetteer, strip_admin_word

_PATTERNS = lang.patterns("geo/cues.json")
_WORDS = lang.wordsets("geo/cues.json")

PLACE_LABELS = {"GPE", "LOC", "FAC"}
SHORT_TOWN_POP = 50_000  # a town whose name has three letters is read after "in", "near"... from this size
# Words that make an ORG/FAC span an institution rather than a place ("Gaza City Council").
_INSTITUTION = _PATTERNS["institution"]
# Context that announces a place name ("the town of al-Asabaa", "in Tarhuna district").
_CONTEXT = [_PATTERNS["context_1"], _PATTERNS["context_2"]]
_LOCATIVE = _PATTERNS["locative"]
_STATE_ABBR = re.compile(r"(?<=[a-z]), ((?:[A-Z][a-z]{0,4}\.\s?){1,2}|[A-Z]\.[A-Z]\.)(?=[\s,;)]|$)")
_PLACE_WORD = _PATTERNS["place_word"]
# Parenthesised administrative context of ACLED-style notes: "Bar-Sanguun village (Kismaayo, Lower Juba)".
_PAREN = re.compile(r"\(([A-Z][^()]{1,80})\)")
# Verbs of attack and capture take a place as their object ("Russian forces shelled Mariupol"); nouns of attack take a place after "on", "at", "against" ("fired two missiles on Odesa", "an attack on Kramatorsk").
_AFTER_VERB = _PATTERNS["after_verb"]
_TOWN_WORDS = _WORDS["town_words"]
# An area or a unit named after its chief town as a rule ("the Gwoza area", "Biu LGA", "Luiza territory").
_SEAT_NAMED = _WORDS["seat_named"]
# A capitalised name right after a locative word, which spaCy left untagged ("near Shyrokyne, Donetsk").
_AFTER_PREP = _PATTERNS["after_prep"]
_STRONG_LOC = _PATTERNS["strong_loc"]
_LEADING = _PATTERNS["leading"]
_DASH = re.compile(r"\s?[-\u2013\u2014]\s?[A-Z]")
_NAME_RUN = re.compile(r"(?<![\w'-])[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|of|the)){0,4}\s+$")  # up to 5 words


@dataclass
class Mention:
    span: Span
    text: str
    key: str  # folded name
    source: str  # spacy:GPE, spacy:ORG, context, demonym ...
    admin_hint: bool = False  # the mention carried an administrative word ("Kano State")
    hint: str | None = None  # "town" or "admin" from the context; "listed" among divisions; "near" for a part
    # of a longer name; "code"


@lru_cache(maxsize=1)
def _not_places_data() -> dict:
    return lang.load("geo/not_places.json")


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    return frozenset(_not_places_data()["names"])


@lru_cache(maxsize=1)
def _money() -> re.Pattern:
    """A currency word right after a name: "the US dollar" is money, not a place."""
    return re.compile(r"\s+(?:" + "|".join(map(re.escape, _not_places_data()["currencies"])) + r")\b", re.I)


def _candidate_key(text: str, gz: Gazetteer) -> tuple[str, bool] | None:
    """The gazetteer key a mention is looked up by, and whether it lost an administrative word."""
    if ascii_fold(text) in _not_places() and text != "US":
        return None
    code = _is_code(text)
    for key in (fold(text, strip_article=False), fold(text)):
        if key in gz:
            if code and not _is_big(gz, key):  # "UP", "AP": only as a known abbreviation of a division
                return None
            return key, False
    bare = strip_admin_word(fold(text))
    if bare != fold(text) and bare in gz:
        return bare, True
    bare = _PLACE_WORD.sub("", fold(text))
    if bare != fold(text) and bare in gz:  # "Haifa city", "Mora village"
        return bare, False
    return None


def recognise(cd: CodedDocument, gz: Gazetteer) -> list[Mention]:
    """Place mentions of the document, in text order, without overlaps (the longer span wins): one pass
    a kind of evidence (spaCy's entities, context words, parentheses, locative and attack words, state
    abbreviations, divisions, datelines, residents, capitals), then the containers written after a
    place and the repeats of the names found."""
    names = _names(cd)
    found: list[Mention] = []
    blocked: list[Span] = []  # institution names: no place inside them, but for a leading big name
    for seg in cd.segments:
        for ent in seg.doc.ents:
            mentions, institution = _entity(cd.text, seg.offset, ent, gz, names.surnames)
            found += mentions
            if institution is not None:
                blocked.append(institution)
    found += _in_context(cd.body, gz)
    found += _in_parentheses(cd.body, gz)
    found += _after_words(cd.body, gz, names)
    found += _state_abbreviations(cd.body, gz)
    found += before_divisions(cd.body, gz, names.surnames, names.people)
    found += _caps_datelines(cd.body, gz)
    found += _residents(cd.body, gz, names.surnames)
    found += _listed_divisions(cd.body, gz)
    found += _capitals(cd.body, gz)
    found = _without_overlaps(found, blocked)
    found += _containers_after(cd.body, found, gz)
    found = _without_overlaps(found, blocked)
    found = _without_overlaps(found + _repeats(cd.body, found), [])
    return [m for m in found if not _money().match(cd.body, m.span.end)]


@dataclass(frozen=True)
class _Names:
    """What spaCy's entities say of the names of a document, for the passes that read the words alone."""

    surnames: set[str]  # the words after a person's first name: a place only where spaCy says so
    persons: list[Span]  # persons, organisations, works, events and products
    # "Persons" of one word, or of just a known place's words, after "in" are often unfamiliar place names
    # ("in Vertente do Lerio, Pernambuco", "in Volta Redonda"): each person's span and number of words.
    people: dict[Span, int]


def _names(cd: CodedDocument) -> _Names:
    ents = [(seg.offset, e) for seg in cd.segments for e in seg.doc.ents]
    return _Names(surnames={t.text for _, e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e[1:]},
                  persons=[Span(o + e.start_char, o + e.end_char) for o, e in ents
                           if e.label_ in ("PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT")],
                  people={Span(o + e.start_char, o + e.end_char): len(e) for o, e in ents if e.label_ == "PERSON"})


def _entity(doc_text: str, offset: int, ent, gz: Gazetteer, surnames: set[str]) -> tuple[list[Mention], Span | None]:
    """The places an entity of spaCy's names, and its span if it is an institution (no place inside it)."""
    text = ent.text
    start = offset + ent.start_char
    m = _LEADING.match(text)
    if m:
        text, start = text[m.end():], start + m.end()
    text = text.rstrip(".,;:") if not text.endswith(".") or len(text) > 5 else text
    if text.count("(") > text.count(")"):  # "Gabes (Gabes" tagged as one: the name before the bracket
        text = text.split("(")[0].rstrip()
    if ent.label_ in PLACE_LABELS and (longer := _longer_name(doc_text, start, text, gz)):
        text, start = longer
    span = Span(start, start + len(text))
    if ent.label_ in ("ORG", "FAC") and ", " in text and (parts := _parts(text, start, gz, ent.label_)):
        return parts, None  # a list of places, not an institution: "Cienaga, Magdalena department"
    if ent.label_ in ("ORG", "FAC") and _INSTITUTION.search(text):
        return _leading_place(text, start, gz, surnames), span
    if ent.label_ == "PERSON" and len(ent) == 1 and _located(doc_text, span.start):
        hit = _candidate_key(text, gz)  # "Steven Sachs of Alexandria": a town tagged as a person
        if hit and text not in surnames:
            return [Mention(span, text, hit[0], "spacy:PERSON-located")], None
        return [], None
    if ent.label_ not in PLACE_LABELS and ent.label_ not in ("ORG", "NORP") or text in surnames:
        return [], None
    hit = _candidate_key(text, gz)
    if hit is None:
        return _unknown_entity(text, start, ent.label_, gz, surnames), None
    key, admin = hit
    if ent.label_ == "NORP":
        if not any(gz.feature(i) == "country" for i in gz.lookup(key)):
            return [], None
        source = "demonym" if ascii_fold(text) != ascii_fold(gz.entry(gz.lookup(key)[0]).name) else "spacy:NORP"
    elif ent.label_ == "ORG" and not (_is_big(gz, key) and (len(text) > 2 or _located(doc_text, span.start))
                                     or not _is_code(text) and _located(doc_text, span.start)):
        return [], None  # a name the gazetteer knows, but used as an organisation or a person ("Ford", "AP")
    else:
        source = f"spacy:{ent.label_}"
    return [Mention(span, text, key, source, admin)], None


def _unknown_entity(text: str, start: int, label: str, gz: Gazetteer, surnames: set[str]) -> list[Mention]:
    """The places in an entity whose whole name the gazetteer does not know."""
    if "," in text:  # "Alexandria, La." tagged as one entity: take the parts
        return _parts(text, start, gz, label)
    if label == "ORG":  # "U.S. Centers for Disease Control"
        return _leading_place(text, start, gz, surnames)
    if label not in PLACE_LABELS or ascii_fold(text) in _not_places():
        return []
    part = _known_prefix(text, gz)
    if part:  # "Donetsk-Kirovskyi", "Donetsk Filtration Station": a part of a known place
        return [Mention(Span(start, start + len(part[0])), part[0], part[1], "part", hint="near")]
    lead = _directed(text, start, gz) or _leading_place(text, start, gz, surnames)
    if lead:  # "South Philadelphia", "the Titus County Jail" tagged as places
        return lead
    if label != "FAC":  # unknown spelling: the resolver may match it fuzzily,
        bare = strip_admin_word(fold(text))  # without its administrative word ("Tajoura District")
        return [Mention(Span(start, start + len(text)), text, bare, f"spacy:{label}", bare != fold(text))]
    return []


def _in_context(body: str, gz: Gazetteer) -> list[Mention]:
    """Names after a word that announces a place ("the town of al-Asabaa", "in Tarhuna district")."""
    found = []
    for n, rx in enumerate(_CONTEXT):
        for m in rx.finditer(body):
            text, word = m.group("name"), m.group("word").lower()
            hint = "town" if word in _TOWN_WORDS else None if word in _SEAT_NAMED else "admin"
            hit = _candidate_key(text, gz)
            source = "context"
            while hit is None and " " in text:  # "the town of Gharyan Monday": drop trailing words
                text = text.rsplit(" ", 1)[0]
                hit = _candidate_key(text, gz)
                if hit is not None and n > 0 and not _is_big(gz, hit[0]) and not _POSSESSIVE_END.search(text):
                    # the head of a longer name the word follows ("in Sidi Ekhrebish area", "the Briar Vista
                    # area"; not an owner, "Beirut's Wadi Abu Jameel area"): a part, which must lie in the
                    # story's countries (no Indian Sidhi in Benghazi)
                    source, hint = "part", "near"
            if hit is not None:
                s0 = m.start("name")
                found.append(Mention(Span(s0, s0 + len(text)), text, hit[0], source, hit[1], hint))
    return found


def _in_parentheses(body: str, gz: Gazetteer) -> list[Mention]:
    """Known names in parentheses: "Bar-Sanguun village (Kismaayo, Lower Juba)"."""
    found = []
    for m in _PAREN.finditer(body):
        pos = m.start(1)
        for part in m.group(1).split(","):
            lead = len(part) - len(part.lstrip())
            name = part.strip()
            hit = _candidate_key(name, gz) if name[:1].isupper() else None
            if hit is not None:
                found.append(Mention(Span(pos + lead, pos + lead + len(name)), name, hit[0], "context", hit[1],
                                     "code" if _is_code(name) else None))
            pos += len(part) + 1
    return found


def _after_words(body: str, gz: Gazetteer, names: _Names) -> list[Mention]:
    """Capitalised names right after a locative word or a verb or noun of attack ("near Shyrokyne",
    "shelled Makiivka"), which spaCy left untagged or took for a person."""
    found = []
    for m in [*_AFTER_PREP.finditer(body), *_AFTER_VERB.finditer(body)]:
        # The object of an attack may lie abroad ("Russian forces shelled Odesa"): not a weak cue.
        source = "after-attack" if m.re is _AFTER_VERB else "after-preposition"
        text = m.group(1)
        hit = _candidate_key(text, gz)
        while hit is None and " " in text:
            text = text.rsplit(" ", 1)[0]
            hit = _candidate_key(text, gz)
        span = Span(m.start(1), m.start(1) + len(text))
        clash = [p for p in names.persons if p.start < span.end and span.start < p.end]
        # A one-word "person", or any entity that is just the name ("shelled Makiivka" tagged ORG).
        # A "person" that is the name, a dash and a district ("shelled Donetsk - Kuibyshivskyi") counts as the name.
        strong = hit is not None and _STRONG_LOC.match(m.group(0)) and all(
            names.people.get(p) == 1 or p == span or (p not in names.people and span.start <= p.start
                                                       and p.end <= span.end and not _POSSESSIVE_END.search(text))
            or p.start == span.start and _DASH.match(body, span.end)
            for p in clash)
        # An unknown name that spaCy took as an organisation after "at", "in"... ("a demonstration at Lasanod"):
        # a spelling for the resolver to match fuzzily, in the story's countries only.
        unknown = hit is None and _STRONG_LOC.match(m.group(0)) and all(p == span and p not in names.people
                                                                         for p in clash)
        if text in names.surnames or ("-" not in m.group(1) and clash and not strong and not unknown):
            continue
        if hit is not None and (len(hit[0]) > 3 or _short_town(gz, text, hit[0])):
            found.append(Mention(span, text, hit[0], source, hit[1]))
            continue
        text = m.group(1)
        part = _known_prefix(text, gz)
        if part:  # "near Donetsk-Kirovskyi"
            found.append(Mention(Span(m.start(1), m.start(1) + len(part[0])), part[0], part[1], "part", hint="near"))
        elif directed := _directed(text, m.start(1), gz):  # "in South Philadelphia"
            found.extend(directed)
        elif len(text) > 4 and ascii_fold(text) not in _not_places():  # fuzzy candidates only
            found.append(Mention(Span(m.start(1), m.end(1)), text, fold(text), "after-preposition"))
    return found


def _state_abbreviations(body: str, gz: Gazetteer) -> list[Mention]:
    """ "Greer, S.C.": a first-level division after a comma."""
    found = []
    for m in _STATE_ABBR.finditer(body):
        text = m.group(1).rstrip()
        hit = _candidate_key(text, gz)
        if hit and any(gz.feature(i) == "admin1" for i in gz.lookup(hit[0])):
            found.append(Mention(Span(m.start(1), m.start(1) + len(text)), text, hit[0], "context", False))
    return found


def _longer_name(text: str, start: int, name: str, gz: Gazetteer) -> tuple[str, int] | None:
    """A known name of which spaCy tagged only the end ("Democratic Republic of the" + "Congo"): the longest
    run of capitalised or linking words just before ``name`` that makes a gazetteer key with it, and its start."""
    m = _NAME_RUN.search(text, max(0, start - 80), start)
    for w in re.finditer(r"\S+", m.group(0)) if m else ():  # longest first
        head = m.start() + w.start()
        if w.group(0)[0].isupper() and _candidate_key(text[head:start] + name, gz):
            return text[head:start] + name, head
    return None


def _leading_place(text: str, start: int, gz: Gazetteer, surnames: set[str]) -> list[Mention]:
    """The place in an institution's name: "the Arts Center of Cannon County", "Corsicana Police Department"."""
    for sep in (" of ", " in "):  # "the Arts Center of Cannon County", "the Labour Union in Sidi Bouzid"
        if sep not in text:
            continue
        tail = re.split(r"\s*[(,]", text.rsplit(sep, 1)[1])[0].rstrip(".")  # "... in Akure (Akure South
        hit = _candidate_key(tail, gz) if tail[:1].isupper() and not _INSTITUTION.search(tail) else None
        if hit:
            s0 = start + text.rindex(tail)
            return [Mention(Span(s0, s0 + len(tail)), tail, hit[0], "institution", hit[1])]
    words = text.split()
    for n in (3, 2, 1):
        head = _POSSESSIVE_END.sub("", " ".join(words[:n]).rstrip(","))
        if len(words) > n and head[:1].isupper() and not _INSTITUTION.search(head) and head not in surnames:
            hit = _candidate_key(head, gz)
            if hit and n == 1 and not (_LOCAL_BODY.match(words[1]) or _is_country(gz, head, hit[0])
                                       or _is_division(gz, head, hit[0])):
                continue  # one word before an institution is a place only for local bodies ("Athens Police")
            if hit:  # or for a country's or a state's ("the U.S. Centers for Disease Control", "Texas Forest Service")
                return [Mention(Span(start, start + len(head)), head, hit[0], "institution", hit[1])]
    return _directed(" ".join(words[:3]), start, gz)


# A part of a place named by its direction ("South Philadelphia", "Northeast Texas", "S.E. Paris").
_DIRECTION = _PATTERNS["direction"]


def _directed(text: str, start: int, gz: Gazetteer) -> list[Mention]:
    """The known place after a direction word in a name the gazetteer lacks as a whole."""
    m = _DIRECTION.match(text)
    if not m:
        return []
    rest = text[m.end():]
    for n in (3, 2, 1):
        name = _POSSESSIVE_END.sub("", " ".join(rest.split()[:n]).rstrip(",."))
        hit = _candidate_key(name, gz) if len(name) > 2 else None
        # the place's own name, not a variant some entry carries ("Western Area": no town called Area)
        if hit and any(strip_admin_word(ascii_fold(gz.entry(i).name)) == strip_admin_word(ascii_fold(name))
                       or _is_code(name) or name.endswith(".") for i in gz.lookup(hit[0])):
            s0 = start + m.end()
            return [Mention(Span(s0, s0 + len(name)), name, hit[0], "part", hit[1], hint="near")]
    return []


_LOCAL_BODY = _PATTERNS["local_body"]
_POSSESSIVE_END = re.compile("['\u2019]s?$")


# A town named for its people or its local bodies ("a Gainesville man", "Danbury police", "Columbia-based"),
# and a legislator's home town ("Rep. Jane Doe, D-Elbow Lake,").
_RESIDENT = _PATTERNS["resident"]
_PARTY_HOME = _PATTERNS["party_home"]


def _residents(body: str, gz: Gazetteer, surnames: set[str]) -> list[Mention]:
    out = []
    for rx, source in ((_RESIDENT, "resident"), (_PARTY_HOME, "party-home")):
        for m in rx.finditer(body):
            words = m.group(1).split()
            for n in range(len(words), 0, -1):  # "John Danbury police": the longest known tail
                text = " ".join(words[-n:])
                hit = _candidate_key(text, gz) if text not in surnames else None
                if hit and not _is_code(text) and any(gz.feature(i) != "continent" for i in gz.lookup(hit[0])):
                    start = m.start(1) + len(m.group(1)) - len(text)
                    out.append(Mention(Span(start, start + len(text)), text, hit[0], source, hit[1]))
                    break
    return out


# Names sharing one plural administrative word: "Douglas, Sarpy and Lancaster counties".
_SIMPLE_NAME = _PATTERNS["simple_name"]
_PLURAL_ADMIN = _PATTERNS["plural_admin"]
_SINGULAR = _WORDS["singular"]


def _listed_divisions(body: str, gz: Gazetteer) -> list[Mention]:
    out = []
    for m in _PLURAL_ADMIN.finditer(body):
        word = _SINGULAR[m.group("word")]
        for part in re.finditer(_SIMPLE_NAME, m.group(1)):
            name = part.group(0)
            if name in ("And", "Or"):
                continue
            hit = _candidate_key(f"{name} {word}", gz)
            if hit and any(gz.feature(i) in ("admin1", "admin2") for i in gz.lookup(hit[0])):
                s0 = m.start(1) + part.start()
                out.append(Mention(Span(s0, s0 + len(name)), name, hit[0], "context", True, "admin"))
    return out


# An upper-case dateline opening the text or a paragraph: "COLUMBUS, Ohio (AP) —", "ARLINGTON --".
_CAPS_DATELINE = _PATTERNS["caps_dateline"]


def _caps_datelines(body: str, gz: Gazetteer) -> list[Mention]:
    out = []
    for m in _CAPS_DATELINE.finditer(body):
        name = m.group("name")
        hit = _candidate_key(name.title(), gz) if len(name) > 3 else None
        if hit:
            out.append(Mention(Span(m.start("name"), m.end("name")), name, hit[0], "dateline"))
    return out


# "the Iraqi capital", "Afghanistan's capital": the country's capital city.
_CAPITAL = _PATTERNS["capital"]


def _capitals(body: str, gz: Gazetteer) -> list[Mention]:
    out = []
    for m in _CAPITAL.finditer(body):
        hit = _candidate_key(m.group("name"), gz)
        country = next((gz.entry(i) for i in gz.lookup(hit[0]) if gz.feature(i) == "country"), None) if hit else None
        cap = gz.capitals.get(country.country) if country else None
        if cap is not None:
            name = gz.entry(cap).name
            lead = re.match(r"(?: city)?,?\s+", body[m.end():m.end() + 60])
            start = m.end() + (lead.end() if lead else 0)
            if fold(body[start:start + len(name)]) == fold(name):  # "Kenya's capital Nairobi": the country
                # and the city are written, each its own mention (the city even where spaCy missed it)
                out.append(Mention(Span(start, start + len(name)), body[start:start + len(name)], fold(name),
                                   "capital", hint="town"))
                continue
            out.append(Mention(Span(m.start(), m.end()), m.group(0), fold(name), "capital", hint="town"))
    return out


_AFTER_COMMA = _PATTERNS["after_comma"]
# What a place's name may carry before its container: "Borova village, Kharkiv", "Rampur sector area (Baramulla
# district)", "Ceel Salini settlement (Afgooye, Lower Shabelle)".
KIND_WORDS = _PATTERNS["kind_words"]


def _containers_after(body: str, found: list[Mention], gz: Gazetteer) -> list[Mention]:
    """Divisions written after a place and a comma, which spaCy often leaves untagged ("near Kamianka, Donetsk")."""
    out = []
    for m in found:
        hit = _AFTER_COMMA.match(body, KIND_WORDS.match(body, m.span.end).end())
        if not hit:
            continue
        text = hit.group(1)
        key = _candidate_key(text, gz)
        while key is None and " " in text:
            text = text.rsplit(" ", 1)[0]
            key = _candidate_key(text, gz)
        if key and any(gz.feature(i) != "city" for i in gz.lookup(key[0])):
            out.append(Mention(Span(hit.start(1), hit.start(1) + len(text)), text, key[0], "context", key[1]))
    return out


# "Shumy, Donetsk", "Banda, DRC", "Mylove village, Kherson": a name, a comma and a name that opens the next match
# (lists chain).
_BEFORE_DIVISION = _PATTERNS["before_division"]
_AND_NAME = _PATTERNS["and_name"]
_LEAD_IN = _PATTERNS["lead_in"]
_FUNCTION_WORD = _PATTERNS["function_word"]


def before_divisions(body: str, gz: Gazetteer, surnames: set[str], people: dict[Span, int]) -> list[Mention]:
    """Known names written before a first-level division or a country and a comma ("shelled Shumy,
    Donetsk", "west of Banda, DRC"): places whatever spaCy tagged them; the division then chooses
    among same-name towns (see ``resolve.containers``)."""
    out = []
    for m in _BEFORE_DIVISION.finditer(body):
        box = _AFTER_COMMA.match(body, m.end("kind"))
        text = box.group(1) if box else ""
        key = _candidate_key(text, gz)
        while key is None and " " in text:
            text = text.rsplit(" ", 1)[0]
            key = _candidate_key(text, gz)
        if key is None or not any(gz.feature(i) in ("admin1", "admin2", "country") for i in gz.lookup(key[0])):
            continue
        after = _AFTER_COMMA.match(body, box.start(1) + len(text)) or _AND_NAME.match(body, box.start(1) + len(text))
        if after and _is_town(gz, after.group(1)):
            continue  # a list of towns ("Lome, Sokode, Kara, Anie and Bafilo")
        name, start = m.group(1), m.start(1)
        lead = _FUNCTION_WORD.match(name)
        if lead:
            name, start = name[lead.end():], start + lead.end()
        if not _LEAD_IN.search(body, max(0, start - 90), start):
            continue  # "Sen. Sherrod Brown, Ohio": only after a locative word, a verb of attack or a line start
        hit = _candidate_key(name, gz)
        span = Span(start, start + len(name))
        if hit is None and name[:1].isupper() and len(name) > 3 and text not in surnames and any(
                gz.feature(i) in ("admin1", "country") for i in gz.lookup(key[0])):
            # A village the gazetteer lacks ("near Novaya Tavriya, Donetsk"): its division at least.
            out.append(Mention(Span(box.start(1), box.start(1) + len(text)), text, key[0], "context", key[1]))
            continue
        if hit is None or name in surnames or _is_big(gz, hit[0]) and not any(
                gz.feature(i) == "city" for i in gz.lookup(hit[0])):
            continue  # a person's name, or a list of divisions ("Donetsk, Luhansk")
        if any(n > 1 and p.start < span.end and span.start < p.end and p != span for p, n in people.items()):
            continue  # "said Ivan Petrenko, Kharkiv governor"; a known place tagged as a person as a whole stays
        out.append(Mention(span, name, hit[0], "before-division", hit[1]))
    return out


def _located(text: str, start: int) -> bool:
    """A locative word right before ``start`` ("in", "near", "the town of")."""
    return bool(_LOCATIVE.search(text[max(0, start - 30):start]))


def _known_prefix(text: str, gz: Gazetteer) -> tuple[str, str] | None:
    """The longest leading part of an unknown name that the gazetteer knows, cut at a hyphen."""
    cuts = [m.start() for m in re.finditer(r"-", text)]
    for cut in reversed(cuts):
        head = text[:cut]
        hit = _candidate_key(head, gz) if len(head) > 4 else None
        if hit:
            return head, hit[0]
    return None


def _is_code(text: str) -> bool:
    """Upper-case abbreviations ("AP", "UP"): names of agencies as often as of places."""
    return len(text) <= 4 and text.replace(".", "").isupper()


def _is_country(gz: Gazetteer, text: str, key: str) -> bool:
    """The country's name or code as written ("China", "U.S."), not its demonym ("British")."""
    return any(gz.feature(i) == "country" and (_is_code(text) or ascii_fold(text) == ascii_fold(gz.entry(i).name))
               for i in gz.lookup(key))


def _is_town(gz: Gazetteer, text: str) -> bool:
    """A name the gazetteer knows only as towns."""
    hit = _candidate_key(text, gz)
    return hit is not None and all(gz.feature(i) == "city" for i in gz.lookup(hit[0]))


def _is_division(gz: Gazetteer, text: str, key: str) -> bool:
    """A first-level division's name or abbreviation as written ("Texas", "S.C.")."""
    return any(gz.feature(i) == "admin1" and (_is_code(text) or text.endswith(".")
                                              or ascii_fold(text) == ascii_fold(gz.entry(i).name))
               for i in gz.lookup(key))


def _short_town(gz: Gazetteer, text: str, key: str) -> bool:
    """A three-letter name written as a name, not an acronym, of a town of SHORT_TOWN_POP or more
    ("in central Van", "in Gao", "near Hue")."""
    return len(text) == 3 and text[1:].islower() and any(
        gz.feature(i) == "city" and gz.entry(i).population >= SHORT_TOWN_POP and fold(gz.entry(i).name) == key
        for i in gz.lookup(key))  # its own name, not an alternate one ("Jan" is no Dschang)


def _is_big(gz: Gazetteer, key: str) -> bool:
    return any(gz.feature(i) in ("country", "admin1", "continent") for i in gz.lookup(key))


_REPEATED_FROM = ("spacy:GPE", "spacy:LOC", "context", "dateline", "after-preposition", "after-attack",
                  "spacy:PERSON-located", "resident", "party-home")


def _repeats(body: str, found: list[Mention]) -> list[Mention]:
    """Other occurrences of names recognised as places (spaCy often tags a town as a person or
    inside an organisation's name: "Alexandria police", "the Mansfield Police Department")."""
    out = []
    names = {m.text: m for m in found if m.source in _REPEATED_FROM and len(m.text) > 3}
    for text, m in names.items():
        rx = re.compile(r"(?<![\w-])" + re.escape(text) + r"(?![\w-])", re.I if len(text) > 4 else 0)
        for hit in rx.finditer(body):
            if hit.group(0)[0].isupper():
                out.append(Mention(Span(hit.start(), hit.end()), hit.group(0), m.key, "repeat", m.admin_hint))
    return out


def _parts(text: str, start: int, gz: Gazetteer, label: str) -> list[Mention]:
    out = []
    pos = 0
    for part in text.split(","):
        lead = len(part) - len(part.lstrip())
        piece = part.strip().rstrip(".") if len(part.strip()) > 5 else part.strip()
        hit = _candidate_key(piece, gz) if piece else None
        if hit is not None:
            s = start + pos + lead
            out.append(Mention(Span(s, s + len(piece)), piece, hit[0], f"spacy:{label}", hit[1]))
        pos += len(part) + 1
    return out


def _without_overlaps(found: list[Mention], blocked: list[Span]) -> list[Mention]:
    found.sort(key=lambda m: (m.span.start, -(m.span.end - m.span.start)))
    out: list[Mention] = []
    for m in found:
        if m.source not in ("institution", "dateline") and any(
                b.start <= m.span.start and m.span.end <= b.end for b in blocked):
            continue
        if out and m.span.start < out[-1].span.end:
            if m.span == out[-1].span and m.hint and not out[-1].hint:  # keep what the context said
                out[-1].hint = m.hint
            continue
        out.append(m)
    return out
