"""Pacing screens: activities, tolerance tests, plans, the timer and boom-and-bust."""
