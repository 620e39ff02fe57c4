// Page-side helpers of the embedding suite (tests/embedding/), in one module: every
// snippet file is one more request the test runner's small web server must answer
// while the page loads (see docs/development.md), so the suite imports this one file.

// ---- tests/embedding/kit.rs ----
// The same role and name lookup as the fixture pages (the test runner serves the repository root).
import { SELECTORS, accessibleName, find, heading } from "/tests/embedding/pages/drive.js";
export { find, heading };

export async function servers() {
  const response = await fetch("/target/embedding-servers.json", { cache: "no-store" });
  if (!response.ok) {
    throw new Error("target/embedding-servers.json is missing: run these tests through scripts/test.sh, which starts the servers with scripts/test_servers.sh");
  }
  const origins = await response.json();
  return { ...origins, own: location.origin };
}
export function add_frame(src, name, no_referrer) {
  const iframe = document.createElement("iframe");
  if (name) iframe.name = name;
  if (no_referrer) iframe.referrerPolicy = "no-referrer";
  iframe.width = "420";
  iframe.height = "640";
  iframe.src = src;
  document.body.append(iframe);
  return iframe;
}
export function remove_frame(iframe) { iframe.remove(); }
export function frame_window(iframe) { return iframe.contentWindow; }
export function child_window(win, index) {
  try { return win && win.length > index ? win[index] : null; } catch (_) { return null; }
}
export function widget_root(win) {
  try { return win?.document?.querySelector("main")?.shadowRoot ?? null; } catch (_) { return null; }
}
export function shadow_of(win, selector) {
  try { return win?.document?.querySelector(selector)?.shadowRoot ?? null; } catch (_) { return null; }
}
export function window_value(win, name) {
  try { return JSON.stringify(win?.[name] ?? null); } catch (_) { return "null"; }
}
export function new_recorder() {
  const recorder = { records: [], raw: [] };
  const plain = (v) => { try { return JSON.parse(JSON.stringify(v ?? null)); } catch (_) { return "unreadable"; } };
  recorder.listener = (e) => {
    if (e.data && e.data.fixture === "record") recorder.records.push({ page: e.data.page, kind: e.data.kind, payload: e.data.payload, origin: e.origin });
    else recorder.raw.push({ origin: e.origin, source: e.source, data: plain(e.data) });
  };
  window.addEventListener("message", recorder.listener);
  return recorder;
}
export function stop_recorder(recorder) { window.removeEventListener("message", recorder.listener); }
export function recorded(recorder) { return JSON.stringify(recorder.records); }
export function raw_from(recorder, win) {
  return JSON.stringify(recorder.raw.filter((m) => m.source === win).map((m) => ({ origin: m.origin, data: m.data })));
}
export function command(iframe, origin, name) { iframe.contentWindow.postMessage({ fixture: "command", command: name }, origin); }

export function names(root, role) {
  return root ? [...root.querySelectorAll(SELECTORS[role])].map(accessibleName) : [];
}
export function text_of(root) { return (root?.textContent ?? "").replace(/\s+/g, " ").trim(); }
export function alerts(root) { return root ? [...root.querySelectorAll("[role=alert]")].map((a) => a.textContent.trim()) : []; }
export function attribute(root, selector, name) { return root?.querySelector(selector)?.getAttribute(name) ?? null; }
export function height_of(win) {
  try { return win.document.querySelector("main").getBoundingClientRect().height; } catch (_) { return -1; }
}
export function type_text(el, value) {
  const view = el.ownerDocument.defaultView;
  const proto = el.tagName === "TEXTAREA" ? view.HTMLTextAreaElement.prototype : view.HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, "value").set.call(el, value);
  el.dispatchEvent(new view.Event("input", { bubbles: true }));
}
export function click(el) { el.click(); }

// ---- tests/embedding/element.rs ----
export async function define_element() {
  await import(new URL("/dist/connect-widget-element.js", location.href).href);
  return customElements.get("connect-widget") !== undefined;
}
const EVENTS = ["connect/loaded", "connect/institutionSearch", "connect/selectedInstitution", "connect/stepChange"];
// A <connect-widget> inside a shadow root (so only a composed event reaches the document),
// with the events seen on the document recorded.
export function place(attributes, properties) {
  const host = document.createElement("div");
  const shadow = host.attachShadow({ mode: "open" });
  const element = document.createElement("connect-widget");
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  Object.assign(element, properties);
  const seen = [];
  const listener = (e) => seen.push({ type: e.type, detail: e.detail, bubbles: e.bubbles, composed: e.composed, at: "document", from_element: e.composedPath()[0] === element });
  for (const type of [...EVENTS, "error"]) document.addEventListener(type, listener);
  element.addEventListener("error", (e) => seen.push({ type: "error", detail: e.detail, at: "element" }));
  shadow.append(element);
  document.body.append(host);
  return { host, element, seen, listener };
}
export function element_of(placed) { return placed.element; }
export function shadow_root_of(placed) { return placed.element.shadowRoot; }
export function seen(placed) { return JSON.stringify(placed.seen); }
export function set_property(placed, name, value) { placed.element[name] = value; }
export function set_two(placed, a, va, b, vb) { placed.element[a] = va; placed.element[b] = vb; }
export function detach(placed) { placed.element.remove(); }
export function attach(placed) { placed.host.shadowRoot.append(placed.element); }
export function is_mounted(placed) { return placed.element.isMounted; }
export function navigate_back(placed) { return placed.element.navigateBack(); }
export function remove_placed(placed) {
  for (const type of [...EVENTS, "error"]) document.removeEventListener(type, placed.listener);
  placed.host.remove();
}
// Listener properties: each call with whether `this` is the element, after the DOM event.
export function listen_by_property(placed) {
  const order = [];
  placed.element.addEventListener("connect/loaded", () => order.push("dom event"));
  placed.element.onPostMessage = function (event, data) { order.push(`onPostMessage ${event} ${JSON.stringify(data)} this=${this === placed.element}`); };
  placed.element.onAnalyticPageview = function (path) { order.push(`onAnalyticPageview ${path} this=${this === placed.element}`); };
  return order;
}
export function read(order) { return JSON.stringify(order); }
// A host API object with one institution.
export function host_api() {
  const bank = { guid: "INS-ELEMENT", code: "elementbank", name: "Element Bank", url: "https://element-bank.example" };
  return {
    loadPopularInstitutions: async () => [bank],
    loadInstitutions: async () => [bank],
    loadInstitutionByGuid: async () => bank,
    getInstitutionCredentials: async () => [{ guid: "CRD-1", label: "Username", field_type: 3 }],
    addMember: async () => ({ member: { guid: "MBR-E", connection_status: 6 } }),
    loadMemberByGuid: async (guid) => ({ member: { guid, connection_status: 6 } }),
    runJob: async () => ({}),
  };
}
