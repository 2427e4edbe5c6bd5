"""Where things live in a corpus root, the doc-id rules, and refusing paths that escape the root."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .codes import Code
from .errors import CorpusError, Problem, UsageError

DOC_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,99}$"
_DOC_ID_RE = re.compile(DOC_ID_PATTERN)
CROSS_DOCUMENT_STORE = "_cross_document.jsonl"


def is_safe_doc_id(candidate: str) -> bool:
    return bool(_DOC_ID_RE.match(candidate))


def slugify(stem: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60] or "doc"


def doc_id_for(file_name: str, sha256: str) -> str:
    """Keep a safe source stem; otherwise a slug plus the first 16 hex digits of the content hash."""
    stem = Path(file_name).stem
    if is_safe_doc_id(stem):
        return stem
    return f"{slugify(stem)}_{sha256[:16]}"


def check_doc_id(doc_id: str, where: str = "<argument>") -> str:
    if not is_safe_doc_id(doc_id):
        raise UsageError(
            Problem(
                file=where,
                line=None,
                code=Code.UNSAFE_DOC_ID,
                message=f"{doc_id!r} is not a valid document id",
                hint="use lowercase letters, digits, '-' and '_' only, starting with a letter or digit",
            )
        )
    return doc_id


@dataclass(frozen=True)
class Layout:
    """The paths of one corpus root."""

    root: Path

    @classmethod
    def at(cls, root: str | Path) -> Layout:
        return cls(Path(root).resolve())

    @property
    def raw_dir(self) -> Path:
        return self.root / "raw"

    @property
    def annotations_dir(self) -> Path:
        return self.root / "annotations"

    @property
    def schema_dir(self) -> Path:
        return self.root / "schema"

    @property
    def dist_dir(self) -> Path:
        return self.root / "dist"

    @property
    def cross_document_store(self) -> Path:
        return self.annotations_dir / CROSS_DOCUMENT_STORE

    def raw_text(self, doc_id: str) -> Path:
        """The raw file: ``raw/<doc_id>.txt``, or ``raw/<doc_id>.html`` for an ingested web page."""
        html = self.raw_html(doc_id)
        return html if html.is_file() else self.inside(self.raw_dir / f"{doc_id}.txt")

    def raw_html(self, doc_id: str) -> Path:
        return self.inside(self.raw_dir / f"{check_doc_id(doc_id)}.html")

    def provenance(self, doc_id: str) -> Path:
        return self.inside(self.raw_dir / f"{check_doc_id(doc_id)}.provenance.json")

    def store(self, doc_id: str) -> Path:
        return self.inside(self.annotations_dir / f"{check_doc_id(doc_id)}.jsonl")

    def doc_ids(self) -> list[str]:
        if not self.raw_dir.is_dir():
            return []
        return sorted(p.name[: -len(".provenance.json")] for p in self.raw_dir.glob("*.provenance.json"))

    def relative(self, path: Path) -> str:
        """The path as the user sees it under the root (a symbolic link is named, not followed)."""
        if path.is_absolute() and path.parts[: len(self.root.parts)] == self.root.parts:
            return Path(*path.parts[len(self.root.parts):]).as_posix()
        for candidate in (path.absolute(), path.resolve()):
            try:
                return candidate.relative_to(self.root).as_posix()
            except ValueError:
                continue
        return str(path)

    def refuse_source_output(self, out: Path) -> Path:
        """Refuse an output folder that is or lies inside the root's raw/, annotations/ or schema/ (an export there
        would overwrite the sources it was made from); the folder, resolved, otherwise."""
        resolved = out.resolve()
        sources = [d.resolve() for d in (self.raw_dir, self.annotations_dir, self.schema_dir)]
        if any(resolved == source or source in resolved.parents for source in sources):
            raise UsageError(Problem(str(out), None, Code.UNSAFE_OUTPUT,
                                     "the output folder would overwrite the corpus's raw/, annotations/ or schema/",
                                     "choose a folder outside them, e.g. exports/<format>"))
        return resolved

    @functools.cached_property
    def _safe_dirs(self) -> frozenset[Path]:
        """raw/ and annotations/ when they are real folders inside the root (checked once)."""
        return frozenset(d for d in (self.raw_dir, self.annotations_dir)
                         if d.is_dir() and not d.is_symlink() and self.root in d.resolve().parents)

    def inside(self, path: Path) -> Path:
        """Refuse a path that resolves outside the root (symlinks included)."""
        if path.parent in self._safe_dirs and not path.is_symlink():
            return path
        resolved = path.resolve()
        if resolved != self.root and self.root not in resolved.parents:
            raise CorpusError(
                Problem(
                    file=str(path),
                    line=None,
                    code=Code.PATH_ESCAPES_ROOT,
                    message=f"{path} resolves to {resolved}, outside the corpus root {self.root}",
                    hint="use a path inside the repository",
                )
            )
        return path


def is_corpus_root(folder: Path) -> bool:
    """The corpus marker: ``schema/taxonomy.json`` (every corpus that names its labels), or, for a corpus that
    uses the package's taxonomy, a ``raw/`` folder holding at least one provenance record."""
    if (folder / "schema" / "taxonomy.json").is_file():
        return True
    raw = folder / "raw"
    return raw.is_dir() and any(raw.glob("*.provenance.json"))


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that is a corpus root, the way git finds its top; None outside."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if is_corpus_root(folder):
            return folder
    return None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    """SHA-256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
