"""Storage: the encrypted vault file, the in-memory SQLite image behind SQLAlchemy, and migrations."""
