// A typed usage example of the installed package: every public function,
// option, host callback and event, as a partner's TypeScript would use them.
// `scripts/package.sh --check` type-checks it with tsc (strict) against the
// package's .d.ts files, resolved through package.json's `exports`. The
// `@ts-expect-error` lines fail the check if a type goes loose (`any`).
import init, {
  initSync,
  mount,
  mountFrame,
  type ClientConfig,
  type FrameParameters,
  type HostApi,
  type HostedBackRequest,
  type HostedMessage,
  type Member,
  type MountOptions,
  type PostMessageArgs,
  type ResizeMessage,
  type WidgetEventName,
  type WidgetEvents,
  type WidgetHandle,
} from "connect-widget";
import "connect-widget/element";
import type { ConnectWidgetElement, ConnectWidgetEvent } from "connect-widget/element";
import { HOST_CALLBACKS, connectBridge, followFrameHeight, type Bridge } from "connect-widget/bridge";

const member: Member = { guid: "MBR-1", connection_status: "CONNECTED", user_guid: "USR-1" };
const institution = { guid: "INS-1", code: "mxbank", name: "MX Bank", url: "https://mx.example" };
const credentials = [{ guid: "CRD-1", label: "Username", field_type: 3 }];

// Every host callback, with the arguments the widget passes.
const api: HostApi = {
  addMember: async (data, config, isHuman) => ({ member: { ...member, institution_guid: data.institution_guid, metadata: `${config.mode}:${isHuman}` } }),
  updateMember: async (m) => ({ member: { ...m, credentials: undefined } }),
  updateMFA: async (m) => m,
  deleteMember: async (m) => m.guid,
  loadMembers: async (locale) => ({ members: [{ ...member, name: locale }] }),
  loadMemberByGuid: async (guid) => ({ ...member, guid }),
  loadOAuthStates: async (query) => ({ oauth_states: [{ guid: "OAS-1", outbound_member_guid: query.outbound_member_guid }] }),
  loadOAuthState: async (guid) => ({ oauth_state: { guid, auth_status: 2 } }),
  oAuthStart: async ({ member: m }) => m.guid,
  createSupportTicket: async (ticket) => ticket.email,
  loadInstitutions: async (query) => [{ ...institution, name: query.search_name ?? "" }],
  loadInstitutionByGuid: async (guid) => ({ institution: { ...institution, guid } }),
  loadInstitutionByCode: async (code) => ({ ...institution, code }),
  loadPopularInstitutions: async (query) => ({ institutions: [institution].slice(0, query.per_page) }),
  loadDiscoveredInstitutions: async () => [institution],
  createAccount: async (account) => ({ account }),
  createMicrodeposit: async (md) => ({ micro_deposit: { guid: "MIC-1", ...md } }),
  loadMicrodepositByGuid: async (guid) => ({ guid, status: 2 }),
  updateMicrodeposit: async (guid, data) => ({ guid, ...data }),
  refreshMicrodepositStatus: async () => undefined,
  verifyMicrodeposit: async (guid, amounts) => `${guid}:${amounts.deposit_amount_1}`,
  verifyRoutingNumber: async (routing, identity) => (identity ? {} : { blocked_routing_number: { reason_name: routing } }),
  loadJob: async (guid) => ({ job: { guid, job_type: 0 } }),
  runJob: async (type, guid) => `${type}:${guid}`,
  getInstitutionCredentials: async () => ({ credentials }),
  getMemberCredentials: async () => credentials,
  getOAuthWindowURI: async () => ({ oauth_window_uri: "https://bank.example/oauth" }),
  updateUserProfile: async () => undefined,
};

// `data` narrows on the event name; the switch covers every event.
function onPostMessage(...[event, data]: PostMessageArgs): void {
  switch (event) {
    case "connect/loaded":
      console.log(data.initial_step.toUpperCase());
      break;
    case "connect/stepChange":
      console.log(data.previous, data.current);
      break;
    case "connect/institutionSearch":
      console.log(data.query.length);
      break;
    case "connect/selectedInstitution":
      console.log(data.guid, data.name, data.code, data.url);
      break;
    case "connect/enterCredentials":
      console.log(data.institution.guid);
      break;
    case "connect/updateCredentials":
      console.log(data.member_guid, data.institution.code);
      break;
    case "connect/createMemberError":
      console.log(data.institution_guid);
      break;
    case "connect/memberStatusUpdate": {
      const status: number = data.connection_status;
      console.log(data.member_guid, status);
      break;
    }
    case "connect/submitMFA":
    case "connect/memberDeleted":
      console.log(data.member_guid);
      break;
    case "connect/oauthRequested":
      console.log(data.url, data.member_guid);
      break;
    case "connect/oauthError":
      console.log(data.member_guid, data.error_reason);
      break;
    case "connect/memberConnected":
      console.log(data.member_guid, data.user_guid, data.consent?.clusters.join(), data.consent?.expires_at);
      break;
    case "connect/backButtonClicked":
      break;
    case "connect/connected/primaryAction":
      break;
    case "connect/memberError":
      console.log(data.member.guid, data.member.connection_status);
      break;
    case "connect/invalidData": {
      const code: number = data.code;
      console.log(data.member_guid, code);
      break;
    }
    case "connect/backToSearch":
      console.log("context" in data ? data.context : "");
      break;
    case "connect/microdeposits/loaded":
      console.log(data.initial_step);
      break;
    case "connect/microdeposits/blockedRoutingNumber":
      console.log(data.routing_number, data.reason);
      break;
    case "connect/microdeposits/detailsSubmitted":
    case "connect/microdeposits/comeBack/primaryAction":
    case "connect/microdeposits/verified":
      console.log(data.microdeposit_guid);
      break;
    case "connect/microdeposits/verified/primaryAction":
      console.log(data.microdeposit_guid);
      break;
    case "connect/microdeposits/error/primaryAction":
      console.log(data.status, data.guid);
      break;
    default: {
      const unreachable: never = event;
      throw new Error(unreachable);
    }
  }
}

const clientConfig: ClientConfig = {
  mode: "aggregation",
  color_scheme: "auto",
  additional_product_option: "transactions",
  show_back_button: true,
  is_mobile_webview: false,
  ui_message_webview_url_scheme: "bankapp",
  target_origin_referrer: "https://partner.example",
  disable_institution_search: false,
  current_institution_code: "mxbank",
};

// Every option of `mount`.
const options: MountOptions = {
  api,
  clientConfig,
  language: {
    locale: "fr-ca",
    copy: { "search.title": "Trouvez votre banque", "connect/disclosure/title": "Connectez votre compte" },
    localizedContent: { connect: { additional_product_screen: { add_aggregation: { title: "Gérer vos finances?" } } } },
  },
  onPostMessage,
  onAnalyticEvent: (name, metadata) => console.log(name, Object.keys(metadata)),
  onAnalyticPageview: (path, metadata) => console.log(path, metadata),
  profiles: {
    user: { email: "user@example.com" },
    client: { oauth_app_name: "Budgeteer" },
    clientColorScheme: { widget_brand_color: "#0b3d91" },
    clientProfile: { uses_oauth: true, show_external_link_popup: true },
    widgetProfile: { enable_manual_accounts: true, show_mx_branding: true },
  },
  userFeatures: [{ feature_name: "CONNECT_COMBO_JOBS", is_enabled: true }, { feature_name: "CONNECT_CONSENT", is_enabled: true }],
  availableAccountTypes: [1, "CREDIT_CARD"],
  postMessageEventOverrides: {
    memberConnected: { createEventData: ({ member: m, consent }) => ({ guid: m.guid, consent }) },
    memberStatusUpdate: {
      createEventData: ({ member: m }) => ({ guid: m.guid }),
      getHasStatusChanged: ({ currentMember, previousMember }) => currentMember.guid !== previousMember?.guid,
    },
  },
  onShowConnectSuccessSurvey: () => console.log("survey"),
  onSubmitConnectSuccessSurvey: (answers) => console.log(answers[0], answers[1], answers[2]),
  onManualAccountAdded: () => console.log("manual account"),
  onSuccessfulAggregation: (m) => console.log(m.guid),
  onMemberDeleted: (guid) => console.log(guid.length),
  onUpsertMember: (m) => console.log(m.guid),
  experimentalFeatures: { memberPollingMilliseconds: 2000, unavailableInstitutions: [{ name: "Old Bank" }] },
  shadow: false,
  timing: {
    pollIntervalMs: 1000,
    searchDebounceMs: 300,
    hostTimeoutMs: 20_000,
    sandboxLatencyMs: 10,
    sandboxAggregationMs: 100,
    sandboxSyncMs: 50,
  },
};

export async function start(container: HTMLElement, bytes: BufferSource): Promise<WidgetHandle> {
  await init();
  await init({ module_or_path: new URL("./node_modules/connect-widget/connect-widget_bg.wasm", location.href) });
  initSync({ module: bytes });
  const widget = mount(container, options);
  const sandbox = mount(document.createElement("div"), { api: "sandbox" });
  const wentBack: boolean = widget.navigateBack();
  if (wentBack && sandbox.isMounted) sandbox.unmount();
  await mountFrame();
  return widget;
}

// The custom element: properties, attributes, events.
const element = document.querySelector("connect-widget");
if (element) {
  const typed: ConnectWidgetElement = element;
  typed.api = "sandbox";
  typed.api = api;
  typed.clientConfig = clientConfig;
  typed.language = { locale: "es" };
  typed.profiles = options.profiles;
  typed.userFeatures = options.userFeatures;
  typed.timing = { pollIntervalMs: 50 };
  typed.experimentalFeatures = { memberPollingMilliseconds: 500 };
  typed.onPostMessage = onPostMessage;
  typed.onAnalyticEvent = (name) => console.log(name);
  typed.onAnalyticPageview = (path) => console.log(path);
  typed.availableAccountTypes = [4];
  typed.onManualAccountAdded = () => console.log("added");
  typed.setAttribute("color-scheme", "dark");
  typed.addEventListener("connect/memberConnected", (event) => console.log(event.detail.member_guid));
  typed.addEventListener("connect/loaded", (event: ConnectWidgetEvent<"connect/loaded">) => console.log(event.detail.initial_step));
  typed.addEventListener("error", (event) => console.error(event.detail.message));
  const went: boolean = typed.navigateBack();
  console.log(went, typed.isMounted);
}
const created: ConnectWidgetElement = document.createElement("connect-widget");

// widget.html, MX's hosted messages and the bridge.
const parameters: FrameParameters = {
  api: "parent",
  config: encodeURIComponent(JSON.stringify(clientConfig)),
  locale: "es",
  target_origin: location.origin,
  profiles: encodeURIComponent(JSON.stringify({})),
  user_features: encodeURIComponent(JSON.stringify([])),
  timing: encodeURIComponent(JSON.stringify({ hostTimeoutMs: 5000 })),
};
const frameUrl = `https://widget.example/widget.html?${new URLSearchParams({ ...parameters })}`;
const iframe = document.createElement("iframe");
iframe.src = frameUrl;
const bridge: Bridge = connectBridge({ iframe, origin: "https://widget.example", api });
const stopSizing: () => void = followFrameHeight(iframe, "https://widget.example");
const callbackCount: number = HOST_CALLBACKS.length;
window.addEventListener("message", (event: MessageEvent<HostedMessage | ResizeMessage>) => {
  const message = event.data;
  if ("mx" in message) {
    if (message.type === "mx/navigation") console.log(message.metadata.did_go_back, message.metadata.session_guid);
    else if (message.type !== "mx/load") console.log(message.type, message.metadata.user_guid);
  } else {
    console.log(message.height);
  }
});
const back: HostedBackRequest = { mx: true, type: "mx/navigation", payload: { action: "back" } };
iframe.contentWindow?.postMessage(back, "https://widget.example");
bridge.disconnect();
stopSizing();
const names: WidgetEventName[] = ["connect/loaded", "connect/memberConnected"];
const loaded: WidgetEvents["connect/loaded"] = { initial_step: "search" };
console.log(created, callbackCount, names, loaded);

// Mistakes the types catch.
// @ts-expect-error `api` is required
mount(document.body, {});
// @ts-expect-error an unknown locale
mount(document.body, { api, language: { locale: "de" } });
// @ts-expect-error the payload of connect/loaded has no member_guid
const wrong: WidgetEvents["connect/loaded"] = { member_guid: "MBR-1" };
// @ts-expect-error the bridge needs the widget's origin
connectBridge({ iframe, api });
// @ts-expect-error clientConfig is an object
if (element) (element as ConnectWidgetElement).clientConfig = "dark";
// @ts-expect-error loadMemberByGuid answers a member
const badApi: HostApi = { ...api, loadMemberByGuid: async () => 42 };
console.log(wrong, badApi);
