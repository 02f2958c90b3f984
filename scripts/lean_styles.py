"""Lean Word packages: only the styles and lists a document uses.

python-docx starts every document from its default template, whose
``word/styles.xml`` holds 171 styles (351 KB) and which also carries a 438 KB
``word/stylesWithEffects.xml``. LibreOffice parses all of it for every
document it opens: the performance review (``reviews/performance.md`` §4d)
measured 67 → 41 ms load time per document once the style sheet held only the
styles in use, with pixel-identical pages.

:func:`make_lean` keeps

* every style a part of the package refers to (``w:pStyle``, ``w:rStyle``,
  ``w:tblStyle``, also from the lists a kept style or paragraph uses), with the
  styles those depend on (``w:basedOn``, ``w:next``, ``w:link``);
* the default style of each kind (``w:default="1"``: Normal, Default Paragraph
  Font, Normal Table, No List) and ``w:docDefaults``;
* the list definitions (``w:num``/``w:abstractNum``) something kept uses;

and drops the latent-style table (it only describes Word's built-in styles
that the file does *not* define; Word and LibreOffice fall back to their own
defaults for those) and ``stylesWithEffects.xml`` (a Word 2010 copy of the
style sheet that no reader needs).
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

#: Word 2010's copy of the style sheet (python-docx names no constant for it)
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"

#: references from content (and from list levels) to a style id
_STYLE_REFS = ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink", "w:styleLink")
#: references from one style to another
_STYLE_CHAIN = ("w:basedOn", "w:next", "w:link")


def _val(el: Any) -> str:
    return str(el.get(qn("w:val")) or "")


def _refs(root: Any, tags: tuple[str, ...]) -> set[str]:
    return {_val(el) for tag in tags for el in root.iter(qn(tag))} - {""}


def _num_ids(root: Any) -> set[str]:
    return {_val(el) for el in root.iter(qn("w:numId"))} - {"", "0"}


def make_lean(doc: DocumentObject) -> None:
    """Cut ``doc``'s style sheet and list definitions down to what it uses (in place)."""
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            del doc.part.rels[rid]

    styles_root = doc.styles.element
    numbering_root = doc.part.numbering_part.element
    content = [
        part._element
        for part in doc.part.package.iter_parts()
        if hasattr(part, "_element") and part._element not in (styles_root, numbering_root)
    ]
    by_id = {s.get(qn("w:styleId")): s for s in styles_root.iter(qn("w:style"))}
    nums = {n.get(qn("w:numId")): n for n in numbering_root.iter(qn("w:num"))}
    abstracts = {a.get(qn("w:abstractNumId")): a for a in numbering_root.iter(qn("w:abstractNum"))}

    keep_styles = {sid for sid, s in by_id.items() if s.get(qn("w:default")) in ("1", "true")}
    keep_nums: set[str] = set()
    for root in content:
        keep_styles |= _refs(root, _STYLE_REFS)
        keep_nums |= _num_ids(root)
    while True:  # the closure over style chains and the lists styles use (and back)
        before = (len(keep_styles), len(keep_nums))
        for sid in list(keep_styles):
            if sid in by_id:
                keep_styles |= _refs(by_id[sid], _STYLE_CHAIN) | _refs(by_id[sid], _STYLE_REFS)
                keep_nums |= _num_ids(by_id[sid])
        for nid in list(keep_nums):
            num = nums.get(nid)
            abstract_id = num.find(qn("w:abstractNumId")) if num is not None else None
            if abstract_id is not None and _val(abstract_id) in abstracts:
                keep_styles |= _refs(abstracts[_val(abstract_id)], _STYLE_REFS)
        if (len(keep_styles), len(keep_nums)) == before:
            break

    for sid, style in by_id.items():
        if sid not in keep_styles:
            styles_root.remove(style)
    for latent in styles_root.findall(qn("w:latentStyles")):
        styles_root.remove(latent)

    keep_abstracts = set()
    for nid, num in nums.items():
        if nid in keep_nums:
            keep_abstracts.add(_val(num.find(qn("w:abstractNumId"))))
        else:
            numbering_root.remove(num)
    for aid, abstract in abstracts.items():
        if aid not in keep_abstracts:
            numbering_root.remove(abstract)
