"""The lock screen and restoring from a backup."""
