"""Status (asserted, claimed, denied, negated, hypothetical, future) and attribution of an event.

The status is read from the trigger's own clause and the verbs that govern it, strongest first:

- denied: the event sits under a denial ("denied attacking", "dismissed the claims as lies",
  "rejected reports that troops fired"), or a party to the event says it did not happen;
- negated: "did not attack", "no attack took place", "failed to capture", "without firing";
- hypothetical: modals ("could", "may", "would"), intentions and threats ("threatened to",
  "plans to", "may prefer to", "called for"), conditions ("if"), "a possible attack";
- future: "will", "is to", "are set to", "is due to", "upcoming talks", "meet tomorrow";
- claimed: a party to the event says so — the source names one of the event's participants
  ("a spokesman for the LNA said LNA forces struck"), speaks of itself ("the army said it killed"),
  or the verb is a claim ("claimed", "alleged", "admitted", "claimed responsibility for");
- asserted: everything else, including reports by news agencies, witnesses, hospitals and other
  sources that are not a party (their name is still the attribution).

The attribution is who says so: a person's name when the source phrase has one ("Ahmed al-Mosmari,
a spokesman for the group" → "Ahmed al-Mosmari"), else the source's own words ("two Tripoli officials").
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Iterable

from .. import lang
from ..nlp import entities


@dataclass
class Modality:
    status: str = "asserted"
    attribution: str | None = None  # who says so ("Ahmed al-Mosmari"), or None
    attribution_span: Any = None  # the spaCy Span of the source's words, or None
    cue: str | None = None  # the words that decided the status ("according to", "did not", "denied")


@dataclass(frozen=True)
class _Lexicon:
    speech: frozenset[str]
    claim_verbs: frozenset[str]
    denial: frozenset[str]
    claim_nouns: frozenset[str]
    negators: frozenset[str]
    failure: frozenset[str]
    modals: frozenset[str]
    future_aux: frozenset[str]
    hypothetical_verbs: frozenset[str]
    future_verbs: frozenset[str]
    hypothetical_adj: frozenset[str]
    future_adj: frozenset[str]
    future_time: frozenset[str]
    conditional: frozenset[str]
    alleged: frozenset[str]
    generic: frozenset[str]
    self_pronouns: frozenset[str]
    light: frozenset[str]
    enabling: frozenset[str]


@functools.lru_cache(maxsize=None)
def _lexicon() -> _Lexicon:
    d = lang.load("coding/modality.json")
    f = lambda key: frozenset(d[key])  # noqa: E731
    return _Lexicon(f("speech_verbs"), f("claim_verbs"), f("denial_verbs"), f("claim_nouns"), f("negators"),
                    f("failure_verbs"), f("modals"), f("future_aux"), f("hypothetical_verbs"), f("future_verbs"),
                    f("hypothetical_adjectives"), f("future_adjectives"), f("future_time_words"),
                    f("conditional_marks"), f("alleged_words"), f("generic_words"), f("self_pronouns"),
                    f("light_verbs"), f("enabling_verbs"))


_NOUN_LINKS = {"dobj", "nsubj", "nsubjpass", "pobj", "prep", "attr", "compound", "appos", "oprd"}
_PARTICIPANT_DEPS = {"nsubj", "nsubjpass", "dobj", "agent", "poss", "compound", "iobj"}


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _scope(trigger) -> list:
    """The trigger's own clause: the trigger, the verb a noun trigger hangs on ("launched an attack"),
    and the verbs it complements ("threatened to attack", "will meet and discuss") or that let it happen
    ("will allow aid to reach": the aid is to come)."""
    scope = [trigger]
    cur = trigger
    if cur.pos_ in ("NOUN", "PROPN"):
        while cur.dep_ in _NOUN_LINKS and cur.head.i != cur.i and cur.head.pos_ not in ("VERB", "AUX"):
            if cur.head.pos_ not in ("ADP", "NOUN", "PROPN"):
                break
            cur = cur.head
        if cur.dep_ in _NOUN_LINKS and cur.head.pos_ in ("VERB", "AUX") and cur.head.i != cur.i:
            lex, verb = _lexicon(), cur.head
            lemma = _lemma(verb)
            cue_verb = verb.lower_ in lex.future_verbs or (cur.dep_ != "nsubj" and (
                lemma in lex.hypothetical_verbs or lemma in lex.failure))
            if lemma not in lex.light and lemma not in lex.enabling and not cue_verb:
                return scope  # "did not respond to requests": the requests were made
            cur = verb
            scope.append(cur)
    while (cur.dep_ in ("xcomp", "conj") or cur.dep_ == "ccomp" and _lemma(cur.head) in _lexicon().enabling) \
            and cur.head.i != cur.i:
        if cur.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            break  # a coordinated clause with its own subject has its own status
        cur = cur.head
        scope.append(cur)
    return scope


def _spine(trigger) -> list:
    """The trigger and every token that governs it, up to the root."""
    return [trigger, *trigger.ancestors]


def _negation(scope, trigger) -> str | None:
    """'did not attack', 'no attack', 'failed to capture', 'without firing', 'nobody died'."""
    lex = _lexicon()
    for tok in scope:
        for c in tok.children:
            if c.dep_ == "neg" or (c.lower_ in lex.negators and c.dep_ in ("advmod", "det", "neg", "preconj")):
                if tok.i == trigger.i or tok.pos_ in ("VERB", "AUX") or c.dep_ == "neg":
                    return f"{c.text} {tok.text}"
        if tok.i != trigger.i and _lemma(tok) in lex.failure:
            return tok.text
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "without":
        return "without"
    if trigger.dep_ == "pcomp" and trigger.head.lower_ == "without":
        return "without"
    subj = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj and subj[0].lower_ in ("nobody", "none", "noone") and trigger.pos_ == "VERB":
        return subj[0].text
    return None


def _hypothetical(scope, trigger) -> str | None:
    """'could strike', 'threatened to attack', 'called for a ceasefire', 'if they attack', 'a possible raid'."""
    lex = _lexicon()
    for tok in scope:
        for c in tok.children:
            if c.dep_ == "aux" and c.lower_ in lex.modals:
                return c.text
            if c.dep_ == "mark" and c.lower_ in lex.conditional:
                return c.text
        if tok.i != trigger.i and tok.pos_ in ("VERB", "AUX", "ADJ") and _lemma(tok) in lex.hypothetical_verbs:
            return tok.text
    for c in trigger.children:
        if c.dep_ in ("amod", "compound") and c.lower_ in lex.hypothetical_adj:
            return c.text
    # a conditional clause that holds the trigger: "if the army attacks, ..."
    for anc in _clauses_up(trigger):
        if any(c.dep_ == "mark" and c.lower_ in lex.conditional for c in anc.children):
            return "if"
    return None


def _clauses_up(trigger):
    """The adverbial clause heads above the trigger in its own sentence part."""
    for tok in [trigger, *trigger.ancestors]:
        if tok.dep_ == "advcl":
            yield tok
        if tok.dep_ in ("relcl", "ccomp", "ROOT"):
            return


def _future(scope, trigger) -> str | None:
    """'will meet', 'are set to resume', 'are to meet', 'upcoming talks', 'march tomorrow'."""
    lex = _lexicon()
    for tok in scope:
        for c in tok.children:
            if c.dep_ == "aux" and c.lower_ in lex.future_aux:
                return c.text
        if tok.i != trigger.i and tok.lower_ in lex.future_verbs and tok.tag_ in ("VBG", "VBN", "JJ", "RB", "IN"):
            return tok.text  # "are set to", "is due to", "are going to", "is expected to"
        if tok.i != trigger.i and _lemma(tok) == "be" and any(
                c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for c in tok.children):
            return f"{tok.text} to"  # "the talks are to resume"
    for c in trigger.children:
        if c.dep_ in ("amod", "compound") and c.lower_ in lex.future_adj:
            return c.text
    verb = next((t for t in scope if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and verb.tag_ in ("VBP", "VBZ", "VBG", "VB"):
        for c in verb.subtree:
            if c.ent_type_ in ("DATE", "TIME") and c.lower_ in lex.future_time and (
                    c.lower_ != "later" or verb.tag_ == "VBG"):
                return c.text
    return None


def _governing_speech(trigger) -> tuple[Any, bool]:
    """The nearest verb of saying or denying that governs the trigger, and whether the path to it
    goes through a claim or a clause ("rejected reports that ...", "denied that ...")."""
    lex = _lexicon()
    through_claim = _lemma(trigger) in lex.claim_nouns
    prev = trigger
    for anc in trigger.ancestors:
        lemma = _lemma(anc)
        if anc.pos_ in ("VERB", "AUX") and (lemma in lex.speech or lemma in lex.denial) \
                and prev.dep_ not in ("nsubj", "nsubjpass", "csubj", "agent") and not _claims_lives(anc):
            return anc, through_claim or prev.dep_ in ("ccomp", "xcomp", "pcomp")
        if anc.pos_ == "NOUN" and lemma in lex.claim_nouns:
            through_claim = True
        prev = anc
    return None, False


def _claims_lives(verb) -> bool:
    """'claimed the lives of 56', 'claimed 19 lives': a toll, not a statement."""
    return any(c.dep_ == "dobj" and _lemma(c) in ("life", "toll", "victim") for c in verb.children)


def _side_speech(trigger, sent):
    """'Gunmen killed five people, police said': a verb of saying hanging off the trigger's clause."""
    lex = _lexicon()
    heads = {t.i for t in _spine(trigger)}
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") and _lemma(tok) in lex.speech and tok.head.i in heads and tok.i not in heads \
                and tok.dep_ in ("parataxis", "advcl", "conj", "ccomp") and _subject(tok) is not None \
                and not any(c.dep_ == "auxpass" or (c.dep_ == "mark" and tok.dep_ == "advcl") for c in tok.children) \
                and not (tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in tok.children)) \
                and not _claims_lives(tok):  # not "29 injuries reported", nor "protested after X said"
            return tok
    return None


def _subject(verb):
    """Who speaks: the active subject ("police said"), or the agent of a passive ("was told by").
    A passive subject is what is said, not who says it ("47 people were reported killed")."""
    for c in verb.children:
        if c.dep_ == "nsubj" and c.lower_ != "it" and c.pos_ != "NUM":
            return c
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def _according_to(sent, trigger):
    """The object of 'according to', nearest to the trigger."""
    best = None
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
            to = tok.doc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
            if objs and (best is None or abs(objs[0].i - trigger.i) < abs(best.i - trigger.i)):
                best = objs[0]
    return best


def _source_span(head):
    """The source's words: the noun phrase without trailing clauses ("two Tripoli officials")."""
    doc = head.doc
    drop = {"relcl", "acl", "advcl", "punct", "appos", "cc", "conj", "parataxis", "npadvmod"}
    toks = [head] + [t for c in head.children if c.dep_ not in drop and c.ent_type_ not in ("DATE", "TIME")
                     for t in c.subtree]
    # blanked boilerplate parses as whitespace tokens: never part of a name
    toks = [t for t in toks if not t.is_space and (not t.is_punct or head.left_edge.i < t.i < head.i)] or [head]
    start, end = min(t.i for t in toks), max(t.i for t in toks) + 1
    while start < head.i and (doc[start].is_space or doc[start].is_punct):
        start += 1
    stop = next((t.i for t in doc[start:end] if t.i > head.i and (t.is_sent_start or t.text in (".", ";"))), end)
    # a missed sentence break: "according to the Ukrainian MoD. Drone footage shows ..."
    stop = next((t.i + 1 for t in doc[start:stop - 1] if len(t) > 1 and t.text.endswith(".") and doc[t.i + 1].is_title),
                stop)
    return doc[start:min(end, stop, head.sent.end)]


def _attribution(head):
    """A person's name when the source phrase holds one, else the source phrase itself."""
    lex = _lexicon()
    if head.lower_ in lex.self_pronouns or head.pos_ == "PRON":
        return None
    phrase = _source_span(head)
    appos = [t for c in head.children if c.dep_ == "appos" for t in c.subtree]
    lo = min([phrase.start] + [t.i for t in appos])
    hi = max([phrase.end] + [t.i + 1 for t in appos])
    for ent in entities(head.doc):
        if ent.label_ == "PERSON" and lo <= ent.start and ent.end <= hi:
            return ent
    return phrase


def _words(tokens) -> set[str]:
    lex = _lexicon()
    # nationalities and places say where, not who: "a Ukrainian newspaper" is no party to "a Ukrainian died"
    return {_lemma(t) for t in tokens if t.pos_ in ("NOUN", "PROPN") and _lemma(t) not in lex.generic
            and not t.is_stop and t.ent_type_ not in ("NORP", "GPE", "LOC", "DATE", "TIME", "CARDINAL")}


def _participants(trigger, scope) -> list:
    """Tokens naming who took part: the subjects, objects and agents of the trigger's clause."""
    toks = []
    for tok in scope:
        for c in tok.children:
            if c.dep_ in _PARTICIPANT_DEPS:
                toks.extend(c.subtree)
            elif c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("by", "with", "against", "on")):
                toks.extend(c.subtree)
    return toks


def _is_party(source_head, trigger, scope, parties: Iterable[str]) -> bool:
    """A party's own statement: the source shares a name with a participant (or with one of the
    event's resolved actors, ``parties``), or speaks of itself."""
    lex = _lexicon()
    parts = _participants(trigger, scope)
    if any(t.lower_ in lex.self_pronouns and t.dep_ in ("nsubj", "nsubjpass", "poss", "agent", "pobj") for t in parts):
        return True
    if source_head is None:
        return False
    source = _words(source_head.subtree)
    named = {w for name in parties for w in name.lower().replace("(", " ").replace(")", " ").split()
             if w not in lex.generic and len(w) > 2}
    return bool(source & (_words(parts) | named))


def assess(trigger: Any, sent: Any, parties: Iterable[str] = ()) -> Modality:
    """Status and source of the event whose trigger is the spaCy Token ``trigger`` in sentence ``sent``.

    ``parties`` may name the event's actors as resolved (knowledge-base names, "Taliban"): a source
    that shares a word with one of them speaks for a party, so its report is a claim."""
    lex = _lexicon()
    scope = _scope(trigger)
    speech, through = _governing_speech(trigger)
    side = None if speech is not None else _side_speech(trigger, sent)
    speaker_verb = speech or side
    source = _subject(speaker_verb) if speaker_verb is not None else None
    cue_source = None
    if source is None:
        source = _according_to(sent, trigger)
        cue_source = "according to" if source is not None else None
    attribution = _attribution(source) if source is not None else None
    party = _is_party(source, trigger, scope, parties) if (source is not None or speaker_verb is not None) else False

    status, cue = "asserted", cue_source
    negation = _negation(scope, trigger)
    if any(c.dep_ == "mark" and c.lower_ in lex.conditional for c in trigger.children):
        negation = None  # "has not decided whether to send troops": the sending is open, not denied
    if speech is not None and _lemma(speech) in lex.denial and (_lemma(speech) == "deny" or through):
        status, cue = "denied", speech.text
    elif negation and party:
        status, cue = "denied", negation  # a party says it did not happen
    elif negation:
        status, cue = "negated", negation
    elif (hyp := _hypothetical(scope, trigger)) is not None:
        status, cue = "hypothetical", hyp
    elif (fut := _future(scope, trigger)) is not None:
        status, cue = "future", fut
    elif speaker_verb is not None and (_lemma(speaker_verb) in lex.claim_verbs or party):
        status, cue = "claimed", speaker_verb.text
    elif source is not None and party:
        status, cue = "claimed", cue_source
    elif any(c.lower_ in lex.alleged for t in scope for c in t.children if c.dep_ in ("advmod", "amod")):
        status, cue = "claimed", next(c.text for t in scope for c in t.children
                                      if c.dep_ in ("advmod", "amod") and c.lower_ in lex.alleged)
    elif speaker_verb is not None and cue is None:
        cue = speaker_verb.text
    text = attribution.text if attribution is not None else None
    return Modality(status=status, attribution=text, attribution_span=attribution, cue=cue)
