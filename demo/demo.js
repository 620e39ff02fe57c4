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
  if (f.get("auto")) clientConfig.color_scheme = "auto";
  if (f.get("mode")) clientConfig.mode = f.get("mode");
  if (f.get("transactions")) clientConfig.data_request = { products: ["transactions"] };
  if (f.get("offer")) clientConfig.additional_product_option = f.get("offer");
  if (f.get("backbutton")) clientConfig.show_back_button = true;
  if (f.get("microdeposit")) clientConfig.current_microdeposit_guid = f.get("microdeposit").trim();
  const profiles = {
    client: f.get("app") ? { oauth_app_name: f.get("app") } : {},
    clientColorScheme: f.get("brand") ? { widget_brand_color: f.get("brand") } : {},
    clientProfile: { show_external_link_popup: !!f.get("leaving"), uses_custom_popular_institution_list: !!f.get("curated") },
    widgetProfile: {
      display_disclosure_in_connect: !!f.get("disclosure"), show_mx_branding: !!f.get("branding"),
      enable_manual_accounts: !!f.get("manual"), enable_support_requests: !f.get("nosupport"),
      display_delete_option_in_connect: !f.get("nodelete"),
    },
  };
  const userFeatures = [
    { feature_name: "CONNECT_CONSENT", guid: "FTR-1", is_enabled: !!f.get("consent") },
    { feature_name: "CONNECT_COMBO_JOBS", guid: "FTR-2", is_enabled: !!f.get("combo") },
  ];
  // The partner's callbacks, logged in the panel.
  const callback = (name) => (...args) => log("callback", name, args);
  const callbacks = Object.fromEntries(["onManualAccountAdded", "onSuccessfulAggregation", "onMemberDeleted", "onUpsertMember"]
    .map((name) => [name, callback(name)]));
  if (f.get("survey")) {
    callbacks.onShowConnectSuccessSurvey = callback("onShowConnectSuccessSurvey");
    callbacks.onSubmitConnectSuccessSurvey = callback("onSubmitConnectSuccessSurvey");
  }
  // Overrides that tag both payloads, so they show in the panel.
  const postMessageEventOverrides = f.get("overrides") ? {
    memberConnected: { createEventData: ({ institution, member, consent }) => ({ overridden: true, member_guid: member.guid, institution: institution.name, consent }) },
    memberStatusUpdate: { createEventData: ({ member }) => ({ overridden: true, member_guid: member.guid, connection_status: member.connection_status }) },
  } : undefined;
  const types = (f.get("types") || "").split(",").map((t) => t.trim()).filter(Boolean);
  widget?.unmount();
  widget = mount(document.getElementById("widget"), {
    // ?api=http://127.0.0.1:8787 talks to the sandbox server (scripts/sandbox-server.sh) over HTTP.
    api: new URLSearchParams(location.search).get("api") || "sandbox",
    clientConfig,
    profiles,
    userFeatures,
    ...(types.length ? { availableAccountTypes: types } : {}),
    ...(f.get("unavailable") ? { experimentalFeatures: { unavailableInstitutions: [{ name: f.get("unavailable") }] } } : {}),
    postMessageEventOverrides,
    ...callbacks,
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
// Query parameters preset the options, e.g. ?mxbank&dark, ?member=MBR-… or ?mode=verification&microdeposit=MIC-…
const params = new URLSearchParams(location.search);
const form = document.getElementById("options");
const checkboxes = ["dark", "mxbank", "nosearch", "update", "auto", "consent", "combo", "disclosure", "branding", "manual",
  "transactions", "curated", "leaving", "backbutton", "nosupport", "nodelete", "survey", "overrides", "existing"];
for (const name of checkboxes) if (params.has(name)) form.elements[name].checked = true;
// ?brand=%230b3d91&app=Budgeteer&types=1,4&offer=transactions&mode=verification&unavailable=MX%20Bank
for (const name of ["member", "brand", "app", "types", "offer", "mode", "unavailable", "microdeposit"]) {
  if (params.get(name)) form.elements[name].value = params.get(name);
}
if (params.has("verification")) form.elements.mode.value = "verification";
// ?text=200 shows the widget at 200 % text size; ?locale=es or ?locale=fr-ca switches the language.
if (params.get("text")) document.getElementById("widget").style.setProperty("--cw-font-size", params.get("text") + "%");
form.addEventListener("change", start);
await init();
start();
