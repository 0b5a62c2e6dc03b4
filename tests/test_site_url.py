"""A bad site address (SITE_URL) stops the build at once with one line that
says what to set: never a minute of building and then a traceback."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.exceptions import PluginError

from local_site import BuildFailed, build_site
from leaflet.robots import robots_txt
from leaflet.site_url import EXAMPLE, site_url_problem
from site_url_check import on_config

GOOD = [
    "http://127.0.0.1:8000/",
    "https://user.github.io/lumbar-leaflet/",
    "https://leaflet.example.org/",
    "https://example.org",
    "HTTPS://EXAMPLE.ORG/LEAFLET/",
    "http://localhost:8080/a/b/",
    "https://例子.测试/",
]

BAD = {
    None: "empty",
    "": "empty",
    "   ": "empty",
    "ftp://x/": "https:// or http://",
    "javascript:alert(1)": "https:// or http://",
    "example.org/leaflet/": "https:// or http://",
    "/": "https:// or http://",
    "https://exa mple.org/": "not allowed",
    "https://example.org/\n": "not allowed",
    'https://example.org/"onmouseover="x': "not allowed",
    "https://example.org/<script>": "not allowed",
    "https://example.org/it's/": "not allowed",
    "https:\\\\example.org\\": "not allowed",
    "http:///leaflet/": "no host name",
    "http://:80/": "no host name",
    "https://example.org/?page=1": "query",
    "https://example.org/#top": "fragment",
    "http://example.org:port/": "not an address",
    "http://[::1/": "not an address",
}


@pytest.mark.parametrize("site_url", GOOD)
def test_full_http_addresses_are_accepted(site_url):
    assert site_url_problem(site_url) is None


@pytest.mark.parametrize("site_url, reason", BAD.items())
def test_anything_else_gets_one_line_naming_site_url_and_an_example(site_url, reason):
    problem = site_url_problem(site_url)
    assert problem is not None, f"{site_url!r} was accepted"
    assert "\n" not in problem
    assert problem.startswith("SITE_URL (site_url in mkdocs.yml) must be")
    assert EXAMPLE in problem
    assert f"(got {site_url or ''!r}: " in problem
    assert reason in problem


@given(st.one_of(st.none(), st.text(),
                 st.tuples(st.sampled_from(["http://", "https://", "HTTP://"]), st.text())
                 .map("".join)))
def test_the_check_never_raises_and_what_it_accepts_robots_txt_accepts(site_url):
    # robots.txt is written last: whatever passes the first check must not
    # fail there.
    problem = site_url_problem(site_url)
    if problem is None:
        robots_txt(site_url)
    else:
        assert "\n" not in problem


def test_the_hook_raises_a_plugin_error_which_mkdocs_prints_as_one_line():
    with pytest.raises(PluginError, match=r"^SITE_URL .* \(got 'ftp://x/': "):
        on_config(SimpleNamespace(site_url="ftp://x/"))
    config = SimpleNamespace(site_url="https://example.org/")
    assert on_config(config) is config


# javascript: has no host, so MkDocs' own check of site_url stops it even
# before the hooks load; the others reach the hook's on_config.
@pytest.mark.parametrize("site_url, message", [
    ("", "SITE_URL (site_url in mkdocs.yml) must be the site's full address"),
    ("https://exa mple.org/", "SITE_URL (site_url in mkdocs.yml) must be the site's full address"),
    ("javascript:alert(1)", "Config value 'site_url': The URL isn't valid"),
])
def test_a_build_with_a_bad_site_url_stops_before_building_with_no_traceback(tmp_path, site_url, message):
    site_dir = tmp_path / "site"
    with pytest.raises(BuildFailed) as failure:
        build_site(site_dir, env={"SITE_URL": site_url})
    output = str(failure.value)
    assert "Traceback" not in output, output
    assert message in output, output
    [error] = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert message in error
    assert not site_dir.exists(), "the build wrote files before it stopped"
