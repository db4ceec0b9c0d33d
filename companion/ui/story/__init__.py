"""My story (issue 21): the timeline, appointments before and after, decisions made together, medicine
review plans, and the parts Today shows (a follow-up notice, the current review step)."""
