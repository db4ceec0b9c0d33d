"""Settings: language, text size, auto-lock, passphrase, where the diary lives."""
