"""The tracker printed by LibreOffice: the overview and its chart on one page, the tracker
sheet one page wide with its header on every page."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from pipeline.app import load
from pipeline.contract.tracker import OVERVIEW_SHEET, SHEET
from pipeline.documents.tracker.layout import CHART_TITLE, tracker_file, write_tracker
from pipeline.documents.tracker.rows import rows_from_register
from pipeline.output.office import convert
from tests.helpers.builds import EXAMPLE
from tests.helpers.office import soffice_or_skip


def only_sheet(content: bytes, title: str) -> bytes:
    """The workbook with every other sheet hidden, so that a PDF holds that sheet alone.

    The workbook part is edited as XML rather than through openpyxl, which would drop
    the overview's chart on the way.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/workbook.xml":
                xml = data.decode()
                names = re.findall(r'<sheet [^>]*name="([^"]+)"', xml)

                def hide(element: re.Match[str]) -> str:
                    tag = element.group(0)
                    if f'name="{title}"' in tag or "Hidden" in tag:
                        return tag
                    if 'state="visible"' in tag:
                        return tag.replace('state="visible"', 'state="hidden"')
                    return tag.replace("<sheet ", '<sheet state="hidden" ', 1)

                xml = re.sub(r"<sheet [^>]*>", hide, xml)
                xml = re.sub(r'activeTab="\d+"', "", xml)
                xml = xml.replace(
                    "<workbookView", f'<workbookView activeTab="{names.index(title)}"'
                )
                data = xml.encode()
            target.writestr(info, data)
    return out.getvalue()


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


@pytest.mark.libreoffice
def test_the_overview_prints_on_one_page_and_the_tracker_one_page_wide(tmp_path):
    soffice_or_skip()
    data, _ = load(EXAMPLE)
    rows = rows_from_register(data)
    rows[0].values["Tilannekuvaus"] = "Pitkä tilannekuvaus, joka rivittyy monelle riville. " * 6
    content = tracker_file(write_tracker(data, rows))
    whole = tmp_path / "seurantataulukko.xlsx"
    whole.write_bytes(content)
    overview = tmp_path / "yhteenveto.xlsx"
    overview.write_bytes(only_sheet(content, OVERVIEW_SHEET))
    tracker = tmp_path / "seuranta.xlsx"
    tracker.write_bytes(only_sheet(content, SHEET))
    done, log = convert([whole, overview, tracker], "pdf", tmp_path / "pdf")
    assert set(done) == {whole, overview, tracker}, log

    pages = _pages(done[overview])
    assert len(pages) == 1, [p[:200] for p in pages]
    # the last heading wraps in its cell: "Määräaika" over "ylittynyt"
    assert all(word in pages[0] for word in ("Yhteensä", "Määräaika", "ylittynyt"))
    assert all(m.name in pages[0] for m in data.municipalities)
    # the chart is drawn on that page too: its title is text in the PDF
    assert CHART_TITLE in pages[0]

    pages = _pages(done[tracker])
    assert pages, log
    for page in pages:  # one page wide, the header row repeated on every page
        assert "Tunnus" in page and "Rekisterissä" in page, page[:300]
    assert "Pitkä tilannekuvaus" in pages[0]
    # the whole workbook converts, both sheets in it
    assert len(_pages(done[whole])) == len(pages) + 1
