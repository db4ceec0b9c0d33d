"""The vault body's encodings (raw, zlib, zstd): encode the SQLite image, decode it and refuse trailing bytes.

Companion writes zstd level 1 (docs/performance.md has the measurements that chose it); zlib files from
format version 1 still open. zstd comes from the standard library's `compression.zstd` (Python 3.14) or,
before that, the `backports.zstd` package, which has the same API.
"""

from __future__ import annotations

import zlib
from types import ModuleType

from companion.domain.errors import DamagedVaultError

ENCODING_RAW = 0
ENCODING_ZLIB = 1
ENCODING_ZSTD = 2
ZSTD_LEVEL = 1
ENCODINGS_BY_VERSION = {1: (ENCODING_RAW, ENCODING_ZLIB), 2: (ENCODING_RAW, ENCODING_ZLIB, ENCODING_ZSTD)}


def zstd_module() -> ModuleType:
    """`compression.zstd` where the standard library has it (3.14+), else `backports.zstd`."""
    try:
        from compression import zstd  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        from backports import zstd  # type: ignore[import-not-found,unused-ignore,no-redef]
    return zstd  # type: ignore[no-any-return,unused-ignore]


def encode(image: bytes, encoding: int) -> bytes:
    if encoding == ENCODING_ZSTD:
        return bytes(zstd_module().compress(image, level=ZSTD_LEVEL))
    if encoding == ENCODING_ZLIB:
        return zlib.compress(image, 6)
    if encoding == ENCODING_RAW:
        return bytes(image)
    raise ValueError(f"unknown body encoding {encoding}")


def decode(plaintext: bytes, encoding: int) -> bytes:
    """The image; DamagedVaultError when the stream is broken, incomplete or followed by other bytes."""
    if encoding == ENCODING_RAW:
        return plaintext
    if encoding == ENCODING_ZLIB:
        inflater = zlib.decompressobj()
        try:
            image = inflater.decompress(plaintext) + inflater.flush()
        except zlib.error:
            raise DamagedVaultError() from None
        if not inflater.eof or inflater.unused_data:
            raise DamagedVaultError()
        return image
    if encoding == ENCODING_ZSTD:
        zstd = zstd_module()
        decompressor = zstd.ZstdDecompressor()
        try:
            image = decompressor.decompress(plaintext)
        except zstd.ZstdError:
            raise DamagedVaultError() from None
        if not decompressor.eof or decompressor.unused_data:
            raise DamagedVaultError()
        return bytes(image)
    raise DamagedVaultError()
