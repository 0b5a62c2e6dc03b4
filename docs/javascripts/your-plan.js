/* The patient's plan (docs/your-plan.md): what the plan link holds, or the
   plan kept on this phone, with what was refused; keep it, remove it, or
   go back to the standard routine. A link is made by anyone: the page
   says it comes from the link, never from the clinic. */
(function () {
  "use strict";
  var root = document.getElementById("leaflet-your-plan");
  var block = document.getElementById("leaflet-routine");
  var P = window.LeafletPlan;
  if (!root || !block || !P) return;
  var data = JSON.parse(block.textContent);
  var W = data.words;
  var el = P.el;

  function button(text, action, primary) {
    return el("button", { type: "button", "class": "md-button" + (primary ? " md-button--primary" : ""),
                          text: text, onclick: action });
  }

  function standard() {
    P.forget();
    location.href = data.routine;
  }

  // Removed: from this phone, and from this page's address too, so that
  // the page (and its buttons) no longer follow it.
  function remove() {
    P.drop();
    show(W.plan_removed);
  }

  function show(said) {
    var found = P.now(data);
    var kept = found && P.stored() === found.text;
    root.textContent = "";
    var parts = [said ? el("p", { "class": "leaflet-plan__said", role: "status", text: said }) : null];
    if (!found) {
      parts.push(el("p", { text: W.plan_none }));
    } else {
      parts.push(P.problems(found.problems));
      if (found.plan) {
        parts.push(el("div", { "class": "admonition info leaflet-plan__from" }, [el("p", { text: W.plan_from_link })]));
        parts = parts.concat(P.summary(found.plan, data));
        parts.push(el("p", { "class": "leaflet-plan__kept", text: kept ? W.plan_kept : W.plan_not_kept }));
        parts.push(el("p", { "class": "leaflet-plan__actions" }, [
          el("a", { "class": "md-button md-button--primary", href: P.onward(data.session, found), text: W.plan_start_session }),
          " ",
          el("a", { "class": "md-button", href: P.onward(data.chart, found), text: W.chart })
        ]));
        parts.push(el("p", { "class": "leaflet-plan__actions" }, [
          kept ? button(W.plan_remove, remove)
               : button(W.plan_keep, function () { show(P.keep(found.text) ? W.plan_kept : W.plan_unstored); }),
        ]));
      }
    }
    parts.push(el("p", {}, [button(W.plan_standard, standard)]));
    parts.forEach(function (part) { if (part) root.appendChild(part); });
    var status = root.querySelector(".leaflet-plan__said");
    if (status) { status.setAttribute("tabindex", "-1"); status.focus(); }
  }

  show("");
  window.addEventListener("hashchange", function () { show(""); });
})();
