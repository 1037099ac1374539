"""The ``summarize`` command's entry point, also run by ``python -m summarize``.

Ctrl-C is caught from the first moment this runs: importing the command
(click, the pipeline) takes a noticeable fraction of a second, and an
interrupt then should end the run as one later does ("Interrupted.", exit
status 130), not with Python's traceback.  So this module imports nothing
but ``sys`` and the package's errors until ``run`` is called, and the
package's ``__init__`` loads nothing heavy either.
"""
import sys

from .errors import ExitStatus


def run() -> None:
    """Console-script entry point: ``summarize.cli.main``, with Ctrl-C
    during its import (or before it takes over) reported in one line."""
    try:
        from .cli import main

        main()
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted.\n")
        sys.exit(ExitStatus.INTERRUPTED)


if __name__ == "__main__":
    run()
