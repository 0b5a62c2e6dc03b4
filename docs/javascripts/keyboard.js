/* Keyboard access to the navigation drawer on phones and tablets.

   Material opens the drawer with a <label> for a hidden checkbox: a finger
   or a mouse can use it, a keyboard cannot reach it (WCAG 2.1.1). This makes
   that label a button (Enter or Space), moves the focus into the drawer when
   it opens, and closes the drawer with Escape or when the focus leaves it,
   so the focus is never hidden behind it (WCAG 2.4.11). On wide screens the
   button is not shown and the navigation is always on the page. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('.md-header label[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;

  drawer.id = drawer.id || "leaflet-navigation";
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Menu");
  button.setAttribute("aria-controls", drawer.id);

  function showState() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }
  function setOpen(open) {
    if (toggle.checked !== open) toggle.click(); // Material listens for the change
    showState();
  }

  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    setOpen(!toggle.checked);
    if (toggle.checked) {
      var first = drawer.querySelector("a[href], [tabindex='0'], input, button");
      if (first) first.focus();
    }
  });
  drawer.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      setOpen(false);
      button.focus();
    }
  });
  drawer.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (toggle.checked && next && !drawer.contains(next)) setOpen(false);
  });
  toggle.addEventListener("change", showState);
  showState();
})();
