/* A clinician's plan in a link: "#plan=1.<digits>", read and written here
   only (the maker, the plan page, the routine, the session and the chart
   all use window.LeafletPlan).

   The plan is in the address's fragment, which the browser never sends to
   any server. To fit a readable QR code, a plan of six exercises with a
   120-character Chinese note included, the plan is packed as bits and
   written as one decimal number (QR codes hold digits at 3.3 bits each):

     1                       a leading 1, so leading zeros survive
     15 bits                 start date: days since 2024-01-01, 0 = none
     4 bits                  how many exercises, then for each:
       16 bits               its key (leaflet/plan_limits.py, from its name)
       1 bit                 version: 0 Beginner, 1 Progressed
       7, 6, 2 bits          amount (times or minutes), hold in seconds,
                             times a day
     7 bits                  the note's length, then 16 bits a character
     16 bits                 a check of everything before it

   The "1." before the digits is the format's version. A link is made by
   anyone: the reader checks every value against the site's limits (the
   data block's "limits"), keeps what passes, says what it refused, and
   hands out plan text to be written as text only. */
(function () {
  "use strict";
  var VERSION = 1;
  var PREFIX = "plan=";
  // The kept link's "1.<digits>", read afresh each time (plan-check.html
  // looks for it under this name too).
  var STORE = "leaflet-plan-link";
  var EPOCH = Date.UTC(2024, 0, 1);
  var MAX_DIGITS = 1200; // far more than the largest plan the fields allow
  var FIELDS = { start: 15, count: 4, key: 16, level: 1, amount: 7, hold: 6, perDay: 2, noteLength: 7, unit: 16, check: 16 };

  function check(bits) {
    // FNV-1a over the bits, folded to 16: a truncated or edited link fails.
    var hash = 0x811c9dc5;
    for (var i = 0; i < bits.length; i++) hash = Math.imul(hash ^ bits.charCodeAt(i), 0x01000193);
    return ((hash >>> 16) ^ hash) & 0xffff;
  }

  function field(value, size) {
    var bits = (value >>> 0).toString(2);
    if (bits.length > size) throw new RangeError("does not fit");
    return new Array(size - bits.length + 1).join("0") + bits;
  }

  // Raw numbers in, "1.<digits>" out: no limits checked (the maker checks
  // its form; tests use this to write links a maker never would).
  function pack(raw) {
    var bits = field(raw.start || 0, FIELDS.start) + field(raw.exercises.length, FIELDS.count);
    raw.exercises.forEach(function (e) {
      bits += field(e.key, FIELDS.key) + field(e.level, FIELDS.level) + field(e.amount, FIELDS.amount) +
        field(e.hold, FIELDS.hold) + field(e.perDay, FIELDS.perDay);
    });
    var note = String(raw.note || "");
    bits += field(note.length, FIELDS.noteLength);
    for (var i = 0; i < note.length; i++) bits += field(note.charCodeAt(i), FIELDS.unit);
    bits += field(check(bits), FIELDS.check);
    return (raw.version || VERSION) + "." + BigInt("0b1" + bits).toString(10);
  }

  // "1.<digits>" -> raw numbers, or {problem: "plan_broken" | "plan_newer"}.
  function unpack(text) {
    var found = new RegExp("^(\\d{1,3})\\.(\\d{1," + MAX_DIGITS + "})$").exec(String(text));
    if (!found) return { problem: "plan_broken" };
    if (+found[1] > VERSION) return { problem: "plan_newer" };
    if (+found[1] !== VERSION) return { problem: "plan_broken" };
    var bits = BigInt(found[2]).toString(2).slice(1);
    var at = 0;
    function take(size) {
      if (at + size > bits.length) throw new RangeError("too short");
      at += size;
      return parseInt(bits.slice(at - size, at), 2);
    }
    try {
      if (check(bits.slice(0, -FIELDS.check)) !== parseInt(bits.slice(-FIELDS.check), 2)) throw new RangeError("check");
      var raw = { start: take(FIELDS.start), exercises: [], note: "" };
      for (var n = take(FIELDS.count); n > 0; n--) {
        raw.exercises.push({ key: take(FIELDS.key), level: take(FIELDS.level), amount: take(FIELDS.amount),
                             hold: take(FIELDS.hold), perDay: take(FIELDS.perDay) });
      }
      var units = [];
      for (var u = take(FIELDS.noteLength); u > 0; u--) units.push(take(FIELDS.unit));
      if (at + FIELDS.check !== bits.length) throw new RangeError("length");
      raw.units = units;
      return raw;
    } catch (error) {
      return { problem: "plan_broken" };
    }
  }

  function say(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (all, key) {
      return values && key in values ? values[key] : all;
    });
  }

  function isoDay(days) {
    return new Date(EPOCH + days * 864e5).toISOString().slice(0, 10);
  }

  function daysOf(iso) {
    var parts = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso || "");
    return parts ? Math.round((Date.UTC(+parts[1], parts[2] - 1, +parts[3]) - EPOCH) / 864e5) : 0;
  }

  // An exercise's unit at a version: "minutes" or "times".
  function unitOf(exercise, level) {
    return (exercise.levels[level] || {}).unit === "minutes" ? "minutes" : "times";
  }

  // The highest amount an exercise's unit allows.
  function most(unit, limits) {
    return unit === "minutes" ? limits.minutes : limits.times;
  }

  // Control and format characters, and the line and paragraph separators:
  // they could hide text or reorder what is shown. The joiners (U+200C,
  // U+200D) that some scripts and emoji need pass.
  var INVISIBLE = /(?![\u200c\u200d])[\p{Cc}\p{Cf}\u2028\u2029]/u;

  // A note as text: none of those, and whole surrogate pairs.
  function noteOf(units, limits) {
    if (units.length > limits.note_chars) return null;
    var text = String.fromCharCode.apply(null, units);
    if (INVISIBLE.test(text)) return null;
    if (/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/.test(text)) return null;
    return text;
  }

  // What a link holds, checked against this site's exercises and limits:
  // {plan: {start, note, exercises: [...]} or null, problems: [text]}.
  function read(text, data) {
    var W = data.words, limits = data.limits;
    var raw = unpack(text);
    if (raw.problem) return { plan: null, problems: [W[raw.problem]] };
    var problems = [], seen = {}, exercises = [];
    raw.exercises.forEach(function (e) {
      var exercise = data.exercises.filter(function (x) { return x.key === e.key; })[0];
      if (!exercise) { problems.push(W.plan_unknown); return; }
      var level = data.levels[e.level];
      var unit = unitOf(exercise, level);
      if (seen[exercise.id]) { problems.push(say(W.plan_twice, { title: exercise.title })); return; }
      seen[exercise.id] = true;
      if (e.amount < 1 || e.amount > most(unit, limits) || e.hold > limits.hold_seconds ||
          (unit === "minutes" && e.hold) || e.perDay < 1 || e.perDay > limits.per_day) {
        problems.push(say(W.plan_outside, { title: exercise.title }));
        return;
      }
      exercises.push({ id: exercise.id, exercise: exercise, level: level, unit: unit,
                       amount: e.amount, hold: e.hold, perDay: e.perDay });
    });
    var note = noteOf(raw.units, limits);
    if (note === null) { problems.push(W.plan_bad_note); note = ""; }
    var start = raw.start ? isoDay(raw.start) : "";
    if (!exercises.length) {
      problems.push(W.plan_empty);
      return { plan: null, problems: problems };
    }
    return { plan: { start: start, note: note, exercises: exercises }, problems: problems };
  }

  // A plan as the maker's form gives it -> "1.<digits>".
  function write(plan, data) {
    return pack({
      start: daysOf(plan.start),
      note: plan.note,
      exercises: plan.exercises.map(function (e) {
        var exercise = data.exercises.filter(function (x) { return x.id === e.id; })[0];
        return { key: exercise.key, level: data.levels.indexOf(e.level), amount: e.amount, hold: e.hold || 0, perDay: e.perDay };
      })
    });
  }

  // The plan in this page's address, else the one kept on this phone:
  // {text, from: "link" | "kept"} or null.
  function current() {
    var hash = location.hash.slice(1);
    if (hash.indexOf(PREFIX) === 0) {
      var text = hash.slice(PREFIX.length);
      try { text = decodeURIComponent(text); } catch (error) { /* read as it is: unpack refuses it */ }
      return { text: text, from: "link" };
    }
    var kept = stored();
    return kept ? { text: kept, from: "kept" } : null;
  }

  function stored() {
    try { return localStorage.getItem(STORE); } catch (error) { return null; }
  }

  function keep(text) {
    try { localStorage.setItem(STORE, text); return true; } catch (error) { return false; }
  }

  function forget() {
    try { localStorage.removeItem(STORE); } catch (error) { /* nothing kept */ }
  }

  // "4 times each way, hold each for 2 seconds": the amount in the
  // exercise's own unit and way of counting (the page's dose words,
  // leaflet/doses.py), then the hold.
  function amount(item, data) {
    var W = data.words;
    var counted = ((item.exercise && item.exercise.levels[item.level]) || {}).counted || "once";
    var unit = (item.amount === 1 ? W.dose_unit_one : W.dose_unit)[item.unit];
    var parts = [say(W.dose_counted[counted] || "{amount}", { amount: say(unit, { n: item.amount }) })];
    if (item.hold) parts.push(say(item.hold === 1 ? W.plan_hold_one : W.plan_hold, { n: item.hold }));
    return parts.join(W.plan_gap);
  }

  // "4 times each way, hold each for 2 seconds, twice a day", as text.
  function dose(item, data) {
    return amount(item, data) + data.words.plan_gap + data.words.plan_per_day[item.perDay - 1];
  }

  function level(item, data) {
    return data.words.levels[data.levels.indexOf(item.level)];
  }

  // The address of a page with this plan in its fragment.
  function link(address, text) {
    var url = new URL(address, location.href);
    url.hash = PREFIX + text;
    return url.href;
  }

  // The address of a page this one links to: with the plan passed on if
  // it is only in this page's address (a kept plan needs no passing on).
  function onward(address, found) {
    return found && found.plan && found.from === "link" && stored() !== found.text ? link(address, found.text) : address;
  }

  // The plan gone: from this phone, and from this page's address, so the
  // page (and its links) no longer follow it.
  function drop() {
    forget();
    if (location.hash.indexOf("#" + PREFIX) === 0) history.replaceState(null, "", location.pathname + location.search);
  }

  // The text of html between open and close, or "".
  function between(html, open, close) {
    var from = html.indexOf(open) + open.length;
    var end = from < open.length ? -1 : html.indexOf(close, from);
    return end < 0 ? "" : html.slice(from, end);
  }

  // A fetched page's data block, or null. Read as text, not parsed as a
  // page (which would apply its inline styles against this page's
  // Content-Security-Policy): its JSON holds no "<"
  // (leaflet/session_data.data_block), so it ends at the first "</script>".
  function dataIn(html) {
    var text = between(html, 'id="leaflet-routine">', "</script>");
    return text ? JSON.parse(text) : null;
  }

  // An element with text only: whatever a link holds is never HTML.
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") node.textContent = attributes.text;
      else if (name.slice(0, 2) === "on") node.addEventListener(name.slice(2), attributes[name]);
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  // "1 December 2026" / "2026年12月1日", in the words' language.
  function longDate(iso, data) {
    var parts = iso.split("-").map(Number);
    return new Intl.DateTimeFormat(data.words.sheet_locale, { dateStyle: "long", timeZone: "UTC" })
      .format(Date.UTC(parts[0], parts[1] - 1, parts[2]));
  }

  // The plan's exercises, each linking to its page, with its version and
  // dose; then the note, as coming from the link.
  function summary(plan, data) {
    var W = data.words;
    return [
      plan.start ? el("p", { text: say(W.plan_start, { date: longDate(plan.start, data) }) }) : null,
      el("ul", { "class": "leaflet-plan__list" }, plan.exercises.map(function (item) {
        return el("li", {}, [el("a", { href: item.exercise.url, text: item.exercise.title }),
                             el("br"), say(W.plan_level, { level: level(item, data), dose: dose(item, data) })]);
      })),
      el("p", { text: W.plan_pages_note }),
      plan.note ? el("p", { "class": "leaflet-plan__note" }, [el("strong", { text: W.plan_note }), " ",
                                                               el("span", { text: plan.note })]) : null
    ];
  }

  // An exercise's steps (the site's own HTML) at the plan's amount and
  // hold: the page's dose and hold sentences (leaflet/doses.py marks them)
  // say the plan's instead, so the steps never disagree with the plan.
  function steps(html, item, data) {
    var W = data.words;
    var box = document.createElement("div");
    box.innerHTML = html;
    box.querySelectorAll(".leaflet-dose").forEach(function (span) {
      span.textContent = say(W.plan_step, { dose: dose(item, data) });
    });
    box.querySelectorAll(".leaflet-hold").forEach(function (span) {
      span.textContent = item.hold ? say(W.step_hold, { n: item.hold }) : W.step_no_hold;
    });
    return box;
  }

  // What was refused, in plain words, or nothing: a list in a status
  // region (a list given the role "status" would no longer be a list).
  function problems(list) {
    return list.length ? el("div", { role: "status" }, [el("ul", { "class": "leaflet-plan__problems" }, list.map(function (text) {
      return el("li", { text: text });
    }))]) : null;
  }

  // The plan that applies to this page: {text, from, plan, problems}, or
  // null when there is none.
  function now(data) {
    var found = current();
    if (!found) return null;
    var result = read(found.text, data);
    found.plan = result.plan;
    found.problems = result.problems;
    return found;
  }

  window.LeafletPlan = {
    PREFIX: PREFIX, STORE: STORE, INVISIBLE: INVISIBLE, unitOf: unitOf, most: most, pack: pack, read: read, write: write, current: current, stored: stored, now: now,
    keep: keep, forget: forget, drop: drop, onward: onward, dose: dose, level: level, link: link, say: say, daysOf: daysOf,
    el: el, between: between, dataIn: dataIn, longDate: longDate, amount: amount, summary: summary, problems: problems, steps: steps
  };
})();
