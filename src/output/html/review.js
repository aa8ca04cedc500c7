// vnfacts review page: shows one document at a time (each is a <template>), wires the legend,
// the fact table (sort, filter, a row scrolls to its mark) and the tooltips.
(function () {
  "use strict";
  var docs = Array.prototype.slice.call(document.querySelectorAll("template.doc"));
  var view = document.getElementById("view");
  var slot = document.getElementById("table-slot");
  var tip = document.getElementById("tip");
  var list = document.getElementById("doc-list");
  var kindFilter = document.getElementById("kind-filter");
  var factFilter = document.getElementById("fact-filter");
  var texts = [];

  // The table's rows: all of the document's (`rows`, in the order sorted), those the filters
  // let through (`shown`), and how many of those are in the page: a report of thousands of
  // facts adds its rows a page at a time as the table is scrolled, since laying out a table
  // of thousands of rows takes seconds.
  var PAGE = 200;
  var rows = [], shown = [], attached = 0, tbody = null, byTarget = {};
  var factCount = document.getElementById("fact-count");

  function show(i) {
    var t = docs[i];
    if (!t) return;
    // Back to the top before the old document goes (cheap: it is laid out already).
    view.scrollTop = 0;
    slot.scrollTop = 0;
    var body = t.content.cloneNode(true);
    var table = body.querySelector("table.facts");
    if (table) table.remove();
    rows = [];
    byTarget = {};
    tbody = null;
    if (table) {
      tbody = table.tBodies[0];
      rows = Array.prototype.slice.call(tbody.rows);
      tbody.replaceChildren();
      rows.forEach(function (r) { if (r.dataset.target) byTarget[r.dataset.target] = r; });
    }
    view.replaceChildren(body);
    slot.replaceChildren();
    if (table) slot.appendChild(table);
    var counts = {};
    view.querySelectorAll("mark.f[id]").forEach(function (m) {
      if (m.dataset.st === "missing") return;
      counts[m.dataset.kind] = (counts[m.dataset.kind] || 0) + 1;
    });
    document.querySelectorAll("#legend .n").forEach(function (n) {
      n.textContent = counts[n.dataset.kind] || "0";
    });
    list.querySelectorAll("button").forEach(function (b) {
      b.setAttribute("aria-current", String(b.dataset.n === String(i)));
    });
    document.title = t.dataset.source + " — vnfacts";
    filterRows();
  }

  // The document list, for a batch.
  if (docs.length > 1) {
    document.getElementById("docs").hidden = false;
    var frag = document.createDocumentFragment();
    docs.forEach(function (t, i) {
      var li = document.createElement("li");
      var b = document.createElement("button");
      b.type = "button";
      b.dataset.n = String(i);
      b.dataset.st = t.dataset.st || "";
      b.textContent = t.dataset.source;
      var st = document.createElement("span");
      st.className = "st";
      st.textContent = " · " + t.dataset.facts + " facts" + (t.dataset.st ? " · " + t.dataset.st : "");
      b.appendChild(st);
      b.addEventListener("click", function () { show(i); });
      li.appendChild(b);
      frag.appendChild(li);
    });
    list.appendChild(frag);
    var count = document.getElementById("doc-count");
    count.textContent = docs.length + " documents";
    document.getElementById("doc-search").addEventListener("input", function (ev) {
      var q = ev.target.value.trim().toLowerCase();
      var shown = 0;
      docs.forEach(function (t, i) {
        if (q && texts[i] === undefined) {
          var el = t.content.querySelector(".text");
          texts[i] = (t.dataset.source + "\n" + (el ? el.textContent : "")).toLowerCase();
        }
        var hit = !q || texts[i].indexOf(q) >= 0;
        list.children[i].hidden = !hit;
        if (hit) shown++;
      });
      count.textContent = shown + " of " + docs.length + " documents";
    });
  }

  // The legend: untick a kind to hide its marks and rows.
  document.querySelectorAll("#legend input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("off-" + box.dataset.kind, !box.checked);
      filterRows();
    });
  });
  var diffOnly = document.getElementById("diff-only");
  if (diffOnly) {
    diffOnly.addEventListener("change", function () {
      document.body.classList.toggle("diff-only", diffOnly.checked);
      filterRows();
    });
  }

  // The rows the filters let through: the kind chosen, the text typed, the kinds the legend
  // shows, and for a check, only the differences when asked.
  function filterRows() {
    var k = kindFilter.value;
    var q = factFilter.value.trim().toLowerCase();
    var off = {};
    document.querySelectorAll("#legend input[data-kind]").forEach(function (b) {
      if (!b.checked) off[b.dataset.kind] = true;
    });
    var diffs = diffOnly && diffOnly.checked;
    shown = rows.filter(function (tr) {
      return (!k || tr.dataset.kind === k) && !off[tr.dataset.kind] &&
        (!diffs || tr.dataset.st) && (!q || tr.textContent.toLowerCase().indexOf(q) >= 0);
    });
    if (!tbody) return;
    tbody.replaceChildren();
    attached = 0;
    more();
  }
  // Adds the next page of rows (or up to row `upto` of `shown`).
  function more(upto) {
    if (!tbody) return;
    var end = Math.min(shown.length, Math.max(attached + PAGE, (upto || 0) + 1));
    var frag = document.createDocumentFragment();
    for (; attached < end; attached++) frag.appendChild(shown[attached]);
    tbody.appendChild(frag);
    factCount.textContent = shown.length === rows.length
      ? rows.length + " facts" : shown.length + " of " + rows.length + " facts";
  }
  slot.addEventListener("scroll", function () {
    if (attached < shown.length && slot.scrollTop + slot.clientHeight > slot.scrollHeight - 400) more();
  });
  kindFilter.addEventListener("change", filterRows);
  factFilter.addEventListener("input", filterRows);

  // Sorting: a header click sorts by its column, again reverses.
  slot.addEventListener("click", function (ev) {
    var th = ev.target.closest("th");
    if (th) { sortBy(th); return; }
    var tr = ev.target.closest("tbody tr");
    if (tr) go(tr);
  });
  slot.addEventListener("keydown", function (ev) {
    var tr = ev.target.closest("tbody tr");
    if (tr && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); go(tr); }
  });
  function sortBy(th) {
    var table = th.closest("table");
    var col = Array.prototype.indexOf.call(th.parentNode.children, th);
    var asc = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var num = th.dataset.type === "num";
    var key = function (tr) {
      var td = tr.cells[col];
      if (num) { var v = parseFloat(td.dataset.v); return isNaN(v) ? Infinity : v; }
      return td.textContent;
    };
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      var c = num ? x - y : x.localeCompare(y, "vi");
      return asc ? c : -c;
    });
    filterRows();
  }

  // A row scrolls the text to its fact and focuses it.
  function go(tr) {
    slot.querySelectorAll("tr.current").forEach(function (r) { r.classList.remove("current"); });
    tr.classList.add("current");
    var id = tr.dataset.target;
    var m = id && document.getElementById(id);
    if (!m) return;
    m.scrollIntoView({ block: "center", inline: "nearest" });
    m.focus({ preventScroll: true });
    m.classList.remove("flash");
    void m.offsetWidth;
    m.classList.add("flash");
  }

  // A mark shows its row in the table.
  view.addEventListener("click", function (ev) {
    var m = ev.target.closest("mark.f[data-f]");
    if (!m) return;
    var tr = byTarget[m.dataset.f];
    var at = shown.indexOf(tr);
    if (at < 0) return;
    if (at >= attached) more(at);
    slot.querySelectorAll("tr.current").forEach(function (r) { r.classList.remove("current"); });
    tr.classList.add("current");
    tr.scrollIntoView({ block: "nearest" });
  });

  // Tooltips: what a fact holds, on hover and on keyboard focus.
  function tipFor(el) {
    if (el.matches("tr[data-tip]")) return el.dataset.tip;
    var tr = byTarget[el.dataset.f];
    return tr ? tr.dataset.tip : "";
  }
  function showTip(el) {
    var text = tipFor(el);
    if (!text) { tip.hidden = true; return; }
    tip.textContent = text;
    tip.hidden = false;
    var r = el.getBoundingClientRect();
    var top = r.bottom + 6;
    if (top + tip.offsetHeight > window.innerHeight) top = Math.max(0, r.top - tip.offsetHeight - 6);
    tip.style.top = top + "px";
    tip.style.left = Math.max(0, Math.min(r.left, window.innerWidth - tip.offsetWidth - 4)) + "px";
  }
  function target(ev) { return ev.target.closest && ev.target.closest(".text mark.f[data-f], tbody tr[data-tip]"); }
  document.addEventListener("mouseover", function (ev) { var el = target(ev); if (el) showTip(el); });
  document.addEventListener("mouseout", function (ev) { if (target(ev)) tip.hidden = true; });
  document.addEventListener("focusin", function (ev) { var el = target(ev); if (el) showTip(el); else tip.hidden = true; });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") tip.hidden = true; });

  var first = /^#doc=(\d+)$/.exec(location.hash);
  show(first ? Math.min(+first[1], docs.length - 1) : 0);
})();
