// Starts the app. Trunk would inline these lines as a <script type="module"> in index.html,
// which the page's Content-Security-Policy ("script-src 'self'", no inline script) forbids;
// Trunk.toml's pattern_script loads this file instead, naming the build's hashed bundle
// in data attributes.
const boot = document.querySelector("script[data-claimcheck-boot]");
const { default: init } = await import(boot.dataset.js);
await init({ module_or_path: boot.dataset.wasm });
