"""Bytes → text, or a clear reason why not.

The order, decided once: a byte-order mark (UTF-8/16/32) wins; then strict UTF-8; then an
encoding the document declares (HTML ``<meta charset>``, XML prolog); then cp1252, the
superset of latin-1 that Western news sites still serve, kept only when the result looks like
text in a Latin script (few accented letters, no C1 control characters). Anything else is
refused rather than turned into mojibake: a wrong guess would put wrong words into evidence.
Binary files (NUL bytes, known magic numbers, many control characters) are refused too.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..model import DocumentError

#: Magic numbers of the binary files people most often feed a text tool by mistake.
_MAGIC = (
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip data"), (b"BZh", "bzip2 data"), (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"), (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"SQLite format 3", "an SQLite database"), (b"RIFF", "audio or video"), (b"OggS", "audio"),
    (b"ID3", "MP3 audio"), (b"\x00\x00\x00", "binary data"),
)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_DECLARED = re.compile(rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([\w.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
#: C0 controls only: C1 ones (U+0080–U+009F) turn up in real text that went through a wrong decoding
#: once ("Misrataâ\x80\x99s"), which is damaged but still text worth coding.
_C0 = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec that was used ("utf-8", "cp1252", …)


def decode(data: bytes) -> Decoded:
    """Decode one input's bytes; raise DocumentError naming the problem when it is not text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data, codec), codec.replace("-sig", ""))
    _refuse_binary(data)
    utf16 = _bomless_utf16(data[:4096])
    if utf16:
        return Decoded(_strict(data, utf16), utf16)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    declared = _declared(data[:4096])
    if declared and declared not in ("utf-8", "cp1252"):
        try:
            return Decoded(data.decode(declared), declared)
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_latin(text):
        return Decoded(text, "cp1252")
    raise DocumentError(f"not valid UTF-8 (first bad byte at offset {bad}) and not recognisable "
                        f"Windows-1252/Latin-1 text: convert it to UTF-8 first")


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DocumentError(f"not valid {codec.replace('-sig', '').upper()} (byte {exc.start})") from exc


def _refuse_binary(data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DocumentError(f"binary file ({what}), not text")
    head = data[:8192]
    if _bomless_utf16(head):
        return
    if b"\x00" in head:
        raise DocumentError("binary file (NUL bytes), not text")
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if head and controls > len(head) * 0.05:
        raise DocumentError("binary file (control bytes), not text")


def _bomless_utf16(head: bytes) -> str | None:
    """UTF-16 without a byte-order mark: one byte of every pair is NUL in ASCII-heavy text."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _declared(head: bytes) -> str | None:
    m = _DECLARED.search(head)
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _plausible_latin(text: str) -> bool:
    """cp1252 text of a Latin-script language: accented letters are a minority, no C1 controls.

    Mojibake from other legacy encodings (cp1251 Cyrillic, Shift-JIS …) decodes to runs of
    accented letters and symbols, which this refuses."""
    if _CONTROL.search(text):
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    high = sum(1 for ch in text if ord(ch) > 127)
    return letters > 0 and high <= 0.15 * letters


def control_share(text: str) -> float:
    """The share of C0 control characters (not tab/newline/CR/FF): high means binary passed as text."""
    sample = text[:20000]
    return len(_C0.findall(sample)) / max(1, len(sample))
