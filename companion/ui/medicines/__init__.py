"""Medicines screens: my medicines, reviews due, helpfulness and side effects, what I've tried, and as-needed
doses on Today. Records only: Companion gives no advice about medicines."""
