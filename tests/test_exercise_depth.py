"""What every exercise page must give a patient, in both languages (the
issue "Safe to hand to a patient"): what to feel and what not to feel,
common mistakes with their fixes, the hold, the breathing and what counts
as one in every version, who should check first, technical names said in
everyday words, and the safety parts on the printed sheet. Expectations
come from the issue and the content brief, not from the pages."""

from __future__ import annotations

import re

import pytest
import textstat
from bs4 import BeautifulSoup

from helpers.html import text_of
from helpers.pdf_text import in_pdf, squash, text_of_pdf
from helpers.sources import exercise_paths, front_matter
from leaflet.front_matter import read as read_front_matter
from leaflet.doses import steps_dose
from leaflet.languages import LANGUAGES, path_in_language
from leaflet.markdown_lines import prose_lines
from leaflet.problems import PageReport
from leaflet.readability import MAX_GRADE, prose_sentences
from local_site import ROOT

NAMES = [path.removeprefix("exercises/") for path in exercise_paths()]
LANGS = ["en", "zh"]

# The words each language uses for the parts a test looks for.
WORDS = {
    "en": {
        "feel": "What you should feel",
        "should": "You should feel",
        "should_not": "You should not feel",
        # Sharp, spreading or growing pain: the brief's pain rule.
        "bad_pain": [r"sharp", r"spread", r"grow"],
        "mistakes": "Common mistakes",
        "check": "Check first",
        "hold": r"Hold for a slow count of \d|There is no hold",
        "breathe": r"Breathe (?:out|in)",
        "count": r"counts as one",
        "pregnant": r"If you are pregnant",
        "weak_bones": r"weak bones \(osteoporosis\)",
    },
    "zh": {
        "feel": "应该有什么感觉",
        "should": "应该感到：",
        "should_not": "不应该感到：",
        "bad_pain": [r"尖锐", r"扩散", r"越来越重"],
        "mistakes": "常见错误",
        "check": "开始前先确认",
        "hold": r"停住，慢慢数 ?\d ?下|不用停住",
        "breathe": r"呼气|吸气",
        "count": r"算 ?1 ?[次轮]",
        "pregnant": r"如果您怀孕了",
        "weak_bones": r"骨质疏松",
    },
}

# Who must read a note on the page before starting (the list).
PREGNANCY = ["arch-bridge", "flying-swallow"]  # lying on your back or face down
WEAK_BONES = ["waist-flexion-and-extension", "flying-swallow"]  # full forward bends, the full swallow


def page_path(lang: str, name: str) -> str:
    return ("zh/" if lang == "zh" else "") + f"exercises/{name}/"


def article(site_dir, lang: str, name: str):
    html = (site_dir / page_path(lang, name) / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")


def flat(text: str) -> str:
    """Chinese text without the spaces HTML and Markdown put between runs."""
    return re.sub(r"(?<=[^\x00-\x7f]) (?=\S)|(?<=\S) (?=[^\x00-\x7f])", "", text)


def heading(content, words: str):
    found = [h2 for h2 in content.find_all("h2") if text_of(h2) == words]
    assert len(found) == 1, f'no single "{words}" heading'
    return found[0]


def box(content, kind: str, title: str):
    found = [b for b in content.select(f"div.admonition.{kind}")
             if text_of(b.select_one(".admonition-title")) == title]
    assert len(found) == 1, f'no single {kind} box "{title}"'
    return found[0]


CASES = [(lang, name) for lang in LANGS for name in NAMES]


@pytest.mark.parametrize("lang, name", CASES)
def test_page_says_what_to_feel_and_what_not_to_feel(site_dir, lang, name):
    words = WORDS[lang]
    content = article(site_dir, lang, name)
    items = [flat(text_of(li)) for li in heading(content, words["feel"]).find_next_sibling("ul").select("li")]
    should = [item for item in items if item.startswith(words["should"])]
    should_not = [item for item in items if item.startswith(words["should_not"])]
    # Where it is felt: more than the label alone.
    assert len(should) == 1 and len(should[0]) > len(words["should"]) + 8, items
    assert len(should_not) == 1, items
    for pain in words["bad_pain"]:
        assert re.search(pain, should_not[0]), f"{pain!r} not in {should_not[0]!r}"


@pytest.mark.parametrize("lang, name", CASES)
def test_page_lists_common_mistakes_each_with_its_fix(site_dir, lang, name):
    mistakes = box(article(site_dir, lang, name), "tip", WORDS[lang]["mistakes"])
    items = mistakes.select("li")
    assert len(items) >= 2
    for item in items:
        mistake = item.find("strong")
        assert mistake is not None, text_of(item)  # the mistake, in bold
        fix = flat(text_of(item)).removeprefix(flat(text_of(mistake))).strip()
        assert len(fix) >= (8 if lang == "zh" else 20), f"no fix after {text_of(mistake)!r}"


@pytest.mark.parametrize("lang, name", CASES)
def test_every_version_gives_the_hold_the_breathing_and_what_counts_as_one(site_dir, lang, name):
    words = WORDS[lang]
    tabs = article(site_dir, lang, name).select_one("div.tabbed-set")
    panels = tabs.select(".tabbed-content > .tabbed-block")
    assert len(panels) == 2
    for panel in panels:
        steps = [flat(text_of(li)) for li in panel.select("ol > li")]
        text = " ".join(steps)
        assert re.search(words["hold"], text), f"no hold in {text!r}"
        assert re.search(words["breathe"], text), f"no breathing in {text!r}"
        counting = [step for step in steps if re.search(words["count"], step)]
        assert counting, f"no step says what counts as one: {text!r}"
    # Each tab says its own version's dose, from the front matter, in the
    # step that says what counts as one.
    dose = front_matter(path_in_language(f"exercises/{name}.md", lang))["dose"]
    for level, panel in zip(("beginner", "progressed"), panels):
        counting = " ".join(flat(text_of(li)) for li in panel.select("ol > li") if re.search(words["count"], text_of(li)))
        assert flat(steps_dose(dose, LANGUAGES[lang], level)) in counting, counting


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_who_should_check_first_is_on_the_exercises_own_page(site_dir, lang, name):
    words = WORDS[lang]
    content = article(site_dir, lang, name)
    notes = [b for b in content.select("div.admonition.info")
             if text_of(b.select_one(".admonition-title")) == words["check"]]
    needs = {"pregnant": name in PREGNANCY, "weak_bones": name in WEAK_BONES}
    if not any(needs.values()):
        return
    assert len(notes) == 1, f'no "{words["check"]}" box'
    note = flat(text_of(notes[0]))
    for topic, needed in needs.items():
        if needed:
            assert re.search(words[topic], note), f"{topic} not in {note!r}"
    # Before the steps: read before starting.
    how = content.select_one("div.tabbed-set")
    assert notes[0] in how.find_all_previous("div")


def test_technical_names_come_with_everyday_words(site_dir):
    """Flexion and extension are said as bending forward and back where
    the page first uses them: in the sentence under the title."""
    for lang, forward, back in (("en", "bending forward", "bending back"), ("zh", "向前弯腰", "向后仰")):
        lead = flat(text_of(article(site_dir, lang, "waist-flexion-and-extension").find("h1").find_next("p")))
        assert forward in lead and back in lead, lead
        assert re.search("Flexion means bending forward" if lang == "en" else "前屈就是向前弯腰", lead)
    swallow = text_of(article(site_dir, "en", "flying-swallow").find("h1").find_next("p"))
    assert re.search(r"back extension[^.]*\bmeans\b", swallow), swallow


@pytest.mark.parametrize("name", NAMES)
def test_english_exercise_page_reads_at_grade_8_or_below(name):
    """The checker's own reading of the page (leaflet/readability.py)."""
    source = ROOT / "docs" / "exercises" / f"{name}.md"
    report = PageReport(source.name)
    front = read_front_matter(source.read_text(encoding="utf-8"), report)
    sentences = prose_sentences(prose_lines(front.body, front.body_line, report))
    grade = textstat.flesch_kincaid_grade(" ".join(s.text for s in sentences))
    assert grade <= MAX_GRADE, f"{name}: grade {grade:.1f}"


# -- On paper: the safety parts print; the mistakes may stay on screen. -----

@pytest.mark.parametrize("lang, name", CASES)
def test_printed_sheet_keeps_what_to_feel_and_who_should_check_first(printed, site_dir, lang, name):
    words = WORDS[lang]
    content = article(site_dir, lang, name)
    pdf_text = squash(text_of_pdf(printed(page_path(lang, name))))
    for item in heading(content, words["feel"]).find_next_sibling("ul").select("li"):
        assert in_pdf(item.get_text(), pdf_text), item.get_text()
    for note in content.select("div.admonition.info"):
        if text_of(note.select_one(".admonition-title")) == words["check"]:
            for paragraph in note.select("p:not(.admonition-title)"):
                assert in_pdf(paragraph.get_text(), pdf_text), paragraph.get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_search_keeps_what_to_feel_but_not_the_common_mistakes(site_dir, lang):
    """The mistakes' fixes help a reader doing an exercise, not one looking
    for it: they stay out of the search index every page loads
    (hooks/leaflet/search_index.py), what to feel stays in."""
    import json

    index = json.loads((site_dir / ("zh/" if lang == "zh" else "") / "search" / "search_index.json")
                       .read_text(encoding="utf-8"))
    text = "".join(entry["text"] for entry in index["docs"]).replace("\u200b", "")
    assert WORDS[lang]["mistakes"] not in text
    assert text.count(WORDS[lang]["should_not"]) == len(NAMES)
