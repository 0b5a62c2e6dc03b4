/* On the routine page: only when there is a clinician's plan (a "#plan="
   address, or a plan kept on this phone), load what reads it and shows it
   (plan-link.js, plan-follow.js and their styles). Without one, this is
   all the page runs for plans. */
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
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = me.getAttribute("data-style");
  document.head.appendChild(style);
  ["data-reader", "data-follow"].forEach(function (name) {
    var script = document.createElement("script");
    script.src = me.getAttribute(name);
    script.async = false; // in order: the reader first
    document.head.appendChild(script);
  });
})();
