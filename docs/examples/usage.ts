// Type-checks the public declarations the way a partner would use them:
// npx -p typescript@5 tsc --noEmit --strict --lib es2020,dom docs/examples/usage.ts
import init, { mount, type HostApi, type Member, type WidgetHandle } from "../../public/connect-widget";

const members = new Map<string, Member>();

const api: HostApi = {
  async addMember(memberData, config, isHuman) {
    const member: Member = { guid: "MBR-1", institution_guid: memberData.institution_guid, connection_status: "CREATED" };
    members.set(member.guid, member);
    void config.mode;
    void isHuman;
    return { member };
  },
  // Bare answers and numeric statuses are fine too.
  loadMemberByGuid: async (guid) => members.get(guid) ?? Promise.reject({ response: { status: 404 } }),
  loadInstitutions: async ({ search_name }) => [{ guid: "INS-1", name: search_name ?? "MX Bank" }],
  loadInstitutionByGuid: (guid) => ({ institution: { guid, name: "MX Bank", supports_oauth: false } }),
  loadPopularInstitutions: async () => ({ institutions: [] }),
  getInstitutionCredentials: async () => ({
    credentials: [{ guid: "CRD-1", field_name: "LOGIN", field_type: 3, label: "Username", display_order: 1 }],
  }),
  runJob: async () => ({}),
  loadJob: async (guid) => ({ guid, job_type: 0, status: 6 }),
  verifyRoutingNumber: async () => ({}),
};

async function start(element: HTMLElement): Promise<WidgetHandle> {
  await init();
  const widget = mount(element, {
    api,
    clientConfig: { mode: "aggregation", color_scheme: "dark", iso_country_code: "US" },
    language: { locale: "es", copy: { "search.title": "Busca tu banco" } },
    onPostMessage(event, data) {
      if (event === "connect/loaded") console.log(data.initial_step);
      if (event === "connect/memberConnected") console.log(data.member_guid);
    },
    onAnalyticEvent: (name, metadata) => console.log(name, Object.keys(metadata)),
    timing: { hostTimeoutMs: 15_000, pollIntervalMs: 1_000 },
  });
  return widget;
}

// The sandbox needs no host object; a handler written loosely still type-checks.
const loose = (event: string, data: unknown) => console.log(event, data);
const el = document.getElementById("connect");
if (el) {
  const sandboxed = mount(el, { api: "sandbox", onPostMessage: loose, shadow: false });
  const wentBack: boolean = sandboxed.navigateBack();
  void wentBack;
  sandboxed.unmount();
  void start(el);
}
