"""A failure the page checker does not know of (a bug in a template or a
hook) still ends the build with one line, never a Python traceback."""

from __future__ import annotations

import shutil

import pytest

from helpers.project import copy_of_the_project
from local_site import BuildFailed, build_site
from one_line_errors import one_line


def test_an_error_is_told_in_one_line():
    line = one_line(ValueError("no such\n  key"))
    assert line.startswith("the build stopped: ValueError: no such key") and "\n" not in line


def test_a_broken_template_stops_the_build_in_one_line_with_no_traceback(tmp_path):
    project = copy_of_the_project(tmp_path / "project")
    template = project / "overrides" / "main.html"
    text = template.read_text(encoding="utf-8")
    # A call on something that is not there: Jinja raises while rendering.
    template.write_text(text.replace("{% block announce %}", "{% block announce %}{{ page.nothing.at.all() }}", 1),
                        encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        build_site(tmp_path / "site", config=project / "mkdocs.yml")
    output = str(failure.value)
    assert "Traceback" not in output, output
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert any("the build stopped: UndefinedError:" in line for line in errors), output


def test_a_build_without_the_qr_encoder_says_to_run_make_vendor(tmp_path):
    """lean-qr is copied into docs/ by make, never committed: a build run
    without make stops, in one line, rather than ship a maker that cannot
    start."""
    project = copy_of_the_project(tmp_path / "project")
    shutil.rmtree(project / "docs" / "javascripts" / "vendor")
    with pytest.raises(BuildFailed) as failure:
        build_site(tmp_path / "site", config=project / "mkdocs.yml")
    output = str(failure.value)
    assert "Traceback" not in output, output
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert any("docs/javascripts/vendor/lean-qr.mjs is missing" in line and "make vendor" in line
               for line in errors), output
