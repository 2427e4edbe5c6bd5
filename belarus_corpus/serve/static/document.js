// The document view: layered highlights, provenance on hover and click, add by selection, review with the
// keyboard (j/k move, a accept, r reject), relations by clicking two spans. Offsets here are UTF-16 (JavaScript
// strings); the server converts them to the store's code points.
"use strict";
const DOC = document.body.dataset.doc;
const state = {data: null, taxonomy: null, layers: new Set(), statuses: new Set(["gold", "suggested"]),
               queue: [], current: 0, relating: null, selection: null};
const flags = new URLSearchParams(location.search);

function describe(span) {
  const lines = [`${span.id} ${span.layer}/${span.type} (${span.status})`,
    `by ${span.annotator}, ${span.created}, ${span.method}` + (span.reviewed_by ? `, reviewed by ${span.reviewed_by}` : "")];
  if (span.suggested_by) lines.push(`suggested by ${span.suggested_by}`);
  return lines.join("\n");
}

function visibleSpans() {
  return state.data.spans.filter(s => state.layers.has(s.layer) && state.statuses.has(s.status));
}

function renderText() {
  const text = state.data.text, spans = visibleSpans();
  const points = new Set([0, text.length]);
  for (const s of spans) { points.add(s.start16); points.add(s.end16); }
  const sorted = [...points].sort((a, b) => a - b);
  const box = el("div", {id: "text"});
  const order = Object.keys(state.taxonomy.layers);
  const current = state.queue[state.current];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i], b = sorted[i + 1];
    const covering = spans.filter(s => s.start16 < b && s.end16 > a);
    const seg = el("span", {class: "seg", "data-start": a, text: text.slice(a, b)});
    if (covering.length) {
      seg.classList.add("hl");
      if (covering.length > 1) seg.classList.add(covering.length > 2 ? "overlap2" : "overlap");
      seg.dataset.spans = covering.map(s => s.id).join(" ");
      seg.title = covering.map(describe).join("\n\n");
      const layers = order.filter(l => covering.some(s => s.layer === l));
      seg.style.boxShadow = layers.map((layer, n) => {
        const strongest = covering.some(s => s.layer === layer && s.status === "gold") ? 1 : 0.45;
        return `inset 0 -${3 * (n + 1)}px 0 0 rgba(${LAYER_COLORS[layer]},${strongest})`;
      }).join(", ");
      if (current && covering.includes(current)) seg.classList.add("current");
      if (state.relating && state.relating.head && covering.some(s => s.id === state.relating.head.id)) seg.classList.add("picked");
    }
    box.append(seg);
  }
  box.addEventListener("mouseup", onSelect);
  box.addEventListener("click", onClick);
  document.getElementById("text").replaceWith(box);
}

function offsetIn(container, node, offset) {
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

function onSelect() {
  const selection = window.getSelection(), box = document.getElementById("text");
  if (!selection || selection.isCollapsed || !box.contains(selection.anchorNode) || !box.contains(selection.focusNode)) return;
  let a = offsetIn(box, selection.anchorNode, selection.anchorOffset), b = offsetIn(box, selection.focusNode, selection.focusOffset);
  if (a > b) [a, b] = [b, a];
  const text = state.data.text;
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  if (a === b) return;
  state.selection = {start16: a, end16: b};
  renderAddForm();
}

function innermost(ids) {
  const spans = ids.map(id => state.data.spans.find(s => s.id === id)).filter(Boolean);
  return spans.sort((x, y) => (x.end16 - x.start16) - (y.end16 - y.start16))[0];
}

function onClick(event) {
  const seg = event.target.closest(".seg.hl");
  if (!seg || !window.getSelection().isCollapsed) return;
  const ids = seg.dataset.spans.split(" ");
  if (state.relating) { pickForRelation(innermost(ids)); return; }
  showDetails(ids);
}

function card(span) {
  const attrs = Object.entries(span.attributes || {}).map(([k, v]) => `${k}=${v}`).join(", ");
  return el("div", {class: "span-card", "data-span": span.id},
    el("div", {}, swatch(span.layer), el("b", {text: `${span.layer}/${span.type}`}), " ", el("span", {class: "muted", text: span.status})),
    el("div", {class: "quote", text: "“" + span.text + "”"}),
    el("div", {class: "prov"}, "id ", el("b", {text: span.id}), ` · offsets ${span.start}:${span.end}`),
    el("div", {class: "prov"}, "annotator ", el("b", {text: span.annotator}), " · created ", el("b", {text: span.created}),
       " · method ", el("b", {text: span.method})),
    el("div", {class: "prov"}, "reviewer ", el("b", {text: span.reviewed_by || "—"}),
       span.suggested_by ? [" · suggested by ", el("b", {text: span.suggested_by})] : null,
       span.edited ? " · edited before acceptance" : null),
    attrs ? el("div", {class: "prov", text: "attributes: " + attrs}) : null,
    span.note ? el("div", {class: "prov", text: "note: " + span.note}) : null,
    span.curation ? el("div", {class: "prov", text: "curation: " + span.curation}) : null,
    el("button", {type: "button", class: "relate-from", onclick: () => { startRelating(); pickForRelation(span); }, text: "relate from here"}),
    spanActions(span));
}

function showDetails(ids) {
  const spans = ids.map(id => state.data.spans.find(s => s.id === id)).filter(Boolean);
  document.getElementById("details").replaceChildren(el("h2", {text: `Spans here (${spans.length})`}), ...spans.map(card));
}

function attributeField(name, spec, required) {
  const label = el("label", {}, `${name}${required ? " *" : ""} `);
  const input = spec.enum
    ? el("select", {name: "attr:" + name}, el("option", {value: "", text: "—"}), ...spec.enum.map(v => el("option", {value: v, text: v})))
    : el("input", {name: "attr:" + name, placeholder: spec.description || "", pattern: spec.pattern || null});
  label.append(input);
  return label;
}

function renderAddForm() {
  const panel = document.getElementById("add");
  const sel = state.selection;
  if (!sel) { panel.replaceChildren(el("h2", {text: "Add a span"}), el("p", {class: "muted", text: "Select text in the article to annotate it."})); return; }
  const layers = state.taxonomy.layers;
  const layerSelect = el("select", {name: "layer", id: "add-layer"}, ...Object.keys(layers).map(l => el("option", {value: l, text: l})));
  const typeSelect = el("select", {name: "type", id: "add-type"});
  const attrBox = el("div", {id: "add-attrs"});
  const fill = () => {
    const spec = layers[layerSelect.value];
    typeSelect.replaceChildren(...spec.types.map(t => el("option", {value: t, text: t})));
    attrBox.replaceChildren(...Object.entries(spec.attributes).map(([n, a]) => attributeField(n, a, spec.required.includes(n))));
  };
  layerSelect.addEventListener("change", fill);
  const form = el("form", {class: "add", id: "add-form"},
    el("div", {class: "quote", id: "add-quote", text: "“" + state.data.text.slice(sel.start16, sel.end16) + "”"}),
    el("div", {class: "prov", text: `UTF-16 ${sel.start16}:${sel.end16}`}),
    el("label", {}, "layer ", layerSelect), el("label", {}, "type ", typeSelect), attrBox,
    el("label", {}, "note ", el("input", {name: "note"})),
    el("button", {type: "submit", id: "add-submit", text: "Add span"}), " ",
    el("button", {type: "button", onclick: () => { state.selection = null; renderAddForm(); }, text: "Cancel"}));
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const attributes = {};
    for (const field of form.querySelectorAll("[name^='attr:']")) if (field.value) attributes[field.name.slice(5)] = field.value;
    const result = await post(`/api/doc/${encodeURIComponent(DOC)}/spans`, {start16: sel.start16, end16: sel.end16,
      layer: layerSelect.value, type: typeSelect.value, attributes, note: form.elements.note.value || null, version: state.data.version});
    if (!result.ok) { const r = refusal(result); say(r.text, r.kind, r.action); return; }
    state.selection = null;
    await load();
    say(`added ${result.body.id} “${result.body.text}”`, "ok");  // once the page shows it
  });
  panel.replaceChildren(el("h2", {text: "Add a span"}), form);
  fill();
}

function renderQueue() {
  const panel = document.getElementById("queue");
  state.queue = visibleSpans().filter(s => s.status === "suggested" && s.reviewable).sort((x, y) => x.start16 - y.start16 || x.end16 - y.end16);
  if (state.current >= state.queue.length) state.current = Math.max(0, state.queue.length - 1);
  const span = state.queue[state.current];
  const head = el("h2", {text: `Suggestions to review (${state.queue.length})`});
  const keys = el("div", {class: "prov"}, el("span", {class: "kbd", text: "j"}), "/", el("span", {class: "kbd", text: "k"}),
    " next/previous · ", el("span", {class: "kbd", text: "a"}), " accept · ", el("span", {class: "kbd", text: "r"}), " reject");
  if (!span) { panel.replaceChildren(head, el("p", {class: "muted", text: "No suggestions to review."})); return; }
  const confidence = span.confidence === null ? "not recorded" : span.confidence.toFixed(2);
  panel.replaceChildren(head, keys,
    el("div", {id: "current-suggestion", "data-span": span.id},
      el("div", {}, el("b", {text: `${state.current + 1} / ${state.queue.length}`}), " ", swatch(span.layer), `${span.layer}/${span.type}`),
      el("div", {class: "quote", text: "“" + span.text + "”"}),
      el("div", {class: "prov"}, "by ", el("b", {text: span.annotator}), " · confidence ", el("b", {class: "confidence", text: confidence})),
      el("button", {type: "button", onclick: () => decide("accept"), text: "Accept (a)"}), " ",
      el("button", {type: "button", onclick: () => decide("reject"), text: "Reject (r)"})));
}

async function decide(decision) {
  const span = state.queue[state.current];
  if (!span) return;
  const result = await post(`/api/doc/${encodeURIComponent(DOC)}/review`, {span_id: span.id, decision, version: state.data.version});
  if (!result.ok) { const r = refusal(result); say(r.text, r.kind, r.action); return; }
  if (!result.body.changed.length) { say(`${span.id} was left as it was (not a suggestion you may review)`, "error"); await load(); return; }
  await load();
  say(`${decision}ed ${span.id}`, "ok");
}

function startRelating() {
  state.relating = {head: null};
  say("Relate: click the head span, then the tail span (Esc to stop).", "info");
}

function pickForRelation(span) {
  if (!span) return;
  const panel = document.getElementById("relate");
  if (!state.relating.head) {
    state.relating.head = span;
    say(`Head: ${span.layer}/${span.type} “${span.text}”. Now click the tail span.`, "info");
    panel.replaceChildren(el("h2", {text: "New relation"}), el("div", {class: "quote", text: `“${span.text}” → …`}), crossPicker(span));
    renderText();
    return;
  }
  const form = relateForm(state.relating.head, span, false);
  if (!form) { state.relating = null; renderText(); return; }
  panel.replaceChildren(el("h2", {text: "New relation"}), form);
}

function renderRelations() {
  const end = (id, docId, text) => (docId !== DOC ? `${docId}: ` : "") + "“" + (text || id) + "”";
  const items = state.data.relations.map(r => el("li", {"data-relation": r.id},
    el("b", {text: r.type}), ": ", end(r.head, r.head_doc, r.head_text), " → ", end(r.tail, r.tail_doc, r.tail_text), " ",
    el("span", {class: "prov", text: `${r.annotator}, ${r.status}` + (r.cross_document ? ", across documents" : "")}), " ",
    relationActions(r)));
  document.getElementById("relations").replaceChildren(el("h2", {text: `Relations (${items.length})`}), el("ul", {}, ...items));
}

function toolbar() {
  const bar = el("div", {class: "toolbar"});
  for (const layer of Object.keys(state.taxonomy.layers)) {
    const count = state.data.spans.filter(s => s.layer === layer && state.statuses.has(s.status)).length;
    const box = el("input", {type: "checkbox", "data-layer": layer, checked: state.layers.has(layer)});
    box.addEventListener("change", () => { box.checked ? state.layers.add(layer) : state.layers.delete(layer); draw(); });
    bar.append(el("label", {}, box, swatch(layer), `${layer} (${count})`));
  }
  for (const status of ["gold", "suggested", "rejected"]) {
    const box = el("input", {type: "checkbox", "data-status": status, checked: state.statuses.has(status)});
    box.addEventListener("change", () => { box.checked ? state.statuses.add(status) : state.statuses.delete(status); draw(); });
    bar.append(el("label", {}, box, status));
  }
  for (const [flag, label] of [["blind", "blind (only mine)"], ["others", "+ others"], ["suggestions", "+ detectors"]]) {
    const box = el("input", {type: "checkbox", "data-flag": flag, checked: flags.get(flag) === "1"});
    box.addEventListener("change", () => { box.checked ? flags.set(flag, "1") : flags.delete(flag); location.search = flags.toString(); });
    bar.append(el("label", {}, box, label));
  }
  const progress = el("select", {id: "progress"}, ...["not started", "in progress", "done"].map(s => el("option", {value: s, text: s, selected: s === state.data.progress})));
  progress.addEventListener("change", async () => {
    const result = await post(`/api/doc/${encodeURIComponent(DOC)}/progress`, {state: progress.value, version: state.data.progress_version});
    if (!result.ok) { const r = refusal(result); say(r.text, r.kind, r.action); return; }
    say(`progress: ${progress.value}`, "ok"); await load();
  });
  bar.append(el("label", {}, "my progress ", progress), el("button", {type: "button", id: "relate-start", onclick: startRelating, text: "Relate two spans"}),
    el("span", {id: "undo-slot"}));
  return bar;
}

function draw() {
  document.getElementById("toolbar").replaceChildren(toolbar());
  renderQueue(); renderText(); renderRelations(); renderUndo();
}

async function load() {
  const query = new URLSearchParams([...flags].filter(([k]) => ["blind", "others", "suggestions"].includes(k)));
  state.data = await api(`/api/doc/${encodeURIComponent(DOC)}?${query}`);
  state.undo = await api("/api/undo").catch(() => ({last: null}));
  document.getElementById("title").textContent = state.data.title || DOC;
  draw();
  document.body.dataset.version = state.data.version;
}

async function start() {
  MAIN.replaceChildren(el("h1", {id: "title", text: DOC}), el("div", {id: "toolbar"}),
    el("div", {class: "layout"}, el("div", {}, el("div", {id: "text"})),
      el("aside", {}, el("section", {id: "queue"}), el("section", {id: "add"}), el("section", {id: "relate"}),
        el("section", {id: "details"}), el("section", {id: "relations"}))));
  try {
    state.taxonomy = await api("/api/taxonomy");
    Object.keys(state.taxonomy.layers).forEach(l => state.layers.add(l));
    await load();
  } catch (error) { say(error.message, "error"); return; }
  renderAddForm();
  const wanted = location.hash.slice(1);
  if (wanted) {
    const seg = document.querySelector(`#text .seg[data-spans~="${CSS.escape(wanted)}"]`);
    if (seg) { seg.scrollIntoView({block: "center"}); showDetails([wanted]); seg.classList.add("picked"); }
  }
  document.body.dataset.ready = "1";
}

document.addEventListener("keydown", event => {
  if (event.target.closest("input, select, textarea") || event.ctrlKey || event.metaKey || event.altKey || !state.data) return;
  if (event.key === "j" || event.key === "k") {
    state.current = Math.min(Math.max(0, state.current + (event.key === "j" ? 1 : -1)), Math.max(0, state.queue.length - 1));
    renderQueue(); renderText();
    const seg = document.querySelector("#text .seg.current");
    if (seg) seg.scrollIntoView({block: "nearest"});
  } else if (event.key === "a") decide("accept");
  else if (event.key === "r") decide("reject");
  else if (event.key === "Escape") { state.relating = null; renderText(); }
});

start();
