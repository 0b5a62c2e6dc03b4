/* On the pages that follow a clinician's plan (the routine, the progress
   chart, the guided session): only when there is a plan (the page's head
   has marked it: <html data-leaflet-plan>, overrides/partials/
   plan-check-head.html), load what reads it (plan-link.js, and
   plan-follow.js where the page lists exercises) and its styles, then
   tell the page: data-leaflet-plan is "" while they load, "ready" once
   they have (or failed to), and the document hears "leaflet-plan".
   Without a plan, this is all the page runs for plans. */
(function () {
  "use strict";
  var me = document.currentScript;
  var html = document.documentElement;
  // A plan link opened while this page is open changes only the fragment:
  // read the page again, with it.
  window.addEventListener("hashchange", function () {
    if (location.hash.indexOf("#plan=") === 0) location.reload();
  });
  if (!me || !html.hasAttribute("data-leaflet-plan")) return;
  // The lists wait, hidden, until plan-follow.js has followed the plan
  // (data-leaflet-plan-shown), or cannot (stylesheets/leaflet.css).
  function show() { html.setAttribute("data-leaflet-plan-shown", ""); }
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = me.getAttribute("data-style");
  document.head.appendChild(style);
  var scripts = ["data-reader", "data-follow"].filter(function (name) { return me.hasAttribute(name); });
  function ready() {
    html.setAttribute("data-leaflet-plan", "ready");
    document.dispatchEvent(new Event("leaflet-plan"));
  }
  scripts.forEach(function (name, index) {
    var script = document.createElement("script");
    script.src = me.getAttribute(name);
    script.async = false; // in order: the reader first
    // Without one (offline with no copy of it), no plan is followed.
    script.addEventListener("error", show);
    // Loaded or not, the page goes on.
    if (index === scripts.length - 1) {
      script.addEventListener("load", ready);
      script.addEventListener("error", ready);
    }
    document.head.appendChild(script);
  });
})();
