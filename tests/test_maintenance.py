"""Still building years from now (README, "Maintenance"): two builders give
one site, every install is hash-checked, the supported Pythons are one list
everywhere, and Dependabot's weekly updates are configured validly."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import sysconfig
import tomllib
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml

from local_site import ROOT, BuildFailed, build_site

PUBLISH_WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
LOCKED = sorted(ROOT.glob("requirements*.txt"))

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')
# sw.js (the offline copy) names its cache after a hash of the served files,
# the generator tag included, so it changes whenever any page does.
WORKER_VERSION = re.compile(rb'"version":"[0-9a-f]+"')


def supported_pythons() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    prefix = "Programming Language :: Python :: "
    return [c.removeprefix(prefix) for c in project["classifiers"] if re.fullmatch(r"3\.\d+", c.removeprefix(prefix))]


def load_yaml(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    if True in data:
        data["on"] = data.pop(True)
    return data


# -- Two builders, one site ----------------------------------------------------

def files_of(tree: Path) -> dict[str, bytes]:
    return {path.relative_to(tree).as_posix(): path.read_bytes()
            for path in sorted(tree.rglob("*")) if path.is_file()}


def without_generator(name: str, body: bytes) -> bytes:
    if name.endswith(".gz"):
        # The gzip header carries the build's time; the text is the site.
        return gzip.decompress(body)
    if name == "sw.js":
        return WORKER_VERSION.sub(b'"version":"..."', body)
    return GENERATOR.sub(b'<meta name="generator" content="...">', body)


@pytest.fixture(scope="module")
def properdocs_site(site_dir, tmp_path_factory):
    """The site as ProperDocs builds it, for the same day as site_dir (its
    sitemap's date), without the PDF, which no builder makes."""
    day = re.search(r"<lastmod>(\d{4}-\d\d-\d\d)</lastmod>",
                    (site_dir / "sitemap.xml").read_text(encoding="utf-8")).group(1)
    epoch = int(datetime.fromisoformat(day).replace(tzinfo=timezone.utc).timestamp())
    directory = tmp_path_factory.mktemp("properdocs-site")
    try:
        build_site(directory, builder="properdocs", env={"SOURCE_DATE_EPOCH": str(epoch)})
    except BuildFailed as failure:
        pytest.fail(f"properdocs build --strict failed:\n{failure}", pytrace=False)
    return directory


def test_properdocs_builds_the_same_site_as_mkdocs(site_dir, properdocs_site):
    mkdocs = {name: body for name, body in files_of(site_dir).items() if not name.endswith(".pdf")}
    properdocs = files_of(properdocs_site)
    assert sorted(mkdocs) == sorted(properdocs), (
        f"only MkDocs wrote: {sorted(set(mkdocs) - set(properdocs))}; "
        f"only ProperDocs wrote: {sorted(set(properdocs) - set(mkdocs))}")
    differing = [name for name in mkdocs
                 if without_generator(name, mkdocs[name]) != without_generator(name, properdocs[name])]
    assert not differing, f"files that differ beyond the generator tag: {differing}"


def test_each_page_names_the_builder_that_made_it(site_dir, properdocs_site):
    # The comparison above is of two different builds, not one build twice.
    for tree, builder in ((site_dir, b"mkdocs-1."), (properdocs_site, b"ProperDocs")):
        tags = {tag for page in tree.rglob("*.html") for tag in GENERATOR.findall(page.read_bytes())}
        assert tags and all(builder in tag for tag in tags), f"{tree}: {tags}"


def test_make_builds_with_the_builder_asked_for():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^BUILDER \?= mkdocs$", makefile, re.M)
    assert "$(BIN)/$(BUILDER) build $(STRICT)" in makefile
    # Anything else stops make with one line, before it does anything.
    result = subprocess.run(["make", "-n", "build", "BUILDER=zensical"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "BUILDER must be mkdocs or properdocs, not 'zensical'" in result.stderr


# -- Hash-locked installs -----------------------------------------------------------

def requirements(path: Path) -> dict[str, tuple[str, str]]:
    """name -> (version, the whole entry, continuation lines joined)."""
    entries = re.split(r"\n(?=\S)", path.read_text(encoding="utf-8").replace("\\\n", " "))
    found = {}
    for entry in entries:
        match = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", entry)
        if match:
            found[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = (match.group(2), entry)
    return found


def test_lock_files_pin_every_package_with_hashes_and_no_index_address():
    assert [path.name for path in LOCKED] == ["requirements-lock.txt", "requirements-test.txt", "requirements.txt"]
    for path in LOCKED:
        text = path.read_text(encoding="utf-8")
        pins = requirements(path)
        assert pins, f"{path.name} pins nothing"
        for name, (version, entry) in pins.items():
            assert "--hash=sha256:" in entry, f"{path.name}: {name} has no hash"
        for line in text.splitlines():
            line = line.split("#", 1)[0].strip()
            # Every line is a pin or its hashes: no -r, -i, --find-links or
            # any address of the machine that wrote it.
            assert not line or re.match(r"[A-Za-z0-9_.-]+==|--hash=sha256:[0-9a-f]{64}", line), \
                f"{path.name}: {line}"
        assert not re.search(r"(?i)file:|://|/opt/|/home/|/root/", text), path.name


def test_lock_files_hold_the_pins_of_the_in_files():
    site, test, lock = (requirements(ROOT / name) for name in
                        ("requirements.txt", "requirements-test.txt", "requirements-lock.txt"))
    for source, locked in (("requirements.in", site), ("requirements-test.in", test),
                           ("requirements-lock.in", lock)):
        for line in (ROOT / source).read_text(encoding="utf-8").splitlines():
            match = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", line)
            if match:
                name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
                assert name in locked and locked[name][0] == match.group(2), \
                    f"{source} pins {line}, its lock file {locked.get(name, ('nothing',))[0]}: run make lock"
    # The test venv is the site's plus the tests': the same versions.
    different = {name: (site[name][0], test[name][0]) for name in site if test.get(name, ("",))[0] != site[name][0]}
    assert not different, f"requirements-test.txt differs from requirements.txt: {different}"


def test_every_install_checks_hashes():
    commands = {
        "Makefile": (ROOT / "Makefile").read_text(encoding="utf-8"),
        ".ci/pythons": (ROOT / ".ci" / "pythons").read_text(encoding="utf-8"),
    }
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        commands[workflow.name] = workflow.read_text(encoding="utf-8")
    installs = 0
    for name, text in commands.items():
        text = re.sub(r"\\\n\s*", " ", text)
        for line in text.splitlines():
            if line.startswith("PIP_INSTALL :="):
                assert "--require-hashes" in line
            elif re.search(r"pip\S* install|\$\(PIP_INSTALL\)", line) and not line.lstrip().startswith("#"):
                installs += 1
                resolved = line.replace("$(PIP_INSTALL)", "pip install --require-hashes")
                assert "--require-hashes" in resolved and " -r requirements" in resolved, f"{name}: {line.strip()}"
    assert installs >= 4


def test_jieba_imports_with_warnings_as_errors():
    # jieba 0.42.1's patterns are not raw strings; compiled at install, so a
    # build run with -W error never compiles them (Makefile, COMPILE_JIEBA).
    result = subprocess.run([sys.executable, "-W", "error", "-c", "import jieba"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]


# -- Supported Pythons -----------------------------------------------------------

def test_one_list_of_supported_pythons():
    pythons = supported_pythons()
    assert pythons == ["3.11", "3.12", "3.13"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lowest = re.search(r">=\s*(3\.\d+(?:\.\d+)?)", project["requires-python"]).group(1)
    assert ".".join(lowest.split(".")[:2]) == pythons[0]
    assert re.search(r"<\s*3\.(\d+)", project["requires-python"]).group(1) == str(int(pythons[-1].split(".")[1]) + 1)
    # The lock resolves for the oldest one it allows.
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^LOCK_PYTHON := (\S+)$", makefile, re.M).group(1) == lowest
    # make stops at once, with one line, under any other Python.
    newest = int(pythons[-1].split(".")[1])
    assert f"{tuple(map(int, lowest.split('.')))} <= v < (3, {newest + 1})" in makefile
    # The workflow tests every one of them, and only those.
    matrix = load_yaml(PUBLISH_WORKFLOW)["jobs"]["test"]["strategy"]["matrix"]["python-version"]
    assert [str(version) for version in matrix] == pythons
    # And .ci/run builds under each after the tests.
    assert "make pythons" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash .ci/pythons" in makefile
    assert sys.version_info[:2] in {tuple(map(int, v.split("."))) for v in pythons}, \
        f"this Python ({sys.version.split()[0]}) is not one pyproject.toml supports"


def test_the_matrix_runs_every_test_and_the_build():
    test_job = load_yaml(PUBLISH_WORKFLOW)["jobs"]["test"]
    assert test_job["strategy"]["fail-fast"] is False
    [setup] = [step for step in test_job["steps"] if step.get("uses", "").startswith("actions/setup-python@")]
    assert setup["with"]["python-version"] == "${{ matrix.python-version }}"
    runs = [step.get("run") for step in test_job["steps"]]
    assert "make test" in runs and "make build" in runs


# -- Dependabot ----------------------------------------------------------------------

def test_dependabot_config_matches_dependabot_schema():
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.dependabot", str(DEPENDABOT)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_config_has_no_zizmor_findings():
    # zizmor's dependabot-cooldown audit wants a cooldown of a week or more.
    zizmor = Path(sysconfig.get_path("scripts"), "zizmor")
    env = {name: value for name, value in os.environ.items()
           if name not in {"GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN"}}
    result = subprocess.run([str(zizmor), "--offline", "--persona", "pedantic", "--no-progress",
                             "--color", "never", str(DEPENDABOT)],
                            capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 0, f"zizmor (exit {result.returncode}):\n{result.stdout}{result.stderr}"


def test_dependabot_sends_one_weekly_pull_request_for_everything():
    config = load_yaml(DEPENDABOT)
    [(group, settings)] = config["multi-ecosystem-groups"].items()
    assert settings["schedule"]["interval"] == "weekly"
    ecosystems = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(ecosystems) == {"pip", "npm", "github-actions"}
    for name, update in ecosystems.items():
        assert update["multi-ecosystem-group"] == group, name
        assert update["patterns"] == ["*"], f"{name}: every dependency joins the one pull request"
        assert update["cooldown"]["default-days"] >= 7, name
    # Each ecosystem has files where Dependabot looks for them.
    assert (ROOT / "package.json").exists() and (ROOT / "package-lock.json").exists()
    assert (ROOT / "requirements.in").exists() and (ROOT / ".github" / "workflows").is_dir()
