// widget.html's module: loads the widget and starts it full-frame, configured
// by the page's query string (docs/contract.md, "The iframe page").
import init, { mountFrame } from "./connect-widget.js";

// Filled by scripts/build.sh with the wasm's SRI hash, so the browser refuses a
// tampered module as it refuses a tampered script.
const WASM_INTEGRITY = "__SRI_connect-widget_bg.wasm__";

try {
  const wasm = new URL("./connect-widget_bg.wasm", import.meta.url);
  const checked = WASM_INTEGRITY.startsWith("sha384-") ? { integrity: WASM_INTEGRITY } : {};
  await init({ module_or_path: fetch(wasm, checked) });
  await mountFrame();
} catch (problem) {
  // The widget could not load (a Content-Security-Policy without
  // 'wasm-unsafe-eval', a changed file, the network): say so, never a blank page.
  console.error("connect-widget widget.html: the widget could not load:", problem);
  const alert = document.createElement("p");
  alert.setAttribute("role", "alert");
  alert.textContent = "This connection can't start right now. Please try again later.";
  document.body.replaceChildren(alert);
}
