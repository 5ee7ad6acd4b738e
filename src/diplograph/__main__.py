"""``python -m diplograph``: the same as the ``diplograph`` command."""

from diplograph.cli import main

main()
