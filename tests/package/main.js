// The page of the throwaway project: the installed package, used as a partner would.
import "./node_modules/connect-widget/connect-widget-element.js";
import init, { mount } from "./node_modules/connect-widget/connect-widget.js";

const events = [];
document.getElementById("element").addEventListener("connect/loaded", (e) => events.push(["element", e.detail]));
await init();
mount(document.getElementById("mounted"), {
  api: "sandbox",
  onPostMessage: (event, data) => events.push(["mount", event, data]),
});
window.packageEvents = events;
