"""Reliability: crashes (kill -9), no plaintext on disk, no network, lazy imports."""
