"""Curating relations: an annotator's relation joins the gold when both its ends became gold records.

Relations are grouped by (type, gold head, gold tail). A group made by enough annotators (the strategy) is
agreed; one made by too few is incomplete until a decision keeps it (``choose`` one of its relation ids) or drops
it (``dispute`` = the group's ``q_…`` id, ``choose`` null); a decision may drop an agreed group too. A relation
whose head or tail did not become gold is left out (counted as ``unlinked``). ``add_relation`` decisions relate
the gold records made from two named source records (or two gold ids)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..codes import Code
from ..errors import CorpusError, Problem
from ..gold import CURATED
from ..model import Relation, Span, relation_id
from .decisions import Decision
from .queues import COUNTED, Curation, RelationGroup
from .strategies import Strategy

if TYPE_CHECKING:
    from ..reader import CorpusReader


def _annotator_relations(corpus: CorpusReader, result: Curation) -> list[Relation]:
    relations = [r for doc_id in result.gold for r in corpus.annotations(doc_id).relations]
    relations += [r for r in corpus.cross_document().relations if {r.head_doc, r.tail_doc} <= set(result.gold)]
    return [r for r in relations if r.annotator in result.annotators and r.status in COUNTED]


def _groups(result: Curation, relations: list[Relation]) -> tuple[list[RelationGroup], int]:
    groups: dict[tuple[str, str, str], RelationGroup] = {}
    unlinked = 0
    for relation in sorted(relations, key=lambda r: (r.annotator, r.id)):
        head, tail = result.gold_of.get(relation.head), result.gold_of.get(relation.tail)
        if head is None or tail is None or head.id == tail.id:
            unlinked += 1
            continue
        key = (relation.type, head.id, tail.id)
        groups.setdefault(key, RelationGroup(relation.type, head, tail, [])).relations.append(relation)
    return sorted(groups.values(), key=lambda g: (g.type, g.head.id, g.tail.id)), unlinked


def _made(group: RelationGroup, curation: str, version: str, note: str | None) -> Relation:
    first = group.relations[0]
    return Relation(id=relation_id(group.type, group.head.id, group.tail.id), type=group.type, head=group.head.id,
                    tail=group.tail.id, head_doc=group.head.doc_id, tail_doc=group.tail.doc_id, annotator=CURATED,
                    method="curate:" + curation.partition(" ")[0], status="gold", created=first.created,
                    guidelines_version=version, attributes=dict(first.attributes), note=note,
                    sources=sorted(f"{r.annotator}:{r.id}" for r in group.relations), curation=curation)


def curate_relations(corpus: CorpusReader, result: Curation, strategy: Strategy, decisions: list[Decision],
                     file: str) -> None:
    version = corpus.taxonomy.guidelines_version
    groups, unlinked = _groups(result, _annotator_relations(corpus, result))
    queues = {"agreed": 0, "incomplete": 0, "decided": 0, "unlinked": unlinked, "added": 0}
    used: set[int] = set()
    for group in groups:
        ids = {r.id for r in group.relations}
        mine = [d for d in decisions if d.add_relation is None and d.add is None
                and (d.choose in ids or (d.choose is None and d.dispute == group.id))]
        used.update(d.line for d in mine)
        if mine:
            queues["decided"] += 1
            kept = [d for d in mine if d.choose is not None]
            if kept:
                result.relations.append(_made(group, f"decision by {kept[0].by or 'unknown'}: {kept[0].reason}",
                                              version, group.relations[0].note))
        elif strategy.enough(len({r.annotator for r in group.relations}), len(result.annotators)):
            queues["agreed"] += 1
            result.relations.append(_made(group, strategy.label, version, group.relations[0].note))
        else:
            queues["incomplete"] += 1
            result.open_relations.append(group)
    for decision in decisions:
        if decision.add_relation is not None:
            result.relations.append(_added(corpus, result, decision, file))
            queues["added"] += 1
            used.add(decision.line)
    _check(decisions, used, file)
    result.relation_queues = queues


def _gold_end(result: Curation, name: str) -> Span | None:
    if name in result.gold_of:
        return result.gold_of[name]
    return next((s for spans in result.gold.values() for s in spans if s.id == name), None)


def _added(corpus: CorpusReader, result: Curation, decision: Decision, file: str) -> Relation:
    from ..annotate.records import make_relation
    from ..errors import UsageError

    add = decision.add_relation or {}
    head, tail = _gold_end(result, str(add["head"])), _gold_end(result, str(add["tail"]))
    if head is None or tail is None:
        raise CorpusError(Problem(file, decision.line, Code.UNKNOWN_CURATION_RECORD,
                                  f"add_relation names {add['head'] if head is None else add['tail']}, which did not "
                                  "become a gold record", "name a source record of a gold span, or a gold id"))
    try:
        made = make_relation(corpus.taxonomy, str(add["type"]), head, tail, annotator=CURATED, method="curate:added",
                             note=add.get("note"))
    except UsageError as error:
        raise CorpusError([Problem(file, decision.line, p.code, p.message, p.hint) for p in error.problems]) from None
    return made.with_changes(sources=[], curation=f"added by {decision.by or 'unknown'}: {decision.reason}",
                             created=str(add.get("created") or made.created))


def _check(decisions: list[Decision], used: set[int], file: str) -> None:
    problems = [Problem(file, d.line, Code.UNKNOWN_CURATION_RECORD, f"decision refers to {d.choose or d.dispute}, "
                        "which is no relation group of these annotators whose ends became gold",
                        "fix or remove the line")
                for d in decisions if d.line not in used and d.add is None and d.add_relation is None
                and ((d.choose or "").startswith("r_") or (d.choose is None and d.dispute.startswith("q_")))]
    if problems:
        raise CorpusError(problems)
