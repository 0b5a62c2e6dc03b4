"""Safe to hand to a patient, in both languages: the pain rule, word for
word, on every exercise page (closing its Stop if box), on the routine and
in the printed leaflet; a flare-up plan and the CSP's key messages on the
routine. Expectations come from the content brief
(section 2), not from the pages."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from helpers.pdf_text import in_pdf, pdf_pattern, squash, text_of_pdf
from helpers.project import copy_for_a_build
from helpers.refusals import failed_build, line_naming, refused_data
from leaflet.check import Site, check_source
from leaflet.html_rules import check_exercise_html
from leaflet.languages import ENGLISH, LANGUAGES, language
from leaflet.pain_rule import (
    CLASS, DATA_FILE, MARKED_PAGES, PainRuleError, check, close_stop_box, expand, load, missing,
)
from leaflet.problems import PageReport
from local_site import ROOT

DOCS = ROOT / "docs"
CODES = sorted(LANGUAGES)
EXERCISES = sorted(p.relative_to(DOCS).with_suffix("").as_posix()
                   for p in (DOCS / "exercises").glob("*.md") if not p.name.endswith(".zh.md"))
LEAFLET_PDF = "exercises-for-lumbar-muscle-strain.pdf"
CSP = "https://www.csp.org.uk/public-patient/rehabilitation-exercises/back-pain"
NICE = "https://www.nice.org.uk/guidance/ng59"


def built(site_dir, code: str, path: str) -> BeautifulSoup:
    root = LANGUAGES[code].root
    return BeautifulSoup((site_dir / root / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def rule_text(code: str) -> str:
    return squash(load().text(code))


def source_of(code: str, path: str) -> str:
    return (DOCS / (path + ("" if code == "en" else f".{code}") + ".md")).read_text(encoding="utf-8")


# --- The pain rule's words: data, once per language --------------------------


def test_the_rule_has_its_words_in_every_language():
    rule = load()
    for code in LANGUAGES:
        assert rule.title[code] and rule.words[code]
    # The brief's rule: ache that settles by the next morning is fine, worse
    # the next day means fewer next time, sharp, spreading or growing means stop.
    english = rule.text("en")
    for words in ("ache", "within a few hours", "next morning", "is fine", "worse the next day",
                  "do fewer next time", "Sharp, spreading or growing pain means stop"):
        assert words in english, words
    chinese = rule.text("zh")
    for words in ("酸痛", "几个小时内", "第二天早上", "没关系", "第二天更痛", "下次就少做", "尖锐", "扩散",
                  "越来越重", "停下来"):
        assert words in chinese, words


SHOWN = "hooks/leaflet/pain_rule.yml"


def entries() -> dict:
    return yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: {**d, "words": {"en": d["words"]["en"]}},
         f"{SHOWN}: the pain rule has no words in 'zh' (Chinese)"),
        (lambda d: {**d, "words": {**d["words"], "en": "  "}},
         f"{SHOWN}: the pain rule has no words in 'en' (English)"),
        (lambda d: {**d, "title": {"zh": d["title"]["zh"]}},
         f"{SHOWN}: the pain rule has no title in 'en' (English)"),
        (lambda d: {**d, "words": {**d["words"], "en": "Some <b>ache</b> is fine."}},
         f"{SHOWN}: its words in 'en' must be plain text"),
        (lambda d: {**d, "source": ""}, f"{SHOWN}: needs a source"),
        (lambda d: {**d, "tier": "x"}, f"{SHOWN}: unknown field 'tier'"),
    ],
)
def test_broken_rule_data_is_refused_in_one_line_naming_the_file(change, message):
    assert refused_data(check, change(entries()), SHOWN, PainRuleError).startswith(message)


def test_the_rule_closes_the_stop_if_box_and_markers_are_checked():
    rule = load()
    page = '# A\n\n!!! warning "Stop if"\n\n    - it hurts\n\n!!! note "Tips"\n\n    - breathe\n'
    written = close_stop_box(page, rule, "en", "docs/exercises/a.md")
    box, tips = written.split('!!! note "Tips"')
    assert box.rstrip().endswith("{: .%s }" % CLASS) and rule.words["en"] in box
    assert rule.words["en"] not in tips
    with pytest.raises(PainRuleError, match=r'^docs/exercises/a\.md: no "Stop if" box'):
        close_stop_box("# A\n\nNo box.\n", rule, "en", "docs/exercises/a.md")
    with pytest.raises(PainRuleError, match=r"^docs/exercises/a\.md: remove \[pain rule\]"):
        close_stop_box(page + "\n[pain rule]\n", rule, "en", "docs/exercises/a.md")
    with pytest.raises(PainRuleError, match=r"^docs/routine\.md: write \[pain rule\] once.*found it 0 times"):
        expand("# Routine\n", rule, "en", "docs/routine.md", required=True)
    with pytest.raises(PainRuleError, match="found it 2 times"):
        expand("[pain rule]\n\n[pain rule]\n", rule, "en", "docs/index.md")
    assert expand("# Home\n", rule, "en", "docs/index.md") == "# Home\n"
    assert "    {: .%s }" % CLASS in expand("1. Step\n\n    [pain rule]\n", rule, "en", "docs/index.md")


def test_a_rendered_page_without_the_rule_word_for_word_is_named():
    rule = load()
    html = ('<div class="admonition warning"><p class="admonition-title">Stop if</p><ul><li>x</li></ul>'
            f'<p class="{CLASS}"><strong>{rule.title["en"]}</strong> {rule.words["en"]}</p></div>')
    assert missing(html, rule, "en", exercise=True) is None
    assert "is missing" in missing(html.replace("next time", "later"), rule, "en", exercise=True)
    assert "is missing" in missing(html.replace(CLASS, "other"), rule, "en", exercise=True)
    outside = html.replace(f'<p class="{CLASS}">', f'</div><p class="{CLASS}">').removesuffix("</div>")
    assert "not at the close" in missing(outside, rule, "en", exercise=True)
    assert missing(outside, rule, "en", exercise=False) is None


def test_the_rule_does_not_count_as_a_stop_if_box_saying_something():
    """The build writes the rule into every Stop if box: a box its editor
    left empty must still be refused by the page checks."""
    rule = load()
    paragraph = f'<p class="{CLASS}"><strong>{rule.title["en"]}</strong> {rule.words["en"]}</p>'
    for said, refused in (("", True), ("<ul><li>the pain gets worse</li></ul>", False)):
        html = f'<div class="admonition warning"><p class="admonition-title">Stop if</p>{said}{paragraph}</div>'
        report = PageReport("docs/exercises/a.md")
        check_exercise_html(html, report, ENGLISH)
        assert any("says nothing" in str(p) for p in report.problems) is refused, said


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("path", EXERCISES + list(MARKED_PAGES))
def test_pages_with_the_rule_written_in_pass_the_page_checks(code, path):
    """The checker reads sources, where the rule is not yet written in: so
    check each page as readers get it (reading grade, Chinese sentence
    length), and that it cites the rule's source."""
    name = path + ("" if code == "en" else f".{code}") + ".md"
    source = source_of(code, path)
    rule = load()
    if path.startswith("exercises/"):
        expanded = close_stop_box(source, rule, code, name)
    else:
        expanded = expand(source, rule, code, name, required=path in MARKED_PAGES)
    assert rule.words[code] in expanded
    problems = check_source(name, expanded.encode("utf-8"), Site.at(DOCS, "docs"))
    assert not problems, [str(problem) for problem in problems]
    assert rule.source in source, f"{name} shows the pain rule but does not cite its source"


# --- The pain rule in the built site ------------------------------------------


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("path", EXERCISES)
def test_every_exercise_page_closes_its_stop_if_box_with_the_rule(site_dir, code, path):
    article = built(site_dir, code, path).select_one("article")
    stop_if = [box for box in article.select("div.admonition.warning")
               if squash(box.select_one(".admonition-title").get_text()) == squash(language(code).stop_if)]
    assert len(stop_if) == 1
    last = stop_if[0].find_all(recursive=False)[-1]
    assert last.name == "p" and CLASS in last["class"]
    assert squash(last.get_text()) == rule_text(code)
    assert len(article.select(f".{CLASS}")) == 1


@pytest.mark.parametrize("code", CODES)
def test_the_routine_gives_the_rule(site_dir, code):
    rules = built(site_dir, code, "routine").select(f"article .{CLASS}")
    assert [squash(rule.get_text()) for rule in rules] == [rule_text(code)]
    # In a box of its own, before the flare-up plan.
    assert "admonition" in rules[0].parent["class"]
    assert rules[0].find_next("div", class_="leaflet-flare-up") is not None


@pytest.mark.parametrize("code", CODES)
def test_the_same_words_everywhere_in_a_language(site_dir, code):
    """Every place the rule appears in a language, the print page included,
    says it word for word; the print page has it for the routine and every
    exercise."""
    root = site_dir / LANGUAGES[code].root
    pages = [p for p in root.glob("**/index.html") if code != "en" or not p.is_relative_to(site_dir / "zh")]
    said = {}
    for page in pages:
        for rule in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select(f".{CLASS}"):
            said.setdefault(squash(rule.get_text()), []).append(str(page.relative_to(site_dir)))
    assert list(said) == [rule_text(code)], said
    printed = [p for p in said[rule_text(code)] if p.endswith("print/index.html")]
    assert len(printed) >= len(EXERCISES) + 1


@pytest.mark.parametrize("code", CODES)
def test_the_printed_leaflet_gives_the_rule_on_each_exercise_and_the_routine(site_dir, code):
    text = text_of_pdf(PdfReader(site_dir / LANGUAGES[code].root / LEAFLET_PDF))
    chunks = re.split(r"[.。？?]", load().words[code])
    for chunk in filter(None, (c.strip() for c in chunks)):
        assert in_pdf(chunk, text), chunk
    # Once for the routine and once for each exercise.
    first = next(filter(None, (c.strip() for c in chunks)))
    assert len(re.findall(pdf_pattern(first), squash(text))) >= len(EXERCISES) + 1


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("path", EXERCISES + ["routine"])
def test_a_page_printed_from_the_browser_gives_the_rule(printed, code, path):
    text = text_of_pdf(printed(LANGUAGES[code].root + path + "/"))
    for chunk in filter(None, (c.strip() for c in re.split(r"[.。？?]", load().text(code)))):
        assert in_pdf(chunk, text), (path, chunk)


def test_the_build_stops_when_a_language_has_no_words_for_the_rule(tmp_path):
    project = copy_for_a_build(tmp_path / "project")
    data = project / "hooks" / "leaflet" / "pain_rule.yml"
    text, removed = re.subn(r"(?m)^  zh: >-\n(?:    .*\n)+(?=\Z|\S)", "", data.read_text(encoding="utf-8"))
    assert removed == 1
    data.write_text(text, encoding="utf-8")
    assert f"{SHOWN}: the pain rule has no words in 'zh' (Chinese)" in line_naming(failed_build(project), SHOWN)


def test_the_build_stops_naming_the_page_when_the_routine_does_not_ask_for_the_rule(tmp_path):
    project = copy_for_a_build(tmp_path / "project")
    routine = project / "docs" / "routine.zh.md"
    routine.write_text(routine.read_text(encoding="utf-8").replace("[pain rule]", "（略）"), encoding="utf-8")
    line = line_naming(failed_build(project), "docs/routine.zh.md")
    assert "docs/routine.zh.md: write [pain rule] once" in line


def test_the_build_stops_naming_the_page_when_an_exercise_page_loses_the_rule(tmp_path):
    """Whatever drops the rule after it is written in (here a later hook),
    the rendered page is read back and the build names it."""
    project = copy_for_a_build(tmp_path / "project")
    (project / "hooks" / "drop_rule.py").write_text(
        "import re\n\n"
        "def on_page_markdown(markdown, *, page, config, files, **kwargs):\n"
        "    if page.file.src_uri == 'exercises/flying-swallow.zh.md':\n"
        f"        return re.sub(r'(?m)^ *\\{{: \\.{CLASS} \\}}\\n', '', markdown)\n"
        "    return markdown\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "  - hooks/pain_rule.py\n", "  - hooks/pain_rule.py\n  - hooks/drop_rule.py\n")
    config.write_text(text, encoding="utf-8")
    line = line_naming(failed_build(project), "docs/exercises/flying-swallow.zh.md")
    assert "docs/exercises/flying-swallow.zh.md: the pain rule is missing" in line


# --- The flare-up plan and the key messages (routine) ------------------------

# The flare-up plan: its heading, then its three parts in order, each with
# the words it must say in each language.
FLARE_UP_HEADING = {"en": "If your back flares up", "zh": "腰痛复发或加重时"}
FLARE_UP_PARTS = {
    "bad day": {
        "en": ["Keep moving gently", "Do fewer", "smaller", "Beginner versions", "Do not stay in bed",
               "Pain relief can help you keep moving", "Ask a pharmacist"],
        "zh": ["继续轻轻地活动", "少做几下", "幅度小一点", "回到初级版本", "不要一直躺在床上", "止痛药可以帮您继续活动",
               "问问药师"],
    },
    "build up": {"en": ["start again at about half", "every few days"], "zh": ["原来的一半", "每隔几天"]},
    "help": {"en": ["no better after 2 weeks"], "zh": ["2周后疼痛还没有好转"]},
}


def flare_up_plan(site_dir, code: str):
    """The routine's flare-up plan in a language, and its parts' headings."""
    article = built(site_dir, code, "routine").select_one("article")
    heading = next(h2 for h2 in article.find_all("h2") if squash(h2.get_text()) == squash(FLARE_UP_HEADING[code]))
    plan = heading.find_next("div", class_="leaflet-flare-up")
    parts = plan.find_all("h3")
    assert len(parts) == len(FLARE_UP_PARTS)
    return plan, parts


@pytest.mark.parametrize("code", CODES)
def test_the_routine_has_a_flare_up_plan(site_dir, code):
    plan, parts = flare_up_plan(site_dir, code)
    # When to get help is one tap away.
    help_list = parts[list(FLARE_UP_PARTS).index("help")].find_next("ul")
    assert any(a["href"].rstrip("/").endswith("when-to-get-help") for a in help_list.select("a[href]"))
    # It never says rest is the cure.
    assert not re.search(r"(?i)\brest in bed\b|stay in bed until", plan.get_text())


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("part", FLARE_UP_PARTS)
def test_each_part_of_the_flare_up_plan_says_what_it_must(site_dir, code, part):
    _, parts = flare_up_plan(site_dir, code)
    said = squash(parts[list(FLARE_UP_PARTS).index(part)].find_next("ul").get_text())
    for expected in FLARE_UP_PARTS[part][code]:
        assert squash(expected) in said, expected


KEY_MESSAGES = {
    "en": [("Scans are rarely needed", "NICE"), ("Staying active", "at work"), ("Hurt does not mean harm",),
           ("Pain relief can help you keep moving", "pharmacist"), ("Sleep, stress and mood affect pain",)],
    "zh": [("很少需要拍片", "NICE"), ("保持活动", "上班"), ("痛不等于受伤",),
           ("止痛药可以帮您继续活动", "药师"), ("睡眠、压力和情绪都会影响疼痛",)],
}


@pytest.mark.parametrize("code", CODES)
def test_the_routine_gives_the_csps_key_messages_with_their_sources(site_dir, code):
    article = built(site_dir, code, "routine").select_one("article")
    heading = article.select_one("h2.leaflet-key-messages")
    intro = squash(heading.find_next("p").get_text())
    assert "CSP" in intro
    items = [squash(li.get_text()) for li in heading.find_next("ul").select("li")]
    for words in KEY_MESSAGES[code]:
        assert any(all(squash(word) in item for word in words) for item in items), words
    # The CSP and NICE NG59 among the page's references.
    links = [a["href"] for a in article.select("h2 ~ ol a[href]")]
    assert CSP in links and NICE in links
    # Never that a scan is needed first, or that a disc must be treated first.
    text = squash(article.get_text())
    assert not re.search(r"(?i)needascanfirst|scanisneeded|treatthediscfirst", text)


def test_the_build_still_refuses_an_empty_stop_if_box(tmp_path):
    project = copy_for_a_build(tmp_path / "project")
    page = project / "docs" / "exercises" / "flying-swallow.md"
    text, emptied = re.subn(r'(?m)(^!!! warning "Stop if"\n)(?:\n|    .*\n)+', r"\1\n", page.read_text(encoding="utf-8"))
    assert emptied == 1
    page.write_text(text, encoding="utf-8")
    assert 'docs/exercises/flying-swallow.md: the "Stop if" warning says nothing' in failed_build(project)
