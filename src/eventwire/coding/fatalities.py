"""Fatalities of an event by ACLED's rules: the most conservative figure; none reported = 0.

A death is read from the words that report it (``kill``, ``die``, ``dead``, ``deaths``, ``bodies``,
``death toll`` ...) and the count from the victims those words govern: the passive subject or the
object of a verb ("five people were killed", "killing six"), the noun's own number ("three deaths")
or its ``of`` object ("the death of six persons"). Coordinated groups add up ("three soldiers and
two civilians" = 5); ranges take their lower end ("between 5 and 10" = 5); the wounded never count.
Vague words follow ACLED's conventions (data/coding/numbers.json documents each figure).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from .. import lang
from ..nlp import entity_at


@dataclass
class Fatalities:
    killed: int | None  # None when the text says nothing about deaths (or gives no usable count)
    span: Any = None  # the spaCy Span of the figure's words ("five people", "dozens")
    cue: str | None = None  # the word that reports the deaths ("killed", "dead", "no casualties")


@dataclass(frozen=True)
class _Lexicon:
    units: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, int]
    singular_dets: frozenset[str]
    zero_words: frozenset[str]
    collective: frozenset[str]
    verbs: frozenset[str]
    intransitive: frozenset[str]
    nouns: frozenset[str]
    zero_only: frozenset[str]
    life_verbs: frozenset[str]
    reference: frozenset[str]
    heavy: frozenset[str]
    injury: frozenset[str]
    additive: frozenset[str]
    dead: frozenset[str]
    attempt: frozenset[str]


@functools.lru_cache(maxsize=None)
def _lexicon() -> _Lexicon:
    num = lang.load("coding/numbers.json")
    cue = lang.load("coding/fatality_cues.json")
    return _Lexicon(num["units"], num["scales"], num["vague"], frozenset(num["singular_determiners"]),
                    frozenset(num["zero_words"]), frozenset(num["collective_nouns"]),
                    frozenset(cue["verbs"]), frozenset(cue["intransitive_verbs"]), frozenset(cue["nouns"]),
                    frozenset(cue["zero_only_nouns"]), frozenset(cue["life_verbs"]),
                    frozenset(cue["reference_words"]), frozenset(cue["heavy_loss_words"]),
                    frozenset(cue["injury_words"]), frozenset(cue["additive_words"]),
                    frozenset(cue["dead_adjectives"]), frozenset(cue["attempt_verbs"]))


_GLUE = "\\\"'“"  # quote marks (and the backslash of an escaped one) glued to a word
_DIGITS = re.compile(r"^\+?\d{1,3}(?:,\d{3})+$|^\+?\d+(?:\.\d+)?$")
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
_RANGE = re.compile(r"^(\d+)[-–](\d+)$")
_MEASURES = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute",
             "minutes", "km", "kilometres", "kilometers", "kilometre", "kilometer", "mile", "miles", "metres",
             "meters", "mm", "percent", "per", "%"}
_CLAUSE_DEPS = {"ROOT", "conj", "advcl", "ccomp", "xcomp", "relcl", "parataxis", "pcomp", "acl"}


# ---------------------------------------------------------------- numbers

def _word_value(tok) -> tuple[float | None, bool]:
    """(value, is_scale) of one token of a number, or (None, False)."""
    lex = _lexicon()
    low = tok.lower_.lstrip("+" + _GLUE)  # "+60", and escaped quotes glued to a first word
    if _DIGITS.match(low):
        return float(low.replace(",", "")), False  # "1.5" of "1.5 million" stays a fraction until scaled
    if low in lex.scales:
        return lex.scales[low], True
    if low in lex.units:
        return lex.units[low], False
    return None, False


_RANGE_WORDS = {"between", "and", "to", "or", "about", "around", "some", "at", "least", "more", "than", "up",
                "nearly", "almost", "over", "-", "–", ",", "fewer", "less", "no", "as", "many"}


def _is_date(tok) -> bool:
    """A number inside a date or sum ("9 May 2020", "$5"), not a count the tagger mistook for one."""
    if tok.ent_type_ in ("MONEY", "PERCENT"):
        return True
    if _YEAR.match(tok.text) and tok.dep_ != "nummod":  # "the massacres of 1937": a year is never a count
        return True
    if tok.ent_type_ not in ("DATE", "TIME"):
        return False
    ent = entity_at(tok.doc, tok.i)
    words = ent if ent is not None else [tok]
    return any(not (w.like_num or w.lower_ in _lexicon().units or w.lower_ in _RANGE_WORDS) for w in words)


def _groups(tokens) -> list[tuple[int, list]]:
    """Runs of number words in ``tokens`` with their values ("twenty - six" = 26, "two dozen" = 24)."""
    out: list[tuple[int, list]] = []
    total = current = 0
    run: list = []

    def close():
        nonlocal total, current, run
        after = [t for t in tokens[tokens.index(run[-1]) + 1:][:2] if t.text not in ("-", "–")] if run else []
        if run and not (after and after[0].lower_ in _MEASURES):  # "a 24-year-old man", "a two-day battle"
            out.append((int(total + current), run))
        total = current = 0
        run = []

    for i, tok in enumerate(tokens):
        if _is_date(tok):
            close()
            continue
        m = _RANGE.match(tok.text)
        if m:  # "5-10": the lower end
            close()
            out.append((int(m.group(1)), [tok]))
            continue
        value, is_scale = _word_value(tok)
        if value is None:
            joiner = tok.text in ("-", "–") or (tok.lower_ == "and" and run and _word_value(run[-1])[1])
            if joiner and run and i + 1 < len(tokens) and _word_value(tokens[i + 1])[0] is not None:
                run.append(tok)
                continue
            close()
            continue
        if is_scale:
            current = max(current, 1) * value
            if value >= 1000:
                total, current = total + current, 0
        elif tok.lower_ == "dozen" and current:
            current *= 12
        else:
            if run and current and value >= current:  # "five six": two numbers, not one
                close()
            current += value
        run.append(tok)
    close()
    return out


def _value(tokens) -> tuple[int | None, list]:
    """The count stated by ``tokens`` (a noun phrase or part of one): numbers first, then vague words.

    Ranges and alternatives give the lower figure ("between 5 and 10", "5 to 10", "five or six");
    distinct groups joined by "and" add up ("2 rebel and 1 military fatality" = 3).
    """
    tokens = list(tokens)
    groups = _groups(tokens)
    if groups:
        value, run = groups[0]
        used = list(run)
        for nxt_value, nxt_run in groups[1:]:
            between = tokens[tokens.index(used[-1]) + 1:tokens.index(nxt_run[0])]
            words = {t.lower_ for t in between}
            if words & {"to", "or", "-", "–"} or any(t.lower_ == "between" for t in tokens[:tokens.index(run[0])]):
                value = min(value, nxt_value)
            elif "and" in words and any(t.pos_ in ("NOUN", "ADJ", "PROPN") for t in between):
                after = tokens[tokens.index(nxt_run[-1]) + 1:][:1]
                if after and _injury(after[0]):
                    break  # "eight dead and some 220 injured": the wounded are no group of the dead
                value += nxt_value
            else:
                break
            used += nxt_run
        return value, used
    lex = _lexicon()
    for tok in tokens:
        if tok.lower_ == "number" and any(c.lower_ in lex.heavy for c in tok.children):
            return lex.vague["number"], [tok]  # "an unknown number of", "a large number of"
        if tok.lower_ in lex.vague and not (tok.lower_ == "number" and not _has_det(tok, "a")):
            if tok.lower_ == "few" and not _has_det(tok, "a") and not (tok.i and tok.doc[tok.i - 1].lower_ == "a"):
                continue  # "few were killed" says little; "a few" = 3
            return lex.vague[tok.lower_], [tok]
    return None, []


def _injury(tok) -> bool:
    injury = _lexicon().injury
    return tok.lower_ in injury or tok.lemma_.lower() in injury


def _has_det(tok, word: str) -> bool:
    return any(c.dep_ == "det" and c.lower_ == word for c in tok.children)


# ---------------------------------------------------------------- victims

def _is_zero(noun) -> bool:
    """'no one', 'nobody', 'none of them', 'no casualties', 'without casualties'."""
    lex = _lexicon()
    doc = noun.doc

    def zero(tok) -> bool:  # "no one", but not "no fewer than 12"
        nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
        return tok.lower_ in lex.zero_words and nxt not in ("fewer", "less", "more", "than", "longer")

    if zero(noun):
        return True
    if any(zero(c) and c.dep_ in ("det", "neg", "advmod", "amod") for c in noun.children):
        return True
    if noun.i and doc[noun.i - 1].lower_ in ("no", "without"):
        return True
    return noun.head.lower_ == "without" and noun.dep_ == "pobj"


def _phrase_count(noun, coordinated: bool = False) -> tuple[int | None, list]:
    """How many people the noun phrase headed by ``noun`` names, with the tokens that say so."""
    lex = _lexicon()
    if _is_zero(noun):
        return 0, [noun]
    if noun.lower_ == "them":
        ante = _antecedent(noun)
        return _phrase_count(ante) if ante is not None else (None, [])
    left = list(noun.doc[noun.left_edge.i:noun.i + 1])
    glued = noun.doc[left[0].i - 1] if left[0].i else None
    if glued is not None and glued.text[:1] in _GLUE and not glued.is_punct and glued.dep_ != "nummod":
        left.insert(0, glued)  # '\"Eleven people': a number glued to a stray quote is parsed apart from its noun
    # "dozens of people", "three of them", "a group of 5 people": the head word or the 'of' object counts
    value, used = _value(left)
    if value is not None:
        if noun.lemma_.lower() in lex.collective and noun.lower_ not in lex.vague and not _groups(left):
            value = None
        else:
            return value, used
    of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    if of and (noun.lemma_.lower() in lex.collective or noun.lower_ in ("life", "total")):
        for p in of[0].children:
            if p.dep_ == "pobj":
                return _phrase_count(p)
    if noun.tag_ in ("NN", "NNP") or noun.lower_ in ("he", "she", "him", "her") or (
            noun.tag_ in ("VBG", "JJ") and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)):
        if noun.lemma_.lower() in lex.collective or noun.lower_ in ("dead", "people", "police", "personnel"):
            return None, []
        marked = noun.pos_ == "PROPN" or noun.tag_ == "PRP" or any(
            c.dep_ in ("det", "poss") and (c.lower_ in lex.singular_dets or c.dep_ == "poss") for c in noun.children)
        abstract = noun.lower_.endswith(("tion", "sion", "ment", "ness", "ance", "ence", "ity", "ing", "age", "ure"))
        # an unmarked second noun is the same person ("a blogger and author") or no person at all
        # ("the death of 26 persons and displacement of others")
        if coordinated and (abstract or not marked):
            return None, []
        return 1, [noun]  # "a man", "the imam", "Roman Voinitski"
    return None, []


def _antecedent(pronoun):
    """ "captured nine farmers and shot them dead": the object of the verb the pronoun's verb is
    coordinated with."""
    verb = pronoun.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
        objs = _children(verb, "dobj", "nsubjpass")
        if objs and objs[0].lower_ != "them":
            return objs[0]
    return None


def _group_count(noun, skip_injured: bool = False) -> tuple[int | None, list]:
    """Add up the coordinated groups of victims: "three soldiers and two civilians" = 5."""
    if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN", "NUM"):
        noun = noun.head  # "two adults and four children who died": the whole group
    appos = _children(noun, "appos")
    own = _phrase_count(noun)[0] if appos else None
    if appos and own is None:
        noun, appos = appos[0], []  # "the victims, a man and his son": the apposition counts them
    elif own != 1 or noun.tag_ not in ("NN", "NNP"):
        appos = []  # "seven people, two children and five women": the apposition splits the count
    # "the district commissioner Ahmed Nur and his driver": the name in apposition carries the conjunct
    # (not "Tahir Elci, president of the bar and a leading defender": two titles of one man);
    # "a policeman, his father, his wife and three children": a list the parser read as an apposition
    kin = [n for n in appos if any(d.dep_ == "poss" and d.tag_ == "PRP$" for d in n.children)]
    parts = [noun] + [c for c in noun.conjuncts if c.i > noun.i] + kin + [
        c for n in appos if n.pos_ == "PROPN" or n in kin for c in n.conjuncts
        if c.i > n.i and any(d.dep_ in ("poss", "nummod", "det") for d in c.children)]
    if any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for p in parts for c in p.children) or all(
            p.pos_ == "NUM" for p in parts):
        parts = parts[:1]  # "18 (or 11)", "five or six": the first, lower figure
    for part in list(parts):  # "a university director along with his driver"
        for adv in part.children:
            if adv.dep_ in ("prep", "advmod") and adv.lower_ in ("along", "together"):
                parts += [o for w in adv.children if w.lower_ == "with" for o in w.children if o.dep_ == "pobj"]
    doc = noun.doc
    last = parts[-1].right_edge.i + 1
    if len(parts) > 1 and last + 1 < len(doc) and doc[last].lemma_ in ("say", "tell", "report", "confirm", "add") \
            and doc[last + 1].is_punct:
        parts = parts[:1]  # "killing 11 people, police and a doctor said"
    counts = []
    for i, part in enumerate(parts):
        if i and skip_injured and any(_injury(c) for c in part.children):
            continue  # "five dead bodies and 85 injured people"
        value, toks = _phrase_count(part, coordinated=i > 0)
        if value is not None:
            counts.append((value, toks or [part]))
    if not counts:
        return None, []
    dashes = (",", "-", "--", "–", "—")
    enclosed = last < len(doc) and doc[parts[0].i + 1].text in dashes and doc[last].text in dashes
    if len(counts) > 2 and enclosed and counts[0][0] == sum(v for v, _ in counts[1:]):
        return counts[0]  # "nine people, two children and seven women, were": the groups split the figure
    return sum(v for v, _ in counts), [t for _, toks in counts for t in toks]


def _children(tok, *deps) -> list:
    return [c for c in tok.children if c.dep_ in deps]


def _verb_victims(verb, passive_only: bool = False) -> list:
    """The victims of a killing verb: the passive subjects, else the objects."""
    lex = _lexicon()
    passive = _children(verb, "nsubjpass")
    if passive:
        if passive[0].lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            return [verb.head]  # "nine civilians who had been killed"
        # "two soldiers and six members were killed", split in two by the parser, are both victims; in
        # "in Alagoinha, Pernambuco, a man was killed" the subject before the comma is a misparsed place
        between = verb.doc[passive[0].i:passive[-1].left_edge.i]
        joined = any(t.dep_ == "cc" for t in between) and not any(t.pos_ in ("VERB", "AUX") for t in between)
        return passive if joined else passive[-1:]
    subj = _children(verb, "nsubj")
    if subj and (any(c.dep_ == "auxpass" for c in verb.children) or verb.lemma_.lower() in lex.intransitive):
        if subj[0].lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            return [verb.head]  # "four children who died"
        return subj
    obj = [] if passive_only else _children(verb, "dobj") or _shared_object(verb)
    if obj:
        return obj
    if subj and verb.tag_ == "VBN" and _value(subj[0].subtree)[0] is not None:
        return subj  # headline style: "Six civilians killed."
    if verb.dep_ in ("acl", "amod", "relcl") and verb.tag_ == "VBN" or (
            verb.dep_ in ("acl", "relcl") and verb.lemma_.lower() in lex.intransitive):
        return [verb.head]  # "three people killed in ...", "those who died"
    if verb.dep_ in ("xcomp", "conj", "advcl", "oprd") and verb.head.pos_ in ("VERB", "AUX"):
        # "were reported to have been killed", "are feared killed", "were attacked and killed"
        if any(c.dep_ == "auxpass" for c in verb.children) and verb.dep_ == "conj":
            return _children(verb.head, "nsubjpass", "nsubj")  # "workers ... have been killed"
        if verb.tag_ == "VBN" or verb.lemma_.lower() in lex.intransitive:
            return _verb_victims(verb.head, passive_only=verb.dep_ != "conj")
    return []


def _shared_object(verb) -> list:
    """ "shot dead or burned alive nine people": the object of a coordinated verb is this one's too
    (not the object of "wounded" in "killed and wounded 20")."""
    if verb.pos_ != "VERB":
        return []
    return [o for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and not _injury(c)
            for o in _children(c, "dobj")][:1]


def _surface_victims(verb) -> list:
    """Victims by word order when the parse gives none: 'killed at least 17 people', '1 soldier killed'."""
    doc, sent = verb.doc, verb.sent
    # "their confrontations killed at least 24": a participle with a subject and no passive auxiliary is
    # a past tense the tagger misread; its victims follow it
    active = verb.tag_ == "VBN" and _children(verb, "nsubj") and not _children(verb, "auxpass", "aux")
    passive = (verb.tag_ == "VBN" and not active) or verb.lemma_.lower() in _lexicon().intransitive
    before = verb.i - 1
    while before > sent.start and (doc[before].head.i == verb.i and doc[before].dep_ in ("aux", "auxpass", "advmod", "neg")):
        before -= 1  # "a man and an adolescent were reportedly killed": the words before the verb group
    if passive and before >= sent.start and doc[before].pos_ in ("NOUN", "NUM", "PROPN") \
            and not doc[before].ent_type_ in ("DATE", "TIME"):
        return [_noun_of(doc[before])]
    if passive:  # "At least 40 people were in the early hours of yesterday killed"
        for tok in reversed(doc[sent.start:verb.i]):
            if tok.pos_ == "PUNCT" and tok.text in ";:":
                break
            if tok.lemma_ == "be":
                subj = _children(tok, "nsubj", "nsubjpass")
                if subj:
                    return subj
                break
    if verb.tag_ in ("VBD", "VBG", "VBZ", "VBP") or active:
        for tok in doc[verb.i + 1:min(verb.i + 6, sent.end)]:
            if tok.pos_ in ("PUNCT", "VERB", "AUX", "ADP") and tok.lower_ not in ("at", "about", "around", "over"):
                break
            if tok.pos_ in ("NUM", "NOUN", "PRON"):
                return [_noun_of(tok)]
    return []


def _noun_of(tok):
    """The noun a number modifies ("17" in "17 people" → "people")."""
    return tok.head if tok.dep_ in ("nummod", "quantmod") and tok.head.pos_ in ("NOUN", "PROPN") else tok


def _sum_groups(nouns) -> tuple[int | None, list]:
    total, used, known = 0, [], False
    for noun in nouns:
        value, toks = _group_count(noun)
        if value is not None:
            total, used, known = total + value, used + toks, True
    return (total, used) if known else (None, [])


def _cue_victims(cue) -> tuple[int | None, list] | None:
    """The count reported by one death word, or None when ``cue`` reports no death."""
    lex = _lexicon()
    lemma = cue.lemma_.lower()
    low = cue.lower_
    fatal = cue.pos_ == "VERB" and any(c.lower_ in ("fatally", "mortally") and cue.doc[c.i - 1].text not in ("-", "non")
                                       for c in cue.children)
    if lemma in lex.verbs or lemma in lex.intransitive or fatal:  # "was fatally shot" counts as killed
        if cue.pos_ not in ("VERB", "AUX") and not (cue.tag_.startswith("VB") or cue.dep_ in ("amod", "acl")):
            return None if lemma not in lex.nouns else _noun_count(cue)
        if lemma == "hang" and low != "hanged":
            return None
        if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in lex.attempt:
            return None  # "attempted to assassinate a judge": nobody died of it
        if any(c.dep_ == "neg" for c in cue.children):
            return 0, [cue]
        result = _sum_groups(_verb_victims(cue))
        if result[0] is None:
            result = _sum_groups(_surface_victims(cue))
        if result[0] is not None:  # "killed a judge along with his bodyguard"
            for adv in cue.children:
                if adv.lower_ in ("along", "together"):
                    for obj in (o for w in adv.children if w.lower_ == "with" for o in w.children if o.dep_ == "pobj"):
                        value, toks = _phrase_count(obj, coordinated=True)
                        if value is not None:
                            result = (result[0] + value, result[1] + toks)
        return result
    if low in lex.dead or lemma in lex.dead:
        return _dead_count(cue)
    if lemma in lex.nouns or low in lex.nouns:
        if cue.dep_ == "compound" and cue.head.lemma_.lower() != "toll":
            return None  # "death penalty", "death threats", "body armour"
        return _noun_count(cue)
    if lemma in lex.zero_only and cue.pos_ == "NOUN":
        if _is_zero(cue) or (cue.dep_ == "dobj" and any(c.dep_ == "neg" for c in cue.head.children)):
            return 0, [cue]
        if lemma == "loss" and any(c.lower_ in lex.heavy for c in cue.children):
            return lex.vague["many"], [cue]  # "suffered heavy losses": many dead, ACLED's 10
    return None


def _dead_count(dead) -> tuple[int | None, list]:
    """'five dead', 'leaving one dead', 'were found dead', 'shot dead two men', 'the dead'."""
    value, used = _value(dead.doc[dead.left_edge.i:dead.i + 1])
    if value is not None:
        return value, used
    if dead.dep_ == "amod":
        return _group_count(dead.head, skip_injured=True)
    if dead.dep_ in ("oprd", "acomp", "xcomp", "advmod", "ccomp", "conj", "attr", "dobj") and dead.head.pos_ in ("VERB", "AUX"):
        verb = dead.head
        victims = _children(verb, "nsubjpass", "dobj") or _shared_object(verb) or _children(verb, "nsubj")
        if victims:
            return _group_count(victims[0])
    return None, []


def _noun_count(noun) -> tuple[int | None, list] | None:
    """'three deaths', 'the death of six persons', 'stabbed to death', 'claimed 19 lives', 'his murder';
    None when the noun reports no death ('sentenced to death')."""
    lex = _lexicon()
    lemma = noun.lemma_.lower()
    if _is_zero(noun):
        return 0, [noun]
    if noun.head.lower_ == "to" and noun.lower_ == "death" and noun.head.head.pos_ == "VERB" \
            and not any(c.dep_ in ("prep", "det", "poss") for c in noun.children):
        if noun.head.head.lemma_.lower() in ("sentence", "condemn", "threaten"):
            return None  # a sentence, not a death
        verb = noun.head.head  # "stabbed to death", "beaten to death"
        result = _sum_groups(_verb_victims(verb))
        return result if result[0] is not None else _sum_groups(_surface_victims(verb))
    if lemma == "toll":
        return _toll(noun)
    if lemma == "life":
        if noun.head.lemma_.lower() not in lex.life_verbs:
            return None
        value, used = _value(noun.doc[noun.left_edge.i:noun.i + 1])
        if value is not None:
            return value, used
        for prep in _children(noun, "prep"):  # "claimed the lives of 56 prisoners"
            objs = _children(prep, "pobj") if prep.lower_ == "of" else []
            if objs:
                return _group_count(objs[0])
        subj = _children(noun.head, "nsubj")  # "five people lost their lives"
        return _group_count(subj[0]) if subj and noun.head.lemma_.lower() == "lose" else (None, [])
    value, used = _value(noun.doc[noun.left_edge.i:noun.i + 1])
    if value is not None:
        return value, used
    for prep in [*_children(noun, "prep"), *_of_after_date(noun)]:
        if prep.lower_ == "of":
            objs = _children(prep, "pobj")
            if objs:
                return _group_count(objs[0])
    if noun.tag_ == "NN" and lemma in ("death", "murder", "killing", "execution", "assassination", "beheading",
                                       "body", "corpse") and any(c.dep_ == "poss" for c in noun.children):
        return 1, [noun]  # "his death", "the journalist's murder"
    if noun.tag_ == "NN" and lemma in ("body", "corpse") and _has_det(noun, "a"):
        return 1, [noun]  # "a body was found" ("a killing" names the event whose dead are counted)
    return None, []


def _of_after_date(noun) -> list:
    """ "found the bodies on Friday of six men": the 'of' the parser hung on the date between."""
    doc, j = noun.doc, noun.i + 1
    while j < len(doc) and (doc[j].ent_type_ in ("DATE", "TIME") or doc[j].lower_ in ("on", "early", "late")):
        j += 1
    return [doc[j]] if noun.i + 1 < j < len(doc) and doc[j].lower_ == "of" else []


def _toll(toll) -> tuple[int | None, list]:
    """'the death toll rose to 20', 'raising the toll to 20', 'a toll of 20', 'the toll is 20'."""
    head = toll.head
    scope = [t for t in head.subtree if t.i > toll.i] if toll.dep_ != "pobj" else list(toll.subtree)
    for prep in ("to", "at", "of"):
        for t in scope:
            if t.lower_ == prep and t.dep_ in ("prep", "dative"):
                value, used = _value(list(t.subtree)[1:])
                if value is not None:
                    return value, used
    value, used = _value(scope)
    return (value, used) if value is not None else (None, [])


# ---------------------------------------------------------------- which deaths belong to the event

def _clause_head(tok):
    while tok.dep_ not in _CLAUSE_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _in_subtree(tok, root) -> bool:
    return root.left_edge.i <= tok.i <= root.right_edge.i and any(a.i == root.i for a in [tok, *tok.ancestors])


def _line(tok) -> set[int]:
    """The positions of a token and of every token that governs it."""
    return {tok.i, *(a.i for a in tok.ancestors)}


def _referenced(cue, trigger) -> bool:
    """True when the deaths are the subject of another act: 'protested over the killing of ...'."""
    lex = _lexicon()
    above = _line(trigger) if trigger is not None else set()
    prev, clause = cue, False
    for anc in cue.ancestors:
        if anc.i in above:  # a token that governs the trigger too: the trigger's own act
            return False
        # what happened before: "after the death of a protester", "after police shot two students"
        # (not "after killing 13 residents": the same actors' act)
        if anc.lower_ in ("after", "since") and prev.dep_ == "pobj":
            return True
        if anc.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "since") for c in anc.children) \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in anc.children) and trigger is not None:
            return True
        if anc.lemma_.lower() in lex.reference or anc.lower_ in lex.reference:
            # a preposition refers to its own noun ("over the killing of"), not to a clause hanging
            # off that noun ("clashed over land, leaving seven dead")
            if anc.pos_ != "ADP" or not clause:
                return True
        clause = clause or (prev.dep_ in _CLAUSE_DEPS and prev.i != cue.i)
        prev = anc
    return False


def _related(cue, trigger) -> bool:
    if trigger is None or cue.i == trigger.i:
        return True
    above = _line(trigger)
    for anc in [cue, *cue.ancestors]:
        if anc.i in above:
            break
        if anc.dep_ in ("relcl", "acl") and anc.head.dep_ == "pobj" and anc.head.i != trigger.i:
            return False  # "on the scale of the 2011 uprising that killed the dictator": another event's dead
    return _clause_head(trigger).i in _line(cue) or _clause_head(cue).i in above


_REPORT_NOUNS = {"account", "report", "estimate", "figure", "source", "toll"}


def _report_of(cue) -> int | None:
    """The verb of saying (or 'account', 'report') a figure hangs on: two figures from two reports
    are alternatives, not groups to add up."""
    speech = {"say", "report", "tell", "put", "estimate", "count", "give"}
    for anc in cue.ancestors:
        if (anc.pos_ in ("VERB", "AUX") and anc.lemma_.lower() in speech) or (
                anc.pos_ == "NOUN" and anc.lemma_.lower() in _REPORT_NOUNS):
            return anc.i
    return None


def _figures(trigger, sent) -> list[tuple[int, list, Any]]:
    """Every death figure of ``sent`` that belongs to the event of ``trigger``: (count, words, cue)."""
    found: list[tuple[int, list, Any]] = []
    seen: set[int] = set()
    lex = _lexicon()
    words = lex.verbs | lex.intransitive | lex.nouns | lex.zero_only | lex.dead
    for tok in sent:
        if tok.lemma_.lower() not in words and tok.lower_ not in words and tok.pos_ != "VERB":
            continue  # not a word of death: skip the tree walks
        if not _related(tok, trigger) or _referenced(tok, trigger):
            continue
        result = _cue_victims(tok)
        if result is None or result[0] is None:
            continue
        value, used = result
        ids = {t.i for t in used} or {tok.i}
        if ids & seen:  # the same victims reported twice ("were shot dead ... killed")
            continue
        if any(_in_subtree(tok, _noun_of(u)) for _, prev, _ in found for u in prev) or (found and _partitive(used)):
            continue  # "28 corpses, including those of two soldiers killed", "six persons, three of them
            # farmers and three herders who were killed": a part of a figure already read
        seen |= ids
        found.append((value, used, tok))
    return found


def _partitive(used) -> bool:
    """ "three of them", "two of whom": a part of people already counted."""
    return any(c.lower_ == "of" and any(p.lower_ in ("them", "whom", "those", "these") for p in c.children)
               for u in used for c in u.children)


def _collect(trigger, sent) -> Fatalities:
    found = _figures(trigger, sent)
    found = [f for f in found if f[0] or f[2].lemma_.lower() != "toll"]  # "no official toll" is not "no deaths"
    if not found:
        return Fatalities(None)
    tolls = [f for f in found if f[2].lemma_.lower() == "toll"]
    if tolls:  # a toll is the running total: "the toll rose to five after another man was killed"
        found = [max(tolls, key=lambda f: f[0])]
    if len({_report_of(cue) for _, _, cue in found}) > 1:  # "seven killed, disputing an account of 19"
        found = [min(found, key=lambda f: f[0])]
    killed = sum(v for v, _, _ in found)
    toks = [t for _, used, cue in found for t in (used or [cue])]
    doc = sent.doc
    span = doc[min(t.i for t in toks):max(t.i for t in toks) + 1]
    cue = " + ".join(c.text if v else f"{c.text} (none)" for v, _, c in found)
    return Fatalities(killed, span, cue)


def _adds(used, cue) -> bool:
    """'two more people', 'seventeen others', 'a fourth person', 'were also killed': deaths told as
    beyond those the report has already counted."""
    more = _lexicon().additive
    heads = [cue, _clause_head(cue)] + ([cue.head] if cue.dep_ in ("advcl", "conj", "xcomp") else [])
    if any(c.dep_ == "advmod" and c.lower_ in more for h in heads for c in h.children):
        return True  # "were also killed", "shells also hit homes, killing three"
    if any(c.dep_ in ("nsubj", "nsubjpass") and _has_det(c, "another") for h in heads for c in h.children):
        return True  # "another bomb went off, killing three"
    first = used[0] if used else cue  # "Salim and another employee": the group as a whole is not 'another'
    noun = _noun_of(first)
    return any(w.lower_ in more or (w.ent_type_ == "ORDINAL" and w.dep_ == "amod")
               for w in {first, noun, *first.children, *noun.children})


def more_in(sents: Any) -> int:
    """The deaths that the sentences ``sents``, read after an event's own figure, add to it: "Two more
    people were killed in a second blast", "A fourth man died later", "His driver was also killed".
    Figures without such a word may be the same dead told again, and a toll is a total: neither adds,
    nor does a sentence that splits a figure up ("four died in X while another three died in Y")."""
    added = 0
    for sent in sents:
        found = [(value, _adds(used, cue)) for value, used, cue in _figures(None, sent)
                 if value and cue.lemma_.lower() != "toll"]
        if all(more for _, more in found):  # "16 died in clashes while six more were killed": a breakdown
            added += sum(value for value, _ in found)
    return added


def count(trigger: Any, sent: Any) -> Fatalities:
    """Deaths reported for the event whose trigger is the spaCy Token ``trigger`` in sentence ``sent``.

    Only deaths told in the trigger's clause (or in a clause that governs it) count, and never those
    that another act is about ("protested over the killing of two men").
    """
    return _collect(trigger, sent)


def count_in(sent: Any) -> Fatalities:
    """Deaths reported anywhere in the sentence ``sent``: for an event whose trigger fits no clause."""
    return _collect(None, sent)


def first_in(sents: Any) -> Fatalities:
    """The first death figure in the sentences ``sents``, in order: for a report of one incident whose
    deaths are told apart from the event's trigger ("Gunmen stormed the village. Five people died.").
    Reports lead with their total, so the first figure is the one to keep (ACLED notes, PITF entries),
    with what later sentences add to it ("Two more bodies were found")."""
    sents = list(sents)
    for i, sent in enumerate(sents):
        found = count_in(sent)
        if found.killed is not None:
            if found.killed:
                found.killed += more_in(sents[i + 1:])
            return found
    return Fatalities(None)
