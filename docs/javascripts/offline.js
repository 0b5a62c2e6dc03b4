// Offline after the first visit (hooks/offline.py): once the page has
// loaded, the site's worker keeps this language on the device. A worker
// of a newer build than this page's says so, and the page offers to show
// the new version.
(() => {
  const note = document.getElementById("leaflet-offline");
  if (!note || !("serviceWorker" in navigator)) return;
  const worker = new URL(note.dataset.worker, location.href);
  navigator.serviceWorker.addEventListener("message", (event) => {
    const build = event.data && event.data.build;
    if (typeof build !== "string" || build === note.dataset.build || note.childElementCount) return;
    const text = document.createElement("p");
    const reload = document.createElement("button");
    reload.className = "md-button md-button--primary";
    reload.textContent = note.dataset.reload;
    reload.addEventListener("click", () => location.reload());
    text.append(note.dataset.updated + " ", reload);
    note.append(text);
  });
  navigator.serviceWorker.startMessages();
  const keep = () => navigator.serviceWorker
    .register(worker, { scope: new URL("./", worker).pathname })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => registration.active.postMessage({ keep: note.dataset.language }))
    // No storage (a private window, a full disk): the page works online.
    .catch(() => {});
  if (document.readyState === "complete") keep();
  else addEventListener("load", keep, { once: true });
})();
