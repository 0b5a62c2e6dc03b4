"""Property-based: whatever a page contains, the checker returns problems
(each on one line, pointing inside the file) and never raises.

The checker turns its own bugs into "internal checker error" problems so
that a build never shows a traceback; these tests make sure no input
reaches that safety net. CHECKER_EXAMPLES=5000 runs a longer search.
"""

from __future__ import annotations

import os
from datetime import date, datetime

import yaml
from checker_support import TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaflet.check import Site, check_page
from leaflet.html_rules import check_exercise_html
from leaflet.languages import LANGUAGES
from leaflet.front_matter.models import ExercisePage
from leaflet.problems import PageReport

PATHS = st.sampled_from(
    ["exercises/knee-hug.md", "index.md", "exercises/index.md", "exercises/more/deep.md",
     "exercises/knee-hug.zh.md", "index.zh.md", "exercises/index.zh.md"]
)
FIELDS = list(ExercisePage.model_fields) + [
    "when", "beginner", "start", "target", "weekly_step", "hold_seconds", "src", "alt", "caption", "url", "boost"
]
TEXT = st.text(max_size=30)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | TEXT
    | st.sampled_from(["2026-11-25", "2026-02-31", "standing", "Site editors", "a.svg", "https://x.org"])
    | st.dates()
    | st.datetimes()
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(FIELDS) | TEXT, children, max_size=4),
    max_leaves=12,
)
FRONT_MATTER = st.dictionaries(st.sampled_from(FIELDS) | TEXT, VALUES, max_size=14)
MARKDOWN_LINES = st.lists(
    st.sampled_from(
        [
            "",
            '!!! warning "Stop if"',
            '??? warning "Stop if"',
            '???+ danger "Stop If"',
            '!!! "Stop if"',
            '=== "Beginner"',
            '=== "Progressed"',
            '===+ "Begginer"',
            "=== Advanced",
            "    1. Lie down.",
            "        2. Lift.",
            "1. Step",
            "- item",
            "```",
            "~~~~",
            "    ```",
            "# Heading",
            "[link](../x.md) and ![](y.svg){ width=4 }",
            "<div markdown>",
            "\t1. tabbed",
            '!!! warning "出现以下情况请停止"',
            '??? warning "出现以下情况请停"',
            '=== "初级"',
            '=== "进阶"',
            '=== "初极"',
            "    1. 仰卧，屈膝。",
            "这是一个很长很长的句子，" * 5,
            "一句。两句！三句？四句；",
        ]
    )
    | TEXT,
    max_size=25,
)
HTML_PIECES = [
    "<div ", "<div>", "</div>", 'class="', '"', ">", "admonition ", "warning ", "tabbed-set ", "tabbed-labels ",
    "tabbed-block ", "admonition-title", "<p ", "</p>", "<details>", "</details>", "<summary>", "</summary>",
    "<label>", "</label>", "<ol>", "</ol>", "<img src=x>", "<input>", "Stop if", "Beginner", "Progressed", "&amp;", "<!--", "-->",
    "出现以下情况请停止", "初级", "进阶",
]
SITE = Site("docs", "docs", TODAY, {"a.svg": 1_000, "b.png": 20_000})  # type: ignore[arg-type]


def assert_only_problems(src_uri: str, data: bytes) -> None:
    # \r\n and a lone \r end a line too, for MkDocs and for editors.
    lines_in_file = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
    for problem in check_page(src_uri, data, SITE):
        assert "internal checker error" not in problem.message, problem.message
        assert problem.path == f"docs/{src_uri}"
        assert problem.severity in ("error", "warning")
        assert len(str(problem).splitlines()) == 1
        assert problem.line is None or 1 <= problem.line <= lines_in_file


def yaml_text(value) -> str:
    # default_flow_style=None: both block and inline lists, as editors write.
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=None, sort_keys=False)


RELAXED = settings(
    deadline=None,
    max_examples=int(os.environ.get("CHECKER_EXAMPLES", "150")),
    suppress_health_check=[HealthCheck.too_slow],
)


@RELAXED
@given(PATHS, FRONT_MATTER, MARKDOWN_LINES)
def test_random_front_matter_and_markdown(src_uri, front_matter, body_lines):
    page = "---\n" + yaml_text(front_matter) + "---\n" + "\n".join(body_lines)
    assert_only_problems(src_uri, page.encode("utf-8"))


@RELAXED
@given(PATHS, VALUES, MARKDOWN_LINES)
def test_front_matter_of_any_shape(src_uri, value, body_lines):
    page = "---\n" + yaml_text(value) + "---\n" + "\n".join(body_lines)
    assert_only_problems(src_uri, page.encode("utf-8"))


@RELAXED
@given(PATHS, st.text(alphabet=st.sampled_from(list("-.:#&*!|>'\"[]{}%@` \t\n\rabc12é\ufeff")), max_size=120))
def test_random_yaml_like_text(src_uri, text):
    assert_only_problems(src_uri, ("---\n" + text).encode("utf-8"))
    assert_only_problems(src_uri, text.encode("utf-8"))


@RELAXED
@given(PATHS, st.binary(max_size=300))
def test_random_bytes(src_uri, data):
    assert_only_problems(src_uri, data)


@RELAXED
@given(st.lists(st.sampled_from(HTML_PIECES) | TEXT, max_size=60).map("".join), st.sampled_from(list(LANGUAGES.values())))
def test_random_html(html, language):
    report = PageReport("docs/exercises/knee-hug.md")
    check_exercise_html(html, report, language)
    assert all(problem.severity == "error" for problem in report.problems)


def test_dates_and_times_in_values_do_not_break_messages():
    page = yaml_text({"title": datetime(2026, 1, 1, 10, 0), "reviewed": date(2026, 1, 1), "tags": [date(2026, 1, 1)]})
    assert_only_problems("index.md", f"---\n{page}---\n".encode())


def test_nesting_too_deep_for_python_is_a_problem_not_a_crash():
    assert_only_problems("index.md", b"---\ntitle: " + b"[" * 5000 + b"]" * 5000 + b"\n---\n")


def test_exponentially_repeated_yaml_aliases_are_refused_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 10)]
    problems = check_page("index.md", ("---\n" + "\n".join(lines) + "\n---\n\n# Page\n").encode(), SITE)
    assert [str(p) for p in problems] == [
        "docs/index.md:3: YAML aliases (*name) are not allowed in front matter: write the value out in full"
    ]
