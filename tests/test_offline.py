"""Private and offline: resumetool never opens a network connection.

The whole demo (import, interviews, analyze, draft, render, diff, report, plan) runs in a
child process whose sockets refuse to open — and every attempt is logged, so code that
tries the network and quietly falls back fails here too. Where the system allows it, the
demo also runs in a network namespace with no network at all, which catches native code
(Typst is Rust) that Python's socket module never sees. Typst's one way to the network,
downloading a registry package a template imports, is refused before Typst runs.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from resumetool.cli import main

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "resumetool"

SITECUSTOMIZE = '''
"""Installed by tests/test_offline.py: every attempt to reach another machine — a
connection, a datagram, a DNS lookup — fails, and is logged so that a failure the code
catches is still seen. Making a socket, or binding one to the loopback address (urllib3,
imported by spaCy, probes IPv6 support that way), sends nothing anywhere and is allowed."""
import os
import socket

_LOG = os.environ["RESUMETOOL_TEST_NETWORK_LOG"]
_LOOPBACK = {"127.0.0.1", "::1", "localhost", ""}


def _refuse(what):
    with open(_LOG, "a", encoding="utf-8") as handle:
        handle.write(what + "\\n")
    raise OSError("network disabled by tests/test_offline.py: " + what)


def _remote(address):
    return isinstance(address, tuple) and str(address[0]) not in _LOOPBACK


class _OfflineSocket(socket.socket):
    def connect(self, address):
        _refuse(f"connect({address!r})")

    def connect_ex(self, address):
        _refuse(f"connect_ex({address!r})")

    def sendto(self, data, *args):
        _refuse(f"sendto({args[-1]!r})")

    def bind(self, address):
        if _remote(address):
            _refuse(f"bind({address!r})")
        return super().bind(address)


def _getaddrinfo(host, *args, **kwargs):
    _refuse(f"getaddrinfo({host!r})")


def _create_connection(address, *args, **kwargs):
    _refuse(f"create_connection({address!r})")


socket.socket = _OfflineSocket
socket.SocketType = _OfflineSocket
socket.getaddrinfo = _getaddrinfo
socket.gethostbyname = _getaddrinfo
socket.create_connection = _create_connection
'''

DEMO = "from resumetool.cli import main; main(['demo', 'search'], prog_name='resumetool')"
EXPECTED = [
    "resumes/v1/source.docx",
    "resumes/v2/resume.yaml",
    "resumes/v2/resume.pdf",
    "resumes/v2/resume.docx",
    "plan.ics",
]


def offline_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    hook = tmp_path / "offline-site"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "network-attempts.log"
    log.touch()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(hook), os.environ.get("PYTHONPATH")])),
        "RESUMETOOL_TEST_NETWORK_LOG": str(log),
        "HOME": str(tmp_path / "home"),  # no caches from earlier runs: everything cold
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "NO_COLOR": "1",
    }
    return env, log


def check_demo(tmp_path: Path, result: subprocess.CompletedProcess, log: Path) -> None:
    assert result.returncode == 0, result.stdout + result.stderr
    assert log.read_text() == "", "network attempts:\n" + log.read_text()
    for name in EXPECTED:
        assert (tmp_path / "search" / name).is_file(), name
    assert (tmp_path / "search" / "resumes/v2/resume.pdf").read_bytes()[:5] == b"%PDF-"


def test_the_demo_runs_with_sockets_disabled(tmp_path: Path):
    env, log = offline_env(tmp_path)
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('example.com', 80))"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert probe.returncode != 0 and "network disabled" in probe.stderr, "the hook works"
    log.write_text("")
    result = subprocess.run(
        [sys.executable, "-c", DEMO], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    check_demo(tmp_path, result, log)


def _can_unshare() -> bool:
    unshare = shutil.which("unshare")
    if os.name != "posix" or unshare is None:
        return False
    probe = subprocess.run([unshare, "-rn", "true"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _can_unshare(), reason="no unprivileged network namespaces here")
def test_the_demo_runs_with_no_network_at_all(tmp_path: Path):
    """A network namespace has no interface but a downed loopback: native code is caught too."""
    env, log = offline_env(tmp_path)
    result = subprocess.run(
        ["unshare", "-rn", sys.executable, "-c", DEMO],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    check_demo(tmp_path, result, log)


def test_a_template_importing_a_typst_package_is_refused_before_typst_runs(tmp_path, monkeypatch):
    resume = tmp_path / "resume.json"
    resume.write_text('{"basics": {"name": "Ada Example"}}', encoding="utf-8")
    design = tmp_path / "ws" / "templates" / "fancy"
    design.mkdir(parents=True)
    (tmp_path / "ws" / "resumetool.toml").write_text('name = "Ada"\n', encoding="utf-8")
    (design / "resume.typ.j2").write_text(
        '#import "@preview/fontawesome:0.5.0": *\n= {{ basics.name }}\n', encoding="utf-8"
    )
    import typst

    def no_typst(*args, **kwargs):
        raise AssertionError("Typst ran: it would have downloaded the package")

    monkeypatch.setattr(typst.Compiler, "compile", no_typst, raising=False)
    monkeypatch.chdir(tmp_path / "ws")
    result = CliRunner().invoke(main, ["render", str(resume), "--template", "fancy"])
    assert result.exit_code == 1, result.output
    (line,) = result.stderr.strip().splitlines()
    assert "resume.typ.j2: the template imports the Typst package @preview/fontawesome" in line
    assert "never downloads" in line and "@local" in line
    assert not (tmp_path / "resume.pdf").exists()


def test_local_packages_and_files_are_not_mistaken_for_downloads():
    from resumetool.render import PACKAGE_IMPORT

    assert PACKAGE_IMPORT.search('#import "@preview/cetz:0.3.1": canvas')
    assert PACKAGE_IMPORT.search('#include "@mycorp/letterhead:1.0.0"')
    assert not PACKAGE_IMPORT.search('#import "@local/mine:0.1.0": *')
    assert not PACKAGE_IMPORT.search('#import "lib.typ": *')
    assert not PACKAGE_IMPORT.search('#text("import \\"@preview/x:1.0.0\\"")')


# -- what ships: nothing that fetches ----------------------------------------------------

NETWORK_MODULES = {
    "socket",
    "ssl",
    "http.client",
    "urllib.request",
    "ftplib",
    "smtplib",
    "requests",
    "httpx",
    "aiohttp",
    "urllib3",
    "webbrowser",
}
NETWORK_CALLS = {"spacy.load", "spacy.cli.download", "pip.main", "nltk.download"}


def _imports_and_calls(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
        elif isinstance(node, ast.Attribute):
            parts = []
            current: ast.AST = node
            while isinstance(current, ast.Attribute):
                parts.append(current.attr)
                current = current.value
            if isinstance(current, ast.Name):
                found.add(".".join([current.id, *reversed(parts)]))
    return found


def test_no_module_imports_a_network_library_or_downloads_a_model():
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        used = _imports_and_calls(path)
        bad = {
            name
            for name in used
            if name in NETWORK_CALLS
            or any(name == m or name.startswith(f"{m}.") for m in NETWORK_MODULES)
        }
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_templates_fetch_nothing():
    """No remote fonts, styles, scripts or images in any template a render or report uses."""
    remote = re.compile(
        r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|@import\s+url|url\(\s*["']?(?:https?:)?//"""
    )
    checked = 0
    for folder in (ROOT / "templates", PACKAGE):
        for path in folder.rglob("*.j2"):
            text = path.read_text(encoding="utf-8")
            assert not remote.search(text), path
            assert not _package_imports(text), path
            checked += 1
    assert checked >= 8


def _package_imports(text: str) -> list[str]:
    from resumetool.render import PACKAGE_IMPORT

    return PACKAGE_IMPORT.findall(text)
