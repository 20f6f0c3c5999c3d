#include "reporters/html_assets.h"

namespace privaudit::reporters {

const std::string_view htmlReportStyle = R"css(
:root { --error: #b00020; --warning: #a35a00; --note: #2f5d8a; --pass: #1b7a3a; --muted: #666; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto;
       max-width: 1100px; padding: 1.5rem; color: #1d1d1d; }
h1 { margin-bottom: .2rem; } h2 { border-bottom: 2px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
.meta, .muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #e3e3e3; padding: .35rem .5rem;
         overflow-wrap: anywhere; }
#inventory table { table-layout: fixed; font-size: .85rem; }
.counts { display: flex; flex-wrap: wrap; gap: .75rem; }
.count { border: 1px solid #ddd; border-radius: 6px; padding: .5rem 1rem; min-width: 7rem; }
.count .n { display: block; font-size: 1.8rem; font-weight: 600; }
.count.error .n, .status.fail, .badge.error { color: var(--error); }
.count.warning .n, .status.at-risk, .badge.warning { color: var(--warning); }
.count.note .n, .badge.note { color: var(--note); }
.status { font-weight: 600; text-transform: uppercase; font-size: .85rem; white-space: nowrap; }
.status.pass { color: var(--pass); } .status.not-checked { color: var(--muted); }
.badge { font-weight: 600; text-transform: uppercase; font-size: .8rem; }
.finding { border: 1px solid #ddd; border-left: 4px solid var(--note); border-radius: 4px;
           padding: .6rem .9rem; margin: .7rem 0; break-inside: avoid; }
.finding[data-level="error"] { border-left-color: var(--error); }
.finding[data-level="warning"] { border-left-color: var(--warning); }
.finding[data-suppressed="true"] { opacity: .65; }
.finding h4 { margin: 0 0 .3rem; font-size: 1rem; }
.location, .flow-steps .loc { font-family: ui-monospace, monospace; font-size: .85rem; color: #333; }
pre, code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; }
pre { background: #f6f8fa; padding: .5rem .7rem; overflow-x: auto; border-radius: 4px; white-space: pre-wrap; }
.flow-steps { margin: .3rem 0 .3rem 1.2rem; padding: 0; }
.flow-steps li { margin: .2rem 0; }
.flow-steps code { display: block; background: #f6f8fa; padding: .1rem .4rem; }
.tag { display: inline-block; background: #eef1f5; border-radius: 3px; padding: 0 .4rem; margin-right: .3rem; font-size: .8rem; }
.controls { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; background: #fafafa;
            border: 1px solid #e3e3e3; padding: .5rem; border-radius: 4px; position: sticky; top: 0; }
.hidden { display: none !important; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .controls { display: none; }
  .finding { opacity: 1 !important; }
  a { color: inherit; text-decoration: none; }
}
)css";

const std::string_view htmlReportScript = R"js(
(function () {
  "use strict";
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var controls = {
    level: document.getElementById("filter-level"),
    category: document.getElementById("filter-category"),
    state: document.getElementById("filter-state"),
    text: document.getElementById("filter-text"),
    sort: document.getElementById("sort-by")
  };
  var levelRank = { error: 3, warning: 2, note: 1, none: 0 };

  function matches(article) {
    var d = article.dataset;
    if (controls.level.value && levelRank[d.level] < levelRank[controls.level.value]) return false;
    if (controls.category.value && d.category !== controls.category.value) return false;
    var state = controls.state.value;
    if (state === "open" && d.suppressed === "true") return false;
    if (state === "suppressed" && d.suppressed !== "true") return false;
    if ((state === "new" || state === "unchanged") && (d.state !== state || d.suppressed === "true")) return false;
    var text = controls.text.value.trim().toLowerCase();
    return !text || article.textContent.toLowerCase().indexOf(text) >= 0;
  }

  function compare(a, b) {
    var key = controls.sort.value, x = a.dataset, y = b.dataset;
    if (key === "severity") {
      var bySeverity = parseFloat(y.severity) - parseFloat(x.severity);
      if (bySeverity) return bySeverity;
      var byLevel = levelRank[y.level] - levelRank[x.level];
      if (byLevel) return byLevel;
    } else if (key === "rule" && x.rule !== y.rule) {
      return x.rule < y.rule ? -1 : 1;
    }
    if (x.file !== y.file) return x.file < y.file ? -1 : 1;
    return parseInt(x.line, 10) - parseInt(y.line, 10);
  }

  function apply() {
    var shown = 0;
    document.querySelectorAll("section.category").forEach(function (section) {
      var list = section.querySelector(".finding-list");
      var items = Array.prototype.slice.call(list.children).sort(compare);
      var visible = 0;
      items.forEach(function (article) {
        list.appendChild(article);
        var show = matches(article);
        article.classList.toggle("hidden", !show);
        if (show) visible++;
      });
      section.classList.toggle("hidden", visible === 0);
      shown += visible;
    });
    document.getElementById("shown-count").textContent = shown + " of " + findings.length + " shown";
    var state = [];
    ["level", "category", "state", "text", "sort"].forEach(function (name) {
      if (controls[name].value) state.push(name + "=" + encodeURIComponent(controls[name].value));
    });
    try {
      history.replaceState(null, "", state.length ? "#" + state.join("&") : location.pathname);
    } catch (e) { /* some browsers refuse it for file: pages; the filter still applies */ }
  }

  // A link such as report.html#level=error&category=logging opens the report filtered.
  location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
    var parts = pair.split("=");
    if (controls[parts[0]]) controls[parts[0]].value = decodeURIComponent(parts[1] || "");
  });
  Object.keys(controls).forEach(function (name) {
    controls[name].addEventListener(name === "text" ? "input" : "change", apply);
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  apply();
  document.body.setAttribute("data-ready", "true");
})();
)js";

} // namespace privaudit::reporters
