// abstract-align report: filters, and going to a finding's row. Reads data-* attributes only.
(function () {
  "use strict";
  var doc = document;
  var boxes = Array.prototype.slice.call(doc.querySelectorAll("input[data-filter]"));
  var onlyFlagged = doc.getElementById("only-flagged");
  var findings = Array.prototype.slice.call(doc.querySelectorAll("tr.finding"));
  var groups = Array.prototype.slice.call(doc.querySelectorAll("tbody.group"));
  var tagged = Array.prototype.slice.call(doc.querySelectorAll("mark.hl, a.badge"));
  var shownCount = doc.getElementById("shown-count");

  function ids(element) {
    return (element.getAttribute("data-findings") || "").split(" ").filter(Boolean);
  }

  function checked(kind) {
    var values = {};
    boxes.forEach(function (box) {
      if (box.getAttribute("data-filter") === kind && box.checked) { values[box.value] = true; }
    });
    return values;
  }

  function apply() {
    var severities = checked("severity");
    var rules = checked("rule");
    var visible = {};
    var shown = 0;
    findings.forEach(function (row) {
      var on = severities[row.getAttribute("data-severity")] === true && rules[row.getAttribute("data-rule")] === true;
      row.hidden = !on;
      if (on) { visible[row.id] = true; shown += 1; }
    });
    function anyVisible(element) { return ids(element).some(function (id) { return visible[id] === true; }); }
    groups.forEach(function (group) {
      var flagged = anyVisible(group);
      group.classList.toggle("flagged", flagged);
      group.hidden = Boolean(onlyFlagged && onlyFlagged.checked && !flagged);
    });
    tagged.forEach(function (element) { element.classList.toggle("muted", !anyVisible(element)); });
    if (shownCount) { shownCount.textContent = String(shown); }
  }

  function reveal(target) {
    if (target.hidden) { target.hidden = false; }
    if (target.tagName === "DETAILS") { target.open = true; }
  }

  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  if (onlyFlagged) { onlyFlagged.addEventListener("change", apply); }

  // A link inside the page: show its target if a filter hid it, scroll it to the middle and focus
  // it, so that keyboard users continue from there.
  doc.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
    if (!link) { return; }
    var target = doc.getElementById(link.getAttribute("href").slice(1));
    if (!target) { return; }
    event.preventDefault();
    reveal(target);
    groups.forEach(function (group) { group.classList.remove("current"); });
    if (target.classList.contains("group")) { target.classList.add("current"); }
    if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  });

  if (location.hash) {
    var initial = doc.getElementById(location.hash.slice(1));
    if (initial) { reveal(initial); }
  }
  apply();
})();
