// Curation: annotators side by side per unit; disputes settled with a reason (kept in the decisions file);
// the gold written as annotator 'curated'. Every write names the versions the page was loaded with.
"use strict";
const params = new URLSearchParams(location.search);

function cellText(records) {
  if (!records.length) return el("span", {class: "muted", text: "—"});
  return el("div", {}, ...records.map(r => el("div", {},
    el("b", {text: r.type}), ` ${r.start}:${r.end} `, el("span", {class: "quote", text: "“" + r.text + "”"}),
    Object.keys(r.attributes).length ? el("div", {class: "prov", text: Object.entries(r.attributes).map(([k, v]) => `${k}=${v}`).join(", ")}) : null)));
}

function decisionForm(row, data) {
  const choices = row.variants.map((group, n) => el("label", {},
    el("input", {type: "radio", name: "choose-" + row.id, value: group[0].id, checked: n === 0}),
    ` ${group[0].type} ${group[0].start}:${group[0].end} (${group.map(r => r.annotator).join(", ")}) `));
  const none = el("label", {}, el("input", {type: "radio", name: "choose-" + row.id, value: ""}), " none of them ");
  const reason = el("input", {name: "reason", placeholder: "reason (required)", size: 28, required: true});
  const form = el("form", {class: "decide", "data-dispute": row.id}, ...choices, none, reason, " ", el("button", {type: "submit", text: "Decide"}));
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const picked = form.querySelector("input[type=radio]:checked");
    const result = await post("/api/curate/decisions", {annotators: data.chosen, strategy: data.strategy, dispute: row.id,
      choose: picked && picked.value ? picked.value : null, reason: reason.value, version: data.decisions_version});
    if (!result.ok) { const r = refusal(result); say(r.text, r.kind, r.action); return; }
    say(`decided ${row.id}`, "ok"); await load();
  });
  return form;
}

function chooser(data) {
  const form = el("form", {id: "curate-form"});
  for (const name of data.annotators) {
    form.append(el("label", {}, el("input", {type: "checkbox", name: "annotator", value: name, checked: data.chosen.includes(name)}), ` ${name} `));
  }
  const strategy = el("input", {name: "strategy", value: data.strategy || params.get("strategy") || "unanimous", size: 14});
  const doc = el("select", {name: "doc"}, ...data.doc_ids.map(d => el("option", {value: d, text: d + (data.disputed_docs.includes(d) ? " (disputes)" : ""), selected: d === data.doc_id})));
  form.append(el("label", {}, " strategy ", strategy), el("label", {}, " document ", doc), " ", el("button", {type: "submit", text: "Show"}));
  return form;
}

async function load() {
  if (!params.get("doc") && params.getAll("annotator").length) {
    const probe = await api("/api/curate?" + params);
    params.set("doc", probe.disputed_docs[0] || probe.doc_ids[0] || "");
  }
  let data;
  try { data = await api("/api/curate?" + params); } catch (error) { say(error.message, "error"); return; }
  const parts = [el("h1", {text: "Curation"}), chooser(data)];
  if (data.chosen.length) {
    const c = data.counts;
    parts.push(el("p", {id: "counts", text: `${data.strategy}: ${c.agreed} agreed, ${c.decided} decided, ${c.incomplete} incomplete, ${c.disputed} disputed (all documents) · decisions in ${data.decisions_file}`}));
    const head = el("tr", {}, el("th", {text: "unit"}), el("th", {text: "state"}), ...data.chosen.map(a => el("th", {text: a})), el("th", {text: "decision"}));
    const rows = data.rows.map(row => el("tr", {class: "state-" + row.state, "data-unit": row.id, "data-state": row.state},
      el("td", {}, el("code", {text: row.id}), el("div", {class: "prov", text: row.layer})), el("td", {text: row.state}),
      ...data.chosen.map(a => el("td", {}, cellText(row.cells[a] || []))),
      el("td", {}, row.state === "disputed" ? decisionForm(row, data)
        : row.decision ? el("div", {}, el("b", {text: row.decision.choose || "none"}), el("div", {class: "prov", text: `${row.decision.by}: ${row.decision.reason}`})) : "")));
    const write = el("button", {type: "button", id: "write-gold", text: "Write gold (annotator 'curated')"});
    write.addEventListener("click", async () => {
      const result = await post("/api/curate/gold", {annotators: data.chosen, strategy: data.strategy, versions: data.versions,
        cross_version: data.cross_version});
      if (!result.ok) { const r = refusal(result); say(r.text, r.kind, r.action); return; }
      say(`wrote ${result.body.written} gold span(s) as 'curated'`, "ok"); await load();
    });
    parts.push(write, el("table", {class: "cols", id: "units"}, el("thead", {}, head), el("tbody", {}, ...rows)));
  } else {
    parts.push(el("p", {class: "muted", text: "Choose two or more annotators."}));
  }
  MAIN.replaceChildren(...parts);
  document.body.dataset.ready = "1";
}
load();
