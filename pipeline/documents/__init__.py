"""Stage 4: the validated year (``YearData``) becomes the build's files, in memory.

``plan`` runs the producers in phase order and wires their results; ``inputs`` is
what they are given (``BuildInputs``) and give back (``Made``). The producers:
``word`` (every Word document), ``survey_forms``, ``tracker/produce`` and
``distribution/sheets``. What the Word templates see is in ``contexts/``; the
summary's counts and chart in ``summary_stats`` and ``chart``; fixed words in ``vocab``.
"""
