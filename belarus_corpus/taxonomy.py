"""The one taxonomy file (schema/taxonomy.json): layers, types, attributes, relation types."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .codes import Code


def package_schema_dir() -> Path:
    """The schema files shipped in the wheel, or the repository's ``schema/`` in a source checkout."""
    here = Path(__file__).resolve().parent
    shipped = here / "data" / "schema"
    return shipped if shipped.is_dir() else here.parent / "schema"


@dataclass(frozen=True)
class AttributeSpec:
    name: str
    type: str
    description: str
    enum: tuple[str, ...] | None = None
    pattern: str | None = None


@dataclass(frozen=True)
class LayerSpec:
    name: str
    description: str
    types: dict[str, str]
    attributes: dict[str, AttributeSpec]
    required_attributes: tuple[str, ...]


@dataclass(frozen=True)
class RelationSpec:
    name: str
    description: str
    head_layers: tuple[str, ...]
    tail_layers: tuple[str, ...]
    cross_document: bool


@dataclass(frozen=True)
class Taxonomy:
    version: str
    guidelines_version: str
    layers: dict[str, LayerSpec]
    relations: dict[str, RelationSpec]
    statuses: tuple[str, ...]
    paragraph_roles: tuple[str, ...]
    source: dict[str, Any]

    @property
    def layer_names(self) -> list[str]:
        return list(self.layers)

    def all_attributes(self) -> dict[str, AttributeSpec]:
        """Union of every layer's attributes, by name (a name means the same thing in every layer)."""
        merged: dict[str, AttributeSpec] = {}
        for layer in self.layers.values():
            merged.update(layer.attributes)
        return dict(sorted(merged.items()))

    def bio_labels(self, layer: str) -> list[str]:
        labels = ["O"]
        for type_name in self.layers[layer].types:
            labels += [f"B-{type_name}", f"I-{type_name}"]
        return labels


def _attribute(name: str, raw: dict[str, Any]) -> AttributeSpec:
    enum = raw.get("enum")
    return AttributeSpec(name=name, type=raw.get("type", "string"), description=raw.get("description", ""),
                         enum=tuple(enum) if enum else None, pattern=raw.get("pattern"))


def parse_taxonomy(raw: dict[str, Any]) -> Taxonomy:
    layers = {
        name: LayerSpec(
            name=name,
            description=spec["description"],
            types=dict(spec["types"]),
            attributes={a: _attribute(a, s) for a, s in spec.get("attributes", {}).items()},
            required_attributes=tuple(spec.get("required_attributes", [])),
        )
        for name, spec in raw["layers"].items()
    }
    relations = {
        name: RelationSpec(name=name, description=spec["description"], head_layers=tuple(spec["head_layers"]),
                           tail_layers=tuple(spec["tail_layers"]), cross_document=bool(spec["cross_document"]))
        for name, spec in raw["relations"].items()
    }
    return Taxonomy(version=raw["taxonomy_version"], guidelines_version=raw["guidelines_version"], layers=layers,
                    relations=relations, statuses=tuple(raw["statuses"]),
                    paragraph_roles=tuple(raw["paragraph_roles"]), source=raw)


@functools.lru_cache(maxsize=8)
def _load_cached(path: str, mtime_ns: int) -> Taxonomy:
    from .errors import CorpusError, Problem

    try:
        return parse_taxonomy(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        line = getattr(exc, "lineno", None)
        what = f"missing key {exc}" if isinstance(exc, KeyError) else str(exc)
        raise CorpusError(Problem("schema/taxonomy.json", line, Code.TAXONOMY_INVALID,
                                  f"cannot read the taxonomy: {what}",
                                  "fix schema/taxonomy.json (see schema/taxonomy.schema.json)")) from exc


def load_taxonomy(root: Path | None = None) -> Taxonomy:
    """The corpus's own ``schema/taxonomy.json`` when there is one, else the copy shipped with the package."""
    candidate = root / "schema" / "taxonomy.json" if root is not None else None
    path = candidate if candidate is not None and candidate.is_file() else package_schema_dir() / "taxonomy.json"
    return _load_cached(str(path), path.stat().st_mtime_ns)
