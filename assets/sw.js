// Claimcheck's service worker: keeps one build of the app (index.html and its hashed bundle) in a
// cache of its own, so the app opens with no network after one visit.
//
// scripts/precache.sh fills in the two values below after each build: the files of that build
// and a version that is a hash of their names and contents. A new build is a new sw.js, which
// the browser notices on a visit and installs beside the running one into a new cache. Only
// when every file is cached does it become the waiting worker; the running page (whose bundle
// is already loaded) then lets it take over, and the next load is wholly the new build: its
// index.html and its bundle come from the same cache, never an old page with a new wasm.
"use strict";

const VERSION = "development";
const FILES = [];

const CACHE = "claimcheck-" + VERSION;
const PREFIX = "claimcheck-";
const INDEX = new URL("index.html", self.registration.scope).href;

// A redirected response cannot answer a navigation: keep only its body and headers.
async function fetchFresh(url) {
  const response = await fetch(url, { cache: "reload" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  if (!response.redirected) return response;
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // All or nothing: one failed file fails the install, and the old build stays in use.
      const responses = await Promise.all(
        FILES.map(async (file) => {
          const url = new URL(file, self.registration.scope).href;
          return [url, await fetchFresh(url)];
        }),
      );
      await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
          .map((name) => caches.delete(name)),
      );
      // The first visit's page was loaded from the network, from this very build: control it
      // now so it keeps working if the network goes.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const cached = await cache.match(request);
      if (cached) return cached;
      // The app's folder itself (with any query) is its index.html. Deeper paths are not the
      // app: its addresses are relative, and it keeps its own state in the fragment.
      const url = new URL(request.url);
      if (request.mode === "navigate" && url.origin + url.pathname === self.registration.scope) {
        const index = await cache.match(INDEX);
        if (index) return index;
      }
      return fetch(request);
    })(),
  );
});
