// Editing on the document page: change a span's type, attributes and status, remove a span or a relation,
// relate to a span of another document (found by search), and undo this workspace's last operation. Each is one
// Corpus method on the server (one entry of the operations log), sent with the versions the page was loaded with.
"use strict";

function versions() {
  return {version: state.data.version, cross_version: state.data.cross_version};
}

async function send(path, payload, done) {
  const result = await post(path, payload);
  if (!result.ok) { const r = refusal(result); say(r.text, r.kind, r.action); return null; }
  await load();
  say(done(result.body), "ok");  // once the page shows the change
  return result.body;
}

function usingRelations(span) {
  return state.data.relations.filter(r => r.head === span.id || r.tail === span.id);
}

function spanActions(span) {
  const using = usingRelations(span);
  const remove = (cascade) => send(`/api/doc/${encodeURIComponent(DOC)}/records/${encodeURIComponent(span.id)}/remove`,
    {...versions(), cascade}, body => `removed ${body.spans.join(", ")}` + (body.relations.length ? ` and ${body.relations.length} relation(s)` : ""));
  return el("div", {class: "actions"},
    el("button", {type: "button", class: "edit-span", onclick: () => renderEditForm(span), text: "Edit"}), " ",
    using.length
      ? el("button", {type: "button", class: "remove-span", onclick: () => remove(true), text: `Remove with its ${using.length} relation(s)`})
      : el("button", {type: "button", class: "remove-span", onclick: () => remove(false), text: "Remove"}));
}

function renderEditForm(span) {
  const spec = state.taxonomy.layers[span.layer];
  const typeSelect = el("select", {name: "type", id: "edit-type"}, ...spec.types.map(t => el("option", {value: t, text: t, selected: t === span.type})));
  const statusSelect = el("select", {name: "status", id: "edit-status"},
    ...["gold", "suggested", "rejected"].map(s => el("option", {value: s, text: s, selected: s === span.status})));
  const fields = Object.entries(spec.attributes).map(([name, a]) => {
    const label = attributeField(name, a, spec.required.includes(name));
    const input = label.querySelector("[name^='attr:']");
    input.value = (span.attributes || {})[name] || "";
    return label;
  });
  const form = el("form", {class: "add", id: "edit-form", "data-span": span.id},
    el("div", {class: "quote", text: "“" + span.text + "”"}),
    el("div", {class: "prov", text: `${span.id} · ${span.layer}`}),
    el("label", {}, "type ", typeSelect), ...fields, el("label", {}, "status ", statusSelect),
    el("label", {}, "note ", el("input", {name: "note", value: span.note || ""})),
    el("button", {type: "submit", id: "edit-submit", text: "Save"}), " ",
    el("button", {type: "button", onclick: () => showDetails([span.id]), text: "Cancel"}));
  form.addEventListener("submit", event => {
    event.preventDefault();
    const attributes = {};
    for (const field of form.querySelectorAll("[name^='attr:']")) if (field.value) attributes[field.name.slice(5)] = field.value;
    send(`/api/doc/${encodeURIComponent(DOC)}/spans/${encodeURIComponent(span.id)}`,
      {...versions(), type: typeSelect.value, status: statusSelect.value, attributes, note: form.elements.note.value},
      body => `saved ${body.id}: ${body.type}, ${body.status}`);
  });
  document.getElementById("details").replaceChildren(el("h2", {text: "Edit span"}), form);
}

function relationActions(relation) {
  return el("button", {type: "button", class: "remove-relation", onclick: () => send(
    `/api/doc/${encodeURIComponent(DOC)}/records/${encodeURIComponent(relation.id)}/remove`, versions(),
    body => `removed relation ${body.relations.join(", ")}`), text: "remove"});
}

function relationTypes(head, tail, crossOnly) {
  return Object.entries(state.taxonomy.relations)
    .filter(([, r]) => r.head_layers.includes(head.layer) && r.tail_layers.includes(tail.layer) && (!crossOnly || r.cross_document))
    .map(([name]) => name);
}

function relateForm(head, tail, crossOnly) {
  const types = relationTypes(head, tail, crossOnly);
  if (!types.length) { say(`No ${crossOnly ? "cross-document " : ""}relation type goes from ${head.layer} to ${tail.layer}.`, "error"); return null; }
  const select = el("select", {id: "relation-type"}, ...types.map(t => el("option", {value: t, text: t})));
  const where = tail.doc_id && tail.doc_id !== DOC ? ` (in ${tail.doc_id})` : "";
  const form = el("form", {id: "relate-form"}, el("div", {class: "quote", text: `“${head.text}” → “${tail.text}”${where}`}),
    el("label", {}, "type ", select), " ", el("button", {type: "submit", id: "relate-submit", text: "Relate"}));
  form.addEventListener("submit", async event => {
    event.preventDefault();
    state.relating = null;
    await send(`/api/doc/${encodeURIComponent(DOC)}/relations`, {head: head.id, tail: tail.id, type: select.value, ...versions()},
      body => `related ${body.id}: ${body.type}` + (body.cross_document ? " (across documents)" : ""));
  });
  return form;
}

function crossPicker(head) {
  const input = el("input", {id: "cross-q", placeholder: "words of a span in another document", size: 28});
  const results = el("ul", {id: "cross-results"});
  const form = el("form", {id: "cross-search"}, el("div", {class: "prov", text: "…or a tail in another document:"}), input, " ",
    el("button", {type: "submit", text: "Search"}), results);
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const data = await api("/api/search?q=" + encodeURIComponent(input.value)).catch(e => { say(e.message, "error"); return null; });
    if (!data) return;
    const others = data.spans.filter(s => s.doc_id !== DOC && s.status !== "rejected");
    results.replaceChildren(...others.map(s => el("li", {"data-span": s.id}, swatch(s.layer), `${s.doc_id} · ${s.layer}/${s.type} `,
      el("span", {class: "quote", text: "“" + s.text + "”"}), " ",
      el("button", {type: "button", class: "pick-tail", onclick: () => {
        const made = relateForm(head, s, true);
        if (made) document.getElementById("relate").replaceChildren(el("h2", {text: "New cross-document relation"}), made);
      }, text: "pick"}))));
    if (!others.length) results.replaceChildren(el("li", {class: "muted", text: "no span in another document matches"}));
  });
  return form;
}

function renderUndo() {
  // state.undo: what /api/undo said when the page was (re)loaded
  const slot = document.getElementById("undo-slot");
  const last = state.undo && state.undo.last;
  if (!slot || !last) return;
  slot.replaceChildren(el("button", {type: "button", id: "undo", title: `#${last.operation} at ${last.at}`,
    onclick: () => send("/api/undo", {operation: last.operation}, body => `undid #${body.undone}: ${body.command}`),
    text: `Undo: ${last.command}`}));
}
