"""First run: the Active Offer of language, a passphrase, and the recovery key shown once."""
