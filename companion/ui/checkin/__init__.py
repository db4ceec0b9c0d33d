"""The check-in form, the body map and the dialog that edits an entry."""
