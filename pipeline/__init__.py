"""hytetu: the paperwork of the yearly hytetu negotiations, from one Excel workbook."""
