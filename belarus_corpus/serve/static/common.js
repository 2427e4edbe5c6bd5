// Shared helpers: every piece of corpus text reaches the page through textContent (never innerHTML).
"use strict";
const CSRF = document.querySelector('meta[name="csrf-token"]').content;
const LAYER_COLORS = {claim: "31,119,180", stance: "214,44,168", hedge: "214,150,0", artifact: "214,39,40"};

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function problemText(body) {
  const problems = (body && body.problems) || [];
  if (!problems.length) return "the request failed";
  return problems.map(p => `[${p.code}] ${p.message}` + (p.hint ? ` (${p.hint})` : "")).join("; ");
}

async function api(path) {
  const response = await fetch(path, {credentials: "same-origin"});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(problemText(body)), {status: response.status, body});
  return body;
}

async function post(path, payload) {
  const response = await fetch(path, {method: "POST", credentials: "same-origin",
    headers: {"Content-Type": "application/json", "X-CSRF-Token": CSRF}, body: JSON.stringify(payload)});
  const body = await response.json().catch(() => ({}));
  return {ok: response.ok, status: response.status, body};
}

function say(text, kind, action) {
  const box = document.getElementById("message");
  box.replaceChildren(el("span", {text}));
  if (action) box.append(" ", el("button", {type: "button", onclick: action.run, text: action.label}));
  box.className = kind || "info";
  box.hidden = false;
}

function refusal(result) {
  if (result.status === 409) {
    return {text: "Refused: " + problemText(result.body), kind: "conflict",
            action: {label: "Reload", run: () => location.reload()}};
  }
  return {text: "Refused: " + problemText(result.body), kind: "error"};
}

function docLink(docId, hash) {
  return el("a", {href: "/doc/" + encodeURIComponent(docId) + (hash ? "#" + hash : ""), text: docId});
}

function swatch(layer) {
  const chip = el("span", {class: "swatch"});
  chip.style.background = `rgb(${LAYER_COLORS[layer] || "120,120,120"})`;
  return chip;
}

const MAIN = document.getElementById("main");
