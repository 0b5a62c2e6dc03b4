// The leaflet's service worker: after a reader's first visit, the whole
// leaflet in their language works with no network (hooks/offline.py).
//
// - A page asks, once it has loaded, for its language to be kept: the
//   worker then fetches every file of that language into a cache named for
//   this build. Nothing is fetched before the page has loaded.
// - Pages come from the network while there is one, so a reader never sees
//   an old page for long; from the copy when the network fails or is slow.
//   Everything else comes from the copy, which holds one build's files,
//   all of a piece.
// - A new build is a new worker (its BUILD differs): it keeps the same
//   languages afresh, takes over, deletes the old copies, and the open
//   pages say "updated, reload".
// BUILD (this build's version and files by language) is written above.

const PREFIX = "leaflet ";
// How long a page may wait for the network before the copy is shown.
const PATIENCE_MS = 3000;

const cacheName = (code) => `${PREFIX}${code} ${BUILD.version}`;
const scope = () => self.registration.scope;

// Keep one language: every file, or (if one fails) nothing, so a copy is
// never half a leaflet. A language already kept is not fetched again.
async function keep(code) {
  const addresses = BUILD.languages[code];
  if (!addresses) return;
  const cache = await caches.open(cacheName(code));
  if ((await cache.keys()).length === addresses.length) return;
  const urls = addresses.map((address) => new URL(address, scope()).href);
  // no-cache: past the browser's HTTP cache, so the copy is this build's.
  await cache.addAll(urls.map((url) => new Request(url, { cache: "no-cache" })));
}

// Languages a reader kept with an earlier build: kept again with this one.
async function keptBefore() {
  const codes = new Set();
  for (const name of await caches.keys()) {
    const [code] = name.startsWith(PREFIX) ? name.slice(PREFIX.length).split(" ") : [];
    if (code && code in BUILD.languages) codes.add(code);
  }
  return [...codes];
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    for (const code of await keptBefore()) await keep(code);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && !name.endsWith(` ${BUILD.version}`)) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  const code = event.data && event.data.keep;
  if (typeof code === "string" && Object.hasOwn(BUILD.languages, code)) {
    event.waitUntil(keep(code).catch(() => {}));
  }
});

async function fromCopy(request, options) {
  for (const code of Object.keys(BUILD.languages)) {
    if (!(await caches.has(cacheName(code)))) continue;
    const found = await (await caches.open(cacheName(code))).match(request, options);
    if (found) return found;
  }
  return undefined;
}

// A page: the network's answer if it comes in time; else the copy; else
// the network's late answer; else a short note that the page is not kept.
async function page(request) {
  const network = fetch(request);
  const late = new Promise((resolve) => setTimeout(resolve, PATIENCE_MS));
  const first = await Promise.race([network.catch(() => null), late]);
  if (first) return first;
  const copy = await fromCopy(request, { ignoreSearch: true });
  if (copy) return copy;
  if (first === undefined) {
    try { return await network; } catch { /* offline: the note below */ }
  }
  return new Response(
    "<!doctype html><meta charset=utf-8><title>Offline</title>" +
    "<p>This page is not kept on this device, and there is no network. / 本页未保存在此设备上，且没有网络。</p>",
    { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } },
  );
}

async function file(request) {
  return (await fromCopy(request)) || fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(scope())) return;
  event.respondWith(request.mode === "navigate" ? page(request) : file(request));
});
