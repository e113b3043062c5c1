"""The precision gate: the last word on whether a coded event is a happening an analyst would publish.

The coder finds every sentence that could tell of an event; a news article also holds sentences that
only look like one. The gate drops an event that is:

- ``caption``: told only by a photo caption (boilerplate; a caption that repeats the body is already a
  mention of the body's event);
- ``convention``: a reporting convention ("spoke on condition of anonymity", "did not respond to a request
  for comment") or the words that name the source ("a spokesman told AFP by phone");
- ``metaphor``: a blast or attack verb done by an abstract thing ("the dispute exploded");
- ``aggregate``: a running total ("has killed 9,000 people since 2019", a war's toll, a clause that
  describes a war: "a civil war that has killed tens of thousands");
- ``background``: an event noun told only as the circumstance of another ("amid ongoing talks", "in the
  wake of clashes");
- ``habitual``: what usually happens ("regularly raids villages", "civilians are killed in the
  crossfire") or a state of affairs ("the region is plagued by violence");
- ``not-done``: an action planned, pledged or hoped for (status hypothetical or negated), or an
  infinitive of purpose ("came to detain a trader"); a threat or a refusal is made when it is said, whatever
  the mood of what it threatens or refuses;
- ``convention`` too: a consultation whose other party is the press ("told AFP by phone", "talking to
  reporters", "said at a news conference");
- ``movement``: an armed party's going somewhere ("the attackers arrived at night"), coded as a visit;
- ``flight``: people fleeing (part of the attack they flee, not aid);
- ``standing``: backing described as a standing relation ("is backed by", "are aided by").

The words are in ``data/incidents/gate.json``. Every event that passes says so in its ``gate`` field."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from .. import lang, settings
from ..model import CodedDocument, Event
from .tokens import is_note, trigger_token

log = logging.getLogger(__name__)

NOT_DONE = ("hypothetical", "negated")
REPORTED = ("ccomp", "parataxis")
PASSED = "passed"
SECOND = 0.1  # confidence lost by an event that is not its sentence's first


def _data() -> dict[str, Any]:
    return lang.load("incidents/gate.json")


def _words(name: str) -> frozenset[str]:
    return frozenset(_data()[name])


def _clause(tok: Any) -> Any:
    """The verb whose clause holds the token (the token itself if it is one)."""
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            return tok
        tok = tok.head
    return tok


def _ancestors(tok: Any) -> list[Any]:
    out = [tok]
    while out[-1].head is not out[-1] and len(out) < 30:
        out.append(out[-1].head)
    return out


def _in_convention(tok: Any) -> bool:
    """The trigger lies in the clause of a reporting convention."""
    sent = tok.sent
    low = sent.text.lower()
    for cue in _data()["conventions"]:
        i = low.find(cue)
        if i < 0:
            continue
        span = sent.doc.char_span(sent.start_char + i, sent.start_char + i + len(cue), alignment_mode="expand")
        if span is None or not len(span):
            continue
        verb = _clause(span.root)
        told = [t for c in verb.children if c.dep_ in REPORTED for t in c.subtree]  # what was said is no convention
        if verb.left_edge.i <= tok.i <= verb.right_edge.i and tok not in told:
            return True
    return False


def _in_source(cd: CodedDocument, ev: Event) -> bool:
    """The trigger lies in the words that name who tells the news ("a spokesman, speaking by phone, said",
    "according to a statement"): the telling, not a happening."""
    spans = [e.attribution_span for e in cd.events if e.attribution_span is not None and e.evidence == ev.evidence]
    return any(s.start <= ev.trigger.start < s.end for s in spans)


def _to_the_press(ev: Event, tok: Any) -> bool:
    """A consultation with the news media: its clause's object or "to" names the press, or the trigger is a
    press event ("a news conference")."""
    if ev.type != "CONSULT":
        return False
    press = _words("press")
    if any(c.dep_ in ("compound", "amod") and c.lower_ in press for c in tok.children):
        return True
    verb = _clause(tok)
    told = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    told += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return any(t.lower_ in press for t in told)


def _movement(ev: Event, tok: Any) -> bool:
    """An armed party's arrival read as a visit: its troops or its attackers arriving are part of what they
    do there."""
    if ev.type != "CONSULT" or _clause(tok).lemma_.lower() not in _words("movement_verbs"):
        return False
    a = ev.actor1
    if a is not None and a.sector in _words("armed_sectors"):
        return True
    return any(c.dep_ == "nsubj" and c.lower_ in _words("armed_nouns") for c in _clause(tok).children)


def _circumstance(tok: Any) -> bool:
    """An event noun told only as the circumstance of another ("amid ongoing negotiations", "following
    days of fighting", "despite the ceasefire"): background, unless another sentence tells of it."""
    if tok.pos_ != "NOUN":
        return False
    for t in _ancestors(tok)[1:4]:
        if t.dep_ == "prep" or t.pos_ == "ADP":
            # "in the wake of", "ahead of", "against the backdrop of": the word "of" hangs on says it
            return t.lower_ in _words("circumstance") or t.lower_ == "of" and t.head.lower_ in _words("circumstance")
    return False


def _metaphor(tok: Any) -> bool:
    verb = _clause(tok)
    if verb.lemma_.lower() not in _words("metaphor_verbs") and tok.lemma_.lower() not in _words("metaphor_verbs"):
        return False
    # the trigger as the subject ("protests erupted") is the happening itself, not a figure of speech
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i != tok.i]
    return any(s.lemma_.lower() in _words("abstract_subjects") for s in subjects)


def _aggregate(ev: Event, tok: Any) -> bool:
    """A running total: "since" a time that is no recent day governs the trigger or holds it; or a toll
    only a war reaches."""
    if ev.fatalities is not None and ev.fatalities >= _data()["aggregate_toll"] and (
            ev.when is None or ev.when.inferred):
        return True
    since = _words("since")
    chain = _ancestors(tok)
    for t in chain:
        if any(c.lower_ in since and c.dep_ != "mark" and c not in chain and not _recent(c) for c in t.children):
            return True
        if t.pos_ in ("VERB", "AUX") and t is not tok and t.dep_ not in ("conj", "xcomp", "ccomp"):
            break
    return False


def _of_a_war(tok: Any) -> bool:
    """The trigger's clause describes a long conflict ("a civil war that has killed", "the uprising that
    toppled and killed"): it tells what the war did, not a happening of the story."""
    verb = _clause(tok)
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    war = verb.head
    if war.dep_ == "pobj" and war.head.lower_ == "of" and not any(c.dep_ in ("det", "poss") for c in war.children):
        return False  # "prisoners of war released by": a bare "of war" names a kind of people the clause tells of
    return verb.dep_ in ("relcl", "acl") and war.lemma_.lower() in _words("wars")


def _recent(since: Any) -> bool:
    """ "since Sunday", "since January 4": a day, not the start of a long span."""
    return any(w.lower_ in _words("recent") or (w.like_num and w.text.isdigit() and int(w.text) <= 31)
               for w in since.subtree)


def _habitual(tok: Any) -> bool:
    """An adverb of frequency, a verb of a state of affairs, or a simple present passive ("civilians are
    killed in the crossfire"): news is told in the past; the present passive tells what happens as a rule."""
    verb = _clause(tok)
    if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in _words("habitual") for c in (*tok.children, *verb.children)):
        return True
    return any(t.lemma_.lower() in _words("states") or t.lower_ in _words("states")
               for t in _ancestors(tok)[1:4] if t.pos_ in ("VERB", "AUX"))


def _purpose(tok: Any) -> bool:
    """ "came to detain", "sent troops to retake the town": an infinitive of a going or an intent, not done."""
    if tok.pos_ != "VERB" or tok.dep_ not in ("advcl", "xcomp", "acl", "relcl") or tok.head is tok:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    return tok.head.lemma_.lower() in _words("purpose_heads")


def _standing(ev: Event, tok: Any) -> bool:
    if ev.type not in _words("standing") or tok.tag_ != "VBN":
        return False
    return any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in tok.children)


def verdict(cd: CodedDocument, ev: Event) -> str:
    """``PASSED`` or the name of the rule that keeps the event out."""
    if ev.from_caption and all(any(c.start <= m.start < c.end for c in cd.captions) for m in ev.mentions or [ev.evidence]):
        return "caption"
    if ev.status in NOT_DONE and ev.type not in _words("said_now"):
        return "not-done"
    tok = trigger_token(cd, ev)
    if tok is None:
        return PASSED
    if _in_convention(tok) or _in_source(cd, ev) or _to_the_press(ev, tok):
        return "convention"
    if _movement(ev, tok):
        return "movement"
    if len(ev.mentions) <= 1 and _circumstance(tok):
        return "background"
    if _metaphor(tok):
        return "metaphor"
    if _aggregate(ev, tok) or _of_a_war(tok):
        return "aggregate"
    if _habitual(tok):
        return "habitual"
    if _purpose(tok):
        return "not-done"
    if tok.lemma_.lower() in _words("flight") or tok.lower_ in _words("flight"):
        return "flight"
    if _standing(ev, tok):
        return "standing"
    return PASSED


def _second_in_sentence(events: list[Event]) -> None:
    """A sentence of an article tells one happening first: another event read from it is less sure to be
    news of its own (a cause, a means, a consequence told in passing) and ranks lower."""
    first: dict = {}
    for ev in sorted(events, key=lambda e: -e.confidence):
        if ev.evidence in first:
            ev.confidence = max(0.05, ev.confidence - SECOND)
        else:
            first[ev.evidence] = ev


@dataclass(frozen=True)
class GateSettings:
    """The gate's settings. ``min_confidence``: events less confident than this are left out (0 keeps all;
    the default and why: ``settings.MIN_CONFIDENCE``)."""

    min_confidence: float = settings.MIN_CONFIDENCE


class Gate:
    """The gate stage made from its settings."""

    def __init__(self, config: GateSettings):
        self.config = config

    def __call__(self, cd: CodedDocument) -> None:
        gate(cd, self.config)


def gate(cd: CodedDocument, config: GateSettings | None = None) -> None:
    """Keep the events that pass, each marked with the gate it passed, and confident enough. A short note is
    one report of a happening (a monitor's note, a single sentence): its events pass as the coder read them."""
    least = (config or GateSettings()).min_confidence
    if is_note(cd):
        for ev in cd.events:
            ev.gate = "note"
        cd.events = [ev for ev in cd.events if ev.confidence >= least]
        return
    kept = []
    _second_in_sentence(cd.events)
    for ev in cd.events:
        why = verdict(cd, ev)
        if why == PASSED and ev.confidence < least:
            why = "confidence"
        if why == PASSED:
            ev.gate = PASSED
            kept.append(ev)
        else:
            log.debug("gate %s dropped %s at %s", why, ev.type, ev.trigger)
    cd.events = kept
