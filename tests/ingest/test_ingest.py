"""Ingest: cleaning scraped text, HTML pages and their dates, RSS/Atom feeds, JSON Lines, encodings."""
from __future__ import annotations

import io
import json

import pytest

from eventwire.ingest import sources
from eventwire.ingest.boilerplate import reason_for
from eventwire.ingest.clean import clean
from eventwire.ingest.encoding import decode
from eventwire.ingest.feeds import documents_from_feed
from eventwire.ingest.html import document_from_html
from eventwire.ingest.sources import read_jsonl_lines, read_jsonl_stream, sniff
from eventwire.model import Failed
from eventwire.model import CodedDocument, DocumentError

from conftest import coded, shared_file

SCRAPED = """Sudan's army and rebels agree to talks in Chad

Full Screen
1 / 3

Copyright 2023 The Associated Press. All rights reserved

FILE - In this March 3, 2021, file photo, displaced women wait for food aid at a camp near El Fasher, Sudan. (AP Photo/Jane Doe, File)

KHARTOUM, Sudan (AP) — Sudan's army and a rebel coalition agreed on Tuesday to hold talks in the Chadian capital next month, mediators said.

Advertisement

The agreement follows weeks of fighting around El Fasher that killed dozens of civilians, according to aid groups.

By John Smith and Amira Saleh, Associated Press

Share this article
Facebook Twitter WhatsApp Email

Read more: Darfur's long war, explained

Sign up for our daily newsletter

Image caption, Fighters loyal to the coalition patrol a market in Nyala

Image source, Getty Images

Published On 5 Sep 2023, 10:31 GMT

By Friday, more than 200 families had fled the town.

Associated Press writer Jane Roe in Cairo contributed to this report.

Recommended Videos"""

STORY = ["Sudan's army and a rebel coalition agreed on Tuesday to hold talks in the Chadian capital next month, mediators said.",
         "The agreement follows weeks of fighting around El Fasher that killed dozens of civilians, according to aid groups.",
         "By Friday, more than 200 families had fled the town."]


def cleaned(text: str, **doc) -> CodedDocument:
    return coded(text, "clean", **doc)


# --- cleaning -------------------------------------------------------------------------------------

def test_scraped_article_keeps_the_story_and_loses_the_furniture():
    cd = cleaned(SCRAPED)
    assert len(cd.body) == len(SCRAPED)
    assert [i for i, ch in enumerate(cd.body) if ch == "\n"] == [i for i, ch in enumerate(SCRAPED) if ch == "\n"]
    for sentence in STORY:
        assert sentence in cd.body
    for junk in ("Full Screen", "1 / 3", "Copyright", "AP Photo", "Advertisement", "John Smith", "Share this",
                 "WhatsApp", "Read more", "newsletter", "Image caption", "Getty", "contributed",
                 "Recommended Videos", "agree to talks in Chad", "KHARTOUM"):
        assert junk not in cd.body, junk
    assert "Published On 5 Sep 2023, 10:31 GMT" in cd.body  # evidence of the publication date, for the time stage
    reasons = {why for _, why in cd.removed}
    assert {"gallery", "copyright", "advertisement", "byline", "share", "navigation", "newsletter", "credit",
            "contributor", "video", "title", "dateline", "caption", "photo credit"} <= reasons


def test_body_is_the_text_with_exactly_the_removed_spans_blanked():
    cd = cleaned(SCRAPED)
    rebuilt = list(SCRAPED)
    for span, _ in cd.removed:
        for i in range(span.start, span.end):
            if rebuilt[i] != "\n":
                rebuilt[i] = " "
    assert "".join(rebuilt) == cd.body


def test_captions_are_kept_apart_without_their_markers_and_credits():
    cd = cleaned(SCRAPED)
    captions = [c.of(SCRAPED) for c in cd.captions]
    assert captions == [
        "In this March 3, 2021, file photo, displaced women wait for food aid at a camp near El Fasher, Sudan.",
        "Fighters loyal to the coalition patrol a market in Nyala"]


def test_headline_and_dateline_are_metadata():
    cd = cleaned(SCRAPED)
    assert cd.title_span.of(SCRAPED) == "Sudan's army and rebels agree to talks in Chad"
    assert cd.dateline.of(SCRAPED) == "KHARTOUM, Sudan (AP) —"


@pytest.mark.parametrize("lead, dateline, kept", [
    ("CAIRO – The talks resumed.", "CAIRO –", ""),
    ("WASHINGTON, June 2 (Reuters) - The talks resumed.", "WASHINGTON, June 2 (Reuters) -", "June 2"),
    ("BUFFALO, N.Y. (AP) -- The talks resumed.", "BUFFALO, N.Y. (AP) --", ""),
    ("Tripoli (AFP) - The talks resumed.", "Tripoli (AFP) -", ""),
    ("NAIROBI, Kenya (AP) _ The talks resumed.", "NAIROBI, Kenya (AP) _", ""),
    ("ISLAMABAD: The talks resumed.", "ISLAMABAD:", ""),
    ("GAZA CITY, Gaza Strip — The talks resumed.", "GAZA CITY, Gaza Strip —", ""),
    ("(CNN) — The talks resumed.", "(CNN) —", ""),
])
def test_datelines_of_the_agencies(lead, dateline, kept):
    cd = cleaned(lead)
    assert cd.dateline is not None and cd.dateline.of(lead) == dateline
    assert cd.body.endswith(" The talks resumed.")
    assert cd.body[:cd.dateline.end].split() == kept.split()  # only a date in the dateline stays


@pytest.mark.parametrize("lead", ["UN: Libya's sides agree to talks.", "UPDATE: The talks resumed.",
                                  "AL-SHABAAB fighters attacked the base.", "On 9 May 2020, interns protested."])
def test_not_datelines(lead):
    assert cleaned(lead).dateline is None


def test_one_line_notes_pass_through_untouched():
    for text in ("On 9 May 2020, medical interns protested in Haifa, demanding shorter shifts.",
                 "Advertisement",  # one line: whatever it says, it is the document
                 "By Tuesday, 40 people had died in clashes between herders and farmers near Jos."):
        cd = cleaned(text)
        assert cd.body == text and cd.removed == [] and cd.title_span is None


def test_carriage_returns_alone_end_lines_too():
    text = "Advertisement\rPolice arrested 12 people in Lagos.\r\nShare this article\r"
    cd = cleaned(text)
    assert cd.body == "             \rPolice arrested 12 people in Lagos.\r\n                  \r"


def test_a_sentence_broken_over_two_lines_is_not_a_headline():
    text = "Residents protested over a boy's death, alleging\nthat officials had failed to spray against mosquitoes."
    assert cleaned(text).body == text


def test_a_lead_that_is_not_a_headline_stays():
    text = ("The Pentagon said on Tuesday it would review the remains held in the tomb of the unknown soldier, "
            "a move veterans had long demanded\n\nThe review will take months.")
    assert cleaned(text).title_span is None


def test_a_given_title_is_recognised_even_with_a_full_stop():
    text = "Police disperse protest in Lagos.\nPolice fired tear gas at hundreds of protesters in Lagos on Monday."
    cd = cleaned(text, title="Police disperse protest in Lagos.")
    assert cd.title_span is not None and cd.title_span.of(text) == "Police disperse protest in Lagos."


def test_bylines_are_removed_but_sentences_starting_with_by_are_not():
    text = "By Jane Doe\nBy the end of the day, police had arrested 12 people.\nBy Tuesday, the army had left."
    cd = cleaned(text)
    assert "Jane Doe" not in cd.body
    assert "By the end of the day, police had arrested 12 people." in cd.body
    assert "By Tuesday, the army had left." in cd.body


@pytest.mark.parametrize("caption, expected", [
    ("Protesters march in Khartoum, Sudan, June 30, 2022. REUTERS/Mohamed Abdallah",
     "Protesters march in Khartoum, Sudan, June 30, 2022."),
    ("Displaced Sudanese gather at a camp in Adre [File: Zohra Bensemra/Reuters]",
     "Displaced Sudanese gather at a camp in Adre"),
    ("Soldiers stand guard in Bamako on Tuesday. (Photo by John Doe/AFP via Getty Images)",
     "Soldiers stand guard in Bamako on Tuesday."),
])
def test_agency_caption_styles(caption, expected):
    text = f"Soldiers deployed across the capital after the coup attempt.\n\n{caption}\n\nThe curfew holds."
    cd = cleaned(text)
    assert [c.of(text) for c in cd.captions] == [expected]
    assert caption not in cd.body and "The curfew holds." in cd.body


def test_a_paragraph_ending_with_an_agency_name_is_not_a_caption():
    text = "Gunmen attacked a convoy near Gao.\n\nThe army said 12 soldiers were killed, Reuters reported (Reuters)"
    cd = cleaned(text)
    assert cd.captions == [] and "12 soldiers were killed" in cd.body


def test_nothing_left_after_boilerplate_is_an_error():
    with pytest.raises(DocumentError, match="no article text"):
        cleaned("Advertisement\nShare this article\nCopyright 2024 Example News. All rights reserved.")


def test_empty_and_binary_looking_text_are_errors():
    with pytest.raises(DocumentError, match="empty"):
        cleaned(" \n\t ")
    with pytest.raises(DocumentError, match="control characters"):
        cleaned("abc\x01\x02\x03\x04def" * 10)


def test_damaged_but_real_text_is_coded():
    # once decoded with the wrong codec: C1 characters inside words, still English worth coding
    text = "Protesters gathered outside Misrata\u00e2\u0080\u0099s court on Monday."
    assert cleaned(text).body == text


@pytest.mark.parametrize("text, language", [
    ("Le gouvernement a annoncé mardi que les négociations avec les rebelles reprendront la semaine prochaine.", "French"),
    ("El gobierno anunció el martes que las negociaciones con los rebeldes se reanudarán la próxima semana.", "Spanish"),
    ("Правительство объявило во вторник, что переговоры с повстанцами возобновятся на следующей неделе.", "Russian"),
    ("Уряд оголосив у вівторок, що переговори з повстанцями відновляться наступного тижня в Женеві.", "Ukrainian"),
    ("أعلنت الحكومة يوم الثلاثاء أن المفاوضات مع المتمردين ستستأنف الأسبوع المقبل في جنيف.", "Arabic"),
])
def test_non_english_text_is_refused_with_its_language(text, language):
    with pytest.raises(DocumentError, match=f"not English: looks like {language}"):
        cleaned(text)


@pytest.mark.parametrize("text", [
    "Rebels retake Al Qawalish. Five rebels dead plus 15 wounded.",  # terse, no function words
    "Military secure Moro Gabey from al Shabaab. Two al Shabaab spies reported dead.",
    "Hola.",
    "Police in Kyiv said the strike on Vulytsia Khreshchatyk damaged the Budynok Profspilok building.",
])
def test_english_notes_with_foreign_names_are_english(text):
    assert cleaned(text).error is None


def test_seed_article_acceptance():
    text = shared_file("seed", "libya-talks-ap-2020.txt").read_text(encoding="utf-8")
    cd = cleaned(text)
    assert len(cd.body) == len(text)
    for junk in ("Full Screen", "1 / 2", "Recommended Videos", "Copyright", "All rights reserved", "AP Photo", "FILE"):
        assert junk not in cd.body, junk
    file_line = next(line for line in text.splitlines() if line.startswith("FILE"))
    line_start = text.index(file_line)
    [caption] = cd.captions
    assert line_start < caption.start < caption.end < line_start + len(file_line)
    assert "AP Photo" not in caption.of(text) and len(caption.of(text).split()) > 20
    assert not cd.body[line_start:line_start + len(file_line)].strip()
    assert cd.dateline is not None and cd.dateline.of(text).startswith("CAIRO")
    assert "CAIRO" not in cd.body
    # every sentence of the story is still there: every paragraph that ends as a sentence ends
    for para in text.split("\n"):
        para = para.strip()
        if para.endswith((".", "”", '"')):
            start = text.index(para)
            story = para[len(cd.dateline.of(text)):].strip() if start == cd.dateline.start else para
            assert story in cd.body, story[:60]


# --- HTML -----------------------------------------------------------------------------------------

def page(head: str = "", body: str | None = None) -> str:
    body = body if body is not None else (
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article>"
        "<h1>Troops and rebels clash near Goma</h1>"
        "<time datetime='2023-02-07T08:00:00+02:00'>7 February</time>"
        "<p>GOMA, Congo – Congolese troops clashed with M23 rebels in hills north of Goma on Monday, "
        "the army said, in fighting that forced thousands of families from their homes.</p>"
        "<p>A spokesman for the rebels said the army had attacked first. Aid groups said at least "
        "six civilians were wounded by shelling in the town of Kibumba.</p>"
        "<p>The United Nations mission said its peacekeepers had been placed on alert around the city.</p>"
        "</article><aside>Most read</aside><footer>Copyright 2023 Example News. All rights reserved.</footer>")
    return f"<!DOCTYPE html><html><head><title>Troops and rebels clash near Goma</title>{head}</head><body>{body}</body></html>"


JSON_LD = ('<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite",'
           '"datePublished":"2019-01-01"},{"@type":"NewsArticle","datePublished":"2023-02-06T23:30:00-05:00"}]}</script>')
META = '<meta property="article:published_time" content="2023-02-05T10:00:00Z">'


def test_html_article_text_title_and_json_ld_date():
    doc = document_from_html(page(JSON_LD + META), "goma.html")
    assert "Congolese troops clashed with M23 rebels" in doc.text and "Kibumba" in doc.text
    assert "Home" not in doc.text and "Copyright" not in doc.text and "Most read" not in doc.text
    assert doc.title == "Troops and rebels clash near Goma"
    # the article's own day where it was written (23:30 on the 6th, New York time)
    assert doc.published == "2023-02-06" and doc.meta["published_source"] == "html:json-ld"


def test_html_meta_then_time_element():
    doc = document_from_html(page(META), "goma.html")
    assert (doc.published, doc.meta["published_source"]) == ("2023-02-05", "html:meta:article:published_time")
    doc = document_from_html(page(), "goma.html")
    assert (doc.published, doc.meta["published_source"]) == ("2023-02-07", "html:time")


def test_html_without_any_date_has_none():
    body = "<p>" + "Soldiers patrolled the streets of the capital after a night of looting. " * 5 + "</p>"
    doc = document_from_html(page(body=body), "p.html")
    assert doc.published is None and "published_source" not in doc.meta


def test_html_headline_is_found_by_clean_as_the_title():
    doc = document_from_html(page(META), "goma.html")
    cd = CodedDocument(doc=doc)
    clean(cd)
    assert cd.title_span is not None and cd.title_span.of(doc.text) == "Troops and rebels clash near Goma"
    assert cd.dateline is not None and cd.dateline.of(doc.text) == "GOMA, Congo –"


def test_short_html_page_still_gives_its_text():
    doc = document_from_html("<html><body><p>Police arrested five protesters in Harare.</p></body></html>", "s.html")
    assert doc.text == "Police arrested five protesters in Harare."


@pytest.mark.parametrize("html, message", [
    ("<html><head><title>Nothing</title></head></html>", "HTML page without a body"),
    ("<html><head></head><body><nav>Home</nav><script>var x = 1;</script></body></html>", "without article text"),
])
def test_html_without_text_is_an_error(html, message):
    with pytest.raises(DocumentError, match=message):
        document_from_html(html, "x.html")


# --- feeds ----------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://example.org</link>
<item><title>Clashes in Tripoli</title><link>https://example.org/a</link><guid>https://example.org/a</guid>
<pubDate>Mon, 01 Jun 2020 23:30:00 +0300</pubDate>
<description>&lt;p&gt;Rival militias &lt;b&gt;clashed&lt;/b&gt; in southern Tripoli on Monday, residents said.&lt;/p&gt;</description></item>
<item><title>Ceasefire agreed in Misrata</title><link>https://example.org/b</link></item>
<item><link>https://example.org/c</link><description>   </description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:wire</id><updated>2021-03-02T10:00:00Z</updated>
<entry><title>Protest in Dakar</title><id>urn:wire:1</id><updated>2021-03-02T09:00:00+00:00</updated>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Thousands protested in Dakar on Tuesday.&lt;/p&gt;&lt;p&gt;Police fired tear gas.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_one_document_per_entry():
    items = list(documents_from_feed(RSS, "wire.rss"))
    assert [i.id for i in items] == ["https://example.org/a", "https://example.org/b", "https://example.org/c"]
    a, b, c = items
    assert a.text == "Rival militias clashed in southern Tripoli on Monday, residents said."
    assert (a.title, a.url, a.source) == ("Clashes in Tripoli", "https://example.org/a", "Example Wire")
    assert (a.published, a.meta["published_source"]) == ("2020-06-01", "feed:published")  # the feed's day, not UTC's
    assert (b.text, b.meta["text_from"], b.published) == ("Ceasefire agreed in Misrata", "title", None)
    assert isinstance(c, Failed) and c.error == "feed entry without text"


def test_atom_content_wins_over_summary_and_updated_is_the_date():
    [doc] = documents_from_feed(ATOM, "wire.atom")
    assert doc.text == "Thousands protested in Dakar on Tuesday.\nPolice fired tear gas."
    assert (doc.id, doc.published, doc.meta["published_source"]) == ("urn:wire:1", "2021-03-02", "feed:updated")


def test_malformed_feed_is_an_error():
    with pytest.raises(DocumentError, match="malformed feed"):
        list(documents_from_feed("<rss><channel><title>x</title><item", "bad.rss"))


def test_formats_are_sniffed_by_name_and_content():
    assert sniff("a.xml", RSS) == "feed" and sniff("stdin", ATOM) == "feed"
    assert sniff("stdin", page()) == "html"
    assert sniff("stdin", '{"id": "1", "text": "x"}\n') == "jsonl"
    assert sniff("notes.txt", "{not json} but text") == "text"


# --- JSON Lines -----------------------------------------------------------------------------------

def test_jsonl_good_and_bad_lines():
    lines = ['{"id": "a", "text": "Rebels seized the town.", "published": "1998-01-08T13:37", "lang": "en"}',
             '', '{"id": "b", "text": ', '[1, 2]', '{"id": "d"}', '{"text": "Troops withdrew.", "published": "soon"}']
    out = list(read_jsonl_lines(lines, "in.jsonl"))
    assert [o.id for o in out] == ["a", "b", "in.jsonl:4", "d", "in.jsonl:6"]
    a = out[0]
    assert (a.published, a.meta["published_source"], a.meta["published_raw"], a.meta["lang"]) == \
        ("1998-01-08", "input", "1998-01-08T13:37", "en")
    assert out[1].error.startswith("malformed JSON line")
    assert out[2].error == "a JSON line must be an object" and out[3].error == "missing 'text' (a string)"
    assert out[4].published is None and out[4].meta["published_invalid"] == "soon"


def test_json_lines_with_broken_unicode():
    [doc, bad] = read_jsonl_lines([b'{"id": "s", "text": "Shelling \\ud800 hit Kharkiv."}',
                                   b'{"id": "l1", "text": "Caf\xe9 owners protested."}'], "in.jsonl")
    assert doc.text == "Shelling \ufffd hit Kharkiv." and len(doc.text) == len("Shelling x hit Kharkiv.")
    assert isinstance(bad, Failed) and bad.id == "l1" and bad.error.startswith("line is not valid UTF-8")


def test_overlong_json_line_fails_alone(monkeypatch):
    monkeypatch.setattr(sources, "MAX_BYTES", 200)
    stream = io.BytesIO(b'{"id": "a", "text": "Rebels seized the town."}\n'
                        + json.dumps({"id": "big", "text": "word " * 1000}).encode() + b"\n"
                        + b'{"id": "c", "text": "Troops withdrew."}\n')
    out = list(read_jsonl_stream(stream, "in.jsonl"))
    assert [o.id for o in out] == ["a", "big", "c"]
    assert "too large" in out[1].error


# --- encodings ------------------------------------------------------------------------------------

def test_encodings():
    text = "Protesters in Bogotá said the “curfew” was lifted."
    assert decode(text.encode("utf-8")).encoding == "utf-8"
    assert decode(text.encode("cp1252")).text == text and decode(text.encode("cp1252")).encoding == "cp1252"
    assert decode(text.encode("utf-16")).text == text
    assert decode(text.encode("utf-16-le")).text == text  # no byte-order mark
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")).text == text
    html = '<html><head><meta charset="koi8-r"></head><body>Москва</body></html>'
    assert "Москва" in decode(html.encode("koi8-r")).text


@pytest.mark.parametrize("data, message", [
    (b"%PDF-1.7\n...", "PDF"), (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"), (b"abc\x00def" * 100, "NUL"),
    ("Правительство объявило во вторник".encode("cp1251"), "not valid UTF-8"),
])
def test_binary_and_unknown_encodings_are_refused(data, message):
    with pytest.raises(DocumentError, match=message):
        decode(data)


def test_xhtml_with_an_encoding_declaration():
    xhtml = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title>'
             '<meta name="pubdate" content="20200105"/></head><body><p>Militants attacked a police post in Diffa.</p>'
             '</body></html>')
    doc = document_from_html(xhtml, "x.xhtml")
    assert doc.text == "Militants attacked a police post in Diffa."
    assert (doc.published, doc.meta["published_source"]) == ("2020-01-05", "html:meta:pubdate")


def test_json_files_and_html_fragments_are_recognised():
    one = json.dumps({"text": "Rebels seized the town.", "published": "2020-02-03"})
    many = json.dumps([{"id": "x", "text": "Rebels seized the town."}, {"id": "y"}])
    assert sniff("doc.json", one) == "json" and sniff("stdin", many) == "json"
    [doc] = sources.read_text_document("doc.json", one, "json")
    assert (doc.id, doc.published) == ("doc.json", "2020-02-03")
    x, y = sources.read_text_document("stdin", many, "json")
    assert x.id == "x" and isinstance(y, Failed) and y.id == "y"
    assert sniff("saved.txt", "<p>Police fired tear gas.</p>") == "html"
    assert sniff("note.txt", "<3 from Nairobi: crowds gathered.") == "text"
    sitemap = '<?xml version="1.0"?><urlset><url><loc>https://example.org/a</loc></url></urlset>'
    assert sniff("sitemap.xml", sitemap) == "xml"
    [failed] = sources.read_text_document("sitemap.xml", sitemap, "xml")
    assert failed.error == "XML that is neither an RSS/Atom feed nor an HTML page"


SITE_STYLES = {
    "wire": ("Sudan's army says it repelled paramilitary attack on El Fasher\nBy Khalid Abdelaziz\nJune 2, 20243:45 PM UTCUpdated 2 hours ago\n\nCAIRO, June 2 (Reuters) - Sudan's army said on Sunday it had repelled an attack by the Rapid Support Forces on the city of El Fasher, the last major city in Darfur outside the paramilitary group's control.\n\nThe RSF said in a statement that its forces had taken control of two army positions east of the city.\n\nReporting by Khalid Abdelaziz; Writing by Aidan Lewis; Editing by Frances Kerry\nOur Standards: The Thomson Reuters Trust Principles., opens new tab\nAcquire Licensing Rights, opens new tab\n",
             ["Sudan's army said on Sunday it had repelled an attack by the Rapid Support Forces on the city of El Fasher, the last major city in Darfur outside the paramilitary group's control.",
              "The RSF said in a statement that its forces had taken control of two army positions east of the city."]),
    "broadcaster": ("Sudan war: Army retakes key bridge in Khartoum\nPublished\n2 hours ago\nShare\nImage source, Getty Images\nImage caption, Fighting has raged in the capital since April last year\nBy Mohamed Osman\nBBC News, Khartoum\nSudan's army has retaken a key bridge linking Khartoum and Omdurman, the military said on Saturday.\nThe paramilitary RSF did not comment on the claim.\nRelated topics\nMore on this story\n",
                    ["Sudan's army has retaken a key bridge linking Khartoum and Omdurman, the military said on Saturday.",
                     "The paramilitary RSF did not comment on the claim."]),
    "channel": ('Sudan’s army says it retook key bridge from RSF\nThe army says its forces seized the bridge after days of heavy fighting.\nPublished On 2 Jun 2024\n2 Jun 2024\nSave articles to read later and create your own reading list.\nClick here to share on social media\nshare2\nSudanese army soldiers stand guard in Omdurman [File: AFP]\nThe Sudanese army says it has retaken a strategic bridge in the capital, Khartoum, from the paramilitary Rapid Support Forces.\n___\nFollow AP’s coverage of Sudan at https://apnews.com/hub/sudan\nhttps://example.org/story\nAl Jazeera and news agencies\nbur-kl/mca/dl\n',
                ["The army says its forces seized the bridge after days of heavy fighting.",
                 "The Sudanese army says it has retaken a strategic bridge in the capital, Khartoum, from the paramilitary Rapid Support Forces."]),
}


@pytest.mark.parametrize("style", sorted(SITE_STYLES))
def test_site_styles_leave_only_the_story(style):
    text, story = SITE_STYLES[style]
    cd = cleaned(text)
    kept = [line.strip() for line in cd.body.splitlines() if line.strip() and reason_for(line.strip()) != "timestamp"]
    if cd.dateline and "June 2" in cd.body[cd.dateline.start:cd.dateline.end]:
        kept[0] = kept[0].removeprefix("June 2").strip()  # a dateline's date stays for the time stage
    assert kept == story


def test_html_figure_captions_become_captions():
    figure = ("<figure><img src='a.jpg'><figcaption>Protesters run from tear gas in Harare on Tuesday. "
              "(AP Photo/Jane Doe)</figcaption></figure>")
    for story in ("<p>Police fired tear gas at opposition supporters in Harare.</p>",  # short: the page's own text
                  "<p>Police fired tear gas at opposition supporters in Harare, witnesses said.</p>" * 6):
        doc = document_from_html(f"<html><body><article>{figure}{story}</article></body></html>", "f.html")
        cd = CodedDocument(doc=doc)
        clean(cd)
        assert [c.of(doc.text) for c in cd.captions] == ["Protesters run from tear gas in Harare on Tuesday."]
        assert "tear gas in Harare on Tuesday" not in cd.body and "AP Photo" not in cd.body
        assert "Police fired tear gas at opposition supporters in Harare" in cd.body
