"""What each Word template sees: typed contexts built from :class:`YearData`.

Templates read attributes (``{{ negotiation.when }}``); every value is already
a display string in the document's language, so templates need no logic
beyond loops and ``if``. ``common`` holds what every document shares,
``negotiation`` the invitation, agenda and minutes, ``phase1`` the pre-tasks and
pre-materials, ``phase4`` the press release and the year's summary.
"""
