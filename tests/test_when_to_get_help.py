"""When to get help holds every item of the content brief's lists, each in
the right box. Each item is a set of words that must all appear in one list
item, so the wording can change but the meaning cannot be dropped."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from guided_session import help_html
from helpers.html import soup
from helpers.project import copy_for_a_build
from helpers.refusals import failed_build, line_naming, refused_data
from local_site import ROOT
from leaflet.check import Site, check_source
from leaflet.data_files import DataFileError
from leaflet.help_sheet import help_part
from leaflet.languages import LANGUAGES
from leaflet.red_flags import DATA_FILE, REQUIRED, TIERS, RedFlag, RedFlagError, check, expand, load

EMERGENCY = [
    ("numbness", "tingling", "weakness", "both legs"),
    ("pain going down both legs",),
    ("weakness in one leg", "getting worse", "foot slaps", "catches"),
    # The saddle area, in words that cover everyone.
    ("numbness", "genitals", "back passage", "buttocks", "inner thighs", "saddle"),
    ("wipe yourself", "toilet"),
    ("starting or stopping peeing", "bladder", "leaking", "bowels"),
    ("sex", "erection", "ejaculating", "less feeling"),
    ("chest pain",),
    ("serious fall", "accident"),
]
URGENT = [
    ("fever", "hot and shivery"),
    ("unwell in yourself",),
    ("infection lately",),
    ("losing weight",),
    ("lump", "swelling", "changed shape"),
    ("does not ease", "rest", "worse at night"),
    ("sneeze", "cough", "toilet"),
    ("between your shoulder blades",),
    ("had cancer",),
    ("weak immune system", "chemotherapy", "long-term steroid tablets", "HIV"),
    ("inject drugs",),
    ("weak bones", "osteoporosis"),
    ("under 20", "over 50", "new"),
]
SOON = [
    ("no better after 2 weeks",),
    ("below your knee",),
    ("sleeping", "working"),
]
BOXES = {"danger": EMERGENCY, "warning": URGENT, "note": SOON}


@pytest.fixture(scope="module")
def help_page(site_dir):
    html = (site_dir / "when-to-get-help" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")


@pytest.mark.parametrize("kind", BOXES)
def test_each_list_item_is_in_its_box(help_page, kind):
    box = help_page.select_one(f"div.admonition.{kind}")
    items = [" ".join(li.get_text(" ").split()) for li in box.select("li")]
    for words in BOXES[kind]:
        assert any(all(word in item for word in words) for item in items), \
            f"no item in the {kind} box says all of {words}"


def test_emergency_and_urgent_numbers_are_explained(help_page):
    emergency = help_page.select_one("div.admonition.danger").get_text(" ")
    for number in ("999", "112", "911", "120"):
        assert number in emergency
    assert "NHS 111" in help_page.select_one("div.admonition.warning").get_text(" ")


def test_the_emergency_box_comes_first(help_page):
    first = help_page.select_one("div.admonition")
    assert "danger" in first["class"]


def test_only_emergency_and_urgent_signs_stop_the_exercises(help_page):
    """NICE NG59 and the CSP advise keeping active: the Soon box must not
    tell anyone to stop moving; the two urgent boxes must stop the
    exercises."""
    intro = " ".join(p.get_text(" ") for p in help_page.select(":scope > p"))
    stop = re.search(r"[^.]*do not start or carry on with the exercises[^.]*", " ".join(intro.split()))
    assert stop, "the page no longer says when not to exercise"
    assert "Emergency" in stop.group(0) and "Urgent" in stop.group(0)
    assert "Soon" not in stop.group(0)
    soon = " ".join(help_page.select_one("div.admonition.note").get_text(" ").split())
    assert "Keep active" in soon
    assert not re.search(r"do not (start|carry on)|stop (the )?exercis", soon, re.I)


def test_steroids_are_long_term_tablets_not_all_steroid_medicines(help_page):
    text = " ".join(help_page.get_text(" ").split())
    assert "steroid medicines" not in text
    assert all("long-term steroid tablets" in sentence
               for sentence in re.findall(r"[^.\n]*steroid[^.\n]*", text))


def test_the_signs_cite_nhs_and_nice_guidance(help_page):
    references = [h2 for h2 in help_page.find_all("h2") if h2.get_text(strip=True).startswith("References")]
    assert references, "When to get help lists no references"
    links = [a["href"] for a in references[0].find_next("ol").select("a[href]")]
    assert any(href.startswith("https://www.nice.org.uk/guidance/ng59") for href in links)
    assert any(".nhs.uk/" in href or "nhsinform.scot" in href for href in links)
    assert len(links) >= 3


# --- The red flags are data (hooks/leaflet/red_flags.yml) ---------------------

SHOWN = "hooks/leaflet/red_flags.yml"


def entries() -> list:
    return yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


def test_every_required_red_flag_is_in_its_tier_in_every_language():
    flags = {flag.id: flag for flag in load()}
    for tier, ids in REQUIRED.items():
        for flag_id in ids:
            assert flags[flag_id].tier == tier
            assert set(flags[flag_id].words) >= set(LANGUAGES)


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_the_built_page_lists_every_red_flag_in_its_box(site_dir, code):
    """Each entry's words, in the box of its tier, in order, in each language."""
    root = "" if code == "en" else f"{code}/"
    page = BeautifulSoup((site_dir / root / "when-to-get-help" / "index.html").read_text(encoding="utf-8"),
                         "html.parser").select_one("article")
    boxes = dict(zip(TIERS, page.select("div.admonition")))
    assert [box["class"][1] for box in boxes.values()] == ["danger", "warning", "note"]
    for tier, box in boxes.items():
        shown = ["".join(li.get_text().split()) for li in box.select("li")]
        expected = ["".join(re.sub(r"\*\*", "", flag.words[code]).split()) for flag in load() if flag.tier == tier]
        assert shown == expected, tier
    # Each sign's source is among the page's references.
    links = {a["href"] for a in page.select("ol a[href]")}
    assert {flag.source for flag in load()} <= links


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_the_page_with_its_red_flags_passes_the_page_checks(code):
    """The checker reads the page's source, where the lists are markers: so
    check the page as readers get it, red flags written in (reading grade,
    Chinese sentence length)."""
    name = "when-to-get-help.md" if code == "en" else f"when-to-get-help.{code}.md"
    source = (ROOT / "docs" / name).read_text(encoding="utf-8")
    expanded = expand(source, load(), code, name)
    assert "[red flags:" not in expanded
    problems = check_source(name, expanded.encode("utf-8"), Site.at(ROOT / "docs", "docs"))
    assert not problems, [str(problem) for problem in problems]


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda data: [e for e in data if e["id"] != "one-leg-weakness"],
         "hooks/leaflet/red_flags.yml: entry 'one-leg-weakness' is missing: it is a required emergency red flag"),
        (lambda data: [dict(e, tier="urgent") if e["id"] == "wiping" else e for e in data],
         "hooks/leaflet/red_flags.yml: entry 'wiping' is in tier 'urgent', but it must be in 'emergency'"),
        (lambda data: [dict(e, words={"en": e["words"]["en"]}) if e["id"] == "sex" else e for e in data],
         "hooks/leaflet/red_flags.yml: entry 'sex' has no words in 'zh' (Chinese)"),
        (lambda data: [dict(e, tier="later") if e["id"] == "cancer" else e for e in data],
         "hooks/leaflet/red_flags.yml: entry 'cancer' has tier 'later'"),
        (lambda data: [dict(e, source="") if e["id"] == "age" else e for e in data],
         "hooks/leaflet/red_flags.yml: entry 'age' needs a source"),
        (lambda data: data + [data[0]],
         "hooks/leaflet/red_flags.yml: entry 'both-legs' appears twice"),
    ],
)
def test_broken_red_flag_data_is_refused_in_one_line_naming_the_entry(change, message):
    assert refused_data(check, change(entries()), SHOWN, RedFlagError).startswith(message)


def test_a_page_must_ask_for_each_tier_once():
    flags = load()
    page = "[red flags: emergency]\n[red flags: urgent]\n"
    with pytest.raises(RedFlagError, match=r"write \[red flags: soon\] once"):
        expand(page, flags, "en", "docs/when-to-get-help.md")
    with pytest.raises(RedFlagError, match="no such tier"):
        expand(page + "[red flags: soon]\n[red flags: later]\n", flags, "en", "docs/when-to-get-help.md")
    listed = expand(page + "  [red flags: soon]\n", flags, "en", "p.md")
    assert "  - your pain is no better after 2 weeks" in listed


def test_the_build_stops_when_a_required_red_flag_is_missing(tmp_path):
    project = copy_for_a_build(tmp_path / "project")
    data = project / "hooks" / "leaflet" / "red_flags.yml"
    text = data.read_text(encoding="utf-8")
    text, removed = re.subn(r"(?ms)^- id: saddle-numbness\n.*?(?=^- id: )", "", text)
    assert removed == 1
    data.write_text(text, encoding="utf-8")
    line = line_naming(failed_build(project), "red_flags.yml")
    assert "hooks/leaflet/red_flags.yml: entry 'saddle-numbness' is missing" in line


# --- Plain language on the built page ----------------------------------------
# The NHS content guide's short sentences, on the page as a reader gets it,
# red-flag lists and the template's own lines included: at most 25 words in
# English, at most 40 characters in Chinese (spaces not counted).
LONGEST_SENTENCE = {"en": 25, "zh": 40}
TEXT_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "figcaption")
SENTENCE_END = {"en": re.compile(r"(?<=[.!?])\s+"), "zh": re.compile(r"[。！？；]")}
ENGLISH_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")


def text_blocks(article) -> list[str]:
    """The text of each paragraph, list item, heading and cell, without the
    text of the blocks inside it (a nested list is its own block)."""
    blocks = []
    for block in article.find_all(TEXT_BLOCKS):
        own = [text for text in block.find_all(string=True)
               if text.find_parent(TEXT_BLOCKS) is block]
        blocks.append(" ".join("".join(own).split()))
    return [block for block in blocks if block]


def sentence_length(sentence: str, code: str) -> int:
    if code == "en":
        return len(ENGLISH_WORD.findall(sentence))
    return len(re.sub(r"\s", "", sentence))


def too_long_sentences(html: str, code: str) -> list[str]:
    article = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    assert article is not None, "no article on the page"
    found = []
    for block in text_blocks(article):
        for sentence in SENTENCE_END[code].split(block):
            length = sentence_length(sentence, code)
            if length > LONGEST_SENTENCE[code]:
                found.append(f"{length}: {sentence.strip()}")
    return found


@pytest.mark.parametrize("code", ["en", "zh"])
def test_no_sentence_on_the_built_page_is_too_long(site_dir, code):
    page = site_dir / LANGUAGES[code].root / "when-to-get-help" / "index.html"
    too_long = too_long_sentences(page.read_text(encoding="utf-8"), code)
    unit = "words" if code == "en" else "characters"
    assert not too_long, f"sentences over {LONGEST_SENTENCE[code]} {unit}:\n" + "\n".join(too_long)


def test_the_sentence_check_finds_a_long_sentence():
    """The check above can fail: a long sentence in a list item, one in a
    paragraph after short ones, and one in Chinese are all found."""
    long_en = " ".join(["word"] * 26)
    html = (f'<article class="md-content__inner"><p>Short one. {long_en}.</p>'
            f"<ul><li>{long_en}<ul><li>short</li></ul></li></ul></article>")
    assert len(too_long_sentences(html, "en")) == 2
    long_zh = "长" * 41
    html = f'<article class="md-content__inner"><p>短句。{long_zh}。</p><p>{"短" * 40}。</p></article>'
    assert too_long_sentences(html, "zh") == [f"41: {long_zh}"]


# --- On a printed plan --------------------------------------------------------


@pytest.mark.parametrize("code", sorted(LANGUAGES))
@pytest.mark.parametrize("page", ["make-a-plan/", "your-plan/"])
def test_the_pages_that_print_a_plan_carry_the_pages_opening_as_built(site_dir, code, page):
    """A printed plan ends with this page's opening, boxes and all
    (javascripts/plan-maker.mjs): the pages it prints from carry it, as the
    built page has it, up to its first section."""
    root = LANGUAGES[code].root
    article = soup(site_dir, root + "when-to-get-help/").select_one("article")
    opening = []
    for part in article.select_one("h1").find_next_siblings():
        if part.name == "h2":
            break
        opening.append(part.get_text(" ", strip=True))
    data = json.loads(soup(site_dir, root + page).select_one("script#leaflet-routine").string)
    carried = BeautifulSoup(data["help_html"], "html.parser")
    assert [part.get_text(" ", strip=True) for part in carried.find_all(recursive=False)] == opening
    assert len(carried.select(".admonition")) == len(TIERS)


def test_only_the_pages_that_print_a_plan_carry_it(site_dir):
    for page in ("session/", "progress-chart/"):
        data = json.loads(soup(site_dir, page).select_one("script#leaflet-routine").string)
        assert "help_html" not in data and "pain_rule" not in data, page


OPENING = ('<h1 id="help">Help</h1>\n<p>Do not exercise with these.</p>\n'
           '<div class="admonition danger"><ul><li>pain in <strong>both</strong> legs</li></ul></div>\n'
           '<h2 id="more">More</h2>\n<p>later</p>')


def test_a_printed_plan_gives_the_page_from_its_title_to_its_first_section():
    flag = RedFlag(id="both-legs", tier="emergency", source="", words={"en": "pain in **both** legs"})
    assert help_part(OPENING, [flag], "en", "docs/h.md") == (
        '<p>Do not exercise with these.</p>\n<div class="admonition danger"><ul><li>pain in <strong>both</strong> legs</li></ul></div>')


def test_a_red_flag_below_the_first_section_stops_the_build_in_one_line():
    flag = RedFlag(id="later", tier="soon", source="", words={"en": "later"})
    with pytest.raises(DataFileError) as refused:
        help_part(OPENING, [flag], "en", "docs/when-to-get-help.md")
    message = str(refused.value)
    assert message.startswith("docs/when-to-get-help.md: red flag 'later' ") and "\n" not in message


def test_a_plan_printed_without_the_page_stops_the_build_in_one_line():
    page = SimpleNamespace(file=SimpleNamespace(src_uri="make-a-plan.md"), url="make-a-plan/")
    with pytest.raises(PluginError) as refused:
        help_html(SimpleNamespace(pages=[]), "when-to-get-help/", page, "en")
    assert str(refused.value).startswith("docs/make-a-plan.md: ") and "when-to-get-help/" in str(refused.value)
    assert "\n" not in str(refused.value)


def test_a_preview_that_did_not_build_the_page_prints_no_help_sheet_and_does_not_stop():
    """`mkdocs serve --dirty` leaves pages it did not rebuild without
    content: the plan pages then carry no help sheet (the maker prints
    none), rather than a false "red flag missing"."""
    page = SimpleNamespace(file=SimpleNamespace(src_uri="make-a-plan.md"), url="make-a-plan/")
    unbuilt = SimpleNamespace(url="when-to-get-help/", content=None, file=SimpleNamespace(src_uri="when-to-get-help.md"))
    assert help_html(SimpleNamespace(pages=[unbuilt]), "when-to-get-help/", page, "en") == ""
