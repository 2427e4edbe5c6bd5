"""C2PA text credentials in a page: read before normalization removes them, recorded as evidence."""

from __future__ import annotations

import json
import shutil
import struct
from pathlib import Path
from typing import Any

from belarus_corpus import Corpus
from belarus_corpus.ingest.html_c2pa import find_credentials

REPO = Path(__file__).resolve().parents[2]


def cbor(value: Any) -> bytes:
    """Enough CBOR for the test manifest (maps, text strings), written from RFC 8949 by hand."""
    def head(major: int, n: int) -> bytes:
        return bytes([major << 5 | n]) if n < 24 else bytes([major << 5 | 25]) + struct.pack(">H", n)

    if isinstance(value, str):
        raw = value.encode()
        return head(3, len(raw)) + raw
    assert isinstance(value, dict)
    return head(5, len(value)) + b"".join(cbor(k) + cbor(v) for k, v in value.items())


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def superbox(label: str, *content: bytes) -> bytes:
    description = box(b"jumd", bytes(16) + b"\x03" + label.encode() + b"\x00")
    return box(b"jumb", description + b"".join(content))


def wrapper(store: bytes) -> str:
    data = b"C2PATXT\x00" + b"\x01" + struct.pack(">I", len(store)) + store
    return "\ufeff" + "".join(chr(0xFE00 + b) if b < 16 else chr(0xE0100 + b - 16) for b in data)


STORE = superbox("c2pa", superbox(
    "urn:c2pa:0001",
    superbox("c2pa.assertions",
             superbox("c2pa.training-mining", box(b"cbor", cbor({"entries": {
                 "c2pa.ai_generative_training": {"use": "notAllowed"}, "c2pa.data_mining": {"use": "allowed"}}})))),
    superbox("c2pa.claim.v2", box(b"cbor", cbor({"claim_generator_info": {"name": "NewsWriter", "version": "3.1"}}))),
))
TEXT = ("<p>The regional council decided on Friday to build a new school in the northern district, where the number "
        "of children has doubled over the last ten years.</p><p>Construction will begin in the spring and the school "
        "should open its doors to the first pupils in September of the following year, the council said.")


def test_credentials_are_read_from_the_text() -> None:
    (found,) = find_credentials("Some text." + wrapper(STORE))
    assert found["position"] == len("Some text.")
    assert found["claim_generator"] == "NewsWriter 3.1"
    assert found["training_mining"] == {"c2pa.ai_generative_training": "notAllowed", "c2pa.data_mining": "allowed"}
    assert "c2pa.training-mining" in found["labels"] and found["verified"] is False and found["problem"] is None


def test_a_page_with_credentials_records_them_and_its_text_is_clean(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copytree(REPO / "schema", root / "schema")
    page = tmp_path / "signed.html"
    page.write_text(f"<html><body><article>{TEXT}{wrapper(STORE)}</p></article></body></html>", encoding="utf-8")
    corpus = Corpus(root)
    (done,) = corpus.ingest([page])
    record = json.loads(done.provenance_path.read_text(encoding="utf-8"))
    (credential,) = record["html"]["c2pa"]
    assert credential["claim_generator"] == "NewsWriter 3.1"
    assert record["normalization"]["changes"]["c2pa-text@1"] == 1
    text = corpus.document(done.doc_id).text
    assert text.endswith("the council said.") and "\ufeff" not in text
    assert not any(0xFE00 <= ord(c) <= 0xFE0F or ord(c) >= 0xE0100 for c in text)
    assert corpus.validate().problems == []
