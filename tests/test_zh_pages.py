"""The Simplified Chinese edition (/zh/): a Chinese page for every English
page and the reverse, each in Chinese from the front matter to the print
margins, linked to its English counterpart by the language selector, with
the same safety content as the English page."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from pypdf import PdfReader

from helpers.pdf_text import HAN, in_pdf, squash, text_of_pdf
from helpers.html import soup, text_of
from helpers.sources import english_sources, front_matter, printed_titles
from leaflet.languages import CHINESE, ENGLISH, language_of_path, path_in_language
from local_site import ROOT

DOCS = ROOT / "docs"
LEAFLET_PDF = "exercises-for-lumbar-muscle-strain.pdf"


def chinese_sources() -> list[str]:
    return [path_in_language(source, CHINESE.code) for source in english_sources()]


def chinese_of(source: str) -> str:
    return source.removesuffix(".md") + ".zh.md"


def page_path(source: str) -> str:
    """docs/exercises/arch-bridge.md -> "exercises/arch-bridge/"; index.md -> ""."""
    path = source.removesuffix(".md").removesuffix(".zh")
    return "" if path == "index" else path.removesuffix("/index") + "/"


PAGES = [page_path(source) for source in english_sources()]
EXERCISES = [page_path(s) for s in english_sources() if s.startswith("exercises/")]


def resolve(page: str, href: str) -> str:
    """A link's target as a path from the site's root ("zh/about/")."""
    return urljoin("/" + page, href).lstrip("/")


# -- The docs tree ----------------------------------------------------------

def test_every_english_page_has_a_chinese_page_and_the_reverse():
    english, chinese = english_sources(), chinese_sources()
    assert len(english) >= 11
    assert [chinese_of(source) for source in english] == chinese


@pytest.mark.parametrize("source", english_sources())
def test_chinese_front_matter_matches_the_english(source):
    en, zh = front_matter(source), front_matter(chinese_of(source))
    assert list(en) == list(zh), "the same fields, in the same order"
    # Controlled values and facts stay as they are in every language.
    for field in ("reviewed", "review_due", "responsible", "position", "body_areas", "hide", "search"):
        assert zh.get(field) == en.get(field), field
    assert [p["src"] for p in zh.get("pictures", [])] == [p["src"] for p in en.get("pictures", [])]
    assert [r["url"] for r in zh.get("references", [])] == [r["url"] for r in en.get("references", [])]
    if en.get("dose"):
        assert list(zh["dose"]) == list(en["dose"])
    # Chinese where a reader sees it.
    assert HAN.search(zh["title"]) and HAN.search(zh["description"])
    assert 50 <= len(" ".join(zh["description"].split())) <= 160
    for picture in zh.get("pictures", []):
        assert HAN.search(picture["alt"]) and HAN.search(picture["caption"])
    for alias in zh.get("aliases", []):
        assert HAN.search(alias), f"alias {alias!r} is not Chinese"
    if en.get("aliases"):
        assert len(zh["aliases"]) >= 5


def test_the_chinese_controlled_values_are_all_translated():
    for source in english_sources():
        meta = front_matter(source)
        if meta.get("position"):
            assert meta["position"] in CHINESE.positions
        for area in meta.get("body_areas") or []:
            assert area in CHINESE.body_areas
        assert meta["responsible"] in CHINESE.roles


def test_the_search_dictionary_keeps_the_tag_words_whole():
    """Exercise names and aliases come from the pages (tests/test_search_words.py);
    the positions and body areas the code writes as tags are in the dictionary."""
    words = {line.split()[0] for line in (ROOT / "search" / "jieba-user-dict.txt").read_text(encoding="utf-8").splitlines() if line.strip()}
    assert set(CHINESE.positions.values()) | set(CHINESE.body_areas.values()) <= words


def test_a_pages_language_comes_from_its_file_name():
    assert language_of_path("exercises/arch-bridge.zh.md") == "zh"
    assert language_of_path("exercises/arch-bridge.md") == "en"
    assert language_of_path("index.zh.md") == "zh" and language_of_path("index.md") == "en"


def sentences(markdown: str) -> list[str]:
    """The Chinese sentences a reader sees: Markdown's links, markup and
    list numbers left out, split at 。！？； and line ends."""
    text = re.sub(r"<!--.*?-->|\]\([^)]*\)|<[^>]+>|\{[^}]*\}", "", markdown, flags=re.S)
    parts = re.split(r"[。！？；!?\n]", text)
    return [re.sub(r"^\s*(\d+\.|[-*]|=+|!+|#+)\s*|[\s*\[\]|]", "", part) for part in parts]


@pytest.mark.parametrize("source", chinese_sources())
def test_chinese_sentences_are_short(source):
    body = (DOCS / source).read_text(encoding="utf-8").split("---\n", 2)[2]
    limit = CHINESE.max_sentence_chars
    long = [s for s in sentences(body) if HAN.search(s) and len(s) > limit]
    assert not long, f"sentences over {limit} characters: {long}"


# -- The built pages ----------------------------------------------------------

@pytest.mark.parametrize("path", PAGES)
def test_chinese_page_is_in_chinese_with_its_title(site_dir, path):
    page = soup(site_dir, "zh/" + path)
    assert page.html["lang"] == "zh"
    title = front_matter(chinese_of(english_sources()[PAGES.index(path)]))["title"]
    assert text_of(page.find("h1")) == title
    # Material's interface is in Chinese too.
    assert page.select_one("input.md-search__input")["placeholder"] == "搜索"
    assert soup(site_dir, path).html["lang"] == "en"


@pytest.mark.parametrize("path", PAGES)
def test_language_selector_links_each_page_to_its_counterpart(site_dir, path):
    for here, there, lang in ((path, "zh/" + path, "zh"), ("zh/" + path, path, "en")):
        links = soup(site_dir, here).select(f".md-select__link[hreflang={lang}]")
        assert links, f"/{here} has no link to its {lang} page"
        assert resolve(here, links[0]["href"]) == there
        # No <link rel=alternate> in the head: Material's script would fetch
        # a sitemap.xml under each (hooks/site_languages.py).
        assert not soup(site_dir, here).select("head link[rel=alternate]")


def test_sitemap_pairs_every_page_with_its_counterpart(site_dir):
    import xml.etree.ElementTree as ElementTree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site_dir / "sitemap.xml").getroot().findall("s:url", ns)
    base = urls[0].find("s:loc", ns).text.rstrip("/") + "/"  # the home page's address
    pairs = {}
    for url in urls:
        page = url.find("s:loc", ns).text.removeprefix(base)
        pairs[page] = {link.get("hreflang"): link.get("href").removeprefix(base)
                       for link in url.findall("x:link", ns)}
    for path in PAGES:
        assert pairs[path] == {"en": path, "zh": "zh/" + path}
        assert pairs["zh/" + path] == {"en": path, "zh": "zh/" + path}


@pytest.mark.parametrize("path", PAGES)
def test_every_chinese_page_says_general_information_and_links_to_help(site_dir, path):
    page = soup(site_dir, "zh/" + path)
    info = page.select_one("article .leaflet-page-info")
    assert "一般健康信息，不是诊断" in text_of(info)
    help_link = info.find("a", string="何时需要就医")["href"]
    assert resolve("zh/" + path, help_link) == "zh/when-to-get-help/"
    # The page's own dates, in Chinese: "2026年11月25日".
    data = front_matter(chinese_of(english_sources()[PAGES.index(path)]))
    reviewed, due = (f"{day.year}年{day.month}月{day.day}日" for day in (data["reviewed"], data["review_due"]))
    assert (f"上次审核：{reviewed}。下次审核：{due}。负责：网站编辑。"
            "本页没有经过医生或康复治疗师审核。") in "".join(text_of(info).split())
    links = [resolve("zh/" + path, a["href"]) for a in info.select(".leaflet-print-links a")]
    assert links == ["zh/print/", "zh/" + LEAFLET_PDF]
    banner = page.select_one(".md-banner")
    assert "一般健康信息，不是医疗建议" in text_of(banner)
    assert resolve("zh/" + path, banner.find("a")["href"]) == "zh/when-to-get-help/"


@pytest.mark.parametrize("path", EXERCISES)
def test_chinese_exercise_page_has_stop_if_box_both_tabs_and_glance(site_dir, path):
    content = soup(site_dir, "zh/" + path).select_one("article.md-content__inner")
    stop_if = [box for box in content.select("div.admonition.warning")
               if text_of(box.select_one(".admonition-title")) == CHINESE.stop_if]
    assert len(stop_if) == 1 and len(stop_if[0].select("li")) >= 3

    tabs = content.select_one("div.tabbed-set.tabbed-alternate")
    assert [text_of(label) for label in tabs.select(".tabbed-labels > label")] == list(CHINESE.tabs)
    panels = tabs.select(".tabbed-content > .tabbed-block")
    assert len(panels) == 2 and all(len(panel.select("ol > li")) >= 3 for panel in panels)

    glance = content.select_one("div.admonition.glance")
    assert text_of(glance.select_one(".admonition-title")) == CHINESE.glance
    for field in ("position", "how_many", "how_often", "body_areas", "aliases"):
        assert CHINESE.glance_labels[field] + CHINESE.label_end in text_of(glance)
    references = [h2 for h2 in content.find_all("h2") if text_of(h2) == CHINESE.references]
    assert references[0].find_next("ol").find("a", href=re.compile("^https://"))
    # The same pictures as the English page, described in Chinese.
    english = soup(site_dir, path).select("article .leaflet-pictures img")
    chinese = content.select(".leaflet-pictures img")
    assert [resolve(path, i["src"]) for i in english] == [resolve("zh/" + path, i["src"]) for i in chinese]
    assert all(HAN.search(img["alt"]) for img in chinese)


@pytest.mark.parametrize("path", PAGES)
def test_no_english_words_of_the_leaflet_on_chinese_pages(site_dir, path):
    article = text_of(soup(site_dir, "zh/" + path).select_one("article"))
    leftovers = [ENGLISH.stop_if, ENGLISH.glance, *ENGLISH.tabs, "Last reviewed", "Site editors",
                 "On paper", "When to get help", "General information"]
    assert not [word for word in leftovers if word in article]


def test_the_twice_daily_exercises_keep_the_articles_doses(site_dir):
    doses = {
        "exercises/waist-flexion-and-extension/": "每个方向各 4 次",
        "exercises/waist-rotation/": "8 次，每次换一个方向",
        "exercises/arch-bridge/": "慢慢加到 20 到 40 次",
        "exercises/flying-swallow/": "慢慢加到 20 到 40 次",
    }
    for path, dose in doses.items():
        glance = text_of(soup(site_dir, "zh/" + path).select_one("div.admonition.glance"))
        assert dose in glance and "早上一次，睡前一次" in glance
    rotation = text_of(soup(site_dir, "zh/exercises/waist-rotation/").select_one("article div.tabbed-set"))
    assert "顺时针" in rotation and "逆时针" in rotation  # a circle each way first, as the article says
    walking = text_of(soup(site_dir, "zh/exercises/walking-backwards/").select_one("div.admonition.glance"))
    assert "原文没有给出" in walking and "不是来自研究" in walking
    bridge = text_of(soup(site_dir, "zh/exercises/arch-bridge/").select_one("article"))
    assert "双脚、双肘和后脑勺" in bridge and "双脚和后脑勺" in bridge


def panels_of(site_dir, path: str) -> dict[str, str]:
    tabs = soup(site_dir, "zh/" + path).select_one("article div.tabbed-set")
    labels = [text_of(label) for label in tabs.select(".tabbed-labels > label")]
    return dict(zip(labels, ("".join(text_of(p).split()) for p in tabs.select(".tabbed-content > .tabbed-block"))))


def test_chinese_arch_bridge_is_neck_safe(site_dir):
    page = "".join(text_of(soup(site_dir, "zh/exercises/arch-bridge/").select_one("article")).split())
    beginner, progressed = panels_of(site_dir, "exercises/arch-bridge/").values()
    for panel in (beginner, progressed):
        assert "肩膀和上背部一直贴着床" in panel
    assert "后脑勺只是轻轻放着" in beginner and "千万不要用头往下顶" in progressed
    assert "脖子有毛病" in page and "骨质疏松" in page and "头晕" in page and "请只做五点支撑" in page
    assert "减轻头部承受的重量" not in page


@pytest.mark.parametrize("path", ["exercises/arch-bridge/", "exercises/flying-swallow/"])
def test_chinese_harder_version_starts_again_low(site_dir, path):
    progressed = panels_of(site_dir, path)[CHINESE.tabs[1]]
    assert "刚换成这个版本时，先回到5次左右" in progressed and "20到40次" in progressed
    assert "重复20到40次" not in progressed


def test_chinese_routine_restarts_low_and_credits_the_csp(site_dir):
    article = soup(site_dir, "zh/routine/").select_one("article")
    rows = ["".join(text_of(row).split()) for row in article.select("table")[-1].select("tbody tr")]
    assert any("进阶版本" in row and "先回到" in row for row in rows)
    # The number is on the exercise's own page, in its Progressed steps.
    progressed = panels_of(site_dir, "exercises/arch-bridge/")["进阶"]
    assert "刚换成这个版本时，先回到5次左右" in progressed
    text = "".join(text_of(article).split())
    assert re.search(r"英国特许物理治疗师协会（CSP）建议，锻炼至少坚持6到8周", text)


def test_chinese_rotation_count_walking_distance_home_and_about(site_dir):
    def page_text(path):
        return "".join(text_of(soup(site_dir, "zh/" + path).select_one("article")).split())

    rotation = page_text("exercises/waist-rotation/")
    assert "顺、逆交替回旋各八次" in rotation and "下面的步骤按英文版来做" in rotation
    walking = page_text("exercises/walking-backwards/")
    for claim in ("缓解腰部肌肉的紧张", "血液循环", "骨骼更结实"):
        sentence = re.search(rf"[^。]*{claim}[^。]*", walking).group(0)
        assert sentence.startswith("文章") or "文章说" in sentence, sentence
    assert "不是来自研究" in page_text("exercises/walking-backwards/")
    home = page_text("")
    assert "突然拉伤" in home and "长期劳损" in home and "4到6周" in home
    assert "长时间坐着或站着" in home and "反复弯腰" in home and "几个月" in home
    about = page_text("about/")
    assert "《腰肌劳损做哪些锻炼最好？》" in about and "网站编辑不是医生" in about


# When to get help: every item of the brief's lists, in Chinese, in its box.
EMERGENCY = [("两条腿", "麻木", "刺痛", "无力"), ("疼痛沿着", "两条腿", "往下走"), ("一条腿", "越来越无力", "脚掌拍地", "绊"),
             ("生殖器", "肛门", "臀部", "大腿内侧", "车座"), ("擦拭",), ("排尿困难", "膀胱", "漏尿", "大便"),
             ("性", "勃起", "射精"), ("胸痛",), ("摔倒", "事故")]
URGENT = [("发烧", "冷", "热"), ("全身不舒服",), ("感染",), ("体重",), ("肿块", "肿胀", "形状"),
          ("休息", "夜里"), ("喷嚏", "咳嗽", "厕所"), ("肩胛骨",), ("癌症",),
          ("免疫力低下", "化疗", "长期", "激素", "艾滋病"), ("注射毒品",), ("骨质疏松",),
          ("20 岁", "50 岁", "新")]
SOON = [("2 周",), ("膝盖以下",), ("睡不着", "工作")]


@pytest.mark.parametrize("kind, items", {"danger": EMERGENCY, "warning": URGENT, "note": SOON}.items())
def test_chinese_help_page_has_every_sign_in_its_box(site_dir, kind, items):
    page = soup(site_dir, "zh/when-to-get-help/").select_one("article")
    box = page.select_one(f"div.admonition.{kind}")
    lines = [text_of(li) for li in box.select("li")]
    english = soup(site_dir, "when-to-get-help/").select_one(f"article div.admonition.{kind}")
    assert len(lines) == len(english.select("li"))
    for words in items:
        assert any(all(word in line for word in words) for line in lines), f"{kind}: no item says {words}"


def test_chinese_saddle_area_covers_everyone_and_soon_does_not_stop_moving(site_dir):
    """外阴 alone covers women only; the Soon box keeps people moving."""
    page = soup(site_dir, "zh/when-to-get-help/").select_one("article")
    emergency = text_of(page.select_one("div.admonition.danger"))
    assert "外阴" not in emergency
    intro = "".join(text_of(p) for p in page.select(":scope > p"))
    stop = re.search(r"[^。]*不要开始或继续这些锻炼[^。]*", intro)
    assert stop and "“紧急”" in stop.group(0) and "“尽快”" in stop.group(0) and "近期" not in stop.group(0)
    soon = text_of(page.select_one("div.admonition.note"))
    assert "保持活动" in soon and "不要开始" not in soon and "停止锻炼" not in soon
    assert "长期吃激素" in text_of(page.select_one("div.admonition.warning"))
    references = [h2 for h2 in page.find_all("h2") if text_of(h2) == CHINESE.references]
    links = [a["href"] for a in references[0].find_next("ol").select("a[href]")]
    assert "https://www.nice.org.uk/guidance/ng59" in links and any(".nhs.uk/" in link for link in links)


def test_chinese_help_page_puts_120_first_and_explains_numbers_abroad(site_dir):
    page = soup(site_dir, "zh/when-to-get-help/").select_one("article")
    emergency = text_of(page.select_one("div.admonition.danger"))
    assert emergency.index("120") < emergency.index("999")
    for number in ("999", "112", "911", "当地的急救电话"):
        assert number in emergency
    urgent = text_of(page.select_one("div.admonition.warning"))
    for words in ("医院急诊", "社区医生", "NHS 111", "您自己的医生"):
        assert words in urgent


def test_chinese_find_an_exercise_groups_by_position_and_body_area(site_dir):
    page = soup(site_dir, "zh/find-an-exercise/").select_one("article")
    text = text_of(page)
    for tag in [*CHINESE.positions.values(), *CHINESE.body_areas.values()]:
        assert tag in text, tag
    linked = {resolve("zh/find-an-exercise/", a["href"]).split("#")[0] for a in page.select("a[href]")}
    assert {"zh/" + path for path in EXERCISES} <= linked


def test_chinese_home_links_a_card_to_each_exercise(site_dir):
    cards = soup(site_dir, "zh/").select(".grid.cards > ul > li a")
    assert {resolve("zh/", a["href"]) for a in cards} == {"zh/" + path for path in EXERCISES}


# -- On paper ---------------------------------------------------------------

@pytest.mark.parametrize("path", EXERCISES)
def test_printed_chinese_exercise_has_both_versions_stop_if_and_footer(printed, site_dir, path):
    pdf = printed("zh/" + path)
    budget = 2 if "walking-backwards" in path else 1
    assert 1 <= len(pdf.pages) <= budget
    text = squash(text_of_pdf(pdf))
    content = soup(site_dir, "zh/" + path).select_one("article")
    for label in CHINESE.tabs:
        assert in_pdf(label, text)
    for line in content.select(".tabbed-block ol > li") + content.select("div.admonition.warning li"):
        assert in_pdf(line.get_text(), text), line.get_text()
    assert in_pdf("一般健康信息，不是医疗建议。", text)  # the sheet's top margin
    assert in_pdf("审核于 2026年11月25日", text) and squash(f"zh/{path}") in text


def test_chinese_pages_ask_for_the_readers_own_chinese_fonts(browser, site_url):
    page = browser.new_page()
    try:
        page.goto(site_url + "zh/exercises/arch-bridge/")
        fonts = page.evaluate("getComputedStyle(document.body).fontFamily")
        for font in ("PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC"):
            assert font in fonts
        page.goto(site_url + "exercises/arch-bridge/")
        assert "CJK" not in page.evaluate("getComputedStyle(document.body).fontFamily")
    finally:
        page.close()


def test_whole_chinese_leaflet_pdf_has_every_section_in_order(site_dir):
    reader = PdfReader(site_dir / "zh" / LEAFLET_PDF)
    english = PdfReader(site_dir / LEAFLET_PDF)
    order = printed_titles("zh")
    sections = [(item.title, reader.get_destination_page_number(item))
                for item in reader.outline if not isinstance(item, list)]
    titles = [title for title, _ in sections]
    assert titles[1:] == order and titles[0] == order[0]  # the cover, then the pages
    sheets = [sheet for _, sheet in sections]
    assert sheets == sorted(set(sheets)), "each section starts on a sheet of its own"
    assert len(reader.pages) <= len(english.pages) + 1
    text = squash(text_of_pdf(reader))
    assert in_pdf("第 6 周", text) and "120" in text and in_pdf(CHINESE.stop_if, text)
