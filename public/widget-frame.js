// widget.html's module: loads the widget and starts it full-frame, configured
// by the page's query string (docs/contract.md, "The iframe page"). api=sandbox
// loads the build with the built-in sandbox; every other page the production
// build, which widget.html already preloads.

// Filled by scripts/build.sh with the SRI hashes, so the browser refuses a
// tampered module as it refuses a tampered script.
const BUILDS = {
  production: {
    js: "./connect-widget.js",
    jsIntegrity: "__SRI_connect-widget.js__",
    wasm: "./connect-widget_bg.wasm",
    wasmIntegrity: "__SRI_connect-widget_bg.wasm__",
  },
  sandbox: {
    js: "./connect-widget-sandbox.js",
    jsIntegrity: "__SRI_connect-widget-sandbox.js__",
    wasm: "./connect-widget-sandbox_bg.wasm",
    wasmIntegrity: "__SRI_connect-widget-sandbox_bg.wasm__",
  },
};

const checked = (integrity) => (integrity.startsWith("sha384-") ? { integrity } : {});

/**
 * The module at `url`, checked against `integrity`: a modulepreload link with that hash fetches it
 * into the page's module map (for the production build, widget.html's own link already has), and
 * `import()` then takes it from there.
 */
async function importChecked(url, integrity) {
  if (integrity.startsWith("sha384-")) {
    await new Promise((resolve, reject) => {
      const link = Object.assign(document.createElement("link"), { rel: "modulepreload", href: url.href, integrity });
      link.onload = resolve;
      link.onerror = () => reject(new Error(`${url.pathname} failed to load or its integrity check`));
      document.head.append(link);
    });
  }
  return import(url.href);
}

try {
  const wanted = new URLSearchParams(location.search).get("api") === "sandbox" ? "sandbox" : "production";
  const build = BUILDS[wanted];
  const widget = await importChecked(new URL(build.js, import.meta.url), build.jsIntegrity);
  await widget.default({ module_or_path: fetch(new URL(build.wasm, import.meta.url), checked(build.wasmIntegrity)) });
  await widget.mountFrame();
} catch (problem) {
  // The widget could not load (a Content-Security-Policy without
  // 'wasm-unsafe-eval', a changed file, the network): say so, never a blank page.
  console.error("connect-widget widget.html: the widget could not load:", problem);
  const alert = document.createElement("p");
  alert.setAttribute("role", "alert");
  alert.textContent = "This connection can't start right now. Please try again later.";
  document.body.replaceChildren(alert);
}
