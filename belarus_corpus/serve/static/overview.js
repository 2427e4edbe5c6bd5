// The corpus overview: documents, each annotator's progress per document, and validate's problems right now.
"use strict";
async function start() {
  let data;
  try { data = await api("/api/overview"); } catch (error) { say(error.message, "error"); return; }
  const head = el("tr", {}, el("th", {text: "document"}), el("th", {text: "title"}), el("th", {text: "spans"}),
    el("th", {text: "gold / suggested / rejected"}), ...data.annotators.map(a => el("th", {text: a})));
  const rows = data.documents.map(d => el("tr", {"data-doc": d.doc_id}, el("td", {}, docLink(d.doc_id)),
    el("td", {text: d.title || "—"}), el("td", {text: d.spans}),
    el("td", {text: ["gold", "suggested", "rejected"].map(s => d.statuses[s] || 0).join(" / ")}),
    ...data.annotators.map(a => el("td", {class: "progress", text: d.progress[a]}))));
  const problems = data.problems.map(p => el("li", {}, el("span", {class: "sev-" + p.severity, text: `${p.severity} [${p.code}]`}),
    " ", el("code", {text: p.file + (p.line ? ":" + p.line : "")}), " ", p.message, p.hint ? el("div", {class: "prov", text: "hint: " + p.hint}) : null));
  MAIN.replaceChildren(el("h1", {text: `Corpus: ${data.documents.length} documents`}),
    el("table", {id: "documents"}, el("thead", {}, head), el("tbody", {}, ...rows)),
    el("h2", {text: "Validate, now"}),
    el("p", {id: "validity", text: data.valid ? `valid (${data.problems.length} warning(s))` : `INVALID: ${data.problems.length} problem(s)`}),
    el("ul", {class: "problems"}, ...problems),
    el("button", {type: "button", onclick: start, text: "Check again"}));
  document.body.dataset.ready = "1";
}
start();
// live: validate and progress again every 20 s while the tab is shown
setInterval(() => { if (!document.hidden) start(); }, 20000);
