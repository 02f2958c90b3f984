"""The survey form's recognisable layout: what the build writes and a returned form is read by."""

from __future__ import annotations

#: the folder next to the workbook where returned forms are put
FOLDER = "kyselyvastaukset"
#: the hidden sheet a form is recognised by
MARKER_SHEET = "hytetu"
#: what the marker's first cell says, and the layout version after it
MARKER_KIND = "hytetu-ennakkokysely"
FORM_VERSION = "1"
#: the hidden sheet holding choice lists too long or too odd for a list formula
CHOICES_SHEET = "valinnat"
#: Excel's limit for a list written into the validation formula itself
INLINE_LIST_MAX = 255

#: rows of the form sheet
ROW_TITLE = 1
ROW_COUNTY = 2
ROW_INSTRUCTIONS = 3
ROW_DEADLINE = 4
ROW_RETURN = 5
ROW_MUNICIPALITY = 6
ROW_HEADER = 8
FIRST_QUESTION_ROW = ROW_HEADER + 1
#: columns of the form sheet: number, question, answer
COL_NUMBER, COL_QUESTION, COL_ANSWER = "A", "B", "C"

#: marker labels (column A of the marker sheet); values are in column B
M_YEAR, M_COUNTY, M_MUNICIPALITY, M_LANG, M_SHEET = (
    "vuosi",
    "hyvinvointialue",
    "kunta",
    "kieli",
    "lomake",
)
M_QUESTIONS = "kysymys"
