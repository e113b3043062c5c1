"""HTML pages: the article text (trafilatura) and the metadata a page states about itself.

The publication date is taken from what the page says in so many words, in this order, and
``meta["published_source"]`` names the one used: JSON-LD ``datePublished`` (a NewsArticle's
own statement), a ``<meta>`` publication tag (``article:published_time`` and its kin), a
``<time datetime>`` marked as the publication time or inside the article header, and last
trafilatura's own metadata date (htmldate, without guessing from the text). Inferring a date
from the text is the time stage's job, not ingest's.

Figure captions, which trafilatura leaves out, are appended after the article, one per
paragraph, and their offsets listed in ``meta["caption_spans"]`` for the clean stage.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator

import lxml.html
from lxml import etree

from ..model import Document, DocumentError
from .dates import iso_date
from .jsonl import loads

log = logging.getLogger(__name__)
# trafilatura logs "discarding data" at WARNING for every page it finds too short: noise on the
# command line's stderr, where per-document errors must stand out.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

#: <meta> names and properties that state the publication time, best first.
PUBLISHED_META = ("article:published_time", "og:article:published_time", "og:published_time",
                  "datepublished", "article.published", "publishdate", "publish-date", "publish_date",
                  "pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
                  "dcterms.created", "dc.date", "date", "og:updated_time", "article:modified_time")
_PARSER = lxml.html.HTMLParser(encoding="utf-8")
SHORT_PAGE = 250  # characters: below this, the page's own text (furniture removed) is used instead
_ARTICLE_TYPES = ("article", "newsarticle", "reportagenewsarticle", "report", "blogposting",
                  "analysisnewsarticle", "backgroundnewsarticle", "liveblogposting", "webpage")
_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "nav", "aside",
         "header", "footer", "select", "object")
_BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
                    "blockquote", "section", "article", "main", "figure", "figcaption", "pre", "dd", "dt",
                    "dl", "hr", "address", "summary", "details"})


def document_from_html(html: str, ident: str) -> Document:
    """One page → one Document whose text is the article as trafilatura extracts it."""
    import trafilatura
    try:  # bytes and a stated encoding: lxml refuses text that still carries an XML encoding declaration
        tree = lxml.html.document_fromstring(html.encode("utf-8"), parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise DocumentError(f"HTML that cannot be parsed: {exc}") from exc
    published, how = published_date(tree)
    captions = _figcaptions(tree)
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True})
    text = (extracted.text or "").strip() if extracted else ""
    if len(text) < SHORT_PAGE:
        # trafilatura is made for full articles: on a short page it finds nothing, or keeps the menu
        text = _body_text(tree)
    if not text:
        what = "without a body" if tree.find("body") is None else "without article text"
        raise DocumentError(f"HTML page {what}")
    if published is None and extracted and iso_date(extracted.date):
        published, how = iso_date(extracted.date), "html:trafilatura"
    meta: dict = {"format": "html"}
    if captions:  # trafilatura leaves figure captions out: they follow the article, one per line
        spans = []
        for caption in captions:
            text += "\n\n"
            spans.append([len(text), len(text) + len(caption)])
            text += caption
        meta["caption_spans"] = spans
    if published:
        meta["published_source"] = how
    if extracted and extracted.author:
        meta["author"] = extracted.author
    title = (extracted.title if extracted else None) or _title(tree)
    return Document(id=ident, text=text, published=published, title=title,
                    url=_canonical(tree) or (extracted.url if extracted else None),
                    source=extracted.sitename if extracted else None, meta=meta)


def published_date(tree) -> tuple[str | None, str | None]:
    """The page's own publication date and where it was found ("html:json-ld", "html:meta:<name>", "html:time")."""
    for obj in _json_ld(tree):
        kind = obj.get("@type")
        kinds = [k.lower() for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]
        if any(k in _ARTICLE_TYPES for k in kinds) and iso_date(obj.get("datePublished")):
            return iso_date(obj["datePublished"]), "html:json-ld"
    metas = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key and key not in metas and el.get("content"):
            metas[key] = el.get("content")
    for key in PUBLISHED_META:
        if iso_date(metas.get(key)):
            return iso_date(metas[key]), f"html:meta:{key}"
    for el in tree.iter("time"):
        if not iso_date(el.get("datetime")):
            continue
        marked = el.get("pubdate") is not None or (el.get("itemprop") or "").lower() == "datepublished"
        in_article = any(a.tag in ("article", "header") for a in el.iterancestors())
        if marked or in_article:
            return iso_date(el.get("datetime")), "html:time"
    return None, None


def _json_ld(tree) -> Iterator[dict]:
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = loads(script.text)
        except ValueError:
            log.debug("unreadable JSON-LD block skipped")
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])


def _title(tree) -> str | None:
    el = tree.find(".//title")
    if el is None:
        return None
    return " ".join(el.text_content().split()) or None


def _canonical(tree) -> str | None:
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            return el.get("href")
    for el in tree.iter("meta"):
        if (el.get("property") or "").lower() == "og:url" and el.get("content"):
            return el.get("content")
    return None


def _body_text(tree) -> str:
    body = tree.find("body")
    if body is None:
        return ""
    etree.strip_elements(body, "figcaption", with_tail=False)  # captions are added apart
    return element_text(body)


def _figcaptions(tree) -> list[str]:
    seen: list[str] = []
    for el in tree.iter("figcaption"):
        caption = " ".join(el.text_content().split())
        if caption and caption not in seen:
            seen.append(caption)
    return seen


def element_text(el) -> str:
    """The visible text of an element, one line per block, page furniture (nav, aside …) left out.

    Changes ``el`` in place (furniture removed, newlines added): pass a tree you are done with."""
    etree.strip_elements(el, *_DROP, with_tail=False)
    etree.strip_elements(el, etree.Comment, with_tail=False)
    for node in el.iter():
        if isinstance(node.tag, str) and node.tag.lower() in _BLOCK:
            node.tail = "\n" + (node.tail or "")
            node.text = "\n" + (node.text or "")
    lines = (" ".join(line.split()) for line in el.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry's summary or content); plain text passes through."""
    if "<" not in html and "&" not in html:
        return "\n".join(" ".join(line.split()) for line in html.splitlines() if line.strip())
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    return element_text(root)
