// Back-in-stock widget. Paste into a product page of an allowed shop origin:
//   <div data-stock-alert data-sku="SKU"></div>
//   <script src="https://<your portal host>/widget.js" async></script>
// It shows the product's availability by store and lets a shopper ask to be told
// when it is back. No cookies; everything comes from the portal's host.
// Its words are in the shop page's language (the box's data-lang, else the page's
// <html lang>, else the browser's) when the portal speaks it, else English: the
// portal fills WORDS from its catalogues when it serves this file.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var base = script.src.replace(/widget\.js(\?.*)?$/, "");
  var WORDS = "__WORDS__";

  function pick(box) {
    var tags = [box.getAttribute("data-lang"), document.documentElement.lang].concat(navigator.languages || [navigator.language]);
    for (var i = 0; i < tags.length; i++) {
      var code = String(tags[i] || "").toLowerCase().split(/[-_]/)[0];
      if (Object.prototype.hasOwnProperty.call(WORDS, code)) { return code; }
    }
    return "en";
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function render(box, data, lang) {
    var w = WORDS[lang];
    var labels = { in_stock: w.in_stock, few_left: w.few_left, out_of_stock: w.out_of_stock };
    box.textContent = "";
    box.appendChild(el("p", { "class": "stock-alert-title" }, data.name));
    var list = el("ul", { "class": "stock-alert-stores" });
    data.channels.forEach(function (c) {
      list.appendChild(el("li", { "data-status": c.status }, c.name + ": " + (labels[c.status] || c.status)));
    });
    box.appendChild(list);
    var out = data.channels.filter(function (c) { return c.status === "out_of_stock"; });
    if (out.length === 0) { return; }
    var id = "stock-alert-" + Math.random().toString(36).slice(2);
    var form = el("form", { "class": "stock-alert-form", novalidate: "" });
    form.appendChild(el("label", { "for": id + "-store" }, w.store));
    var select = el("select", { id: id + "-store", name: "store" });
    out.forEach(function (c) { select.appendChild(el("option", { value: c.code }, c.name)); });
    form.appendChild(select);
    form.appendChild(el("label", { "for": id + "-email" }, w.email));
    form.appendChild(el("input", { id: id + "-email", name: "email", type: "email", required: "", autocomplete: "email", maxlength: "254" }));
    var trap = el("input", { name: "website", type: "text", tabindex: "-1", autocomplete: "off", "aria-hidden": "true" });
    trap.style.position = "absolute"; trap.style.left = "-10000px";
    form.appendChild(trap);
    form.appendChild(el("p", { "class": "stock-alert-consent" }, data.consent));
    form.appendChild(el("button", { type: "submit" }, w.notify));
    var status = el("p", { "class": "stock-alert-status", role: "status", "aria-live": "polite" });
    form.appendChild(status);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var body = new URLSearchParams(new FormData(form));
      body.set("sku", data.sku);
      body.set("lang", lang);
      status.textContent = w.sending;
      fetch(base + "api/v1/public/subscriptions", { method: "POST", body: body, credentials: "omit" })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
        .then(function (r) { status.textContent = r.ok ? r.j.message : (r.j.error || w.failed); })
        .catch(function () { status.textContent = w.not_sent; });
    });
    box.appendChild(form);
  }

  function load(box) {
    var sku = box.getAttribute("data-sku") || "";
    var lang = pick(box);
    box.setAttribute("lang", lang);
    fetch(base + "api/v1/public/availability?sku=" + encodeURIComponent(sku) + "&lang=" + lang, { credentials: "omit" })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
      .then(function (data) { render(box, data, lang); })
      .catch(function () { box.textContent = WORDS[lang].unavailable; });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-stock-alert]"), load);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
