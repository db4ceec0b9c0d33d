"""Lets `python -m companion` start the app."""

from companion.app import main

raise SystemExit(main())
