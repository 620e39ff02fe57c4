// The host API object both widgets are driven by in the side-by-side benchmark: the same
// institutions, the same answers and the same delays for MX's React widget and for ours.
// Both pages import this one module (see README.md).

// Milliseconds each callback waits before it answers: a partner's back-end on a good phone
// connection. Identical for both widgets.
export const DELAYS_MS = {
  loadMembers: 100,
  loadPopularInstitutions: 120,
  loadInstitutions: 150,
  loadInstitutionByGuid: 100,
  getInstitutionCredentials: 100,
  other: 100,
};

// The search both runners type, and what it must find.
export const QUERY = "credit";

// The aggregator's logos are 100 x 100 PNGs; run.py draws one per bank.
const logo = (slug) => new URL(`./logos/${slug}.png`, import.meta.url).href;

const bank = (slug, name, url, popular = false) => ({
  guid: `INS-${slug}`,
  code: slug,
  name,
  url,
  logo_url: logo(slug),
  small_logo_url: logo(slug),
  supports_oauth: false,
  popular,
});

// 12 popular institutions, then the rest of a small directory (16 of them match QUERY).
const DIRECTORY = [
  bank("chase", "Chase Bank", "https://www.chase.com", true),
  bank("bofa", "Bank of America", "https://www.bankofamerica.com", true),
  bank("wells", "Wells Fargo", "https://www.wellsfargo.com", true),
  bank("citi", "Citibank", "https://www.citi.com", true),
  bank("capone", "Capital One", "https://www.capitalone.com", true),
  bank("usbank", "U.S. Bank", "https://www.usbank.com", true),
  bank("pnc", "PNC Bank", "https://www.pnc.com", true),
  bank("truist", "Truist", "https://www.truist.com", true),
  bank("usaa", "USAA", "https://www.usaa.com", true),
  bank("tdbank", "TD Bank", "https://www.td.com", true),
  bank("ally", "Ally Bank", "https://www.ally.com", true),
  bank("schwab", "Charles Schwab", "https://www.schwab.com", true),
  bank("navyfed", "Navy Federal Credit Union", "https://www.navyfederal.org"),
  bank("penfed", "PenFed Credit Union", "https://www.penfed.org"),
  bank("becu", "BECU (Boeing Employees Credit Union)", "https://www.becu.org"),
  bank("schoolsfirst", "SchoolsFirst Federal Credit Union", "https://www.schoolsfirstfcu.org"),
  bank("golden1", "Golden 1 Credit Union", "https://www.golden1.com"),
  bank("alliant", "Alliant Credit Union", "https://www.alliantcreditunion.org"),
  bank("mountainam", "Mountain America Credit Union", "https://www.macu.com"),
  bank("americafirst", "America First Credit Union", "https://www.americafirst.com"),
  bank("suncoast", "Suncoast Credit Union", "https://www.suncoast.com"),
  bank("randolph", "Randolph-Brooks Federal Credit Union", "https://www.rbfcu.org"),
  bank("secu", "State Employees' Credit Union", "https://www.ncsecu.org"),
  bank("vystar", "VyStar Credit Union", "https://www.vystarcu.org"),
  bank("digital", "Digital Federal Credit Union", "https://www.dcu.org"),
  bank("lakemichigan", "Lake Michigan Credit Union", "https://www.lmcu.org"),
  bank("firsttech", "First Tech Federal Credit Union", "https://www.firsttechfed.com"),
  bank("bethpage", "Bethpage Federal Credit Union", "https://www.bethpagefcu.com"),
  bank("discover", "Discover Bank", "https://www.discover.com"),
  bank("amex", "American Express", "https://www.americanexpress.com"),
  bank("fifththird", "Fifth Third Bank", "https://www.53.com"),
  bank("citizens", "Citizens Bank", "https://www.citizensbank.com"),
  bank("regions", "Regions Bank", "https://www.regions.com"),
  bank("huntington", "Huntington Bank", "https://www.huntington.com"),
  bank("keybank", "KeyBank", "https://www.key.com"),
  bank("mtbank", "M&T Bank", "https://www.mtb.com"),
  bank("fidelity", "Fidelity Investments", "https://www.fidelity.com"),
  bank("vanguard", "Vanguard", "https://investor.vanguard.com"),
  bank("sofi", "SoFi", "https://www.sofi.com"),
  bank("chime", "Chime", "https://www.chime.com"),
];

export const LOGOS = DIRECTORY.map((i) => ({ slug: i.code, name: i.name }));
export const POPULAR_NAMES = DIRECTORY.filter((i) => i.popular).map((i) => i.name);
export const RESULT_NAMES = DIRECTORY.filter((i) => i.name.toLowerCase().includes(QUERY)).map((i) => i.name);

const CREDENTIALS = [
  { guid: "CRD-login", field_name: "LOGIN", label: "Username", field_type: 3, type: 3, display_order: 1, optional: false },
  { guid: "CRD-password", field_name: "PASSWORD", label: "Password", field_type: 1, type: 1, display_order: 2, optional: false },
];

const publicFields = ({ popular, ...institution }) => institution;

// Which callbacks each widget called, in order (the runner reports them per measure). A name
// marked "+" was called while an earlier call was still unanswered: the two overlap in time.
export const calls = [];
let unanswered = 0;
const track = (name, promise) => {
  calls.push(unanswered > 0 ? `+${name}` : name);
  unanswered += 1;
  const settled = () => {
    unanswered -= 1;
  };
  promise.then(settled, settled);
  return promise;
};
// The searches answered so far, in order: the results of QUERY itself are what the benchmark
// waits for, not those of a shorter query the widget may have searched on the way.
export const answeredSearches = [];
const delayOf = (name) => DELAYS_MS[name] ?? DELAYS_MS.other;

// Every answer is a fresh copy, as a real back-end's JSON would be.
const answer = (name, value) =>
  track(name, new Promise((resolve) => setTimeout(() => resolve(structuredClone(value)), delayOf(name))));
const refuse = (name, status) =>
  track(name, new Promise((_, reject) => setTimeout(() => reject({ response: { status, data: {} } }), delayOf(name))));

const byGuid = (guid) => DIRECTORY.find((i) => i.guid === guid);

// The callbacks of MX's ApiProvider `apiValue`, which our widget takes unchanged as `api`.
// The benchmark stops at the login form, so the member and job callbacks only need to be
// present and well-formed.
export const host = {
  loadMembers: () => answer("loadMembers", []),
  loadPopularInstitutions: ({ per_page = 25 } = {}) =>
    answer("loadPopularInstitutions", DIRECTORY.filter((i) => i.popular).slice(0, per_page).map(publicFields)),
  loadDiscoveredInstitutions: () => answer("loadDiscoveredInstitutions", []),
  loadInstitutions: ({ search_name = "", routing_number, page = 1, per_page = 25 } = {}) => {
    const needle = String(search_name || routing_number || "").trim().toLowerCase();
    const found = DIRECTORY.filter((i) => i.name.toLowerCase().includes(needle)).map(publicFields);
    return answer("loadInstitutions", found.slice((page - 1) * per_page, page * per_page)).then((page) => {
      answeredSearches.push(needle);
      return page;
    });
  },
  loadInstitutionByGuid: (guid) => {
    const institution = byGuid(guid);
    if (!institution) return refuse("loadInstitutionByGuid", 404);
    return answer("loadInstitutionByGuid", { ...publicFields(institution), credentials: [], instructional_data: {} });
  },
  loadInstitutionByCode: (code) => host.loadInstitutionByGuid(`INS-${code}`),
  getInstitutionCredentials: (guid) =>
    byGuid(guid) ? answer("getInstitutionCredentials", CREDENTIALS) : refuse("getInstitutionCredentials", 404),
  getMemberCredentials: () => answer("getMemberCredentials", CREDENTIALS),
  addMember: (memberData) =>
    answer("addMember", {
      member: { guid: "MBR-1", institution_guid: memberData.institution_guid, connection_status: 0, is_being_aggregated: true },
    }),
  updateMember: (member) => answer("updateMember", { ...member, credentials: undefined }),
  updateMFA: (member) => answer("updateMFA", { ...member, credentials: undefined }),
  deleteMember: () => answer("deleteMember", {}),
  loadMemberByGuid: (guid) => answer("loadMemberByGuid", { guid, connection_status: 6, is_being_aggregated: false }),
  loadJob: (guid) => answer("loadJob", { guid, job_type: 0 }),
  runJob: () => answer("runJob", {}),
  loadOAuthStates: () => answer("loadOAuthStates", []),
  loadOAuthState: (guid) => answer("loadOAuthState", { guid, auth_status: 1 }),
  getOAuthWindowURI: () => answer("getOAuthWindowURI", { oauth_window_uri: "" }),
  oAuthStart: () => answer("oAuthStart", {}),
  createSupportTicket: () => answer("createSupportTicket", {}),
  createAccount: (account) => answer("createAccount", { guid: "ACT-1", ...account }),
  createMicrodeposit: (details) => answer("createMicrodeposit", { micro_deposit: { guid: "MIC-1", status: 0, ...details } }),
  loadMicrodepositByGuid: (guid) => answer("loadMicrodepositByGuid", { micro_deposit: { guid, status: 0 } }),
  updateMicrodeposit: (guid, changes) => answer("updateMicrodeposit", { micro_deposit: { guid, status: 0, ...changes } }),
  refreshMicrodepositStatus: () => answer("refreshMicrodepositStatus", {}),
  verifyMicrodeposit: () => answer("verifyMicrodeposit", {}),
  verifyRoutingNumber: () => answer("verifyRoutingNumber", {}),
  updateUserProfile: () => answer("updateUserProfile", {}),
};

// The same mount options for both (MX's ConnectWidget props; ours reads the ones it knows).
// The React widget fails without `profiles`.
export const WIDGET_OPTIONS = {
  clientConfig: { mode: "aggregation", ui_message_version: 4 },
  language: { locale: "en" },
  profiles: { client: {}, clientProfile: {}, widgetProfile: {}, user: {}, userProfile: {} },
  userFeatures: [],
};
