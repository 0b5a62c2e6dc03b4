/* Keyboard access to the navigation drawer on phones and tablets.

   Material opens the drawer with a <label> for a hidden checkbox: a finger
   or a mouse can use it, a keyboard cannot reach it (WCAG 2.1.1), and a
   screen reader does not hear a button. This puts a real button, with the
   same icon and look, in its place; it moves the focus into the drawer
   when it opens, and the drawer closes with Escape or when the focus
   leaves it, so the focus is never hidden behind it (WCAG 2.4.11). On wide
   screens the button is not shown and the navigation is always there. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !label || !drawer) return;

  // The button's name, in the page's language (<html lang="zh">).
  var MENU = { en: "Menu", zh: "菜单" };
  var lang = (document.documentElement.lang || "en").toLowerCase().split("-")[0];

  drawer.id = drawer.id || "leaflet-navigation";
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " leaflet-menu-button";
  button.innerHTML = label.innerHTML; // Material's menu icon
  button.setAttribute("aria-label", MENU[lang] || MENU.en);
  button.setAttribute("aria-controls", drawer.id);
  label.replaceWith(button);

  function showState() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }
  function setOpen(open) {
    if (toggle.checked !== open) toggle.click(); // Material listens for the change
    showState();
  }

  button.addEventListener("click", function (event) {
    setOpen(!toggle.checked);
    // Opened from the keyboard (Enter or Space): go into the drawer.
    if (toggle.checked && event.detail === 0) {
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
