"""Bringing entries in from other trackers (the import wizard, its past imports with Undo) and the FHIR export."""
