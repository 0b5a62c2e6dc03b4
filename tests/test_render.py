"""The blocks exercise pages build from their front matter."""

from leaflet.render import exercise_markdown, glance_markdown, insert_before_first_section

META = {
    "position": "lying on your back",
    "dose": {"how_many": "20 to 40 times", "how_often": "Morning and evening"},
    "body_areas": ["buttocks", "lower back"],
    "aliases": ["Bridge", "Glute bridge"],
    "pictures": [{"src": "a.svg", "alt": "A person lying down flat", "caption": "Start."}],
    "references": [{"title": "NICE NG59", "url": "https://www.nice.org.uk/guidance/ng59"}],
}


def test_glance_box_lists_position_dose_areas_and_other_names():
    box = glance_markdown(META)
    assert box.startswith('!!! glance "At a glance"')
    for text in ("lying on your back", "20 to 40 times", "Morning and evening",
                 "buttocks, lower back", "Bridge, Glute bridge"):
        assert text in box


def test_front_matter_values_come_out_as_text_not_markup():
    box = glance_markdown({**META, "aliases": ["<script>alert(1)</script>", "[x](javascript:y)"]})
    assert "<script>" not in box
    assert "&lt;script&gt;" in box
    assert "](javascript" not in box


def test_blocks_go_after_the_lead_paragraph_and_references_at_the_end():
    page = "# Arch bridge\n\nLead.\n\n```\n## not a heading\n```\n\n## How to do it\n\nSteps.\n"
    out = exercise_markdown(page, META, "../assets/pictures/")
    assert out.index("Lead.") < out.index("At a glance") < out.index("## How to do it")
    assert "[![A person lying down flat](../assets/pictures/a.svg)" in out
    references = out[out.index("## References"):]
    assert "1. [NICE NG59](https://www.nice.org.uk/guidance/ng59)" in references


def test_a_page_without_sections_gets_the_block_at_the_end():
    assert insert_before_first_section("Lead.\n", "BLOCK\n") == "Lead.\n\nBLOCK\n"
