"""Use cases. Each takes a unit of work and returns frozen values plus what changed."""
