// abstract-align batch index: sort by a column, filter by name and status. Reads data-* attributes only.
(function () {
  "use strict";
  var doc = document;
  var table = doc.getElementById("batch");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var nameFilter = doc.getElementById("name-filter");
  var statusFilter = doc.getElementById("status-filter");
  var shownCount = doc.getElementById("shown-count");

  function filter() {
    var text = nameFilter.value.trim().toLowerCase();
    var status = statusFilter.value;
    var shown = 0;
    rows.forEach(function (row) {
      var on = row.getAttribute("data-name").indexOf(text) !== -1 &&
        (status === "" || row.getAttribute("data-status") === status);
      row.hidden = !on;
      if (on) { shown += 1; }
    });
    shownCount.textContent = String(shown);
  }

  function sortBy(button) {
    var header = button.parentElement;
    var key = button.getAttribute("data-sort");
    var numeric = button.getAttribute("data-type") === "number";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.setAttribute("aria-sort", "none"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = a.getAttribute("data-" + key);
      var y = b.getAttribute("data-" + key);
      var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      if (order === 0) { order = a.getAttribute("data-name").localeCompare(b.getAttribute("data-name")); }
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  Array.prototype.forEach.call(table.querySelectorAll("th button[data-sort]"), function (button) {
    button.addEventListener("click", function () { sortBy(button); });
  });
  nameFilter.addEventListener("input", filter);
  statusFilter.addEventListener("change", filter);
  filter();
})();
