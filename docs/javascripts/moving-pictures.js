/* The moving pictures (hooks/leaflet/moving_pictures.py).

   A page holds an empty box of the right size for each, with its
   description. When the reader scrolls near a box, or presses its Play
   button, this fetches the picture (an SVG of the site's own, drawn by
   scripts/draw_pictures.py), parses it as SVG, never as HTML, and puts it
   in the box, with the stylesheet that moves it (added as a <link>, which
   the Content-Security-Policy allows; an inline <style> it would not).

   Every moving picture has a Pause and Play button (WCAG 2.2.2). With
   reduced motion it stays still until the reader presses Play (2.3.3). On
   paper only the still pictures print. The words come from this script's
   own tag, in the page's language. The guided session adds its boxes
   later, through window.LeafletMoving.add. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch || !window.DOMParser || !window.IntersectionObserver) return;
  var folder = new URL("../assets/pictures/moving/", script.src).href;
  var words = { play: script.getAttribute("data-play") || "Play", pause: script.getAttribute("data-pause") || "Pause" };
  var reduce = window.matchMedia("(prefers-reduced-motion: reduce)");
  var SVG = "http://www.w3.org/2000/svg";
  var figures = [];

  // Fetched once near the screen: 200 px ahead, so it is there on arrival.
  var near = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      near.unobserve(entry.target);
      load(entry.target.parentNode);
    });
  }, { rootMargin: "200px 0px" });

  function add(figure) {
    var frame = figure.querySelector(".leaflet-moving__frame");
    var slot = figure.querySelector(".leaflet-moving__control");
    if (!frame || !slot || figure.leafletMoving) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button leaflet-moving__button";
    var caption = figure.querySelector(".leaflet-moving__caption");
    if (caption) {
      caption.id = frame.id + "-caption";
      button.setAttribute("aria-describedby", caption.id);
    }
    // chosen: the reader pressed the button, which overrides reduced motion.
    var state = figure.leafletMoving = { playing: !reduce.matches, chosen: false, button: button };
    button.addEventListener("click", function () {
      state.playing = !state.playing;
      state.chosen = true;
      load(figure);
      show(figure);
    });
    slot.appendChild(button);
    figures.push(figure);
    show(figure);
    loaded.then(function () { near.observe(frame); });
  }

  function show(figure) {
    var state = figure.leafletMoving;
    var moving = state.playing && (state.chosen || !reduce.matches);
    state.button.textContent = moving ? words.pause : words.play;
    figure.classList.toggle("is-paused", !moving);
    figure.classList.toggle("is-chosen", moving && state.chosen);
  }

  function load(figure) {
    if (figure.leafletMovingLoaded) return;
    figure.leafletMovingLoaded = true;
    var frame = figure.querySelector(".leaflet-moving__frame");
    var name = frame.id.replace(/^moving-/, "");
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) return;
    var styled = stylesheet(folder + name + ".css");
    fetch(folder + name + ".svg")
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (text) {
        var drawing = new DOMParser().parseFromString(text, "image/svg+xml");
        var svg = drawing.documentElement;
        if (drawing.getElementsByTagName("parsererror").length || svg.namespaceURI !== SVG || svg.localName !== "svg") return;
        clean(svg);
        svg = document.importNode(svg, true);
        svg.setAttribute("aria-hidden", "true");
        svg.setAttribute("focusable", "false");
        return styled.then(function () {
          var empty = frame.querySelector("svg");
          if (empty) frame.replaceChild(svg, empty);
          else frame.appendChild(svg);
          figure.classList.add("is-loaded");
        });
      })
      .catch(function () { /* offline and not kept: the still pictures show the movement */ });
  }

  // Resolves once the stylesheet has loaded (or failed), so the picture
  // never shows unstyled.
  function stylesheet(href) {
    var link = document.querySelector('link[rel="stylesheet"][href="' + href + '"]');
    if (!link) {
      link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.leafletDone = new Promise(function (resolve) { link.onload = link.onerror = resolve; });
      document.head.appendChild(link);
    }
    return link.leafletDone || Promise.resolve();
  }

  // Drawing only: nothing that runs, links, styles or fetches.
  function clean(svg) {
    var drop = svg.querySelectorAll("script, style, foreignObject, a, image, use, iframe");
    Array.prototype.forEach.call(drop, function (node) { node.parentNode.removeChild(node); });
    Array.prototype.forEach.call([svg].concat(Array.prototype.slice.call(svg.querySelectorAll("*"))), function (node) {
      Array.prototype.slice.call(node.attributes).forEach(function (attribute) {
        var name = attribute.name.toLowerCase();
        if (name.slice(0, 2) === "on" || name === "style" || name.indexOf("href") >= 0) node.removeAttribute(attribute.name);
      });
    });
  }

  reduce.addEventListener("change", function () {
    figures.forEach(function (figure) {
      if (!figure.leafletMoving.chosen) figure.leafletMoving.playing = !reduce.matches;
      show(figure);
    });
  });

  // Nothing is fetched before the page has loaded: the moving pictures are
  // never part of its first load.
  var loaded = document.readyState === "complete" ? Promise.resolve() : new Promise(function (resolve) {
    window.addEventListener("load", resolve);
  });
  Array.prototype.forEach.call(document.querySelectorAll(".leaflet-moving"), add);
  window.LeafletMoving = { add: add };
})();
