"""Where the generated Word templates live, and the rule that protects edits to them.

The committed ``.docx`` files are the source the build, coordinators and
developers use; the generator only reproduces them. ``MANIFEST.sha256`` beside
them (``sha256sum`` format, one ``<sha256>  <lang>/<name>.docx`` line each)
records what the generator last wrote. A template whose bytes are neither the
new output nor that recorded hash was edited by someone, and is never
overwritten without ``--force``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = "MANIFEST.sha256"


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def manifest_text(files: dict[str, bytes]) -> str:
    return "".join(f"{sha256(files[name])}  {name}\n" for name in sorted(files))


def read_manifest(folder: Path) -> dict[str, str]:
    """Relative name -> sha256 as last written; empty when there is no manifest."""
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    recorded = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        if digest and name:
            recorded[name.strip()] = digest.strip()
    return recorded


def differences(folder: Path, files: dict[str, bytes]) -> list[str]:
    """What in ``folder`` is not what the generator makes now (empty: they match)."""
    problems = []
    for name in sorted(files):
        path = folder / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif path.read_bytes() != files[name]:
            problems.append(f"{name}: differs from what the generator makes")
    manifest = folder / MANIFEST
    if not manifest.is_file():
        problems.append(f"{MANIFEST}: missing")
    elif manifest.read_text(encoding="utf-8") != manifest_text(files):
        problems.append(f"{MANIFEST}: does not list the generated files' sha256")
    return problems


@dataclass
class Written:
    """What :func:`write` did: files written, files left as they were, files refused."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def write(folder: Path, files: dict[str, bytes], *, force: bool = False) -> Written:
    """Write ``files`` into ``folder`` unless that would lose an edit.

    A file is replaced only when it is missing, already equal, or equal to what the
    manifest says the generator last wrote. Anything else (edited by hand, or never
    recorded) is refused, and then nothing at all is written, unless ``force``.
    """
    recorded = read_manifest(folder)
    result = Written()
    for name in sorted(files):
        path = folder / name
        if not path.is_file():
            continue
        current = path.read_bytes()
        if current == files[name]:
            result.unchanged.append(name)
        elif sha256(current) != recorded.get(name) and not force:
            result.refused.append(name)
    if result.refused:
        return result
    for name in sorted(files):
        if name in result.unchanged:
            continue
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name])
        result.written.append(name)
    (folder / MANIFEST).write_text(manifest_text(files), encoding="utf-8")
    return result
