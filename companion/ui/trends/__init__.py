"""The Trends page: pain, PEG, sleep, activity, action plans and patterns as charts, tables and words."""
