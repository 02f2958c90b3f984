"""The ``hytetu`` command: a thin layer over :mod:`pipeline.app`.

* :mod:`.commands`: the click group and its commands (``pipeline.cli:main``);
* :mod:`.report`: problem lines and the build summary;
* :mod:`.progress`: the progress line while a build runs;
* :mod:`.finnish`: click's own words in Finnish.
"""

from pipeline.cli.commands import DEFAULT_WORKBOOK, main

__all__ = ["DEFAULT_WORKBOOK", "main"]
