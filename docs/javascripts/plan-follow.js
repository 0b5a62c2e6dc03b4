/* The routine page and the progress chart follow a clinician's plan (the
   one in the page's address, else the one kept on this phone;
   javascripts/plan-link.js): a "Your plan" box before the list, and only
   the plan's exercises, with the plan's amounts, in the list below it.
   "Back to the standard routine" removes the kept plan and shows the
   standard list again.

   The chart has the routine's data block; the routine page does not (it
   is a reading page, kept light), so there this file is loaded only when
   there is a plan (overrides/partials/plan-check.html), and it reads the
   data from the plan page of the same language, which has it.

   Until then the lists wait, hidden (stylesheets/leaflet.css): once the
   plan is followed, or cannot be, <html data-leaflet-plan-shown> shows
   them. */
(function () {
  "use strict";
  var P = window.LeafletPlan;
  var tables = document.querySelectorAll("table.leaflet-routine, table.leaflet-chart");
  function shown() { document.documentElement.setAttribute("data-leaflet-plan-shown", ""); }
  // The chart's log of sessions (log.js) lists the rows the chart shows.
  function followed() { document.dispatchEvent(new Event("leaflet-plan-followed")); }
  if (!P || !tables.length) return shown();
  var el = P.el;

  function withData(use) {
    var block = document.getElementById("leaflet-routine");
    if (block) {
      var data;
      try { data = JSON.parse(block.textContent); } catch (error) { return shown(); }
      return use(data);
    }
    var script = document.querySelector("script[data-plan-page]");
    if (!script) return shown();
    var page = new URL(script.getAttribute("data-plan-page"), location.href);
    fetch(page).then(function (response) {
      return response.ok ? response.text() : Promise.reject(response.status);
    }).then(function (html) {
      var found = P.dataIn(html);
      if (found) use(from(page, found));
    }).catch(function () { /* offline without a copy: the standard list stays */ }).then(shown);
  }

  // The plan page's data with its addresses made whole: they were written
  // relative to that page, not this one.
  function from(page, data) {
    function whole(address) { return new URL(address, page).href; }
    ["help", "chart", "routine", "session"].forEach(function (name) { data[name] = whole(data[name]); });
    Object.keys(data.plan).forEach(function (code) { data.plan[code] = whole(data.plan[code]); });
    data.exercises.forEach(function (exercise) { exercise.url = whole(exercise.url); });
    return data;
  }

  function rows() {
    return [].slice.call(document.querySelectorAll("table.leaflet-routine tr[data-exercise], table.leaflet-chart tr[data-exercise]"));
  }

  // Where the box goes: before the routine's first heading, or the chart.
  function first() {
    var box = tables[0].closest(".leaflet-chart-scroll") || tables[0];
    var heading = box.previousElementSibling;
    return heading && /^H[23]$/.test(heading.tagName) && box.matches(".leaflet-routine") ? heading : box;
  }

  // A cell's text for the plan, its own kept to go back to.
  function was(cell, text) {
    cell.setAttribute("data-plan-was", cell.textContent);
    cell.textContent = text;
  }

  var hidden = [];
  function hide(element) {
    element.classList.add("leaflet-plan-hidden");
    hidden.push(element);
  }

  function apply(data) {
    var W = data.words;
    var found = P.now(data);
    if (!found) return;
    var plan = found.plan;
    var box = el("div", { "class": "admonition info leaflet-plan-box" }, [
      el("p", { "class": "admonition-title", text: W.plan_title }),
      P.problems(found.problems)
    ]);
    if (plan) {
      box.appendChild(el("p", { text: W.plan_from_link }));
      P.summary(plan, data).forEach(function (part) { if (part) box.appendChild(part); });
    }
    box.appendChild(el("p", { "class": "leaflet-plan__actions leaflet-screen-only" }, [
      plan ? el("a", { "class": "md-button md-button--primary", text: W.plan_start_session,
                       href: P.onward(data.session, found) }) : null,
      plan ? el("a", { "class": "md-button", text: W.plan_see,
                       href: P.link(data.plan[data.language], found.text) }) : null,
      el("button", { type: "button", "class": "md-button", text: W.plan_standard, onclick: function () {
        P.drop();
        box.remove();
        hidden.forEach(function (element) { element.classList.remove("leaflet-plan-hidden"); });
        hidden = [];
        document.querySelectorAll("[data-plan-was]").forEach(function (cell) {
          cell.textContent = cell.getAttribute("data-plan-was");
          cell.removeAttribute("data-plan-was");
        });
        document.querySelectorAll("[data-plan-rowspan]").forEach(function (cell) {
          cell.setAttribute("rowspan", cell.getAttribute("data-plan-rowspan"));
          cell.removeAttribute("data-plan-rowspan");
        });
        document.querySelectorAll("[data-plan-href]").forEach(function (link) {
          link.setAttribute("href", link.getAttribute("data-plan-href"));
          link.removeAttribute("data-plan-href");
        });
        followed();
      } })
    ]));
    var before = first();
    before.parentNode.insertBefore(box, before);
    // The page's own links to the session pass on a plan only in the link.
    var session = new URL(data.session, location.href).pathname;
    var onward = P.onward(data.session, found);
    if (onward !== data.session) document.querySelectorAll("a[href]").forEach(function (link) {
      if (new URL(link.href).pathname !== session || link.closest(".leaflet-plan-box")) return;
      link.setAttribute("data-plan-href", link.getAttribute("href"));
      link.href = onward;
    });
    if (!plan) return;
    var chosen = {};
    plan.exercises.forEach(function (item) { chosen[item.id] = item; });
    rows().forEach(function (row) {
      var item = chosen[row.getAttribute("data-exercise")];
      if (!item) return hide(row);
      var routine = row.closest("table").matches(".leaflet-routine");
      // Done once a day: the chart's evening row goes, its morning row is
      // for any time of day.
      if (!routine && item.perDay === 1 && row.getAttribute("data-time") === "evening") return hide(row);
      if (!routine && item.perDay === 1 && row.getAttribute("data-time") === "morning") {
        var name = row.querySelector("th[rowspan]");
        if (name) {
          name.setAttribute("data-plan-rowspan", name.getAttribute("rowspan"));
          name.removeAttribute("rowspan");
        }
        was(row.cells[name ? 1 : 0], W.any_time);
      }
      // The plan's amount in place of the routine's: the chart's under the
      // name, the routine's in its last column.
      var dose = routine ? row.cells[row.cells.length - 1] : row.querySelector("small");
      if (dose) was(dose, P.say(W.plan_level, { level: P.level(item, data), dose: P.dose(item, data) }));
    });
    tables.forEach(function (table) {
      if (!table.matches(".leaflet-routine")) return;
      var shown = table.querySelectorAll("tr[data-exercise]:not(.leaflet-plan-hidden)");
      // The routine's order, counted again over the rows shown.
      shown.forEach(function (row, index) {
        was(row.cells[0], String(index + 1));
      });
      if (shown.length) return;
      // A section none of whose exercises is in the plan.
      hide(table);
      var heading = table.previousElementSibling;
      if (heading && /^H[23]$/.test(heading.tagName)) hide(heading);
    });
  }

  withData(function (data) {
    try { apply(data); } finally { shown(); followed(); }
  });
})();
