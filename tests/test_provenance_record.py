"""The provenance record's declared type: every record ingest writes parses as one; a record whose blocks have
the wrong JSON types is refused where it is read, naming the file and the field, by every command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from belarus_corpus.cli import main
from belarus_corpus.codes import Code
from belarus_corpus.errors import CorpusError
from belarus_corpus.provenance_record import as_provenance, shape_problems
from helpers import MakeCorpus

ARTICLE = ("Minsk and Washington agreed on Tuesday to reopen the embassy in the capital after a pause of several "
           "years, officials on both sides said in short statements to reporters.\n\nThe talks would go on next "
           "month, a diplomat said, with trade, flights and the release of prisoners on the agenda of the two "
           "delegations meeting in Vilnius.\n")

# (field path, value put there) → the path the problem names
BROKEN = [
    ("source", 5, "$.source"),
    ("unknown", [], "$.unknown"),
    ("assessments", "likely", "$.assessments"),
    ("normalization", None, "$.normalization"),
    ("language", {"document": [1], "paragraphs": []}, "$.language.document"),
    ("language", {"document": {}, "paragraphs": [3]}, "$.language.paragraphs"),
    ("doc_id", 7, "$.doc_id"),
]


def test_every_record_ingest_writes_has_the_declared_shape(make_corpus: MakeCorpus) -> None:
    corpus = make_corpus({"article.txt": ARTICLE, "page.html": f"<html><body><p>{ARTICLE}</p></body></html>"})
    for path in sorted(corpus.layout.raw_dir.glob("*.provenance.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        assert shape_problems(record, path.name) == []
        assert as_provenance(record, path.name)["language"]["document"]["code"] == "en"


@pytest.mark.parametrize(("field", "value", "where"), BROKEN)
def test_a_block_of_the_wrong_type_is_refused_with_file_and_field(field: str, value: object, where: str) -> None:
    record = {"doc_id": "d", "original_file_name": "d.txt", "ingested_at": "x", "encoding": "utf-8",
              "source": {}, "unknown": {}, "assessments": {}, "normalization": {"changes": {}},
              "language": {"document": {}, "paragraphs": []}}
    record[field] = value
    with pytest.raises(CorpusError) as caught:
        as_provenance(record, "raw/d.provenance.json")
    problem = caught.value.problems[0]
    assert (problem.code, problem.file, problem.path) == (Code.PROVENANCE_INVALID, "raw/d.provenance.json", where)


@pytest.mark.parametrize("args", [["annotate", "show", "{doc}"], ["annotate", "find", "embassy"], ["validate"]])
def test_commands_that_read_one_document_report_the_field_not_a_traceback(make_corpus: MakeCorpus, args: list[str],
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = make_corpus({"article.txt": ARTICLE})
    doc_id = corpus.layout.doc_ids()[0]
    path: Path = corpus.layout.provenance(doc_id)
    record = json.loads(path.read_text(encoding="utf-8"))
    record["language"]["paragraphs"] = [1, 2]
    path.write_text(json.dumps(record), encoding="utf-8")
    monkeypatch.chdir(corpus.root)
    result = CliRunner().invoke(main, [a.format(doc=doc_id) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 1, result.output
    assert "provenance-invalid" in result.output and "language.paragraphs" in result.output
