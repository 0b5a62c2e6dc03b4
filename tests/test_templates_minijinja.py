"""The template overrides stay portable to MiniJinja, the template engine of
Zensical (Material for MkDocs' successor): every override parses with the
`minijinja` wheel, and none calls a method on a template object.

MiniJinja has Jinja's syntax but not Python's objects: a date has no
.strftime, a string no .startswith, a list no .append, a dict no .get.
Rendering with the Python binding would not show it, because the binding
hands Python objects to the template with their methods (and turns on
Python-compatible methods by default), so the templates' syntax is read
instead, with Jinja2's own lexer. Values a template cannot work out in
MiniJinja are computed by a hook (hooks/page_meta.py formats the review
dates) and read as plain values.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import minijinja
import pytest

from local_site import ROOT

OVERRIDES = ROOT / "overrides"
TEMPLATES = sorted(path for path in OVERRIDES.rglob("*")
                   if path.is_file() and path.suffix in {".html", ".tpl", ".xml", ".js"})

# Calls through a dot that are not Python methods. Material's base.html
# imports partials/language.html as `lang`, and `lang.t(...)` calls a macro
# of that template; `loop.cycle` and `loop.changed` are loop helpers both
# engines have.
NOT_METHODS = {"lang.t", "loop.cycle", "loop.changed"}


def method_calls(source: str) -> list[str]:
    """Every `receiver.name(` in the template's expressions, as
    "receiver.name" (the receiver is "..." when it is not a plain name)."""
    tokens = [(token.type, token.value)
              for token in jinja2.Environment().lexer.tokenize(source)]
    calls = []
    for index in range(1, len(tokens) - 2):
        if tokens[index][0] == "dot" and tokens[index + 1][0] == "name" and tokens[index + 2][0] == "lparen":
            kind, value = tokens[index - 1]
            receiver = value if kind == "name" and (index < 2 or tokens[index - 2][0] != "dot") else "..."
            calls.append(f"{receiver}.{tokens[index + 1][1]}")
    return calls


def name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_the_overrides_are_all_read():
    names = {name(path) for path in TEMPLATES}
    assert {"overrides/main.html", "overrides/404.html", "overrides/partials/print-footer.html"} <= names


@pytest.mark.parametrize("template", TEMPLATES, ids=name)
def test_override_parses_in_minijinja(template):
    environment = minijinja.Environment()
    try:
        environment.add_template(name(template), template.read_text(encoding="utf-8"))
    except minijinja.TemplateError as error:
        pytest.fail(f"{name(template)} does not parse in MiniJinja:\n{error}", pytrace=False)


@pytest.mark.parametrize("template", TEMPLATES, ids=name)
def test_override_calls_no_method_minijinja_lacks(template):
    calls = [call for call in method_calls(template.read_text(encoding="utf-8")) if call not in NOT_METHODS]
    assert not calls, (
        f"{name(template)} calls {', '.join(sorted(set(calls)))}: MiniJinja has no Python methods; "
        "use a filter, a test, an operator or slicing, or compute the value in a hook")


def test_the_scan_finds_method_calls_and_only_them():
    source = """{% set _ = items.append(1) %}{{ page.meta.reviewed.strftime("%Y") }}
                {% for item in nav.pages if item.url.startswith("a") %}{% endfor %}
                {{ t.roles.get(x, x) }}{{ lang.t("search") }}{{ super() }}{{ dict(a, b=1) }}
                {{ name[:3] == "abc" }}{{ x | replace(".", "(") }}"""
    assert method_calls(source) == ["items.append", "....strftime", "....startswith", "....get", "lang.t"]


def test_the_parse_can_fail():
    # add_template parses at once: a block left open is refused before any
    # rendering.
    with pytest.raises(minijinja.TemplateError):
        minijinja.Environment().add_template("broken", "{% if reviewed %}<p>{{ reviewed }}</p>")
