"""Build the Word templates (fi and sv) that ``templates_docx/`` ships.

The committed ``templates_docx/<lang>/*.docx`` are the source the build,
coordinators and developers use. This script reproduces them, and it never
writes silently::

    python scripts/make_templates.py --check [DIR]   # exit 1 unless DIR holds exactly
                                                     # what this script generates
    python scripts/make_templates.py --write [DIR]   # (re)generate into DIR
    python scripts/make_templates.py --write --force [DIR]

``DIR`` defaults to ``templates_docx/``. ``--write`` records the SHA-256 of
every file it writes in ``DIR/MANIFEST.sha256``. It replaces a template only
when the file is missing, already identical, or still exactly what the
generator last wrote (its hash is in the manifest). A template someone edited
(in Word, say) has another hash: ``--write`` then refuses, names the files,
writes nothing and exits 1. ``--force`` overwrites them anyway; commit or copy
the edits first. Without ``--check`` or ``--write`` the script only prints
this help. A test runs ``--check`` against the committed templates.

The files are docxtpl (Jinja-in-Word) templates; the names they use are those
of the contexts in :mod:`pipeline.documents.contexts`. One layout code path
serves both languages: the words are in :data:`TEXTS`.

The packages are lean (:mod:`lean_styles`): only the styles and lists a
template uses, no ``stylesWithEffects.xml``, no latent-style table.

The output is deterministic: fixed core-property dates, no random ids and fixed
ZIP member timestamps, so rerunning gives byte-identical files.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import template_store
from lean_styles import make_lean
from template_docs import BUILDERS
from template_texts import TEXTS
from template_writer import Writer
from template_xml import APP_XML, TARGET, ZIP_DATE, new_document


def _deterministic_zip(blob: bytes) -> bytes:
    """The same package with fixed member timestamps, so reruns are byte-identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            data = APP_XML if info.filename == "docProps/app.xml" else src.read(info.filename)
            dst.writestr(fixed, data)
    return out.getvalue()


def build(lang: str, doc_type: str) -> bytes:
    doc = new_document(lang, doc_type)
    BUILDERS[doc_type](Writer(doc, lang))
    make_lean(doc)
    raw = io.BytesIO()
    doc.save(raw)
    return _deterministic_zip(raw.getvalue())


def generate() -> dict[str, bytes]:
    """Every template, by its path under the templates folder (``fi/kutsu.docx``)."""
    return {
        f"{lang}/{doc_type}.docx": build(lang, doc_type) for lang in TEXTS for doc_type in BUILDERS
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="make_templates.py",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        epilog="See the module docstring for the manifest rule.",
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--check", action="store_true", help="compare, write nothing")
    action.add_argument("--write", action="store_true", help="write unedited templates")
    parser.add_argument("--force", action="store_true", help="with --write: overwrite edits too")
    parser.add_argument("target", nargs="?", type=Path, default=TARGET)
    args = parser.parse_args(argv[1:])
    if args.force and not args.write:
        parser.error("--force only goes with --write")
    if not (args.check or args.write):
        parser.print_help()
        return 2
    files = generate()
    if args.check:
        problems = template_store.differences(args.target, files)
        for problem in problems:
            print(f"{args.target / problem}", file=sys.stderr)
        if not problems:
            print(f"{args.target}: {len(files)} templates match the generator")
        return 1 if problems else 0
    result = template_store.write(args.target, files, force=args.force)
    if result.refused:
        print(
            "Refusing to overwrite templates that differ from what the generator last wrote "
            f"({template_store.MANIFEST}); someone may have edited them. Nothing was written. "
            "Keep the edits (commit or copy them), then rerun with --force to replace them:",
            file=sys.stderr,
        )
        for name in result.refused:
            print(f"  {args.target / name}", file=sys.stderr)
        return 1
    for name in result.written:
        print(args.target / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
