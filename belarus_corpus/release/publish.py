"""``publish(folder, repo_id, dry_run)``: upload a verified build to a Hugging Face dataset repository."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..codes import Code
from ..errors import CorpusError, Problem, UsageError
from .verify import verify

_REPO_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass
class PublishResult:
    repo_id: str
    version: str | None
    files: list[tuple[str, int]] = field(default_factory=list)
    dry_run: bool = True
    commit_url: str | None = None
    tag: str | None = None
    private: bool = True
    unknown_licences: list[str] = field(default_factory=list)  # doc ids whose licence is unknown


def publish(folder: Path, repo_id: str, dry_run: bool = False, token: str | None = None, public: bool = False,
            accept_unknown_licences: bool = False) -> PublishResult:
    """Verify the build, then upload it (``dry_run``: only list what would be uploaded).

    The repository is created private unless ``public``; a public upload is refused while any document's licence
    is unknown, unless ``accept_unknown_licences`` says the user holds the rights anyway.
    """
    if not _REPO_ID.match(repo_id):
        raise UsageError(Problem("--repo-id", None, Code.BAD_REPO_ID, f"{repo_id!r} is not OWNER/NAME",
                                 "give the dataset repository, e.g. my-org/belarus-corpus"))
    problems = verify(folder)
    if problems:
        refusal = Problem(str(folder), None, Code.PUBLISH_REFUSED, "the build does not verify; nothing was uploaded",
                          "rebuild with 'belarus-corpus build' and run 'belarus-corpus verify'")
        raise CorpusError([refusal, *problems])
    unknown = unknown_licences(folder)
    if public and unknown and not accept_unknown_licences:
        raise UsageError(Problem(str(folder), None, Code.PUBLIC_UNKNOWN_LICENCE,
                                 f"{len(unknown)} of the documents have no known licence ({', '.join(unknown[:3])}"
                                 f"{', ...' if len(unknown) > 3 else ''}); nothing was uploaded",
                                 "publish privately (leave out --public), record the licences, or pass "
                                 "--accept-unknown-licences if you hold the rights"))
    result = PublishResult(repo_id=repo_id, version=_version(folder), dry_run=dry_run, private=not public,
                           unknown_licences=unknown)
    result.files = [(path.relative_to(folder).as_posix(), path.stat().st_size)
                    for path in sorted(folder.rglob("*")) if path.is_file()]
    if dry_run:
        return result
    from huggingface_hub import HfApi

    api = HfApi(token=token)
    api.create_repo(repo_id, repo_type="dataset", private=not public, exist_ok=True)
    commit = api.upload_folder(repo_id=repo_id, folder_path=str(folder), repo_type="dataset",
                               commit_message=f"belarus-corpus dataset {result.version or ''}".strip())
    result.commit_url = str(getattr(commit, "commit_url", commit))
    if result.version:
        result.tag = f"v{result.version}"
        api.create_tag(repo_id, tag=result.tag, repo_type="dataset", exist_ok=True)
    return result


def _version(folder: Path) -> str | None:
    import json

    croissant = folder / "croissant.json"
    if croissant.is_file():
        version = json.loads(croissant.read_text(encoding="utf-8")).get("version")
        return str(version) if version else None
    return None


def unknown_licences(folder: Path) -> list[str]:
    """The doc ids of the build's documents config whose source licence is not known."""
    import pyarrow.parquet as pq

    unknown: list[str] = []
    for path in sorted((folder / "data" / "documents").glob("*.parquet")):
        table = pq.read_table(path, columns=["doc_id", "source"])
        for doc_id, source in zip(table.column("doc_id").to_pylist(), table.column("source").to_pylist(),
                                  strict=True):
            if not (source or {}).get("licence"):
                unknown.append(str(doc_id))
    return sorted(unknown)
