// A partner's page that frames widget.html?api=parent (?widget=<absolute URL>) and answers its
// host calls with an ordinary host API object through connect-widget-bridge.js.
// ?host=ok | throwing (getInstitutionCredentials throws) | rejecting (addMember rejects with 409).
// Every call (with its arguments) is reported to the test page.
import { connectBridge } from "/dist/connect-widget-bridge.js";
import { send } from "./report.js";

const params = new URLSearchParams(location.search);
const widgetUrl = params.get("widget");
const mode = params.get("host") || "ok";

const BANK = { guid: "INS-PARENT", code: "parentbank", name: "Parent Bank", url: "https://parent-bank.example" };
const CREDENTIALS = [
  { guid: "CRD-USER", field_name: "LOGIN", field_type: 3, label: "Username", display_order: 1 },
  { guid: "CRD-PASS", field_name: "PASSWORD", field_type: 1, label: "Password", display_order: 2 },
];
const member = (guid, status, aggregating) => ({
  guid, institution_guid: BANK.guid, connection_status: status, is_being_aggregated: aggregating,
  user_guid: "USR-PARENT", is_managed_by_user: true,
});
let polls = 0;

const api = {
  loadPopularInstitutions: async () => ({ institutions: [BANK] }),
  loadInstitutions: async () => ({ institutions: [BANK] }),
  loadInstitutionByGuid: async () => ({ institution: BANK }),
  getInstitutionCredentials: async () => {
    if (mode === "throwing") throw new Error("credentials service down");
    return { credentials: CREDENTIALS };
  },
  addMember: async () => {
    if (mode === "rejecting") {
      return Promise.reject({ response: { status: 409, data: { guid: "MBR-EXISTING" } }, config: { data: "request body" } });
    }
    return { member: member("MBR-PARENT", "CREATED", true) };
  },
  loadMemberByGuid: async (guid) => {
    polls += 1;
    if (guid === "MBR-EXISTING" && polls === 1) return { member: member(guid, "DENIED", false) };
    return { member: member(guid, "CONNECTED", false) };
  },
  updateMember: async (m) => ({ member: member(m.guid, "CREATED", true) }),
  runJob: async () => ({}),
};
// Record every call, with a copy of its arguments.
for (const [name, callback] of Object.entries(api)) {
  api[name] = function (...args) {
    send("call", { name, args });
    return callback.apply(this, args);
  };
}

const iframe = document.createElement("iframe");
iframe.title = "Connect your account";
iframe.width = "420";
iframe.height = "640";
iframe.src = widgetUrl;
document.body.append(iframe);
connectBridge({ iframe, origin: new URL(widgetUrl).origin, api });
