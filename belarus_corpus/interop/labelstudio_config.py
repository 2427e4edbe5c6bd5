"""The Label Studio labelling configuration generated from the taxonomy, and the names it gives to things.

* one ``<Labels name="<layer>">`` per layer (``from_name`` of a span's result is its layer, its label the type);
* ``<Text name="text" value="$text">`` with ``white-space: pre-wrap`` so that no white space is dropped from
  what the annotator sees (offsets count every character);
* ``<Relations>`` with one ``<Relation>`` per relation type;
* per layer, the attributes as per-region controls named ``<layer>_<attribute>``: ``<Choices>`` for an enum,
  ``<TextArea>`` for free text, shown when a region of that layer is selected.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..taxonomy import AttributeSpec, Taxonomy

TEXT_NAME = "text"
_COLOURS = ("#f5a623", "#4a90e2", "#7ed321", "#d0021b", "#9013fe", "#50e3c2")


@dataclass(frozen=True)
class Control:
    name: str
    layer: str
    attribute: AttributeSpec

    @property
    def result_type(self) -> str:
        return "choices" if self.attribute.enum else "textarea"

    @property
    def value_key(self) -> str:
        return "choices" if self.attribute.enum else "text"


def control_name(layer: str, attribute: str) -> str:
    return f"{layer}_{attribute}"


def controls(taxonomy: Taxonomy) -> dict[str, Control]:
    """Per-region attribute controls by name."""
    return {control_name(layer, name): Control(control_name(layer, name), layer, spec)
            for layer, layer_spec in taxonomy.layers.items() for name, spec in layer_spec.attributes.items()}


def labeling_config(taxonomy: Taxonomy) -> str:
    view = ET.Element("View")
    ET.SubElement(view, "Style").text = ".htx-text { white-space: pre-wrap; }"
    ET.SubElement(view, "Header", value="$doc_id")
    for index, (layer, spec) in enumerate(taxonomy.layers.items()):
        labels = ET.SubElement(view, "Labels", name=layer, toName=TEXT_NAME, choice="single", showInline="true")
        for type_, description in spec.types.items():
            ET.SubElement(labels, "Label", value=type_, background=_COLOURS[index % len(_COLOURS)], hint=description)
    ET.SubElement(view, "Text", name=TEXT_NAME, value="$text", granularity="symbol", saveTextResult="yes")
    relations = ET.SubElement(view, "Relations")
    for name in taxonomy.relations:
        ET.SubElement(relations, "Relation", value=name)
    for layer in taxonomy.layers:
        _attribute_box(view, layer, [c for c in controls(taxonomy).values() if c.layer == layer])
    ET.indent(view, space="  ")
    comment = f"<!-- generated from schema/taxonomy.json (taxonomy {taxonomy.version}) by belarus-corpus -->\n"
    return comment + ET.tostring(view, encoding="unicode") + "\n"


def _attribute_box(view: ET.Element, layer: str, layer_controls: list[Control]) -> None:
    if not layer_controls:
        return
    box = ET.SubElement(view, "View", visibleWhen="region-selected", whenTagName=layer)
    ET.SubElement(box, "Header", value=f"{layer} attributes")
    for control in layer_controls:
        spec = control.attribute
        if spec.enum:
            choices = ET.SubElement(box, "Choices", name=control.name, toName=TEXT_NAME, perRegion="true",
                                    choice="single-radio", showInline="true", hint=spec.description)
            for value in spec.enum:
                ET.SubElement(choices, "Choice", value=value)
        else:
            ET.SubElement(box, "TextArea", name=control.name, toName=TEXT_NAME, perRegion="true", editable="true",
                          maxSubmissions="1", rows="1", placeholder=f"{spec.name}: {spec.description}")
