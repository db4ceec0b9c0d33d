"""Qt-free presentation: the state and the rows that screens show, so the screens stay thin."""
