"""Today: the home screen and its quick pain check-in."""
