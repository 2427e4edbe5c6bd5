"""C2PA text credentials (C2PA 2.x, unstructured text): a ``C2PATextManifestWrapper`` is U+FEFF followed by one
variation selector per byte of ``"C2PATXT\\0"``, a version byte, a big-endian 4-byte length and the JUMBF manifest
store. They are read here from the extracted text before normalization removes them; what the manifest says (claim
generator, assertion labels, training and mining permissions) is kept as evidence. The signature is not verified.
"""

from __future__ import annotations

import hashlib
import re
import struct
from typing import Any, TypedDict

MAGIC = b"C2PATXT\x00"
_WRAPPER = re.compile("\ufeff?([\ufe00-\ufe0f\U000e0100-\U000e01ef]{13,})")
_TRAINING_LABELS = ("c2pa.training-mining", "cawg.training-mining")


class Credential(TypedDict):
    position: int  # code point where the wrapper starts (in the raw page, for a web page)
    version: int
    manifest_bytes: int
    manifest_sha256: str
    labels: list[str]
    claim_generator: str | None
    training_mining: dict[str, str]
    verified: bool
    problem: str | None


def _selector_byte(char: str) -> int:
    code = ord(char)
    return code - 0xFE00 if code <= 0xFE0F else code - 0xE0100 + 16


def find_credentials(text: str) -> list[Credential]:
    found = []
    for match in _WRAPPER.finditer(text):
        data = bytes(_selector_byte(c) for c in match.group(1))
        if not data.startswith(MAGIC):
            continue
        version = data[8]
        (length,) = struct.unpack(">I", data[9:13])
        manifest = data[13:13 + length]
        credential: Credential = {
            "position": match.start(), "version": version, "manifest_bytes": len(manifest),
            "manifest_sha256": hashlib.sha256(manifest).hexdigest(), "labels": [], "claim_generator": None,
            "training_mining": {}, "verified": False,
            "problem": None if len(manifest) == length else f"declares {length} bytes, holds {len(manifest)}"}
        try:
            _read_store(manifest, credential)
        except (ValueError, IndexError, struct.error, RecursionError) as exc:
            credential["problem"] = f"the manifest store cannot be read: {exc}"
        found.append(credential)
    return found


def _boxes(data: bytes) -> list[tuple[bytes, bytes]]:
    boxes, at = [], 0
    while at + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[at:at + 8])
        if size < 8 or at + size > len(data):
            raise ValueError(f"bad JUMBF box size {size} at byte {at}")
        boxes.append((kind, data[at + 8:at + size]))
        at += size
    return boxes


def _read_store(data: bytes, credential: Credential, depth: int = 0) -> None:
    if depth > 16:
        raise ValueError("boxes nested too deeply")
    for kind, payload in _boxes(data):
        if kind != b"jumb":
            continue
        inner = _boxes(payload)
        label = ""
        for sub_kind, sub in inner:
            if sub_kind == b"jumd" and len(sub) > 17:
                label = sub[17:].split(b"\x00", 1)[0].decode("utf-8", "replace")
                credential["labels"].append(label)
            elif sub_kind == b"cbor":
                _read_content(label, decode_cbor(sub), credential)
        _read_store(payload, credential, depth + 1)


def _read_content(label: str, content: Any, credential: Credential) -> None:
    if not isinstance(content, dict):
        return
    if label.startswith("c2pa.claim"):
        generator = content.get("claim_generator")
        info = content.get("claim_generator_info")
        if isinstance(info, dict):
            info = [info]
        if not isinstance(generator, str) and isinstance(info, list) and info and isinstance(info[0], dict):
            generator = " ".join(str(info[0].get(k)) for k in ("name", "version") if info[0].get(k))
        credential["claim_generator"] = generator if isinstance(generator, str) else None
    if label.startswith(_TRAINING_LABELS):
        entries = content.get("entries", content)
        if isinstance(entries, dict):
            for key, entry in entries.items():
                use = entry.get("use") if isinstance(entry, dict) else entry
                credential["training_mining"][str(key)] = str(use)


def decode_cbor(data: bytes) -> Any:
    value, _ = _cbor(data, 0, 0)
    return value


def _cbor(data: bytes, at: int, depth: int) -> tuple[Any, int]:
    if depth > 32:
        raise ValueError("CBOR nested too deeply")
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        argument = info
    elif info <= 27:
        width = 1 << (info - 24)
        argument = int.from_bytes(data[at:at + width], "big")
        at += width
    else:
        raise ValueError(f"unsupported CBOR length {info}")
    if major in (0, 1):
        return (argument if major == 0 else -1 - argument), at
    if major in (2, 3):
        chunk = data[at:at + argument]
        return (chunk if major == 2 else chunk.decode("utf-8", "replace")), at + argument
    if major == 4:
        items = []
        for _ in range(argument):
            item, at = _cbor(data, at, depth + 1)
            items.append(item)
        return items, at
    if major == 5:
        mapping = {}
        for _ in range(argument):
            key, at = _cbor(data, at, depth + 1)
            mapping[key if isinstance(key, str | int) else repr(key)], at = _cbor(data, at, depth + 1)
        return mapping, at
    if major == 6:
        return _cbor(data, at, depth + 1)
    return {20: False, 21: True, 22: None}.get(argument), at
