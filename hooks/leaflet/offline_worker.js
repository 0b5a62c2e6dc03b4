// The leaflet's service worker: after a reader's first visit, the whole
// leaflet in their language works with no network (hooks/offline.py).
//
// - Nothing is fetched while a page loads. A page asks, once it has
//   loaded, for its language to be kept; the worker then fetches all of
//   that language's files into a cache named for their version. A copy is
//   whole or absent: if one file fails, the cache is deleted and the next
//   page asks again.
// - Pages come from the network while there is one (a reader never sees
//   an old page for long), from the copy when the network fails, answers
//   with a server error or takes too long. Everything else comes from the
//   copy, which holds one build's files, all of a piece.
// - A new build is a new worker. It takes over at once and deletes every
//   copy whose version it does not list, so no old stylesheet or script
//   outlives its pages; the pages' next "keep" fetches the new copy. It
//   tells open pages its build, and a page of an older build offers to
//   show the new version.
// BUILD (the build's id, and each language's version, files, home page and
// words) is written above this by the build.

const PREFIX = "leaflet ";
// How long a page may wait for the network before the copy is shown.
const PATIENCE_MS = 3000;

const cacheName = (code) => `${PREFIX}${code} ${BUILD.languages[code].version}`;
const wanted = () => new Set(Object.keys(BUILD.languages).map(cacheName));
const scope = () => self.registration.scope;
const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

// Copies being fetched, by language: a page opened meanwhile waits for the
// same one instead of fetching everything again.
const filling = new Map();

function keep(code) {
  if (!filling.has(code)) {
    filling.set(code, fill(code).finally(() => filling.delete(code)));
  }
  return filling.get(code);
}

async function fill(code) {
  const name = cacheName(code);
  const addresses = BUILD.languages[code].files;
  if (await caches.has(name) && (await (await caches.open(name)).keys()).length === addresses.length) return;
  const responses = await Promise.all(addresses.map(async (address) => {
    // no-cache: past the browser's HTTP cache, so the copy is this build's.
    const response = await fetch(new Request(new URL(address, scope()), { cache: "no-cache" }));
    if (!response.ok) throw new Error(`${address}: ${response.status}`);
    // A host that redirected (a "pretty URL" rule) gives a response that
    // Chromium refuses for a navigation: keep its content only.
    return response.redirected
      ? new Response(await response.blob(), { status: response.status, headers: response.headers })
      : response;
  }));
  const cache = await caches.open(name);
  try {
    await Promise.all(responses.map((response, i) => cache.put(new URL(addresses[i], scope()), response)));
  } catch (error) {
    await caches.delete(name); // half a copy is no copy (a full disk, say)
    throw error;
  }
}

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const current = wanted();
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && !current.has(name)) await caches.delete(name);
    }
    await self.clients.claim();
    for (const client of await self.clients.matchAll({ type: "window" })) {
      client.postMessage({ build: BUILD.build });
    }
  })());
});

self.addEventListener("message", (event) => {
  const code = event.data && event.data.keep;
  if (typeof code === "string" && own(BUILD.languages, code)) {
    event.waitUntil(keep(code).catch(() => {}));
  }
});

async function fromCopy(request, options) {
  for (const name of wanted()) {
    if (!(await caches.has(name))) continue;
    const found = await (await caches.open(name)).match(request, options);
    if (found) return found;
  }
  return undefined;
}

// The language whose pages the address is under (the longest root).
function languageOf(url) {
  let best;
  for (const [code, language] of Object.entries(BUILD.languages)) {
    const home = new URL(language.home, scope()).href;
    if (url.startsWith(home) && (!best || home.length > new URL(BUILD.languages[best].home, scope()).href.length)) {
      best = code;
    }
  }
  return best;
}

// Said when a page is neither reachable nor kept: in the page's language,
// with a link to that language's home page, which may be.
function notKept(url) {
  const language = BUILD.languages[languageOf(url) || Object.keys(BUILD.languages)[0]];
  const escape = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const home = escape(new URL(language.home, scope()).href);
  return new Response(
    `<!doctype html><html lang="${escape(language.lang)}"><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<title>${escape(language.words.title)}</title>` +
    `<p>${escape(language.words.text)}</p><p><a href="${home}">${escape(language.words.home)}</a></p>`,
    { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } },
  );
}

// A page: the network's answer if it comes in time and is not a server
// error; else the copy; else whatever the network says late; else a note.
async function page(request) {
  // no-cache: asked of the server each time (a quick "not modified" if it
  // is not), never taken from the browser's HTTP cache, which may hold
  // the page as it was before the last build.
  const network = fetch(request, { cache: "no-cache" });
  const late = new Promise((resolve) => setTimeout(resolve, PATIENCE_MS));
  const first = await Promise.race([network.catch(() => null), late]);
  if (first && first.status < 500) return first;
  const copy = await fromCopy(request, { ignoreSearch: true });
  if (copy) return copy;
  if (first) return first;
  try { return await network; } catch { return notKept(request.url); }
}

async function file(request) {
  return (await fromCopy(request)) || fetch(request);
}

// Every file a copy may hold. Other requests are left to the browser
// untouched: one the worker answered but could not finish (a server's
// long poll, say) would hold it, and so a newer worker, back for good.
let keptAddresses;
function isKept(url) {
  keptAddresses = keptAddresses || new Set(Object.values(BUILD.languages)
    .flatMap((language) => language.files.map((address) => new URL(address, scope()).href)));
  return keptAddresses.has(url);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // Parts of a file (media) are left to the browser.
  if (request.method !== "GET" || request.headers.has("range") || !request.url.startsWith(scope())) return;
  if (request.mode === "navigate") event.respondWith(page(request));
  else if (isKept(request.url)) event.respondWith(file(request));
});
