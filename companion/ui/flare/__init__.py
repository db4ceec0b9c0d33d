"""The flare-up plan editor: written on a good day, opened in one step on a bad one."""
