// Back-in-stock widget. Paste into a product page of an allowed shop origin:
//   <div data-stock-alert data-sku="SKU"></div>
//   <script src="https://<your portal host>/widget.js" async></script>
// It shows the product's availability by store and lets a shopper ask to be told
// when it is back. No cookies; everything comes from the portal's host.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var base = script.src.replace(/widget\.js(\?.*)?$/, "");
  var labels = { in_stock: "In stock", few_left: "Few left", out_of_stock: "Out of stock" };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function render(box, data) {
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
    form.appendChild(el("label", { "for": id + "-store" }, "Store"));
    var select = el("select", { id: id + "-store", name: "store" });
    out.forEach(function (c) { select.appendChild(el("option", { value: c.code }, c.name)); });
    form.appendChild(select);
    form.appendChild(el("label", { "for": id + "-email" }, "Your e-mail address"));
    form.appendChild(el("input", { id: id + "-email", name: "email", type: "email", required: "", autocomplete: "email", maxlength: "254" }));
    var trap = el("input", { name: "website", type: "text", tabindex: "-1", autocomplete: "off", "aria-hidden": "true" });
    trap.style.position = "absolute"; trap.style.left = "-10000px";
    form.appendChild(trap);
    form.appendChild(el("p", { "class": "stock-alert-consent" }, data.consent));
    form.appendChild(el("button", { type: "submit" }, "Notify me"));
    var status = el("p", { "class": "stock-alert-status", role: "status", "aria-live": "polite" });
    form.appendChild(status);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var body = new URLSearchParams(new FormData(form));
      body.set("sku", data.sku);
      status.textContent = "Sending…";
      fetch(base + "api/v1/public/subscriptions", { method: "POST", body: body, credentials: "omit" })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
        .then(function (r) { status.textContent = r.ok ? r.j.message : (r.j.error || "Something went wrong."); })
        .catch(function () { status.textContent = "The alert could not be sent. Please try again."; });
    });
    box.appendChild(form);
  }

  function load(box) {
    var sku = box.getAttribute("data-sku") || "";
    fetch(base + "api/v1/public/availability?sku=" + encodeURIComponent(sku), { credentials: "omit" })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
      .then(function (data) { render(box, data); })
      .catch(function () { box.textContent = "Availability is not available right now."; });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-stock-alert]"), load);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
