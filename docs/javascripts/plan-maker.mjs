/* The clinician's plan maker (docs/make-a-plan.md).

   A form of every exercise in the page's data block (#leaflet-routine,
   written from the exercise pages by hooks/guided_session.py, so a new
   exercise appears here by itself). It makes a plan link (plan-link.js:
   the plan is in the address's fragment, which no browser sends to a
   server), that link's QR code, drawn here as SVG (lean-qr, copied into
   vendor/ by make), and a printed plan: a summary sheet (with the pain
   rule), then the steps of each chosen exercise on the sheets after it,
   then When to get help's red flags, in the patient's language (read from
   that language's plan page, else this page's).

   Every limit is data.limits (leaflet/plan_limits.py). Plan text, the
   note and titles, is only ever set as text; the steps, the Stop if
   boxes and When to get help's part are the site's own built HTML.
   Nothing is stored or sent. */
import { correction, generate } from "./vendor/lean-qr.mjs";
import { toSvg } from "./vendor/lean-qr-svg.mjs";

const ID = "leaflet-pm-";
const MADE = "leaflet-plan-maker--made";
const DAY = 864e5;
// The last start day offered: far inside what the link can hold.
const LAST_DAY = "2099-12-31";

const root = document.getElementById("leaflet-plan-maker");
const block = document.getElementById("leaflet-routine");
const P = window.LeafletPlan;
const { el, unitOf } = P;

const low = amount => (Array.isArray(amount) ? amount[0] : amount);
const clamp = (n, least, most) => Math.max(least, Math.min(most, n));

// The picture of the version: Beginner the first after the start
// position, Progressed the last (the exercise pages' front matter order).
function pictureFor(exercise, level, levels) {
  const pictures = exercise.pictures || [];
  return level === levels[levels.length - 1] ? pictures[pictures.length - 1] : pictures[Math.min(1, pictures.length - 1)];
}

function maker(data) {
  const W = data.words;
  const L = data.limits;
  const LEVELS = data.levels;
  const say = P.say;
  const most = unit => P.most(unit, L);
  const now = new Date();
  const today = new Date(now - now.getTimezoneOffset() * 6e4).toISOString().slice(0, 10);
  // The first day a link can hold (day 0 means "no start date").
  const firstDay = new Date(Date.parse(today) - (P.daysOf(today) - 1) * DAY).toISOString().slice(0, 10);

  function defaults(exercise, level) {
    const dose = exercise.levels[level] || {};
    const unit = unitOf(exercise, level);
    return {
      amount: clamp(low(dose.start) || 1, 1, most(unit)),
      hold: unit === "minutes" ? 0 : clamp(dose.hold_seconds || 0, 0, L.hold_seconds),
      perDay: clamp(exercise.when === "morning and evening" ? 2 : 1, 1, L.per_day),
    };
  }

  function numberField(id, label, least, greatest, value) {
    const input = el("input", { type: "number", id, min: least, max: greatest, step: 1, inputmode: "numeric",
                                value: String(value) });
    return el("p", { class: "leaflet-plan-maker__field" }, [el("label", { for: id, text: label }), input]);
  }

  function radios(name, legend, options, chosen) {
    return el("fieldset", { class: "leaflet-plan-maker__choice" }, [el("legend", { text: legend })].concat(
      options.map(([value, text]) => {
        const input = el("input", { type: "radio", name, value, id: name + "-" + value });
        input.checked = value === chosen;
        return el("label", { for: input.id }, [input, " " + text]);
      })));
  }

  const picked = name => (form.querySelector(`input[name="${name}"]:checked`) || {}).value;

  // One fieldset an exercise: ticked, it shows its version and dose.
  const rows = data.exercises.map(exercise => {
    const base = ID + exercise.id;
    const first = defaults(exercise, LEVELS[0]);
    const on = el("input", { type: "checkbox", id: base, value: exercise.id, "aria-controls": base + "-dose" });
    const levels = radios(base + "-level", W.version, LEVELS.map((level, i) => [level, W.levels[i]]), LEVELS[0]);
    const amount = numberField(base + "-amount", "", 1, most(unitOf(exercise, LEVELS[0])), first.amount);
    const hold = numberField(base + "-hold", W.maker_hold, 0, L.hold_seconds, first.hold);
    const perDay = numberField(base + "-per-day", W.maker_per_day, 1, L.per_day, first.perDay);
    const dose = el("div", { class: "leaflet-plan-maker__dose", id: base + "-dose" }, [levels, amount, hold, perDay]);
    const row = {
      exercise, on, level: LEVELS[0], label: amount.firstChild, holdRow: hold,
      amount: amount.lastChild, hold: hold.lastChild, perDay: perDay.lastChild,
      node: el("fieldset", { class: "leaflet-plan-maker__exercise" }, [
        el("legend", {}, [el("label", { for: base }, [on, " " + exercise.title])]), dose]),
    };
    dose.hidden = true;
    on.addEventListener("change", () => { dose.hidden = !on.checked; });
    levels.addEventListener("change", () => setLevel(row, picked(base + "-level")));
    setLevel(row, LEVELS[0]);
    return row;
  });

  // The dose follows the version: its unit, and its defaults where the
  // clinician has left the last version's.
  function setLevel(row, level) {
    const before = defaults(row.exercise, row.level);
    const after = defaults(row.exercise, level);
    const unit = unitOf(row.exercise, level);
    row.level = level;
    row.label.textContent = unit === "minutes" ? W.maker_minutes : W.maker_times;
    row.amount.max = most(unit);
    row.holdRow.hidden = unit === "minutes";
    for (const name of ["amount", "hold", "perDay"]) {
      if (row[name].value === "" || +row[name].value === before[name]) row[name].value = after[name];
    }
  }

  const list = el("fieldset", { class: "leaflet-plan-maker__list" },
    [el("legend", { text: W.maker_exercises })].concat(rows.map(row => row.node)));
  const start = el("input", { type: "date", id: ID + "start", min: firstDay, max: LAST_DAY, value: today });
  const codes = Object.keys(data.plan);
  const language = radios(ID + "language", W.maker_language,
    codes.map(code => [code, (W.maker_languages || {})[code] || code]), data.language);
  const note = el("textarea", { id: ID + "note", rows: 3, maxlength: L.note_chars, "aria-describedby": ID + "note-left" });
  const left = el("span", { id: ID + "note-left", class: "leaflet-plan-maker__hint" });
  const makeButton = el("button", { type: "submit", class: "md-button md-button--primary", text: W.maker_make });
  const form = el("form", { class: "leaflet-plan-maker__form", novalidate: "" }, [
    list,
    el("p", { class: "leaflet-plan-maker__field" }, [el("label", { for: start.id, text: W.maker_start }), start]),
    language,
    el("p", { class: "leaflet-plan-maker__note" }, [
      el("label", { for: note.id, text: say(W.maker_note, { n: L.note_chars }) }), note, left]),
    el("p", {}, [makeButton]),
  ]);

  // What a made plan gives the clinician.
  const madeText = el("p", { class: "leaflet-plan-maker__made", tabindex: "-1", text: W.maker_made });
  const linkField = el("input", { type: "text", id: ID + "link", readonly: "", spellcheck: "false" });
  const copied = el("span", { class: "leaflet-plan-maker__hint", role: "status" });
  const open = el("a", { href: "#", target: "_blank", rel: "noopener", text: W.maker_open });
  const code = el("div", { class: "leaflet-plan-maker__code" });
  const result = el("div", { class: "leaflet-plan-maker__result" }, [
    madeText,
    el("p", { class: "leaflet-plan-maker__link" }, [el("label", { for: linkField.id, text: W.maker_link }), linkField]),
    el("p", {}, [el("button", { type: "button", class: "md-button", text: W.maker_copy, onclick: copy }), " ", copied]),
    el("p", {}, [open]),
    el("figure", { class: "leaflet-plan-maker__qr" }, [code, el("figcaption", { text: W.sheet_scan })]),
    el("p", {}, [el("button", { type: "button", class: "md-button md-button--primary", text: W.maker_print,
                                onclick: () => window.print() })]),
  ]);
  result.hidden = true;
  const sheet = el("div", { class: "leaflet-plan-sheet" });
  root.replaceChildren(form, result, sheet);

  // One plain message, next to the field it is about, which takes the focus.
  const error = el("p", { class: "leaflet-plan-maker__error", id: ID + "error" });
  let invalid = null;
  function fail(field, message, after) {
    error.textContent = message;
    (after || field.closest("p, fieldset")).after(error);
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " " + error.id).trim());
    invalid = field;
    field.focus();
    return null;
  }
  function clearError() {
    error.remove();
    if (!invalid) return;
    invalid.removeAttribute("aria-invalid");
    const rest = invalid.getAttribute("aria-describedby").replace(error.id, "").trim();
    if (rest) invalid.setAttribute("aria-describedby", rest);
    else invalid.removeAttribute("aria-describedby");
    invalid = null;
  }

  function whole(input, title, label) {
    const value = input.value.trim();
    if (/^\d+$/.test(value) && +value >= +input.min && +value <= +input.max) return +value;
    fail(input, say(W.maker_fix, { title, label, min: input.min, max: input.max }));
    return NaN;
  }

  // The form as a plan for LeafletPlan.write, or null (and a message).
  function collect() {
    const chosen = rows.filter(row => row.on.checked);
    if (!chosen.length) return fail(rows[0].on, W.maker_choose, list.firstChild);
    const exercises = [];
    for (const row of chosen) {
      const title = row.exercise.title;
      const minutes = unitOf(row.exercise, row.level) === "minutes";
      const amount = whole(row.amount, title, row.label.textContent);
      const hold = minutes || isNaN(amount) ? 0 : whole(row.hold, title, W.maker_hold);
      const perDay = isNaN(amount + hold) ? 0 : whole(row.perDay, title, W.maker_per_day);
      if (isNaN(amount + hold + perDay)) return null;
      exercises.push({ id: row.exercise.id, level: row.level, amount, hold, perDay });
    }
    if (start.validity.badInput || (start.value && (start.value < start.min || start.value > start.max))) {
      return dateProblem();
    }
    // The reader refuses control and direction characters: line breaks
    // become spaces, the rest go.
    note.value = note.value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
      .replace(new RegExp(P.INVISIBLE.source, "gu"), "").trim();
    count();
    return { start: start.value, note: note.value, exercises };
  }

  function dateProblem() {
    return fail(start, say(W.maker_date_fix, {
      label: W.maker_start, min: P.longDate(start.min, data), max: P.longDate(start.max, data) }));
  }

  // The words, exercises and pictures of the patient's language, and the
  // margins of the page the link opens (its address and review dates, so
  // the sheets can be checked against it): its plan page's, fetched once;
  // this page's if that cannot be had.
  const pages = {};
  function dataFor(code) {
    const here = { ...data, base: location.href };
    if (!data.plan[code]) return Promise.resolve(here);
    const address = new URL(data.plan[code], location.href).href;
    return pages[code] || (pages[code] = fetch(address)
      .then(response => (response.ok ? response.text() : Promise.reject(response.status)))
      .then(html => {
        const found = P.dataIn(html);
        if (!found) throw new Error("no data block");
        // Its sheets' margins: the disclaimer, the clinic's line and the
        // page's address (overrides/partials/print-footer.html).
        return { ...found, base: address, margins: P.between(html, '<style media="print">', "</style>") };
      })
      .catch(() => { delete pages[code]; return here; }));
  }
  language.addEventListener("change", () => dataFor(picked(ID + "language")));

  // The printed margins of the patient's language, after this page's own
  // (a rule added to the page's print-footer stylesheet: the page's policy
  // allows no new <style>). One @page rule, or nothing.
  const footer = [...document.styleSheets].filter(one => one.ownerNode && one.ownerNode.matches('style[media="print"]')).pop();
  let added = false;
  function setMargins(text) {
    if (!footer) return;
    if (added) footer.deleteRule(footer.cssRules.length - 1);
    added = false;
    try {
      if (text) added = footer.insertRule(text.trim(), footer.cssRules.length) >= 0;
    } catch (problem) { /* not one rule: this page's margins stay */ }
  }

  let turn = 0;
  function forget() {
    turn += 1;
    result.hidden = true;
    sheet.replaceChildren();
    setMargins("");
    root.classList.remove(MADE);
  }

  async function make(event) {
    event.preventDefault();
    forget();
    clearError();
    const mine = turn;
    const plan = collect();
    if (!plan) return;
    let text;
    try {
      text = P.write(plan, data);
    } catch (problem) {
      return dateProblem(); // the one value whose range the form cannot bound
    }
    // Read back as the patient's phone will read it.
    const read = P.read(text, data);
    if (!read.plan || read.problems.length) return fail(makeButton, read.problems[0] || W.maker_choose);
    const patient = picked(ID + "language") || data.language;
    const link = P.link(data.plan[patient], text);
    let qr;
    try {
      qr = generate(link, { minCorrectionLevel: correction.M, maxVersion: L.qr_version });
    } catch (problem) {
      return fail(note, W.maker_too_long);
    }
    const words = await dataFor(patient);
    if (mine !== turn) return; // the form changed meanwhile
    linkField.value = link;
    open.href = link;
    code.replaceChildren(drawn(qr, W.maker_qr_alt));
    sheet.replaceChildren(...printed(plan, words, drawn(qr, words.words.maker_qr_alt)));
    sheet.lang = words.language;
    setMargins(words.margins);
    copied.textContent = "";
    result.hidden = false;
    root.classList.add(MADE);
    madeText.focus();
  }

  function drawn(qr, label) {
    const svg = toSvg(qr, document, { on: "#000", off: "#fff", pad: 4 });
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    return svg;
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(linkField.value);
      copied.textContent = W.maker_copied;
    } catch (problem) {
      linkField.focus();
      linkField.select();
    }
  }

  // The printed plan in the patient's language (S): the summary sheet,
  // then each exercise's steps and Stop if box, then When to get help.
  function printed(plan, S, svg) {
    const SW = S.words;
    const at = address => new URL(address, S.base).href;
    const items = plan.exercises.map(item => {
      const exercise = S.exercises.find(x => x.id === item.id) || data.exercises.find(x => x.id === item.id);
      return { ...item, exercise, unit: unitOf(exercise, item.level) };
    });
    // Addresses in the site's HTML were written for the page the data
    // came from.
    const rebase = part => part.querySelectorAll("[href], [src]").forEach(node => {
      for (const name of ["href", "src"]) {
        const value = node.getAttribute(name);
        if (value && !value.startsWith("#")) node.setAttribute(name, at(value));
      }
    });
    const levelOf = item => P.level(item, S);
    const amountOf = item => P.amount(item, S);
    const heads = [SW.sheet_exercise, SW.sheet_version, SW.sheet_amount, SW.sheet_often];
    const summary = el("section", { class: "leaflet-plan-sheet__summary" }, [
      el("h2", { text: SW.sheet_title }),
      plan.start && el("p", { class: "leaflet-plan-sheet__start",
                              text: say(SW.plan_start, { date: P.longDate(plan.start, S) }) }),
      el("table", { class: "leaflet-plan-sheet__table" }, [
        el("thead", {}, [el("tr", {}, heads.map(text => el("th", { scope: "col", text })))]),
        el("tbody", {}, items.map(item => {
          const picture = pictureFor(item.exercise, item.level, LEVELS);
          return el("tr", {}, [
            el("th", { scope: "row" }, [
              picture && el("img", { src: at(picture.src), alt: "", width: picture.width, height: picture.height }),
              el("span", { text: item.exercise.title })]),
            el("td", { text: levelOf(item) }),
            el("td", { text: amountOf(item) }),
            el("td", { text: SW.plan_per_day[item.perDay - 1] }),
          ]);
        })),
      ]),
      plan.note && el("p", { class: "leaflet-plan-sheet__note" }, [
        el("strong", { text: SW.plan_note }), " ", el("span", { text: plan.note })]),
      // The sheet on the fridge says how much ache is fine (pain_rule.yml).
      S.pain_rule && el("p", { class: "leaflet-plan-sheet__pain" }, [
        el("strong", { text: S.pain_rule.title }), SW.gap + S.pain_rule.words]),
      el("div", { class: "leaflet-plan-sheet__foot" }, [
        el("figure", { class: "leaflet-plan-sheet__qr" }, [svg, el("figcaption", { text: SW.sheet_scan })]),
        el("p", { class: "leaflet-plan-sheet__from", text: SW.plan_from_link }),
      ]),
    ]);
    const steps = el("section", { class: "leaflet-plan-sheet__steps" }, [el("h2", { text: SW.sheet_steps })]);
    for (const item of items) {
      // The site's own built HTML, its dose and hold sentences the plan's.
      const how = P.steps(item.exercise.steps[item.level] || "", item, S);
      how.className = "leaflet-plan-sheet__how";
      const stop = el("div", { class: "admonition warning" }, [el("p", { class: "admonition-title", text: SW.stop_if })]);
      stop.insertAdjacentHTML("beforeend", item.exercise.stop_if || ""); // the site's own built HTML
      const part = el("section", { class: "leaflet-plan-sheet__exercise" }, [
        el("h3", { text: item.exercise.title }),
        el("p", {}, [el("strong", { text: say(SW.plan_level, { level: levelOf(item), dose: P.dose(item, S) }) })]),
        how, stop]);
      rebase(part);
      steps.append(part);
    }
    // When to get help's opening, as its page has it (the site's own built
    // HTML): what to do, and the red flags, on paper too.
    if (!S.help_html) return [summary, steps];
    const help = el("section", { class: "leaflet-plan-sheet__help" }, [el("h2", { text: SW.help })]);
    help.insertAdjacentHTML("beforeend", S.help_html);
    rebase(help);
    return [summary, steps, help];
  }

  function count() {
    left.textContent = say(W.maker_note_left, { n: L.note_chars - note.value.length });
  }
  note.addEventListener("input", count);
  count();
  form.addEventListener("input", forget);
  form.addEventListener("submit", make);
}

if (root && block && P) maker(JSON.parse(block.textContent));
