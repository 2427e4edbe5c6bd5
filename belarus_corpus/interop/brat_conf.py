"""brat's configuration generated from the taxonomy: the label scheme, ``annotation.conf`` and ``visual.conf``.

brat stores a type as ``[A-Za-z0-9_-]+`` and splits relation arguments at ``:``, so a span's label is
``<layer>_<type>`` (``claim_quantity``, ``hedge_epistemic-modal``); layers are abstract parents (``!claim``) of
their types. Relation types keep their names. Attributes with an enum become brat attributes (``A`` lines);
free-text attributes cannot be brat attributes (values may not contain spaces) and travel in the notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..codes import Code
from ..errors import CorpusError, Problem
from ..taxonomy import Taxonomy

_STORAGE = re.compile(r"^[A-Za-z0-9_-]+$")
_COLOURS = ("#ffd59a", "#b4e0ff", "#c8f0b4", "#f5b4c8", "#e0c8ff", "#fff0a0")


def entity_label(layer: str, type_: str) -> str:
    return f"{layer}_{type_}"


def label_table(taxonomy: Taxonomy) -> dict[str, tuple[str, str]]:
    """brat label → (layer, type); refuses a taxonomy whose names brat cannot store or that collide."""
    table: dict[str, tuple[str, str]] = {}
    for layer, spec in taxonomy.layers.items():
        for type_ in spec.types:
            label = entity_label(layer, type_)
            if not _STORAGE.match(label) or label in table:
                raise CorpusError(Problem("schema/taxonomy.json", None, Code.TAXONOMY_NOT_BRAT_SAFE,
                                          f"{layer}/{type_} cannot be a brat label ({label!r})",
                                          "use letters, digits and '-' in layer and type names"))
            table[label] = (layer, type_)
    return table


@dataclass(frozen=True)
class BratAttribute:
    name: str
    values: tuple[str, ...]
    labels: tuple[str, ...]


def brat_attributes(taxonomy: Taxonomy) -> dict[str, BratAttribute]:
    """Attributes brat can hold: an enum of storage-safe values (merged over the layers that have the name)."""
    merged: dict[str, tuple[list[str], list[str]]] = {}
    for layer, spec in taxonomy.layers.items():
        for name, attribute in spec.attributes.items():
            if attribute.enum is None or not _STORAGE.match(name):
                continue
            if not all(_STORAGE.match(value) for value in attribute.enum):
                continue
            values, labels = merged.setdefault(name, ([], []))
            values += [v for v in attribute.enum if v not in values]
            labels += [entity_label(layer, t) for t in spec.types]
    return {name: BratAttribute(name, tuple(v), tuple(lab)) for name, (v, lab) in merged.items()}


def annotation_conf(taxonomy: Taxonomy) -> str:
    label_table(taxonomy)
    lines = [f"# Generated from schema/taxonomy.json (taxonomy {taxonomy.version}) by belarus-corpus; do not edit.",
             "# Span labels are <layer>_<type>. Free-text attributes, notes and record ids are in # lines.",
             "", "[entities]", ""]
    for layer, spec in taxonomy.layers.items():
        lines.append(f"!{layer}")
        lines += [f"\t{entity_label(layer, t)}" for t in spec.types]
    lines += ["", "[relations]", ""]
    for name, relation in taxonomy.relations.items():
        heads = "|".join(_labels_of(taxonomy, relation.head_layers))
        tails = "|".join(_labels_of(taxonomy, relation.tail_layers))
        lines.append(f"{name}\tArg1:{heads}, Arg2:{tails}")
    lines += ["<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>", "", "[events]", "", "[attributes]", ""]
    for attribute in brat_attributes(taxonomy).values():
        lines.append(f"{attribute.name}\tArg:{'|'.join(attribute.labels)}, Value:{'|'.join(attribute.values)}")
    return "\n".join(lines) + "\n"


def visual_conf(taxonomy: Taxonomy) -> str:
    lines = [f"# Generated from schema/taxonomy.json (taxonomy {taxonomy.version}) by belarus-corpus; do not edit.",
             "", "[labels]", ""]
    for layer, spec in taxonomy.layers.items():
        lines += [f"{entity_label(layer, t)} | {layer}: {t} | {t}" for t in spec.types]
    lines += [f"{name} | {name}" for name in taxonomy.relations]
    lines += ["", "[drawing]", ""]
    for index, (layer, spec) in enumerate(taxonomy.layers.items()):
        colour = _COLOURS[index % len(_COLOURS)]
        lines += [f"{entity_label(layer, t)}\tbgColor:{colour}" for t in spec.types]
    return "\n".join(lines) + "\n"


def _labels_of(taxonomy: Taxonomy, layers: tuple[str, ...]) -> list[str]:
    return [entity_label(layer, type_) for layer in layers if layer in taxonomy.layers
            for type_ in taxonomy.layers[layer].types]
