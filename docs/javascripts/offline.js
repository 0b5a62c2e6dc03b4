// Offline after the first visit (hooks/offline.py): once the page has
// loaded, the site's worker keeps this language on the device; a new build
// taking over shows the "updated" note.
(() => {
  const note = document.getElementById("leaflet-offline");
  if (!note || !("serviceWorker" in navigator)) return;
  const worker = new URL(note.dataset.worker, location.href);
  // Only a page the worker already served has news when the worker changes.
  const updating = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (!updating || note.childElementCount) return;
    const text = document.createElement("p");
    const reload = document.createElement("button");
    reload.className = "md-button md-button--primary";
    reload.textContent = note.dataset.reload;
    reload.addEventListener("click", () => location.reload());
    text.append(note.dataset.updated + " ", reload);
    note.append(text);
  });
  const keep = () => navigator.serviceWorker
    .register(worker, { scope: new URL("./", worker).pathname })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => registration.active.postMessage({ keep: note.dataset.language }))
    // No storage (a private window, a full disk): the page works online.
    .catch(() => {});
  if (document.readyState === "complete") keep();
  else addEventListener("load", keep, { once: true });
})();
