"""``validate`` of a county's own templates (``Pohjakansio``, SPEC §2).

Every ``<Pohjakansio>/fi/*.docx`` and ``sv/*.docx`` is linted against the names
its document type has (:mod:`.template_names`); a file the build would not use
(an unknown name, a file outside ``fi/`` and ``sv/``) is a warning, never
silently passed over; a document type whose Finnish and Swedish templates read
different names is a warning too (one language would show what the other does not).
"""

from __future__ import annotations

import difflib
import functools
from pathlib import Path

from pipeline.contract.naming import is_lock_file
from pipeline.documents.template_names import CONTEXTS, RENAMED, names_of
from pipeline.errors import Problem, Problems
from pipeline.render.lint import lint_template
from pipeline.render.word import TEMPLATE_ROOT

LANGS = ("fi", "sv")


def check_templates(folder: Path, base: Path) -> list[Problem]:
    """Every problem of the templates in ``folder``; paths shown relative to ``base``."""
    problems = Problems()
    used: dict[tuple[str, str], set[str]] = {}
    failed: set[str] = set()
    for entry in sorted(folder.iterdir()):
        if entry.is_file() and entry.suffix.lower() == ".docx" and not is_lock_file(entry.name):
            problems.warning(
                _shown(entry, base),
                "pohja ei ole kansiossa fi tai sv, joten sitä ei käytetä. Siirrä se "
                "alikansioon fi (suomenkieliset) tai sv (ruotsinkieliset).",
            )
    for lang in LANGS:
        sub = folder / lang
        if not sub.is_dir():
            continue
        for path in sorted(sub.iterdir()):
            if path.name.startswith(".") or is_lock_file(path.name):
                continue
            where = _shown(path, base)
            doc_type = path.stem
            if path.is_dir() or path.suffix.lower() != ".docx" or doc_type not in CONTEXTS:
                close = difflib.get_close_matches(doc_type, list(CONTEXTS), n=1, cutoff=0.6)
                hint = f" Tarkoititko ”{close[0]}.docx”?" if close else ""
                problems.warning(
                    where,
                    "tiedosto ei ole minkään asiakirjan pohja, joten sitä ei käytetä.{hint} "
                    "Pohjien nimet: {names}.".format(
                        hint=hint, names=", ".join(f"{d}.docx" for d in CONTEXTS)
                    ),
                )
                continue
            lint = lint_template(path, where, names_of(doc_type), RENAMED)
            problems.extend(lint.problems)
            used[(lang, doc_type)] = lint.used
            if any(p.is_error for p in lint.problems):
                failed.add(doc_type)
    if not used:
        problems.warning(
            _shown(folder, base),
            "pohjakansiossa ei ole yhtään pohjaa (fi/kutsu.docx, sv/kutsu.docx …), joten "
            "käytetään ohjelman omia pohjia. Pohjat saa komennolla hytetu templates.",
        )
    for doc_type in CONTEXTS:
        if doc_type in failed or not any((lang, doc_type) in used for lang in LANGS):
            continue
        names = {
            lang: used.get((lang, doc_type)) or _default_names(lang, doc_type) for lang in LANGS
        }
        if names["fi"] != names["sv"]:
            fi_only = sorted(names["fi"] - names["sv"])
            sv_only = sorted(names["sv"] - names["fi"])
            detail = "; ".join(
                part
                for part in (
                    f"vain suomenkielisessä: {', '.join(fi_only)}" if fi_only else "",
                    f"vain ruotsinkielisessä: {', '.join(sv_only)}" if sv_only else "",
                )
                if part
            )
            own = [lang for lang in LANGS if (lang, doc_type) in used]
            problems.warning(
                _shown(folder / own[0] / f"{doc_type}.docx", base),
                f"suomen- ja ruotsinkielinen {doc_type}-pohja käyttävät eri nimiä ({detail}), "
                "joten asiakirjat näyttävät eri tiedot. Lisää sama tunniste kumpaankin pohjaan.",
            )
    return problems.items


@functools.cache
def _default_names(lang: str, doc_type: str) -> frozenset[str]:
    path = TEMPLATE_ROOT / lang / f"{doc_type}.docx"
    return frozenset(lint_template(path, str(path), names_of(doc_type), RENAMED).used)


def _shown(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)
