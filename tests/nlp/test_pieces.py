"""Long texts are coded in bounded pieces, with no pass whose cost grows with the square of the text."""
from __future__ import annotations

import subprocess
import sys

from eventwire.nlp.pieces import pieces
from eventwire.timex.extract import find

PARAGRAPH = ("Rebels attacked an army post near the river on Monday, the governor said. "
             "Traders closed their shops in the market as the fighting went on.")


def test_pieces_cover_the_text_within_the_limit_and_end_at_paragraphs():
    text = "\n\n".join(f"{PARAGRAPH} ({i})" for i in range(400))
    spans = pieces(text, limit=5_000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a == b for (_, a), (b, _) in zip(spans, spans[1:]))  # contiguous, nothing lost or doubled
    assert all(0 < end - start <= 5_000 for start, end in spans)
    assert all(text[end - 2:end] == "\n\n" for _, end in spans[:-1])  # cut at paragraph breaks


def test_a_text_without_breaks_is_cut_at_sentences_then_spaces():
    text = " ".join([PARAGRAPH] * 200)
    spans = pieces(text, limit=3_000)
    assert all(text[end - 2:end] in (". ", "n. ") or text[end - 1] == " " for _, end in spans[:-1])
    words = "word " * 3_000
    assert all(words[end - 1] == " " for _, end in pieces(words, limit=1_000)[:-1])
    assert pieces("x" * 2_500, limit=1_000) == [(0, 1_000), (1_000, 2_000), (2_000, 2_500)]


def test_an_ordinary_article_is_one_piece():
    assert pieces(PARAGRAPH * 100) == [(0, len(PARAGRAPH) * 100)]


def test_overlapping_time_expressions_keep_the_longest_first():
    found = find("from 1 January to 31 May 2020, and on Monday last week")
    assert [(m.start, m.end) for m in found] == [(5, 14), (18, 29), (38, 44), (45, 54)]


def test_many_time_expressions_and_a_text_past_spacy_s_limit_are_coded(tmp_path):
    """A text over spaCy's 1,000,000-character limit used to fail with its raw E088 error; tens of
    thousands of weekday names took minutes in the overlap check. The subprocess bound is a hang guard, not a
    speed figure."""
    big = tmp_path / "long.txt"
    big.write_text(("The weather was mild and the roads were quiet. " * 40 + "\n\n") * 540)  # 1.02 M characters
    days = tmp_path / "days.txt"
    days.write_text("The talks were held on Monday and on Tuesday, Monday or Friday. " * 10_000)
    proc = subprocess.run([sys.executable, "-m", "eventwire", "code", "--format", "jsonl", str(big), str(days)],
                          capture_output=True, text=True, timeout=1500)
    assert "Traceback" not in proc.stderr and "E088" not in proc.stdout + proc.stderr, proc.stderr[-2000:]
    assert proc.stdout.count('"id"') == 2 and '"error"' not in proc.stdout
