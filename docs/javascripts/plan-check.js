/* On the pages that follow a clinician's plan (the routine, the progress
   chart, the guided session): only when there is a plan (a "#plan="
   address, or a plan kept on this phone), load what reads it (plan-link.js,
   and plan-follow.js where the page lists exercises) and its styles, then
   tell the page: <html data-leaflet-plan> is "" while they load, "ready"
   once they have (or failed to), and the document hears "leaflet-plan".
   Without a plan, this is all the page runs for plans. */
(function () {
  "use strict";
  var me = document.currentScript;
  // The key plan-link.js keeps a plan under (LeafletPlan.STORE; a test
  // holds the two to the same name).
  var STORE = "leaflet-plan-link";
  // A plan link opened while this page is open changes only the fragment:
  // read the page again, with it.
  window.addEventListener("hashchange", function () {
    if (location.hash.indexOf("#plan=") === 0) location.reload();
  });
  var found = location.hash.indexOf("#plan=") === 0;
  try { found = found || localStorage.getItem(STORE) !== null; } catch (error) { /* storage off: links only */ }
  if (!me || !found) return;
  document.documentElement.setAttribute("data-leaflet-plan", "");
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = me.getAttribute("data-style");
  document.head.appendChild(style);
  var scripts = ["data-reader", "data-follow"].filter(function (name) { return me.hasAttribute(name); });
  scripts.forEach(function (name, index) {
    var script = document.createElement("script");
    script.src = me.getAttribute(name);
    script.async = false; // in order: the reader first
    if (index === scripts.length - 1) {
      // Loaded or not (offline without it), the page goes on.
      script.onload = script.onerror = function () {
        document.documentElement.setAttribute("data-leaflet-plan", "ready");
        document.dispatchEvent(new Event("leaflet-plan"));
      };
    }
    document.head.appendChild(script);
  });
})();
