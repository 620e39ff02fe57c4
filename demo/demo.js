// The demo: the widget on the built-in sandbox, with option toggles and an events panel.
import init, { mount } from "./connect-widget.js";

const events = document.getElementById("events");
const log = (kind, name, data) => {
  const li = document.createElement("li");
  const part = (cls, text) => Object.assign(document.createElement("span"), { className: cls, textContent: text });
  li.append(part("kind", kind), " ", part("name", name), "\n", part("data", data === undefined ? "" : JSON.stringify(data)));
  events.prepend(li);
};
document.getElementById("clear").onclick = () => (events.textContent = "");
let widget = null;
const start = () => {
  const f = new FormData(document.getElementById("options"));
  const clientConfig = { color_scheme: f.get("dark") ? "dark" : "light", ui_message_version: 4 };
  if (f.get("mxbank")) clientConfig.current_institution_code = "mxbank";
  if (f.get("nosearch")) clientConfig.disable_institution_search = true;
  if (f.get("member")) clientConfig.current_member_guid = f.get("member");
  if (f.get("update")) clientConfig.update_credentials = true;
  if (f.get("verification")) clientConfig.mode = "verification";
  if (f.get("microdeposit")) clientConfig.current_microdeposit_guid = f.get("microdeposit").trim();
  widget?.unmount();
  widget = mount(document.getElementById("widget"), {
    // ?api=http://127.0.0.1:8787 talks to the sandbox server (scripts/sandbox-server.sh) over HTTP.
    api: new URLSearchParams(location.search).get("api") || "sandbox",
    clientConfig,
    language: { locale: new URLSearchParams(location.search).get("locale") || "en" },
    onPostMessage: (name, data) => log("event", name, data),
    onAnalyticPageview: (path, data) => log("pageview", path, data),
    onAnalyticEvent: (name, data) => log("analytic", name, data),
    onEvent: (message) => log("stream", message.type, message),
    sandbox: { existingMembers: !!f.get("existing") },
    // Deposits land after 5 s in the demo, so "Check again" can be tried.
    timing: { sandboxDepositMs: 5000 },
  });
  window.widget = widget;
};
// Query parameters preset the options, e.g. ?mxbank&dark, ?member=MBR-… or ?verification&microdeposit=MIC-…
const params = new URLSearchParams(location.search);
const form = document.getElementById("options");
for (const name of ["dark", "mxbank", "nosearch", "update", "verification", "existing"]) {
  if (params.has(name)) form.elements[name].checked = true;
}
if (params.get("member")) form.elements.member.value = params.get("member");
if (params.get("microdeposit")) form.elements.microdeposit.value = params.get("microdeposit");
// ?text=200 shows the widget at 200 % text size; ?locale=es or ?locale=fr-ca switches the language.
if (params.get("text")) document.getElementById("widget").style.setProperty("--cw-font-size", params.get("text") + "%");
form.addEventListener("change", start);
await init();
start();
