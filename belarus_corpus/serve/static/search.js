// Search: spans whose text, type or id matches, and passages of the articles that contain the words.
"use strict";
async function run(query) {
  const data = await api("/api/search?q=" + encodeURIComponent(query));
  const spans = data.spans.map(s => el("li", {}, docLink(s.doc_id, s.id), " ", swatch(s.layer), `${s.layer}/${s.type} `,
    el("span", {class: "muted", text: `${s.status}, ${s.annotator}`}), " ", el("span", {class: "quote", text: "“" + s.text + "”"})));
  const passages = data.passages.map(p => el("li", {}, docLink(p.doc_id), ` @${p.start} `,
    el("span", {class: "quote"}, "…" + p.before, el("mark", {text: p.match}), p.after + "…")));
  document.getElementById("results").replaceChildren(
    el("h2", {text: `Spans (${data.spans.length})`}), el("ul", {id: "span-results"}, ...spans),
    el("h2", {text: `Passages (${data.passages.length})`}), el("ul", {id: "passage-results"}, ...passages));
}
function start() {
  const params = new URLSearchParams(location.search);
  const input = el("input", {id: "q", name: "q", value: params.get("q") || "", placeholder: "words, a type or a span id", size: 40});
  const form = el("form", {id: "search-form"}, input, " ", el("button", {type: "submit", text: "Search"}));
  form.addEventListener("submit", event => { event.preventDefault(); history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); run(input.value).catch(e => say(e.message, "error")); });
  MAIN.replaceChildren(el("h1", {text: "Search"}), form, el("div", {id: "results"}));
  if (input.value) run(input.value).catch(e => say(e.message, "error"));
  document.body.dataset.ready = "1";
}
start();
