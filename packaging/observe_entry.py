"""The frozen app's entry point: exactly the installed ``observe`` command."""

from observe.cli import main

raise SystemExit(main())
