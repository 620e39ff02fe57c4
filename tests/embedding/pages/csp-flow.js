// Served with the strict CSP (no 'unsafe-inline'): runs a whole sandbox connection in
// <connect-widget>, mounts a widget with shadow: false, opens widget.html and the demo in
// frames of this origin, and reports every securitypolicyviolation event of this page,
// the violations the browser reported to the server (the frames' too), and the computed
// styles that show the widget's own styles applied.
import { send } from "./report.js";
import { find, heading, openMxBank, type, until } from "./drive.js";

const violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile });
}, true);

const FAST = { searchDebounceMs: 10, sandboxLatencyMs: 1, sandboxAggregationMs: 60, sandboxSyncMs: 10, pollIntervalMs: 20 };
const checks = {};
try {
  await import("/dist/connect-widget-element.js");
  const { default: init, mount } = await import("/dist/connect-widget.js");
  await init();

  // 1. A whole connection in the custom element.
  const element = document.getElementById("element");
  const connected = new Promise((resolve) => element.addEventListener("connect/memberConnected", (e) => resolve(e.detail)));
  element.timing = FAST;
  element.setAttribute("api", "sandbox");
  const root = () => element.shadowRoot;
  await openMxBank(root);
  const shadow = root();
  const style = (selector) => getComputedStyle(shadow.querySelector(selector));
  checks.rootFont = style(".cw-root").fontFamily;
  checks.bannerLogoWidth = style(".cw-banner .cw-logo").width;
  checks.bannerLogoBackground = style(".cw-banner .cw-logo").backgroundColor;
  checks.submitBackground = style("button[type=submit]").backgroundColor;
  type(find(shadow, "textbox", "Username"), "test_atrium");
  type(find(shadow, "textbox", "Password"), "password");
  find(shadow, "button", "Continue").click();
  checks.memberConnected = await connected;
  await until("the connected step", () => heading(root()) === "You're connected");
  find(root(), "button", "Done").click();
  await until("search again", () => heading(root()) === "Find your bank");

  // 2. mount() with shadow: false: the styles are adopted by the document.
  const plain = document.getElementById("plain");
  mount(plain, { api: "sandbox", shadow: false, timing: FAST });
  await until("the plain widget", () => heading(plain) === "Find your bank");
  checks.plainDisplay = getComputedStyle(plain.querySelector(".cw-root")).display;
  checks.plainFont = getComputedStyle(plain.querySelector(".cw-root")).fontFamily;

  // 3. widget.html and 4. the demo, framed on this origin (so served with the same policy).
  const frame = (src) => {
    const iframe = document.createElement("iframe");
    iframe.src = src;
    document.body.append(iframe);
    return iframe;
  };
  const widgetFrame = frame(`/dist/widget.html?api=sandbox&target_origin=${encodeURIComponent(location.origin)}&timing=${encodeURIComponent(JSON.stringify(FAST))}`);
  const frameRoot = () => widgetFrame.contentDocument?.querySelector("main")?.shadowRoot;
  await openMxBank(frameRoot);
  checks.frameBannerLogoWidth = getComputedStyle(frameRoot().querySelector(".cw-banner .cw-logo")).width;
  const demo = frame("/dist/index.html");
  const demoRoot = () => demo.contentDocument?.getElementById("widget")?.shadowRoot;
  await openMxBank(demoRoot);
  checks.demoPanel = getComputedStyle(demo.contentDocument.querySelector("main")).display;
} catch (problem) {
  checks.failure = String(problem?.stack ?? problem);
}
// Reports travel to the server on their own: give them a moment.
await new Promise((resolve) => setTimeout(resolve, 300));
const reports = await (await fetch("/__csp-report")).json();
send("result", { violations, reports, checks });
