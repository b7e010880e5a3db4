// The self-check page: reads the dropped file here, hands its bytes to
// kinbench's validator (WebAssembly, inline) and shows what it found.
// Nothing is fetched or sent: the page's Content-Security-Policy forbids it.
"use strict";
(function () {
  const setup = document.getElementById("kb-setup").textContent;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let modulePromise = null;
  let lastCsv = "";
  let lastFile = "";

  function compiled() {
    if (!modulePromise) {
      const b64 = document.getElementById("kb-wasm").textContent.trim();
      const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const inflated = new Blob([raw]).stream().pipeThrough(new DecompressionStream("gzip"));
      modulePromise = new Response(inflated).arrayBuffer().then((buf) => WebAssembly.compile(buf));
    }
    return modulePromise;
  }

  // A fresh instance for each file: a file that traps the validator cannot
  // leave a broken one behind.
  async function instance() {
    const inst = await WebAssembly.instantiate(await compiled(), {});
    const kb = inst.exports;
    const put = (bytes) => {
      const ptr = kb.kb_alloc(bytes.length);
      new Uint8Array(kb.memory.buffer, ptr, bytes.length).set(bytes);
      return [ptr, bytes.length];
    };
    const answer = () => decoder.decode(new Uint8Array(kb.memory.buffer, kb.kb_result_ptr(), kb.kb_result_len()));
    const [sp, sl] = put(encoder.encode(setup));
    if (!kb.kb_init(sp, sl)) throw new Error(JSON.parse(answer()).error);
    return { kb, put, answer };
  }

  async function check(file) {
    show(null);
    busy("Checking " + file.name + "\u2026");
    let v = await instance();
    const [np, nl] = v.put(encoder.encode(file.name));
    // Type and size first: an over-size file is refused before it is read.
    if (!v.kb.kb_precheck(np, nl, file.size)) return v.answer();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const [bp, bl] = v.put(bytes);
    try {
      v.kb.kb_validate(np, nl, bp, bl);
      return v.answer();
    } catch (e) {
      if (!(e instanceof WebAssembly.RuntimeError)) throw e;
      // The reader panicked: say so as the native reader does.
      let what = "";
      try { what = decoder.decode(new Uint8Array(v.kb.memory.buffer, v.kb.kb_panic_ptr(), v.kb.kb_panic_len())); } catch (_) { /* none kept */ }
      v = await instance();
      const [np2, nl2] = v.put(encoder.encode(file.name));
      const [wp, wl] = v.put(encoder.encode(what || "unknown fault"));
      v.kb.kb_malformed(np2, nl2, wp, wl);
      return v.answer();
    }
  }

  function busy(text) { document.getElementById("busy").textContent = text; }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, val] of Object.entries(attrs || {})) {
      if (val !== null && val !== undefined) e.setAttribute(k, val);
    }
    for (const c of children) e.append(c === null || c === undefined ? "" : c);
    return e;
  }

  function show(r) {
    const result = document.getElementById("result");
    document.body.dataset.state = r ? "done" : "busy";
    if (!r) { result.hidden = true; return; }
    busy("");
    lastCsv = r.csv;
    lastFile = r.file;
    const status = document.getElementById("status");
    status.textContent = "Status: " + r.outcome;
    const panel = document.getElementById("status-panel");
    panel.className = "panel" + (r.outcome === "accepted" ? "" : r.outcome === "accepted with warnings" ? " panel--warning" : " panel--error");
    document.getElementById("next-steps").textContent = r.next_steps;
    document.getElementById("fact-file").textContent = r.file;
    document.getElementById("fact-la").textContent = r.la ? r.la.name + " (" + r.la.code + ")" : "not identified";
    document.getElementById("fact-period").textContent = r.period || "not identified";
    const other = document.getElementById("other-period");
    other.hidden = !r.other_period;
    other.textContent = r.other_period ? "This return is for " + r.period + "; this page is for " + JSON.parse(setup).period + ". Check you chose the right file." : "";

    const body = document.querySelector("#findings tbody");
    body.replaceChildren();
    const list = document.getElementById("summary-list");
    list.replaceChildren();
    r.findings.forEach((f, i) => {
      const id = "finding-" + (i + 1);
      const row = el("tr", {
        id, tabindex: "-1",
        "data-severity": f.severity, "data-rule": f.rule, "data-items": f.items.join(" "),
        "data-cell": f.cell, "data-value": f.value,
      },
        el("td", {}, el("strong", { class: "tag tag--" + f.severity }, f.severity)),
        el("td", {}, f.rule, el("span", { class: "items" }, f.rule_name), f.items.length ? el("span", { class: "items" }, f.items.join(", ")) : ""),
        el("td", {}, f.cell || ""),
        el("td", {}, f.value === null ? "" : f.value),
        el("td", {}, f.message),
        el("td", {}, f.action));
      body.append(row);
      if (f.severity === "error") {
        list.append(el("li", {}, el("a", { href: "#" + id }, (f.cell ? f.cell + ": " : "") + f.message)));
      }
    });
    document.getElementById("findings").hidden = r.findings.length === 0;
    document.getElementById("save").hidden = r.findings.length === 0;
    document.getElementById("no-findings").hidden = r.findings.length !== 0;
    const summary = document.getElementById("summary");
    summary.hidden = list.children.length === 0;

    const values = document.querySelector("#values tbody");
    values.replaceChildren();
    for (const v of r.values) {
      values.append(el("tr", { "data-code": v.code },
        el("td", {}, v.code), el("td", {}, v.label), el("td", {}, v.cell || ""),
        el("td", {}, v.as_found), el("td", {}, v.status)));
    }
    document.getElementById("values").hidden = r.values.length === 0;
    result.hidden = false;
    (summary.hidden ? status : summary).focus();
  }

  async function take(file) {
    if (!file) return;
    const started = performance.now();
    try {
      show(JSON.parse(await check(file)));
      // How long from the file to its findings on screen (benches/ reads it).
      document.body.dataset.ms = (performance.now() - started).toFixed(1);
    } catch (e) {
      busy("The page could not check this file: " + e.message);
      document.body.dataset.state = "failed";
    }
  }

  document.getElementById("status").setAttribute("tabindex", "-1");
  const input = document.getElementById("file");
  input.addEventListener("change", () => take(input.files[0]));
  const drop = document.getElementById("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    take(e.dataTransfer.files[0]);
  });
  // A file dropped beside the box is not opened by the browser instead.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());
  document.getElementById("save").addEventListener("click", () => {
    const a = el("a", { href: URL.createObjectURL(new Blob([lastCsv], { type: "text/csv" })), download: "findings - " + lastFile + ".csv" });
    document.body.append(a);
    a.click();
    a.remove();
  });
  compiled().then(() => { document.body.dataset.ready = "yes"; }, (e) => busy("This browser cannot run the checks: " + e.message));
})();
