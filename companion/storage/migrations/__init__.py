"""Alembic migrations of the diary schema, run on the in-memory image at every unlock."""
