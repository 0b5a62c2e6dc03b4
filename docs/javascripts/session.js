/* The guided session ("Today's routine", docs/session.md).

   Everything it shows comes from the page's data block (#leaflet-routine,
   written at build time from the exercise pages by hooks/guided_session.py):
   which exercises, in what order, their doses, pictures, steps and Stop if
   points, and every word, in the page's language. Nothing about an
   exercise is written here, so a new exercise page is in the session with
   no other edit. What the reader does is kept by log.js, in this browser
   only. The page loads this file only where it says [guided session].

   A clinician's plan (javascripts/plan-link.js: the one in this page's
   address, else the one kept on this phone) replaces the routine: its
   exercises, each at its version and amount, as many times a day as it
   says; the week and version are not asked. */
(function () {
  "use strict";
  var root = document.getElementById("leaflet-session");
  var block = document.getElementById("leaflet-routine");
  if (!root || !block) return;
  var data = JSON.parse(block.textContent);
  var W = data.words;
  var LEVELS = data.levels;
  // {level: "YYYY-MM-DD"}: the day week 1 began, and whether to read the
  // steps aloud (not a clinician's plan, which plan-link.js keeps).
  var SETTINGS = "leaflet-plan";
  var log = window.LeafletLog;
  var P = null;
  var planned = null;
  var state = null;
  var timer = null;

  function say(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (all, key) {
      return values && key in values ? values[key] : all;
    });
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") node.textContent = attributes.text;
      else if (name === "html") node.innerHTML = attributes.html; // the site's own built HTML
      else if (name.slice(0, 2) === "on") node.addEventListener(name.slice(2), attributes[name]);
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function today() {
    var now = new Date();
    return new Date(now.getFullYear(), now.getMonth(), now.getDate());
  }

  function iso(day) {
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return day.getFullYear() + "-" + two(day.getMonth() + 1) + "-" + two(day.getDate());
  }

  function stored(key) {
    try { return JSON.parse(localStorage.getItem(key)) || {}; } catch (error) { return {}; }
  }

  function store(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (error) { /* private mode: not kept */ }
  }

  // The week of the plan: from the day the reader began this version (or
  // their first session at it), unless they set it themselves.
  function weekOf(level) {
    var began = stored(SETTINGS)[level] || (log && log.firstDate(level));
    if (!began) return 1;
    var parts = began.split("-");
    var start = new Date(+parts[0], +parts[1] - 1, +parts[2]);
    // Whole days, rounded: a day with a clock change is 23 or 25 hours.
    return Math.max(1, Math.floor(Math.round((today() - start) / 864e5) / 7) + 1);
  }

  function setWeek(level, week) {
    var plan = stored(SETTINGS);
    var start = today();
    start.setDate(start.getDate() - 7 * (week - 1));
    plan[level] = iso(start);
    store(SETTINGS, plan);
  }

  // The version the tabs on the exercise pages remember (Material keeps
  // the labels last chosen, newest first, as "__tabs").
  function rememberedLevel() {
    var chosen = (window.__md_get && window.__md_get("__tabs")) || [];
    for (var i = 0; i < chosen.length; i++) {
      var index = W.levels.indexOf(chosen[i]);
      if (index >= 0) return LEVELS[index];
    }
    return LEVELS[0];
  }

  function rememberLevel(level) {
    if (!window.__md_get || !window.__md_set) return;
    var label = W.levels[LEVELS.indexOf(level)];
    var chosen = (window.__md_get("__tabs") || []).filter(function (l) { return l !== label; });
    window.__md_set("__tabs", [label].concat(chosen));
  }

  // Done on some days only ("a few times a week"): in a session if the
  // reader adds them.
  function occasional(exercise) { return exercise.when === "a few times a week"; }

  function low(amount) { return Array.isArray(amount) ? amount[0] : amount; }

  // About how many this week: the start, plus the weekly step for each
  // week since, up to the lower end of the target (or no end).
  function thisWeek(dose, week) {
    var start = low(dose.start);
    if (!dose.weekly_step) return start;
    var cap = dose.target == null ? Infinity : low(dose.target);
    return Math.min(start + dose.weekly_step * (week - 1), cap);
  }

  function radios(name, legend, options, chosen) {
    return el("fieldset", {}, [el("legend", { text: legend })].concat(options.map(function (option) {
      var input = el("input", { type: "radio", name: name, value: option[0], id: name + "-" + option[0] });
      input.checked = option[0] === chosen;
      return el("label", { "for": input.id }, [input, document.createTextNode(" " + option[1])]);
    })));
  }

  function picked(name) {
    var input = root.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : null;
  }

  function show(children, focus) {
    clearInterval(timer);
    if (window.speechSynthesis) window.speechSynthesis.cancel();
    root.textContent = "";
    children.forEach(function (child) { if (child) root.appendChild(child); });
    // Each new screen takes the focus to its heading, so a screen reader
    // reads it; the first, shown as the page loads, leaves the focus be.
    var target = focus === null ? null : root.querySelector(focus || "h2");
    if (target) {
      if (!target.hasAttribute("tabindex") && target.tagName === "H2") target.setAttribute("tabindex", "-1");
      target.focus();
    }
  }

  function times() {
    return radios("leaflet-time", W.time, [["morning", W.morning], ["evening", W.evening]],
      new Date().getHours() < 14 ? "morning" : "evening");
  }

  function setup() {
    if (planned && planned.plan) return planSetup();
    var level = rememberedLevel();
    var weekly = data.exercises.filter(occasional);
    var week = el("input", { type: "number", min: "1", max: "52", id: "leaflet-week", value: String(weekOf(level)) });
    var versions = radios("leaflet-level", W.version, LEVELS.map(function (l, i) { return [l, W.levels[i]]; }), level);
    versions.addEventListener("change", function () { week.value = String(weekOf(picked("leaflet-level"))); });
    show([
      el("h2", { text: W.which }),
      planned ? P.problems(planned.problems) : null,
      times(),
      versions,
      el("p", {}, [el("label", { "for": "leaflet-week", text: W.week + " " }), week]),
      el("p", { "class": "leaflet-session__hint", text: W.week_help }),
      weekly.length ? el("p", {}, [el("label", { "for": "leaflet-weekly" }, [
        el("input", { type: "checkbox", id: "leaflet-weekly" }),
        document.createTextNode(" " + say(W.weekly, { names: weekly.map(function (e) { return e.title; }).join(W.separator) }))
      ])]) : null,
      el("p", {}, [el("button", { type: "button", "class": "md-button md-button--primary", text: W.start, onclick: start })])
    ], null);
  }

  // The plan's exercises in its order, less those done as many times
  // today as it says.
  function planSetup(said) {
    var plan = planned.plan;
    show([
      el("h2", { text: W.plan_title }),
      said ? el("p", { "class": "leaflet-session__target", role: "status", text: said }) : null,
      P.problems(planned.problems),
      el("p", { text: W.plan_from_link })
    ].concat(P.summary(plan, data), [
      times(),
      el("p", {}, [el("button", { type: "button", "class": "md-button md-button--primary", text: W.start, onclick: startPlan })]),
      el("p", {}, [el("button", { type: "button", "class": "md-button", text: W.plan_standard, onclick: function () {
        P.forget();
        location.href = data.session;
      } })])
    ]), null);
  }

  function startPlan() {
    var doneNow = doneToday();
    state = {
      time: picked("leaflet-time") || "morning", level: planned.plan.exercises[0].level, week: 1, index: 0, done: {},
      exercises: planned.plan.exercises.filter(function (item) { return (doneNow[item.id] || 0) < item.perDay; })
        .map(function (item) { return Object.assign({}, item.exercise, { planned: item }); })
    };
    if (state.exercises.length) exercise();
    else planSetup(W.plan_done_today);
  }

  function start() {
    var level = picked("leaflet-level") || LEVELS[0];
    var week = Math.max(1, Math.min(52, parseInt(root.querySelector("#leaflet-week").value, 10) || 1));
    if (week !== weekOf(level)) setWeek(level, week);
    rememberLevel(level);
    var time = picked("leaflet-time") || "morning";
    var extra = root.querySelector("#leaflet-weekly");
    var doneNow = doneToday();
    state = {
      time: time, level: level, week: week, index: 0,
      exercises: data.exercises.filter(function (exercise) {
        if (occasional(exercise)) return extra && extra.checked;
        // Once a day: in the first session of the day only.
        return exercise.when !== "once a day" || !doneNow[exercise.id];
      }),
      done: {}
    };
    if (state.exercises.length) exercise();
    else setup();
  }

  // How many sessions today did each exercise, by id, from the log.
  function doneToday() {
    var found = {};
    var date = iso(today());
    ((log && log.read().sessions) || []).forEach(function (session) {
      if (session.date !== date) return;
      session.exercises.forEach(function (e) { if (e.count || e.seconds) found[e.id] = (found[e.id] || 0) + 1; });
    });
    return found;
  }

  function result(exercise) {
    return state.done[exercise.id] || (state.done[exercise.id] = { id: exercise.id, count: 0, seconds: 0, skipped: false });
  }

  function counter(dose, done) {
    var output = el("output", { "class": "leaflet-session__count", "aria-live": "polite", text: String(done.count) });
    var hold = dose.hold_seconds ? el("p", { "class": "leaflet-session__hold", "aria-hidden": "true" }) : null;
    var button = el("button", { type: "button", "class": "leaflet-session__tap md-button md-button--primary", text: W.tap });
    button.addEventListener("click", function () {
      done.count += 1;
      output.textContent = String(done.count);
      if (!hold) return;
      var left = dose.hold_seconds;
      hold.textContent = say(W.hold_left, { n: left });
      clearInterval(timer);
      timer = setInterval(function () {
        left -= 1;
        hold.textContent = left > 0 ? say(W.hold_left, { n: left }) : "";
        if (left <= 0) clearInterval(timer);
      }, 1000);
    });
    return [el("p", { "class": "leaflet-session__label", text: W.count_label }), output, hold, button,
            el("p", { "class": "leaflet-session__hint", text: W.tap_help })];
  }

  function stopwatch(minutes, done) {
    var shown = el("output", { "class": "leaflet-session__count", text: clock(done.seconds) });
    var progress = el("p", { "aria-live": "polite" });
    var button = el("button", { type: "button", "class": "leaflet-session__tap md-button md-button--primary", text: W.timer_start });
    var running = false;
    function tick() {
      shown.textContent = clock(done.seconds);
      var whole = Math.floor(done.seconds / 60);
      var text = say(W.minutes_done, { n: whole, total: minutes });
      // Once a minute: a live region rewritten every second is read out every second.
      if (progress.textContent !== text) progress.textContent = text;
    }
    button.addEventListener("click", function () {
      running = !running;
      button.textContent = running ? W.timer_pause : W.timer_start;
      clearInterval(timer);
      if (running) timer = setInterval(function () { done.seconds += 1; tick(); }, 1000);
    });
    tick();
    return [shown, progress, button];
  }

  function clock(seconds) {
    var rest = seconds % 60;
    return Math.floor(seconds / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function readAloud(text) {
    if (!("speechSynthesis" in window) || !window.SpeechSynthesisUtterance) return null;
    var box = el("input", { type: "checkbox", id: "leaflet-read" });
    box.checked = !!stored(SETTINGS).read;
    function speak() {
      window.speechSynthesis.cancel();
      if (!box.checked) return;
      var words = new window.SpeechSynthesisUtterance(text);
      words.lang = document.documentElement.lang || data.language;
      window.speechSynthesis.speak(words);
    }
    box.addEventListener("change", function () {
      var plan = stored(SETTINGS);
      plan.read = box.checked;
      store(SETTINGS, plan);
      speak();
    });
    setTimeout(speak, 0);
    return el("p", {}, [el("label", { "for": "leaflet-read" }, [box, document.createTextNode(" " + W.read_aloud)])]);
  }

  function exercise() {
    var item = state.exercises[state.index];
    var plan = item.planned;
    var level = plan ? plan.level : state.level;
    var dose = item.levels[level] || item.levels[LEVELS[0]];
    // A plan's amount and hold, in place of the week's.
    if (plan) dose = { unit: plan.unit, hold_seconds: plan.hold, counted: dose.counted };
    var done = result(item);
    var target = plan ? plan.amount : thisWeek(dose, state.week);
    var minutes = dose.unit === "minutes";
    var steps = plan ? P.steps(item.steps[level] || "", plan, data)
      : el("div", { html: item.steps[level] || "" });
    steps.className = "leaflet-session__steps";
    show([
      el("p", { "class": "leaflet-session__label", text: say(W.exercise_of, { i: state.index + 1, total: state.exercises.length }) }),
      el("h2", {}, [el("a", { href: item.url, text: item.title })]),
      el("p", { "class": "leaflet-session__target", text: plan ? say(W.plan_target, { dose: P.dose(plan, data) })
        : say(minutes ? W.this_week_minutes : W.this_week, { n: target }) }),
      minutes ? null : el("p", { "class": "leaflet-session__hint", text: W.counted[dose.counted || "once"] }),
      el("div", { "class": "leaflet-session__counter" }, minutes ? stopwatch(target, done) : counter(dose, done)),
      stopIf(item),
      el("div", { "class": "leaflet-session__pictures" }, item.pictures.map(function (picture) {
        return el("img", { src: picture.src, alt: picture.alt, width: picture.width, height: picture.height, loading: "lazy" });
      })),
      moving(item, level),
      el("h3", { text: W.steps }),
      readAloud(steps.textContent),
      steps,
      controls()
    ], "h2");
    var box = root.querySelector(".leaflet-moving");
    if (box && window.LeafletMoving) window.LeafletMoving.add(box);
  }

  // The moving picture of the version being done (or of both), in a box
  // its size; javascripts/moving-pictures.js fills it and adds its button.
  function moving(item, level) {
    var shown = (item.moving || []).filter(function (m) { return !m.level || m.level === level; })[0];
    if (!shown || !window.LeafletMoving) return null;
    var empty = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    empty.setAttribute("viewBox", "0 0 " + shown.width + " " + shown.height);
    empty.setAttribute("width", shown.width);
    empty.setAttribute("height", shown.height);
    empty.setAttribute("aria-hidden", "true");
    return el("div", { "class": "leaflet-movings" }, [el("figure", { "class": "leaflet-moving" }, [
      el("div", { "class": "leaflet-moving__frame", id: "moving-" + shown.name, role: "img", "aria-label": shown.alt }, [empty]),
      el("figcaption", {}, [el("span", { "class": "leaflet-moving__control" }),
                            el("span", { "class": "leaflet-moving__caption", text: shown.caption })])
    ])]);
  }

  function stopIf(item) {
    return el("aside", { "class": "admonition warning leaflet-session__stop-if" }, [
      el("p", { "class": "admonition-title", text: W.stop_if }),
      el("div", { html: item.stop_if })
    ]);
  }

  function controls() {
    var last = state.index === state.exercises.length - 1;
    return el("div", { "class": "leaflet-session__controls" }, [
      state.index > 0 ? el("button", { type: "button", "class": "md-button", text: W.back, onclick: function () { move(-1); } }) : null,
      el("button", { type: "button", "class": "md-button", text: W.skip, onclick: function () { move(1); } }),
      el("button", { type: "button", "class": "md-button md-button--primary", text: last ? W.finish : W.next, onclick: function () { move(1); } }),
      el("button", { type: "button", "class": "md-button leaflet-session__stop", text: W.stop, onclick: function () { finish(true); } })
    ]);
  }

  function move(step) {
    state.index += step;
    if (state.index >= state.exercises.length) finish(false);
    else exercise();
  }

  function finish(stopped) {
    var done = state.exercises.slice(0, stopped ? state.index + 1 : state.exercises.length).map(function (item) {
      var counted = result(item);
      // Skipped: nothing counted or timed, whichever button moved on.
      counted.skipped = !counted.count && !counted.seconds;
      return counted;
    });
    if (log) {
      log.add({ date: iso(today()), time: state.time, level: state.level, stopped: stopped, exercises: done });
    }
    var rule = document.querySelector(".leaflet-pain-rule");
    show([
      el("h2", { text: stopped ? W.stopped_title : W.done_title }),
      el("p", { text: stopped ? W.stopped_text : W.done_text }),
      stopped && rule ? el("div", { "class": "admonition tip", html: rule.outerHTML }) : null,
      el("p", {}, [
        el("a", { href: data.help, "class": stopped ? "md-button md-button--primary" : "md-button", text: W.help }),
        document.createTextNode(" "),
        el("a", { href: P ? P.onward(data.chart, planned) : data.chart, "class": "md-button", text: W.chart })
      ]),
      el("p", { "class": "leaflet-session__hint", text: W.saved_only_here })
    ]);
  }

  // With a plan, once the page's plan check (overrides/partials/
  // plan-check.html) has loaded its reader, or failed to.
  function begin() {
    P = window.LeafletPlan || null;
    planned = P ? P.now(data) : null;
    setup();
  }
  if (document.documentElement.getAttribute("data-leaflet-plan") === "") {
    document.addEventListener("leaflet-plan", begin, { once: true });
  } else {
    begin();
  }
})();
