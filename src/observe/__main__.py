"""Allows ``python -m observe`` to behave exactly like the installed ``observe`` command."""

from observe.cli import main

raise SystemExit(main())
