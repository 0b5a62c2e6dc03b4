/* The log of guided sessions (session.js adds them), kept in this
   browser only, and its last weeks on the progress chart. A log may be
   old or edited by hand: what makes no sense is left out and said so. */
(function () {
  "use strict";
  var KEY = "leaflet-log";
  var WEEKS = 6; // as the printed chart
  var COLUMNS = ["date", "time", "level", "stopped", "exercise", "count", "seconds", "skipped"];
  var block = document.getElementById("leaflet-routine");
  var data = {};
  try {
    data = JSON.parse(block.textContent);
  } catch (error) {}
  var words = data.words || {};

  function say(key, values) {
    return String(words[key] || key).replace(/\{(\w+)\}/g, function (all, name) {
      return (values || {})[name];
    });
  }
  function list(items) {
    return items.join(say("log_list_gap"));
  }
  // The reader's own calendar day, not UTC's.
  function day(date) {
    return new Date(date - date.getTimezoneOffset() * 6e4).toISOString().slice(0, 10);
  }
  function is(type, value) {
    return typeof value == type;
  }

  // A session as it is stored, or null if any part of it is wrong.
  function clean(s) {
    s = s || {};
    var d = /^(\d{4})-(\d\d)-(\d\d)$/.exec(s.date);
    var exercises = (Array.isArray(s.exercises) ? s.exercises : [0]).map(function (e) {
      e = e || {};
      return /^[a-z0-9-]+$/.test(e.id) && is("number", e.count) && e.count >= 0 && e.count % 1 === 0 &&
        is("number", e.seconds) && e.seconds >= 0 && isFinite(e.seconds) && is("boolean", e.skipped) &&
        { id: e.id, count: e.count, seconds: e.seconds, skipped: e.skipped };
    });
    return d && day(new Date(d[1], d[2] - 1, d[3])) == s.date && /^(morning|evening|any)$/.test(s.time) &&
      (data.levels || []).indexOf(s.level) >= 0 && is("boolean", s.stopped) && exercises.every(Boolean) ?
      { date: s.date, time: s.time, level: s.level, stopped: s.stopped, exercises: exercises } : null;
  }

  function load() {
    var found = { sessions: [], problems: [] };
    var log, bad = [];
    try {
      log = localStorage.getItem(KEY); // throws where storage is turned off
    } catch (error) {
      found.problems.push(say("log_unavailable"));
      return found;
    }
    if (log === null) return found;
    found.stored = true;
    try {
      log = JSON.parse(log) || {};
    } catch (error) {
      log = {};
    }
    found.newer = log.version > 1;
    if (log.version !== 1 || !Array.isArray(log.sessions)) found.problems.push(say(found.newer ? "log_newer" : "log_unreadable"));
    [].concat(log.sessions || []).forEach(function (session, i) {
      var s = clean(session);
      if (s) found.sessions.push(s);
      else bad.push(i + 1);
    });
    if (bad.length) found.problems.push(say("log_bad_sessions", { n: list(bad) }));
    return found;
  }
  function read() {
    var found = load();
    return { sessions: found.sessions, problems: found.problems };
  }
  function write(change) {
    try {
      change(localStorage);
      return true;
    } catch (error) {
      return false;
    }
  }
  function replace(sessions) {
    return write(function (store) {
      store.setItem(KEY, JSON.stringify({ version: 1, sessions: sessions.map(clean).filter(Boolean) }));
    });
  }
  // Never rewrites a newer leaflet's log.
  function add(session) {
    var found = load();
    return !!clean(session) && !found.newer && replace(found.sessions.concat([session]));
  }

  // A row for each exercise (or one for a session with none).
  function toCSV() {
    var rows = [COLUMNS];
    read().sessions.forEach(function (s) {
      (s.exercises.length ? s.exercises : [{}]).forEach(function (e) {
        rows.push([s.date, s.time, s.level, s.stopped, e.id, e.count, e.seconds, e.skipped]);
      });
    });
    return rows.join("\r\n") + "\r\n";
  }

  // Lines in a row with the same date, time, version and ending are one
  // session, until an exercise comes again.
  function fromCSV(text) {
    var rows = String(text).replace(/^\ufeff/, "").toLowerCase().split(/\r?\n/).map(function (line) {
      return line.split(",").map(function (cell) { return cell.trim().replace(/^"(.*)"$/, "$1"); });
    });
    var found = { sessions: [], problems: [] };
    var last = {}, bad = [], same;
    var at = COLUMNS.map(function (name) { return rows[0].indexOf(name); });
    var truth = { "true": true, "false": false };
    if (at.indexOf(-1) >= 0) found.problems.push(say("log_not_log"));
    else rows.slice(1).forEach(function (row, n) {
      var v = at.map(function (column) { return row[column] || ""; });
      var key = v.slice(0, 4) + "";
      var e = last.exercises;
      var s = clean({ date: v[0], time: v[1], level: v[2], stopped: truth[v[3]], exercises: v[4] ? [
        { id: v[4], count: v[5] ? +v[5] : NaN, seconds: v[6] ? +v[6] : NaN, skipped: truth[v[7]] }] : [] });
      if (!row.join("")) return;
      if (!s) bad.push(n + 2);
      else if (key == same && v[4] && e.length && !e.some(function (x) { return x.id == v[4]; })) e.push(s.exercises[0]);
      else {
        found.sessions.push(last = s);
        same = key;
      }
    });
    if (bad.length) found.problems.push(say("log_bad_lines", { n: list(bad) }));
    else if (!found.sessions.length && !found.problems.length) found.problems.push(say("log_no_sessions"));
    return found;
  }

  window.LeafletLog = {
    read: read, add: add, replace: replace, toCSV: toCSV, fromCSV: fromCSV,
    clear: function () {
      return write(function (store) { store.removeItem(KEY); });
    },
    firstDate: function (level) {
      return read().sessions.reduce(function (first, s) {
        return s.level == level && (!first || s.date < first) ? s.date : first;
      }, null);
    }
  };

  // The progress chart page.

  var blank = document.querySelector("table.leaflet-chart");
  if (!blank || !block) return;

  function make(tag, parent, text, className) {
    var element = parent.appendChild(document.createElement(tag));
    if (text) element.textContent = text;
    if (className) element.className = className;
    return element;
  }
  function button(key, action) {
    var b = make("button", actions, say(key), "md-button");
    b.type = "button";
    b.onclick = action;
    return b;
  }
  function box(parent, state) {
    return make("span", parent, state && say("log_mark_" + state), "leaflet-log-box leaflet-log-" + (state || "none"));
  }

  var lang = document.documentElement.lang;
  var weekday = new Intl.DateTimeFormat(lang, { weekday: "short" });
  var monthDay = new Intl.DateTimeFormat(lang, { month: "short", day: "numeric" });
  // The rows and names of the printed chart.
  var rows = [].slice.call(blank.querySelectorAll("tbody tr[data-exercise]"));
  var names = blank.querySelectorAll("thead th");
  var section = document.createElement("section");
  var heading = make("h2", section, say("log_title", { n: WEEKS }));
  var body = make("div", section);
  var status = make("div", section, "", "leaflet-screen-only");
  var actions = make("div", section, "", "leaflet-log-actions leaflet-screen-only");
  heading.id = "leaflet-log";
  section.setAttribute("aria-labelledby", heading.id);
  status.setAttribute("role", "status");

  var save = button("log_save", function () {
    var link = make("a", body);
    link.href = URL.createObjectURL(new Blob([toCSV()], { type: "text/csv" }));
    link.download = "leaflet-log-" + day(new Date()) + ".csv";
    link.click();
    link.remove();
  });
  var open = button("log_load", function () {
    file.click();
  });
  var remove = button("log_delete", function () {
    if (confirm(say("log_delete_confirm"))) {
      show([say(window.LeafletLog.clear() ? "log_deleted" : "log_not_saved")]);
      open.focus();
    }
  });
  var file = make("input", actions);
  file.type = "file";
  file.accept = ".csv,text/csv";
  file.hidden = true;
  file.onchange = function () {
    var chosen = file.files[0];
    file.value = "";
    if (chosen) chosen.text().then(function (text) {
      var found = fromCSV(text);
      var n = { n: found.sessions.length };
      if (n.n && confirm(say("log_load_confirm", n))) {
        found.problems.unshift(say(replace(found.sessions) ? "log_loaded" : "log_not_saved", n));
      }
      show(found.problems);
    });
  };
  make("p", actions, say("log_help"));
  // After the printed chart and its words, before the next section: the
  // page does not move as it loads.
  var next = blank = blank.closest(".leaflet-chart-scroll") || blank;
  while ((next = next.nextElementSibling) && !/^H[12]$/.test(next.tagName));
  blank.parentNode.insertBefore(section, next);

  // An exercise's row for the time of day, else its "any", else its first.
  function rowOf(id, time) {
    var mine = rows.filter(function (row) { return row.dataset.exercise == id; });
    var at = function (when) {
      return mine.filter(function (row) { return row.dataset.time == when; })[0];
    };
    return rows.indexOf(at(time) || at("any") || mine[0]);
  }

  function table(sessions, parent) {
    // A stopped session outweighs a finished one.
    var ticks = {}, ticked = {};
    sessions.forEach(function (s) {
      s.exercises.forEach(function (e) {
        var row = rowOf(e.id, s.time), key = row + " " + s.date;
        if (!e.skipped && row >= 0) {
          ticks[key] = s.stopped ? "stopped" : ticks[key] || "done";
          ticked[row] = true;
        }
      });
    });
    // Weeks from Monday, the last one this week.
    var now = new Date();
    var dayOf = function (week, d) {
      return new Date(now.getFullYear(), now.getMonth(), now.getDate() - (now.getDay() + 6) % 7 + 7 * (week - WEEKS + 1) + d);
    };
    var t = make("table", parent, "", "leaflet-log-table");
    make("caption", t, say("log_caption"));
    var head = make("tr", make("thead", t));
    var tbody = make("tbody", t);
    head.append(names[0].cloneNode(true), names[1].cloneNode(true));
    for (var w = 0; w < WEEKS; w++) make("th", head, say("log_week", { date: monthDay.format(dayOf(w, 0)) })).scope = "col";
    rows.forEach(function (row, r) {
      // A row a clinician's plan leaves off the chart (plan-follow.js),
      // unless the reader has done it.
      if (row.classList.contains("leaflet-plan-hidden") && !ticked[r]) return;
      var tr = make("tr", tbody);
      tr.dataset.exercise = row.dataset.exercise;
      [row.querySelector("th"), row.querySelector("td")].forEach(function (cell) {
        if (cell) tr.append(cell.cloneNode(true));
      });
      for (var w = 0; w < WEEKS; w++) {
        var td = make("td", tr);
        var boxes = make("span", td, "", "leaflet-log-days");
        var said = { done: [], stopped: [] };
        boxes.setAttribute("aria-hidden", "true");
        for (var d = 0; d < 7; d++) {
          var state = ticks[r + " " + day(dayOf(w, d))];
          box(boxes, state);
          if (state) said[state].push(weekday.format(dayOf(w, d)));
        }
        make("span", td, ["done", "stopped"].filter(function (s) { return said[s].length; }).map(function (s) {
          return say("log_cell_" + s, { days: list(said[s]) });
        }).join(" ") || say("log_cell_none"), "leaflet-log-hidden");
      }
    });
  }

  function show(messages) {
    var found = load();
    var n = found.sessions.length;
    body.textContent = status.textContent = "";
    if (n) {
      // A region that scrolls on its own, as the printed chart's.
      var scroll = body.appendChild(blank.cloneNode());
      scroll.setAttribute("aria-label", heading.textContent);
      table(found.sessions, scroll);
      var legend = make("p", body);
      ["done", "stopped"].forEach(function (state) {
        box(legend, state);
        legend.append(" " + say("log_" + state) + " ");
      });
    } else {
      // Today's routine is a sibling of When to get help.
      make("a", make("p", body, say("log_empty") + " "), say("log_empty_link")).href =
        data.help.replace(/[^/]*\/?$/, "session/");
    }
    section.className = n ? "leaflet-log" : "leaflet-log leaflet-screen-only";
    save.hidden = !n;
    remove.hidden = !found.stored;
    if (found.stored && found.problems.length) found.problems.push(say("log_problems_end"));
    (messages || []).concat(found.problems).forEach(function (message) {
      make("p", status, message);
    });
  }

  show();
  // Drawn again with the rows the chart shows once a plan is followed, or
  // left for the standard routine.
  document.addEventListener("leaflet-plan-followed", function () { show(); });
})();
