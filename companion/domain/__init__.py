"""Plain values and rules of the diary. Pure Python: no Qt, no database."""
