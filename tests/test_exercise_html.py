"""The blocks exercise pages build from their front matter."""

from helpers.html import elements
from leaflet.escaping import as_html
from leaflet.markdown_html import render
from leaflet.exercise_html import (
    exercise_markdown,
    glance_html,
    insert_before_first_section,
    safe_address,
)

META = {
    "position": "lying on your back",
    "dose": {
        "when": "morning and evening",
        "beginner": {"start": 5, "weekly_step": 4, "target": (20, 40)},
        "progressed": {"start": 5, "weekly_step": 4, "target": (20, 40)},
    },
    "body_areas": ["buttocks", "lower back"],
    "aliases": ["Bridge", "Glute bridge"],
    "pictures": [{"src": "a.svg", "alt": "A person lying down flat", "caption": "Start."}],
    "references": [{"title": "NICE NG59", "url": "https://www.nice.org.uk/guidance/ng59"}],
}
PAGE = "# Arch bridge\n\nLead.\n\n```\n## not a heading\n```\n\n## How to do it\n\nSteps.\n"
# Markdown and HTML that must stay text wherever a value lands.
ATTACKS = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "*x*{: onclick=alert(1) }",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
]


def test_glance_box_lists_position_dose_areas_and_other_names():
    box = glance_html(META)
    assert box.startswith('<div class="admonition glance">')
    for text in ("lying on your back", "About 5 times at first, building up to 20 to 40 times",
                 "Once in the morning and once before bed",
                 "buttocks, lower back", "Bridge, Glute bridge"):
        assert text in box


def test_every_value_is_text_once_the_page_is_rendered():
    hostile = {
        **META,
        "aliases": ATTACKS,
        "body_areas": ATTACKS,
        "pictures": [{"src": "a.svg", "alt": attack, "caption": attack} for attack in ATTACKS],
        "references": [{"title": attack, "url": "https://example.org/"} for attack in ATTACKS],
    }
    # Both as the build gives it (escaped by the door) and as plain text.
    for meta in (hostile, as_html(hostile)):
        html = render(exercise_markdown(PAGE, meta, "../assets/pictures/"))
        found = elements(html)
        assert not {"script", "svg", "em"} & set(found.tags), found.tags
        assert not [name for name, _ in found.attributes if name.startswith("on")]
        assert all(not (value or "").startswith("javascript:") for name, value in found.attributes if name in ("href", "src"))
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&amp;lt;" not in html  # escaped once, never twice


def test_blocks_go_after_the_lead_paragraph_and_references_at_the_end():
    out = exercise_markdown(PAGE, META, "../assets/pictures/")
    assert out.index("Lead.") < out.index("At a glance") < out.index("## How to do it")
    html = render(out)
    assert '<img alt="A person lying down flat" height="320" src="../assets/pictures/a.svg" width="480" />' in html
    references = html[html.index("References"):]
    assert '<li><a href="https://www.nice.org.uk/guidance/ng59">NICE NG59</a></li>' in references


def test_only_http_addresses_with_a_host_become_links():
    assert safe_address("https://example.org/a(b)") == "https://example.org/a(b)"
    for address in ("javascript:alert(1)", "data:text/html,x", "https:///path", "//example.org/", 5, "ftp://x.org/"):
        assert safe_address(address) is None


def test_a_page_without_sections_gets_the_block_at_the_end():
    assert insert_before_first_section("Lead.\n", "BLOCK\n") == "Lead.\n\nBLOCK\n"


def test_a_photo_states_its_own_size_and_loads_lazily_and_a_drawing_does_not():
    meta = {**META, "pictures": [{"src": "start.svg", "alt": "a b c d", "caption": "Start."},
                                 {"src": "clinic.jpg", "alt": "a b c d", "caption": "Photo."}]}
    sizes = {"start.svg": (480, 320), "clinic.jpg": (1200, 900)}
    html = render(exercise_markdown(PAGE, meta, "../", size_of=sizes.__getitem__))
    assert '<img alt="a b c d" height="320" src="../start.svg" width="480" />' in html
    assert '<img alt="a b c d" height="900" loading="lazy" src="../clinic.jpg" width="1200" />' in html
