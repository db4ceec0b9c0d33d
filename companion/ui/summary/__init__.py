"""The consultation summary screen."""
