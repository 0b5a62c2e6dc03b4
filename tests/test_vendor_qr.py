"""The QR encoder the site ships, lean-qr: the npm package pinned in
package.json, copied by make into docs/javascripts/vendor/ byte for byte
(never fetched at run time), and published by the build unchanged."""

from __future__ import annotations

import json
import re

import pytest

from leaflet.offline_files import language_files
from local_site import ROOT

PACKAGE = ROOT / "node_modules" / "lean-qr"
VENDOR = ROOT / "docs" / "javascripts" / "vendor"
# Each copy, in docs/javascripts/vendor/ and in the built site's
# javascripts/vendor/, and its file in the package (Makefile, VENDOR_FILES).
COPIES = {
    "lean-qr.mjs": "index.mjs",
    "lean-qr-svg.mjs": "extras/svg.mjs",
    "lean-qr.LICENSE.txt": "LICENSE",
}
# What the pages import from each module.
EXPORTS = {
    "lean-qr.mjs": {"generate", "correction", "mode"},
    "lean-qr-svg.mjs": {"toSvg", "toSvgPath"},
}


def read_json(path):
    return json.loads(path.read_text(encoding="utf-8"))


def pinned() -> str:
    return read_json(ROOT / "package.json")["dependencies"]["lean-qr"]


def test_lean_qr_is_pinned_exactly_and_locked():
    version = pinned()
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"package.json: lean-qr {version!r} is not an exact version"
    lock = read_json(ROOT / "package-lock.json")["packages"]
    assert lock[""]["dependencies"]["lean-qr"] == version, "package-lock.json is stale: npm install --package-lock-only"
    assert lock["node_modules/lean-qr"]["version"] == version
    # A dependency of the site, installed by `npm ci --omit=dev`.
    assert not lock["node_modules/lean-qr"].get("dev")


@pytest.fixture(scope="module")
def package_files() -> dict[str, bytes]:
    if not (PACKAGE / "package.json").is_file() or not VENDOR.is_dir():
        pytest.fail("lean-qr is not installed and copied: run `make vendor` (make test does)", pytrace=False)
    installed = read_json(PACKAGE / "package.json")["version"]
    assert installed == pinned(), (
        f"node_modules has lean-qr {installed}, package.json pins {pinned()}: run `make vendor`")
    return {copy: (PACKAGE / original).read_bytes() for copy, original in COPIES.items()}


def test_the_copies_are_the_pinned_package_byte_for_byte(package_files):
    for copy, original in package_files.items():
        assert (VENDOR / copy).read_bytes() == original, f"{VENDOR / copy} differs: run `make vendor`"


def test_the_modules_stand_alone_and_export_what_the_pages_import(package_files):
    for copy, names in EXPORTS.items():
        text = package_files[copy].decode("utf-8")
        # Copied under other names, so they must import nothing.
        assert not re.search(r"""\bimport\s*[\w{*"'(]""", text), f"{copy} imports another file"
        exported = {name.split(" as ")[-1].strip() for block in re.findall(r"export\s*\{([^}]*)\}", text)
                    for name in block.split(",")}
        assert names <= exported, f"{copy} no longer exports {sorted(names - exported)}"


def test_the_built_site_ships_them_unchanged_and_keeps_them_offline(site_dir, package_files):
    for copy, original in package_files.items():
        built = site_dir / "javascripts" / "vendor" / copy
        assert built.is_file(), f"the build has no {built.relative_to(site_dir)}"
        assert built.read_bytes() == original, f"the build changed {built.relative_to(site_dir)}"
    for code, names in language_files(site_dir).items():
        for module in EXPORTS:
            assert f"javascripts/vendor/{module}" in names, f"{code}: the offline copy lacks {module}"
