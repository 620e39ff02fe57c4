// Page-side helpers of the browser suite (tests/browser/), in one module: the
// test runner's small web server stalls when a page imports many snippet files
// at once, so every `extern "C"` block of the suite imports this one file.

// ---- tests/common/browser.rs ----
export function make_options(api, rest) {
  const events = [];
  const pageviews = [];
  const analytics = [];
  const options = Object.assign({}, rest, {
    api,
    onPostMessage(event, data) { events.push({ event, data: data === undefined ? null : JSON.parse(JSON.stringify(data)) }); },
    onAnalyticPageview(path, data) { pageviews.push({ path, data }); },
    onAnalyticEvent(name, data) { analytics.push({ name, data }); },
  });
  return { options, events, pageviews, analytics };
}
export function recorded(rec, which) { return JSON.parse(JSON.stringify(rec[which])); }
export function options_of(rec) { return rec.options; }

export function accessible_name(el) {
  if (el.hasAttribute("aria-label")) return el.getAttribute("aria-label").trim();
  const by = el.getAttribute("aria-labelledby");
  if (by) {
    const root = el.getRootNode();
    return by.split(/\s+/).map(id => root.getElementById(id)?.textContent ?? "").join(" ").replace(/\s+/g, " ").trim();
  }
  if (el.id) {
    const label = el.getRootNode().querySelector(`label[for="${el.id}"]`);
    if (label) return label.textContent.replace(/\s+/g, " ").trim();
  }
  const alt = el.tagName === "IMG" ? el.getAttribute("alt") : null;
  if (alt !== null) return alt;
  const imgs = [...el.querySelectorAll("img[alt]")].map(i => i.getAttribute("alt")).join(" ");
  return ((el.textContent || "") + " " + imgs).replace(/\s+/g, " ").trim();
}
// A radio's name: its label's text plus the alt text of a pictured choice.
export function choice_name(el) {
  const root = el.getRootNode();
  const label = el.id ? root.querySelector(`label[for="${el.id}"]`) : el.closest("label");
  if (!label) return "";
  const alts = [...label.querySelectorAll("img[alt]")].map(i => i.getAttribute("alt"));
  return [label.textContent || "", ...alts].join(" ").replace(/\s+/g, " ").trim();
}
// What a screen reader reads for each button of the institution list: aria-hidden parts
// (the initials badge) are skipped, text runs are separate words.
export function list_button_names(host) {
  const words = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return [node.textContent];
    if (node.nodeType !== Node.ELEMENT_NODE || node.getAttribute("aria-hidden") === "true") return [];
    if (node.tagName === "IMG") return [node.getAttribute("alt") || ""];
    return [...node.childNodes].flatMap(words);
  };
  return [...host.shadowRoot.querySelectorAll("[role=list] button")]
    .map((b) => b.getAttribute("aria-label") || words(b).join(" ").replace(/\s+/g, " ").trim());
}

export function fire_input(el, value) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, "value").set.call(el, value);
  el.dispatchEvent(new Event("input", { bubbles: true }));
}
export function fire_key(el, key, shift) {
  el.dispatchEvent(new KeyboardEvent("keydown", { key, shiftKey: !!shift, bubbles: true, cancelable: true }));
}

export function focused_page_input() {
  const input = document.createElement("input");
  input.setAttribute("aria-label", "host page field");
  document.body.appendChild(input);
  input.focus();
  return input;
}
export function is_document_focus(el) { return document.activeElement === el; }

// Counts the DOM changes under `el` (its text, children, attributes) from now on.
export function watch_mutations(el) {
  const rec = { seen: 0 };
  rec.observer = new MutationObserver((list) => { rec.seen += list.length; });
  rec.observer.observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
  return rec;
}
export function mutations_seen(rec) { rec.seen += rec.observer.takeRecords().length; return rec.seen; }

const STATUS = { CREATED: 0, DENIED: 2, CONNECTED: 6, RECONNECTED: 8, UPDATED: 15 };
const MX = { account_verification_is_enabled: true, code: "mxbank", forgot_password_credential_recovery_url: "https:/mxbank.example/forgot_password", forgot_username_credential_recovery_url: null, guid: "INS-1572a04c-912b-59bf-5841-332c7dfafaef", login_url: null, name: "MX Bank", popularity: 40000, supports_oauth: false, tax_statement_is_enabled: false, trouble_signing_credential_recovery_url: "https:/mxbank.example/forgot_password", url: "https:/mxbank.example" };
const GRINGOTTS = { account_verification_is_enabled: true, code: "gringotts", forgot_password_credential_recovery_url: "https:/testbank.com/forgot_password", forgot_username_credential_recovery_url: null, guid: "INS-f1a3285d-e855-b68f-6aa7-8ae775c0e0e9", login_url: null, name: "Gringotts", popularity: 32685, supports_oauth: false, tax_statement_is_enabled: false, trouble_signing_credential_recovery_url: "https:/testbank.com/forgot_password", url: "https:/testbank.com" };
const INSTITUTIONS = [MX, GRINGOTTS];
const CREDENTIALS = [
  { display_order: 1, field_name: "LOGIN", field_type: 3, guid: "CRD-LOGIN", label: "Username", meta_data: null, optional: false, options: null },
  { display_order: 2, field_name: "PASSWORD", field_type: 1, guid: "CRD-PASSWORD", label: "Password", meta_data: null, optional: false, options: null },
];
const copy = (v) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

export function make_host(opts) {
  const s = { calls: [], faults: opts.faults || {}, polls: 0, working: "CREATED", updated: false };
  const memberGuid = opts.conflict ? "MBR-EXISTING" : "MBR-123";
  const member = (status, aggregating) => {
    const m = {
      aggregated_at: "2016-10-13T18:07:57.000Z", background_aggregation_is_disabled: false,
      connection_status: opts.numeric ? STATUS[status] : status,
      guid: memberGuid, id: "unique_id", institution_code: "mxbank", is_being_aggregated: aggregating,
      is_managed_by_user: false, is_manual: false, is_oauth: false,
      metadata: "\"credentials_last_refreshed_at\": \"2015-10-15\"", most_recent_job_detail_code: null,
      most_recent_job_detail_text: "", most_recent_job_guid: "JOB-1", name: "MX Bank",
      oauth_window_uri: "https://mxbank.example/oauth/authorize?client_id=b8Oik&response_type=code",
      successfully_aggregated_at: "2016-10-13T17:57:38.000Z", user_guid: "USR-123", user_id: "user123",
    };
    return opts.bare ? m : { member: m };
  };
  const answer = (name, args, normal) => {
    s.calls.push({ name, args: copy(args) });
    const queue = s.faults[name];
    const fault = queue && queue.length ? queue.shift() : null;
    if (fault === "throw") throw new Error(name + " exploded");
    if (fault === "reject500") return Promise.reject({ response: { status: 500 } });
    if (fault === "garbage42") return Promise.resolve(42);
    if (fault === "garbageX") return Promise.resolve("x");
    if (fault === "never") return new Promise(() => {});
    return new Promise((resolve, reject) => setTimeout(() => { try { resolve(normal()); } catch (e) { reject(e); } }, 1));
  };
  const notFound = (guid) => { throw { response: { status: 404, data: { guid } } }; };
  const api = {
    loadPopularInstitutions(...a) { return answer("loadPopularInstitutions", a, () => INSTITUTIONS); },
    loadInstitutions(...a) {
      return answer("loadInstitutions", a, () => {
        const q = a[0] || {};
        if (q.routing_number) return q.routing_number === "011411633" ? [MX] : [];
        const name = String(q.search_name || "").toLowerCase();
        return INSTITUTIONS.filter((i) => i.name.toLowerCase().includes(name));
      });
    },
    loadInstitutionByGuid(...a) { return answer("loadInstitutionByGuid", a, () => INSTITUTIONS.find((i) => i.guid === a[0]) || notFound(a[0])); },
    loadInstitutionByCode(...a) { return answer("loadInstitutionByCode", a, () => INSTITUTIONS.find((i) => i.code === a[0]) || notFound(a[0])); },
    getInstitutionCredentials(...a) { return answer("getInstitutionCredentials", a, () => (opts.bare ? CREDENTIALS : { credentials: CREDENTIALS })); },
    addMember(...a) {
      return answer("addMember", a, () => {
        if (opts.conflict) throw { response: { status: 409, data: { guid: "MBR-EXISTING" } } };
        s.polls = 0; s.working = "CREATED";
        return member("CREATED", true);
      });
    },
    updateMember(...a) {
      return answer("updateMember", a, () => { s.updated = true; s.polls = 0; s.working = "UPDATED"; return member("UPDATED", true); });
    },
    loadMemberByGuid(...a) {
      return answer("loadMemberByGuid", a, () => {
        if (a[0] !== memberGuid) notFound(a[0]);
        if (opts.conflict && !s.updated) return member("DENIED", false);
        s.polls += 1;
        if (s.polls === 1 || opts.stuck) return member(s.working, true);
        return member("CONNECTED", s.polls === 2);
      });
    },
    loadJob(...a) {
      return answer("loadJob", a, () => ({ guid: a[0], job_type: 0, status: s.polls >= 3 ? 6 : 0, finished_at: s.polls >= 3 ? 1682356863 : null }));
    },
    runJob(...a) {
      return answer("runJob", a, () => { s.polls = 0; s.working = "RECONNECTED"; return { job_guid: "JOB-2", status: 8 }; });
    },
  };
  Object.defineProperty(api, "__calls", { value: s.calls, enumerable: false });
  return api;
}
export function host_calls(api) { return copy(api.__calls); }

export function fake_host(member, institution) {
  const creds = { credentials: [
    { guid: "CRD-USER", label: "Username", field_name: "LOGIN", field_type: "LOGIN", display_order: 1 },
    { guid: "CRD-PASS", label: "Password", field_name: "PASSWORD", field_type: "PASSWORD", display_order: 2 },
  ] };
  const h = {
    member, institution, load: "ok", deleteFailures: 0, calls: [],
    addMember() { h.calls.push("addMember"); return Promise.reject({ response: { status: 500, data: {} } }); },
    loadMemberByGuid(guid) {
      h.calls.push("loadMemberByGuid");
      if (h.load === "404") return Promise.reject({ response: { status: 404, data: { guid } } });
      if (h.load === "500") return Promise.reject({ response: { status: 500, data: {} } });
      if (h.load === "hang") return new Promise(() => {});
      return Promise.resolve({ member: h.member });
    },
    loadInstitutions() { return Promise.resolve({ institutions: [h.institution] }); },
    loadPopularInstitutions() { return Promise.resolve({ institutions: [h.institution] }); },
    loadInstitutionByGuid() { h.calls.push("loadInstitutionByGuid"); return Promise.resolve({ institution: h.institution }); },
    loadInstitutionByCode() { return Promise.resolve({ institution: h.institution }); },
    getInstitutionCredentials() { h.calls.push("getInstitutionCredentials"); return Promise.resolve(creds); },
    getMemberCredentials() { h.calls.push("getMemberCredentials"); return Promise.resolve(creds); },
    runJob() { h.calls.push("runJob"); return Promise.resolve({ job_guid: "JOB-2", status: 0 }); },
    deleteMember() {
      h.calls.push("deleteMember");
      if (h.deleteHang) return new Promise(() => {});
      if (h.deleteFailures > 0) { h.deleteFailures -= 1; return Promise.reject({ response: { status: 500, data: {} } }); }
      return Promise.resolve({ member: h.member });
    },
    createSupportTicket() { return Promise.resolve({}); },
  };
  return h;
}
export function set_host(h, key, value) { h[key] = value; }
export function fake_host_calls(h) { return h.calls.slice(); }

// ---- tests/browser/embedding.rs ----
export function partial_api() { return { addMember() {}, loadInstitutions() {} }; }

export function listeners_that_throw(options) {
  for (const key of ["onPostMessage", "onAnalyticEvent", "onAnalyticPageview"]) {
    const record = options[key];
    options[key] = function (a, b) { record.call(this, a, b); throw new Error("partner listener bug"); };
  }
}

export function spy_console() {
  const spy = { messages: [], originals: {} };
  for (const level of ["log", "info", "warn", "error", "debug"]) {
    spy.originals[level] = console[level];
    console[level] = (...args) => {
      spy.messages.push(args.map((a) => { try { return typeof a === "string" ? a : JSON.stringify(a) ?? String(a); } catch (_) { return String(a); } }).join(" "));
    };
  }
  return spy;
}
export function console_messages(spy) { return spy.messages.slice(); }
export function restore_console(spy) { for (const level in spy.originals) console[level] = spy.originals[level]; }

export function page_traces() {
  const dump = (storage) => { const out = {}; for (let i = 0; i < storage.length; i++) { const k = storage.key(i); out[k] = storage.getItem(k); } return out; };
  return JSON.stringify({ href: location.href, local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie, title: document.title });
}
export function shadow_html(host) { return host.shadowRoot ? host.shadowRoot.innerHTML : ""; }
export function ids_in(host) { return [...host.shadowRoot.querySelectorAll("[id]")].map((e) => e.id); }
export function dangling_references(host) {
  const root = host.shadowRoot;
  const out = [];
  for (const el of root.querySelectorAll("[for], [aria-describedby], [aria-labelledby], [aria-controls]")) {
    for (const attr of ["for", "aria-describedby", "aria-labelledby", "aria-controls"]) {
      const v = el.getAttribute(attr);
      if (v) for (const id of v.split(/\s+/)) if (!root.getElementById(id)) out.push(attr + "=" + id);
    }
  }
  return out;
}
export function error_message(e) { return e instanceof Error ? e.message : "not an Error: " + String(e); }

// ---- tests/browser/http.rs ----
export function token_api(url) {
  const seen = [];
  const api = {
    url,
    // A fresh token per request, as a partner's token refresh would give.
    headers(request) { seen.push(request); return Promise.resolve({ Authorization: "Bearer token-" + seen.length }); },
  };
  return { api, seen };
}
export function api_of(rec) { return rec.api; }
export function seen_of(rec) { return JSON.parse(JSON.stringify(rec.seen)); }
export async function server_send(method, url, body) {
  const init = { method };
  if (body !== undefined) { init.headers = { "Content-Type": "application/json" }; init.body = body; }
  const response = await fetch(url, init);
  return response.status + " " + await response.text();
}
export function spy_fetch() {
  const real = globalThis.fetch;
  const spy = { requests: [], restore() { globalThis.fetch = real; } };
  globalThis.fetch = function (input, init) {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    spy.requests.push(request);
    return real.call(this, request);
  };
  return spy;
}
export function aborted_paths(spy) {
  return spy.requests.filter(r => r.signal.aborted).map(r => r.method + " " + new URL(r.url).pathname);
}
export function credentials_modes(spy) { return spy.requests.map(r => r.credentials); }
export function spy_console_lines() {
  const lines = [];
  const warn = console.warn, error = console.error;
  console.warn = (...a) => { lines.push(a.map(String).join(" ")); warn.apply(console, a); };
  console.error = (...a) => { lines.push(a.map(String).join(" ")); error.apply(console, a); };
  return { lines, restore() { console.warn = warn; console.error = error; } };
}
export function lines_of(spy) { return spy.lines.slice(); }
export function restore_spy(spy) { spy.restore(); }

// ---- tests/browser/oauth.rs ----
let current = null;
export function stub_open(mode, html, js) {
  restore_open();
  const original = window.open;
  const rec = { mode, urls: [], windows: [], frames: [], original };
  window.open = function (url) {
    rec.urls.push(String(url));
    if (rec.mode === "null") return null;
    if (rec.mode === "stand-in") {
      const w = { closed: false, closes: 0, close() { this.closed = true; this.closes += 1; } };
      rec.windows.push(w);
      return w;
    }
    // "page": the sandbox authorization page in a frame. Its script comes from a blob, so the
    // page's own Content-Security-Policy (script-src 'self') is left out here.
    const script = URL.createObjectURL(new Blob([js], { type: "text/javascript" }));
    const page = html
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "")
      .replace(/<link rel="stylesheet"[^>]*>/, "")
      .replace('src="oauth-sandbox.js"', `src="${script}"`);
    const frame = document.createElement("iframe");
    frame.src = URL.createObjectURL(new Blob([page], { type: "text/html" })) + "#" + new URL(url).search.slice(1);
    document.body.append(frame);
    rec.frames.push(frame);
    return frame.contentWindow;
  };
  current = rec;
  return rec;
}
export function restore_open() {
  if (!current) return;
  window.open = current.original;
  for (const f of current.frames) f.remove();
  current = null;
}
export function set_mode(rec, mode) { rec.mode = mode; }
export function opened_urls(rec) { return rec.urls.slice(); }
export function stand_in(rec, i) { return rec.windows[i]; }
export function close_stand_in(rec, i) { rec.windows[i].closed = true; }
export function stand_in_closes(rec, i) { return rec.windows[i] ? rec.windows[i].closes : -1; }
export function page_button(rec, name) {
  const doc = rec.frames.length ? rec.frames[rec.frames.length - 1].contentDocument : null;
  if (!doc || doc.readyState !== "complete") return null;
  return [...doc.querySelectorAll("button")].find(b => b.textContent.trim() === name) || null;
}
export function page_text(rec) {
  const doc = rec.frames.length ? rec.frames[rec.frames.length - 1].contentDocument : null;
  return doc && doc.body ? doc.body.textContent : "";
}
export function post_from_page_itself(message) { window.postMessage(message, location.origin); }

// A host whose institution supports OAuth; `opts`: `uri` (the window URL), `pending` (PENDING
// answers before the end), `end` (the final OAuth state's {auth_status, error_reason}).
export function oauth_host(opts) {
  const calls = [];
  const institution = { guid: "INS-O", code: "oak", name: "Oak Bank", url: "https://oak.example", supports_oauth: true };
  let polls = 0;
  const member = (status, aggregating) => ({ guid: "MBR-O", institution_guid: "INS-O", connection_status: status,
    is_oauth: true, is_being_aggregated: aggregating, oauth_window_uri: opts.uri, user_guid: "USR-1" });
  const log = (name, args) => calls.push({ name, args: JSON.parse(JSON.stringify(args)) });
  let finished = false;
  return {
    calls,
    addMember(...args) { log("addMember", args); return Promise.resolve({ member: member("PENDING", false) }); },
    loadMemberByGuid(...args) {
      log("loadMemberByGuid", args);
      return Promise.resolve({ member: finished ? member("CONNECTED", false) : member("PENDING", false) });
    },
    loadInstitutions() { return Promise.resolve([institution]); },
    loadInstitutionByGuid() { return Promise.resolve(institution); },
    loadInstitutionByCode() { return Promise.resolve(institution); },
    loadPopularInstitutions() { return Promise.resolve([institution]); },
    getInstitutionCredentials(...args) { log("getInstitutionCredentials", args); return Promise.resolve([]); },
    runJob(...args) { log("runJob", args); return Promise.resolve({}); },
    getOAuthWindowURI(...args) { log("getOAuthWindowURI", args); return Promise.resolve({ oauth_window_uri: opts.uri }); },
    oAuthStart(...args) { log("oAuthStart", args); return Promise.resolve({}); },
    loadOAuthStates(...args) {
      log("loadOAuthStates", args);
      return Promise.resolve([{ guid: "OAS-1", auth_status: 1, outbound_member_guid: "MBR-O" }]);
    },
    loadOAuthState(...args) {
      log("loadOAuthState", args);
      if (opts.failing) return Promise.reject({ response: { status: 503 } });
      polls += 1;
      if (polls <= opts.pending || !opts.end) return Promise.resolve({ oauth_state: { guid: "OAS-1", auth_status: 1 } });
      if (opts.end.auth_status === 2) finished = true;
      return Promise.resolve({ oauth_state: Object.assign({ guid: "OAS-1", inbound_member_guid: "MBR-O" }, opts.end) });
    },
  };
}
export function calls_named(host, name) { return JSON.parse(JSON.stringify(host.calls.filter(c => c.name === name))); }

// ---- tests/browser/partner.rs ----
export function partner_host(setup) {
  const s = { calls: [], polls: 0, institution: null, answers: {}, failAccount: !!setup.failAccount };
  const rec = (name, args) => s.calls.push({ name, args: JSON.parse(JSON.stringify(args)) });
  const later = (v) => new Promise((r) => setTimeout(() => r(v), 1));
  const fail = (status) => new Promise((_, j) => setTimeout(() => j({ response: { status, data: {} } }), 1));
  const find = (key, value) => s.answers[value] || (setup.institutions || []).find((i) => i[key] === value);
  const member = (status, aggregating) => ({ guid: "MBR-P", institution_guid: s.institution, connection_status: status,
    is_being_aggregated: aggregating, user_guid: "USR-P", is_managed_by_user: true });
  const api = {
    loadPopularInstitutions(...a) { rec("loadPopularInstitutions", a); return later(setup.popular || []); },
    loadInstitutions(...a) { rec("loadInstitutions", a); return later(setup.institutions || []); },
    loadDiscoveredInstitutions(...a) { rec("loadDiscoveredInstitutions", a); return later(setup.discovered || []); },
    loadMembers(...a) { rec("loadMembers", a); return later(setup.members || []); },
    loadInstitutionByGuid(...a) { rec("loadInstitutionByGuid", a); const i = find("guid", a[0]); return i ? later(i) : fail(404); },
    loadInstitutionByCode(...a) { rec("loadInstitutionByCode", a); const i = find("code", a[0]); return i ? later(i) : fail(404); },
    getInstitutionCredentials(...a) {
      rec("getInstitutionCredentials", a);
      return later([{ guid: "CRD-U", label: "Username", field_type: 3, display_order: 1 },
                    { guid: "CRD-P", label: "Password", field_type: 1, display_order: 2 }]);
    },
    addMember(...a) { rec("addMember", a); s.institution = a[0].institution_guid; s.polls = 0; return later({ member: member("CREATED", true) }); },
    loadMemberByGuid(...a) { rec("loadMemberByGuid", a); s.polls += 1; return later(s.polls < 3 ? member("CREATED", true) : member("CONNECTED", false)); },
    runJob(...a) { rec("runJob", a); return later({}); },
    createAccount(...a) {
      rec("createAccount", a);
      if (s.failAccount) { s.failAccount = false; return fail(500); }
      return later({ guid: "ACC-1", account_type: a[0].account_type });
    },
    createSupportTicket(...a) { rec("createSupportTicket", a); return later({}); },
  };
  Object.defineProperty(api, "__state", { value: s, enumerable: false });
  return api;
}
export function set_institution(api, key, institution) { api.__state.answers[key] = institution; }
export function partner_calls(api) { return JSON.parse(JSON.stringify(api.__state.calls)); }

// The partner's functions: survey and manual-account callbacks, counted.
export function add_callbacks(options, got) {
  options.onShowConnectSuccessSurvey = () => { got.shown = (got.shown || 0) + 1; };
  options.onSubmitConnectSuccessSurvey = (answers) => { (got.answers = got.answers || []).push(JSON.parse(JSON.stringify(answers))); };
  options.onManualAccountAdded = (...args) => { got.manual = (got.manual || 0) + 1; got.manualArgs = args.length; };
}
// `postMessageEventOverrides` that rewrite both payloads and report every poll
// as a change; with `throwing`, createEventData throws instead.
export function add_overrides(options, throwing) {
  const boom = () => { throw new Error("override failed"); };
  options.postMessageEventOverrides = {
    memberConnected: { createEventData: throwing ? boom : ({ institution, member, consent }) =>
      ({ custom: "connected", member: member.guid, institution: institution.guid, consented: !!consent }) },
    memberStatusUpdate: {
      createEventData: throwing ? boom : ({ member }) => ({ custom: "status", status: member.connection_status }),
      getHasStatusChanged: ({ currentMember, previousMember }) =>
        throwing ? boom() : currentMember.connection_status === previousMember.connection_status,
    },
  };
}
export function new_object() { return {}; }
export function as_json(v) { return JSON.parse(JSON.stringify(v)); }

// console.warn lines, while `f` runs.
export function warnings_during(f) {
  const lines = [];
  const original = console.warn;
  console.warn = (...a) => { lines.push(a.join(" ")); };
  try { f(); } finally { console.warn = original; }
  return lines;
}
export function computed(el, property) { return getComputedStyle(el).getPropertyValue(property).trim(); }
export function prefers_dark() { return matchMedia("(prefers-color-scheme: dark)").matches; }
export function set_style(el, property, value) { el.style.setProperty(property, value); }
export function page_origin() { return location.origin; }
// The page's address up to its last "/": what a relative path resolves against.
export function page_directory() { return document.baseURI.replace(/[?#].*$/, "").replace(/[^/]*$/, ""); }
// Every `src` set on an <img> under `root`, as it is set.
export function record_image_sources(root) {
  const seen = [];
  new MutationObserver((records) => {
    for (const r of records) {
      const nodes = r.type === "attributes" ? [r.target] : [...r.addedNodes];
      for (const n of nodes) {
        if (n.nodeType !== 1) continue;
        for (const img of n.tagName === "IMG" ? [n] : n.querySelectorAll("img")) {
          const src = img.getAttribute("src");
          if (src && !seen.includes(src)) seen.push(src);
        }
      }
    }
  }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["src"] });
  return seen;
}

// ---- tests/browser/manual_account.rs ----
export function choose_option(root, label, value) {
  const l = [...root.querySelectorAll("label")].find((x) => x.textContent.trim() === label);
  const select = l && root.getElementById(l.htmlFor);
  if (!select) throw new Error("no select labelled " + label);
  select.value = value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
}

// ---- tests/browser/hardening.rs ----
// `onPostMessage` that unmounts the widget (through `holder.handle`) on the first of `events`.
export function unmount_on(options, events) {
  const holder = { handle: null, unmountedOn: null };
  const record = options.onPostMessage;
  options.onPostMessage = function (event, data) {
    record.call(this, event, data);
    if (holder.handle && !holder.unmountedOn && events.includes(event)) {
      holder.unmountedOn = event;
      holder.handle.unmount();
    }
  };
  return holder;
}
export function set_handle(holder, handle) { holder.handle = handle; }

// Records whether the widget in `element` is in the page, showing a step heading, when
// `eventName` reaches `onPostMessage`.
export function heading_shown_on(options, element, eventName) {
  const holder = { shown: null };
  const record = options.onPostMessage;
  options.onPostMessage = function (event, data) {
    record.call(this, event, data);
    if (event === eventName && holder.shown === null) {
      const root = element.shadowRoot;
      holder.shown = Boolean(element.isConnected && root && root.querySelector("[data-cw-heading]"));
    }
  };
  return holder;
}
export function heading_was_shown(holder) { return holder.shown; }
export function unmounted_on(holder) { return holder.unmountedOn; }

// `onPostMessage` that throws a revoked Proxy on `connect/loaded`; analytics return one.
export function listeners_with_revoked_proxies(options) {
  const revoked = () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; };
  const record = options.onPostMessage;
  options.onPostMessage = function (event, data) {
    record.call(this, event, data);
    if (event === "connect/loaded") throw revoked();
  };
  options.onAnalyticPageview = () => revoked();
}

// `make_host` whose `loadPopularInstitutions` answers in an odd way.
export function odd_popular_host(kind) {
  const api = make_host({});
  const list = () => [{ guid: "INS-ODD", code: "odd", name: "Odd Bank", url: "https://odd.example" }];
  api.loadPopularInstitutions = () => {
    if (kind === "toJSON") return Promise.resolve({ toJSON() { throw new Error("toJSON exploded"); } });
    if (kind === "constructor") {
      const p = Promise.resolve(list());
      Object.defineProperty(p, "constructor", { get() { throw new Error("constructor getter exploded"); } });
      return p;
    }
    if (kind === "revoked") { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; }
    return list();
  };
  return api;
}

export function handle_shape(handle) {
  return { free: typeof handle.free, keys: Object.keys(handle).sort() };
}
// Methods taken off the handle, called without `this`.
export function call_detached(handle, method) { const f = handle[method]; return f(); }
export function later_detached(handle, method, ms) { setTimeout(handle[method], ms); }
export function is_mounted(handle) { return handle.isMounted; }

export function options_with_throwing_getter(key) {
  const options = { api: "sandbox" };
  Object.defineProperty(options, key, { get() { throw new Error(key + " getter exploded"); }, enumerable: true });
  return options;
}
// A clientConfig with a cycle in one key and real intent in the others.
export function cyclic_client_config(options) {
  const config = { current_institution_code: "mxbank", disable_institution_search: true };
  config.loop = config;
  options.clientConfig = config;
}

// A same-origin iframe's <div>, in its own document.
export async function iframe_element() {
  const frame = document.createElement("iframe");
  document.body.appendChild(frame);
  await new Promise((r) => setTimeout(r, 0));
  const doc = frame.contentDocument;
  const div = doc.createElement("div");
  doc.body.appendChild(div);
  return div;
}
export function remove_frame_of(el) { el.ownerDocument.defaultView.frameElement.remove(); }
export function page_text_is_visible(marker) {
  const el = document.getElementById(marker);
  return !!el && el.getClientRects().length > 0 && !document.body.shadowRoot;
}
export function add_marker(id) { const p = document.createElement("p"); p.id = id; p.textContent = "page text"; document.body.appendChild(p); return p; }

// ---- tests/browser/chaos.rs ----
function seeded(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const CHAOS_STATUSES = [400, 401, 403, 404, 409, 422, 500, 503];
const CHAOS_GARBAGE = () => [42, "x", null, {}, [], [{ guid: null }], { member: 7 }, { institutions: "no" }];
// The contract-example host, each callback answering at random (seeded): right, throwing,
// rejecting with a status, garbage, a revoked Proxy, never settling, or settling twice.
export function chaos_host(seed) {
  const rand = seeded(seed);
  const base = make_host({});
  const names = [...Object.keys(base), "updateMFA", "deleteMember", "getMemberCredentials", "createSupportTicket"];
  const api = {};
  for (const name of names) {
    const normal = base[name] ? base[name].bind(base) : () => Promise.resolve({});
    api[name] = (...args) => {
      const r = rand();
      if (r < 0.5) return normal(...args);
      if (r < 0.56) throw new Error(name + " threw");
      if (r < 0.64) return Promise.reject({ response: { status: CHAOS_STATUSES[Math.floor(rand() * 8)], data: {} } });
      if (r < 0.72) { const g = CHAOS_GARBAGE(); return Promise.resolve(g[Math.floor(rand() * g.length)]); }
      if (r < 0.78) return new Promise(() => {});
      if (r < 0.83) { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return Promise.resolve(proxy); }
      return { then(resolve, reject) {
        Promise.resolve(normal(...args)).then(
          (v) => { resolve(v); resolve(v); reject(new Error("settled twice")); },
          (e) => { reject(e); resolve({}); });
      } };
    };
  }
  return api;
}
export function error_collector() {
  const c = { errors: [] };
  c.onerror = (e) => c.errors.push("uncaught: " + String(e.message || e.error));
  c.onrej = (e) => c.errors.push("unhandled rejection: " + String((e.reason && e.reason.message) || e.reason));
  window.addEventListener("error", c.onerror);
  window.addEventListener("unhandledrejection", c.onrej);
  return c;
}
export function collected_errors(c) { return c.errors.slice(); }
export function stop_collector(c) {
  window.removeEventListener("error", c.onerror);
  window.removeEventListener("unhandledrejection", c.onrej);
}
// Enabled, visible buttons and fields inside the widget: what the user can act on.
export function widget_controls(host) {
  const root = host.shadowRoot;
  if (!root) return [];
  return [...root.querySelectorAll("button:not([disabled]), input:not([disabled]), textarea:not([disabled])")]
    .filter((e) => e.getClientRects().length > 0 && !e.closest("[inert]"));
}

// ---- tests/browser/verification.rs ----
// Records every `onEvent` message (as plain JSON) into the returned list.
export function record_stream(options) {
  const list = [];
  options.onEvent = function (message) { list.push(JSON.parse(JSON.stringify(message))); };
  return list;
}
export function stream_of(list) { return JSON.parse(JSON.stringify(list)); }
// ---- tests/common/browser.rs: the accessibility audit of every screen reached ----
// axe-core comes from npm (package.json); the test runner serves the repository root.
const AXE_SRC = "/node_modules/axe-core/axe.min.js";
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
let axeLoading = null;
function load_axe() {
  if (window.axe) return Promise.resolve();
  if (!axeLoading) {
    axeLoading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = AXE_SRC;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`axe-core is not served at ${AXE_SRC}: run scripts/setup.sh (npm ci)`));
      document.head.append(script);
    });
  }
  return axeLoading;
}

// A still copy of the widget's shadow tree (same stylesheets, form state copied), in `theme`,
// `width` px wide, with the widget's text at `textScale`: audits never race the live widget.
function snapshot(host, theme, width, textScale) {
  const source = host.shadowRoot;
  const probe = document.createElement("div");
  probe.style.cssText = `position:absolute;left:0;top:0;z-index:2147483647;width:${width}px;background:Canvas;transform:translate(0);`;
  probe.style.setProperty("--cw-font-size", `${textScale * 100}%`);
  const root = probe.attachShadow({ mode: "open" });
  root.adoptedStyleSheets = source.adoptedStyleSheets;
  root.innerHTML = source.innerHTML;
  const from = source.querySelectorAll("input, textarea, select");
  const to = root.querySelectorAll("input, textarea, select");
  from.forEach((el, i) => {
    if (!to[i]) return;
    if (el.type === "radio" || el.type === "checkbox") to[i].checked = el.checked;
    else to[i].value = el.value;
  });
  const container = root.querySelector(".cw-root");
  if (container) container.setAttribute("data-theme", theme);
  document.body.append(probe);
  return probe;
}

function describe(el) {
  const cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "";
  return `<${el.tagName.toLowerCase()}${cls}> "${(el.textContent || "").trim().slice(0, 40)}"`;
}

// Elements whose box reaches past the probe's right edge (sideways scrolling), and buttons
// whose content (text included) lies outside their box.
function overflow_findings(probe, what) {
  const out = [];
  const edge = probe.getBoundingClientRect().right + 1;
  const shown = (el) => el.getClientRects().length > 0 && !el.closest(".cw-sr");
  for (const el of probe.shadowRoot.querySelectorAll("*")) {
    if (!shown(el)) continue;
    if (el.getBoundingClientRect().right > edge) out.push(`${what}: ${describe(el)} reaches past the ${probe.style.width} edge`);
  }
  const texts = document.createTreeWalker(probe.shadowRoot, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    if (!node.textContent.trim() || !node.parentElement || !shown(node.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if ([...range.getClientRects()].some((r) => r.right > edge)) {
      out.push(`${what}: text "${node.textContent.trim().slice(0, 40)}" reaches past the ${probe.style.width} edge`);
    }
  }
  for (const button of probe.shadowRoot.querySelectorAll("button, label")) {
    if (!shown(button)) continue;
    const box = button.getBoundingClientRect();
    const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || (node.parentElement && node.parentElement.closest(".cw-sr"))) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
          out.push(`${what}: text "${node.textContent.trim().slice(0, 40)}" spills out of ${describe(button)}`);
          break;
        }
      }
    }
  }
  return out;
}

const audited = new Set();
const audit_log = [];
// Audits the widget in `host` once per `key` (a screen): axe-core's WCAG 2.2 A/AA rules in the
// light and the dark theme, no sideways scrolling at 320 px, and nothing outside its button at
// 200 % text. Resolves to a list of findings (empty when the screen passes).
export async function audit_screen(host, key) {
  if (!host.shadowRoot || audited.has(key)) return [];
  audited.add(key);
  const started = performance.now();
  const findings = [];
  await load_axe();
  // One copy at a time: a second one on top would hide the first from axe's colour checks.
  for (const [theme, scale] of [["light", 1], ["dark", 1], ["light", 2]]) {
    const probe = snapshot(host, theme, 320, scale);
    try {
      findings.push(...overflow_findings(probe, scale === 1 ? `${theme}, 320 px` : "200 % text at 320 px"));
      if (scale !== 1) continue;
      const result = await window.axe.run(probe, { runOnly: { type: "tag", values: WCAG_TAGS }, resultTypes: ["violations"] });
      for (const v of result.violations) {
        for (const node of v.nodes) {
          findings.push(`axe ${v.id} (${theme}): ${v.help} at ${JSON.stringify(node.target)}: ${node.failureSummary}`);
        }
      }
    } finally {
      probe.remove();
    }
  }
  audit_log.push({ key, ms: Math.round(performance.now() - started), findings: findings.length });
  return findings;
}
// What the audits did so far: `[{key, ms, findings}]`.
export function audit_report() { return JSON.parse(JSON.stringify(audit_log)); }

// ---- tests/browser/accessibility.rs ----
// Overflow findings (see `overflow_findings`) of the live widget in `host`, as it is laid out now.
export function live_overflow(host, what) { return overflow_findings(host, what); }
// Whether the page's focus is inside the widget in `host` (not on <body>, not on the page).
export function focus_in_widget(host) {
  return document.activeElement === host && !!host.shadowRoot && host.shadowRoot.activeElement !== null;
}
// Enter in a field: keydown, then the browser's implicit submission of the field's form.
export function press_enter(el) {
  const go = el.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
  if (go && el.form) el.form.requestSubmit();
}
export function rect_of(el) { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }
export function viewport() { return [document.documentElement.clientWidth, document.documentElement.clientHeight]; }
export function inner_text(el) { return el.innerText; }
// The declarations of the widget's style rules for `pseudo` (e.g. "::-webkit-search-cancel-button")
// whose selector, without the pseudo-element, matches `el`. Chromium's getComputedStyle does not
// resolve the search field's internal pseudo-elements, so the rules are read instead.
export function pseudo_rules(host, el, pseudo) {
  const out = [];
  const visit = (rules) => {
    for (const rule of rules) {
      if (rule instanceof CSSMediaRule) { if (matchMedia(rule.conditionText).matches) visit(rule.cssRules); continue; }
      if (!(rule instanceof CSSStyleRule)) continue;
      for (const selector of rule.selectorText.split(",").map((s) => s.trim())) {
        if (selector.endsWith(pseudo) && el.matches(selector.slice(0, -pseudo.length))) out.push(rule.style.cssText);
      }
    }
  };
  for (const sheet of host.shadowRoot.adoptedStyleSheets) visit(sheet.cssRules);
  return out;
}
// The declarations inside `@media (forced-colors: active)` of the widget's stylesheets, as
// `[selector, cssText]` pairs.
export function forced_colour_rules(host) {
  const out = [];
  const sheets = [...host.shadowRoot.adoptedStyleSheets, ...[...host.shadowRoot.querySelectorAll("style")].map((s) => s.sheet)];
  for (const sheet of sheets) {
    for (const rule of sheet.cssRules) {
      if (rule instanceof CSSMediaRule && rule.conditionText.includes("forced-colors: active")) {
        for (const inner of rule.cssRules) out.push([inner.selectorText, inner.style.cssText]);
      }
    }
  }
  return out;
}
// A host whose popular institutions have brand colours and no logos (so initials show).
export function brand_host(colours) {
  const list = colours.map((c, i) => ({ guid: "INS-C" + i, code: "c" + i, name: "Colour Bank " + i, url: "https://c.example", brand_color_hex_code: c }));
  return {
    loadPopularInstitutions() { return Promise.resolve(list); },
    loadInstitutions() { return Promise.resolve(list); },
    loadInstitutionByGuid(g) { return Promise.resolve(list.find((i) => i.guid === g)); },
    loadInstitutionByCode(c) { return Promise.resolve(list.find((i) => i.code === c)); },
    getInstitutionCredentials() { return Promise.resolve([]); },
    addMember() { return new Promise(() => {}); },
    runJob() { return new Promise(() => {}); },
    loadMemberByGuid() { return new Promise(() => {}); },
  };
}

// Keyboard only: the widget's sequential focus order as a browser's Tab walks it (tabbable,
// shown, not inert or disabled; a radio group is one stop, its checked radio), and moving along it.
function tab_stops(host) {
  const root = host.shadowRoot;
  const all = [...root.querySelectorAll("button, input, select, textarea, a[href], summary, [tabindex]")];
  const seenGroups = new Set();
  const stops = [];
  for (const el of all) {
    if (el.disabled || el.closest("[inert]") || el.getClientRects().length === 0 || el.tabIndex < 0) continue;
    if (el.type === "radio" && el.name) {
      if (seenGroups.has(el.name)) continue;
      seenGroups.add(el.name);
      const group = all.filter((r) => r.type === "radio" && r.name === el.name);
      stops.push(group.find((r) => r.checked) || group[0]);
      continue;
    }
    stops.push(el);
  }
  const dialog = root.querySelector("[role=dialog]");
  return dialog ? stops.filter((s) => dialog.contains(s)) : stops;
}
// Tab (or Shift+Tab) from whatever has focus; returns the newly focused element's name.
export function press_tab(host, shift) {
  const stops = tab_stops(host);
  if (!stops.length) return "";
  const at = stops.indexOf(host.shadowRoot.activeElement);
  const next = at < 0 ? (shift ? stops.length - 1 : 0) : (at + (shift ? -1 : 1) + stops.length) % stops.length;
  stops[next].focus();
  return accessible_name(stops[next]);
}
// Enter or Space on the focused element, as the browser acts on it: a button (or link) is
// clicked, a radio chosen, a field's form submitted.
export function press_activate(host) {
  const el = host.shadowRoot.activeElement;
  if (!el) throw new Error("nothing has focus in the widget");
  if (el.tagName === "INPUT" && el.type !== "radio" && el.type !== "checkbox") press_enter(el);
  else el.click();
}
export function focused_name(host) {
  const el = host.shadowRoot && host.shadowRoot.activeElement;
  return el ? accessible_name(el) : "";
}
// Type into the focused field, as keystrokes would.
export function type_focused(host, text) { fire_input(host.shadowRoot.activeElement, text); }

// A deliberately broken screen for the audit's own test: a picture without alt text, grey on
// grey text, and an unwrappable word that pushes past 320 px.
export function break_screen(host) {
  const body = host.shadowRoot.querySelector(".cw-body");
  const bad = document.createElement("div");
  bad.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">'
    + '<p style="color:#bbbbbb;background:#ffffff">faint</p>'
    + '<p style="white-space:nowrap">' + "unbreakable".repeat(12) + "</p>";
  body.append(bad);
}

// ---- tests/browser/attack.rs: a host whose every string is hostile ----
// `p` goes into every string the host supplies (names, web addresses, logos, instructions,
// labels, MFA questions, options and pictures, messages). `plan` picks what addMember leads to:
// "mfa" (a text, an options and a picture challenge, then connected; "mfa-png" with a picture that is shown), "denied", "locked",
// "impeded" (each with `user_message: p`), "oauth" (an OAuth institution whose window URI is p,
// ending in an error), "oauth-https" (the same with a safe window URI carrying p in its query).
export function hostile_host(p, plan) {
  // "mfa-png": the "mfa" plan with a picture the widget shows (a PNG, not the refused SVG).
  const png = plan === "mfa-png";
  if (png) plan = "mfa";
  const calls = [];
  const oauth = plan.startsWith("oauth");
  const uri = plan === "oauth-https" ? "https://bank.example/authorize?state=" + encodeURIComponent(p) : p;
  const later = (v) => new Promise((r) => setTimeout(() => r(JSON.parse(JSON.stringify(v))), 1));
  const log = (name, args) => calls.push({ name, args: JSON.parse(JSON.stringify(args)) });
  const institution = {
    guid: "INS-H", code: "hostile", name: p, url: p, login_url: p, logo_url: p, medium_logo_url: p,
    forgot_password_credential_recovery_url: p, forgot_username_credential_recovery_url: p,
    trouble_signing_credential_recovery_url: p, supports_oauth: oauth,
    account_verification_is_enabled: true, popularity: 1,
    instructional_data: { title: p, description: p, steps: [p, "2 " + p] },
  };
  const picture = png
    ? "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    : "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='window.__cw_xss=1'/>";
  const challenges = [
    { guid: "MFA-T", label: p, field_type: "TEXT" },
    { guid: "MFA-O", label: "2 " + p, field_type: "OPTIONS",
      options: [{ guid: "OPT-1", label: p, value: p }, { guid: "OPT-2", label: "2 " + p, value: "2 " + p }] },
    { guid: "MFA-I", label: "3 " + p, field_type: "IMAGE_DATA", image_data: picture, meta_data: p },
  ];
  const error = { error_code: 1000, user_message: p };
  let phase = "created";
  const member = () => {
    const m = { guid: "MBR-H", institution_guid: "INS-H", name: p, user_guid: "USR-H", is_managed_by_user: true,
      is_oauth: oauth, oauth_window_uri: uri, most_recent_job_guid: "JOB-H", error };
    if (phase === "challenged") return Object.assign(m, { connection_status: "CHALLENGED", is_being_aggregated: true, mfa: { credentials: challenges } });
    if (phase === "done") {
      const status = { mfa: "CONNECTED", denied: "DENIED", locked: "LOCKED", impeded: "IMPEDED", oauth: "PENDING", "oauth-https": "PENDING" }[plan];
      return Object.assign(m, { connection_status: status, is_being_aggregated: false });
    }
    return Object.assign(m, { connection_status: oauth ? "PENDING" : "CREATED", is_being_aggregated: !oauth });
  };
  const api = {
    loadPopularInstitutions(...a) { log("loadPopularInstitutions", a); return later([institution]); },
    loadInstitutions(...a) { log("loadInstitutions", a); return later([institution]); },
    loadDiscoveredInstitutions(...a) { log("loadDiscoveredInstitutions", a); return later([institution]); },
    loadInstitutionByGuid(...a) { log("loadInstitutionByGuid", a); return later(institution); },
    loadInstitutionByCode(...a) { log("loadInstitutionByCode", a); return later(institution); },
    getInstitutionCredentials(...a) {
      log("getInstitutionCredentials", a);
      return later(oauth ? [] : [{ guid: "CRD-U", label: p, field_name: "LOGIN", field_type: 3, display_order: 1 },
        { guid: "CRD-P", label: "2 " + p, field_name: "PASSWORD", field_type: 1, display_order: 2 }]);
    },
    getMemberCredentials(...a) { return api.getInstitutionCredentials(...a); },
    addMember(...a) { log("addMember", a); phase = plan === "mfa" ? "created" : "done"; return later({ member: member() }); },
    updateMember(...a) { log("updateMember", a); phase = "done"; return later({ member: member() }); },
    updateMFA(...a) { log("updateMFA", a); phase = "done"; return later({ member: member() }); },
    loadMemberByGuid(...a) {
      log("loadMemberByGuid", a);
      if (plan === "mfa" && phase === "created") phase = "challenged";
      return later({ member: member() });
    },
    loadJob(...a) { log("loadJob", a); return later({ guid: a[0], job_type: 0, status: 6, finished_at: 1 }); },
    runJob(...a) { log("runJob", a); return later({}); },
    deleteMember(...a) { log("deleteMember", a); return later({}); },
    createSupportTicket(...a) { log("createSupportTicket", a); return later({}); },
    getOAuthWindowURI(...a) { log("getOAuthWindowURI", a); return later({ oauth_window_uri: uri }); },
    oAuthStart(...a) { log("oAuthStart", a); return later({}); },
    loadOAuthStates(...a) { log("loadOAuthStates", a); return later([{ guid: "OAS-H", auth_status: 1, outbound_member_guid: "MBR-H" }]); },
    loadOAuthState(...a) { log("loadOAuthState", a); return later({ oauth_state: { guid: "OAS-H", auth_status: 3, error_reason: 1 } }); },
    // Verification mode: a microdeposit in the status `plan` names ("md:PREINITIATED"), its
    // names, email and institution from the host.
    loadMicrodepositByGuid(...a) {
      log("loadMicrodepositByGuid", a);
      return later({ guid: a[0], status_name: plan.slice(3), routing_number: "011000015", account_number: p + "1234",
        account_type: 1, first_name: p, last_name: "2 " + p, email: p, institution_name: p, attempts_remaining: 2,
        can_resend: true, user_guid: "USR-H" });
    },
    updateMicrodeposit(...a) { log("updateMicrodeposit", a); return api.loadMicrodepositByGuid(a[0]); },
    refreshMicrodepositStatus(...a) { log("refreshMicrodepositStatus", a); return later({}); },
    verifyMicrodeposit(...a) { log("verifyMicrodeposit", a); return later({}); },
    createMicrodeposit(...a) { log("createMicrodeposit", a); return api.loadMicrodepositByGuid("MIC-H"); },
    verifyRoutingNumber(...a) { log("verifyRoutingNumber", a); return later({}); },
    loadMembers(...a) { log("loadMembers", a); return later([]); },
  };
  Object.defineProperty(api, "__hostile_calls", { value: calls, enumerable: false });
  return api;
}
export function hostile_calls(api) { return JSON.parse(JSON.stringify(api.__hostile_calls)); }

// Watches for the attack's effects: script runs (`window.__cw_xss`), navigations, and windows
// opened (window.open is stubbed while it watches; `hostile_watch_end` restores it).
let hostileWatch = null;
export function hostile_watch_start() {
  hostile_watch_end();
  delete window.__cw_xss;
  const w = { href: location.href, opened: [], original: window.open };
  window.open = function (url) { w.opened.push(String(url)); return { closed: false, close() { this.closed = true; } }; };
  hostileWatch = w;
}
export function hostile_watch_end() {
  if (!hostileWatch) return;
  window.open = hostileWatch.original;
  hostileWatch = null;
}
// What the attack achieved so far, as readable lines (none: it achieved nothing).
export function hostile_findings(host) {
  const out = [];
  if (window.__cw_xss !== undefined) out.push("a payload ran: window.__cw_xss = " + String(window.__cw_xss));
  const w = hostileWatch;
  if (w && location.href !== w.href) out.push("navigated to " + location.href);
  if (w) for (const url of w.opened) if (!/^https:\/\//i.test(url)) out.push("window.open(" + url + ")");
  const root = host.shadowRoot;
  if (!root) return out;
  for (const el of root.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    if (el.hasAttribute("data-cw-xss")) out.push("an element from host markup: <" + tag + " data-cw-xss>");
    if (["script", "iframe", "object", "embed", "svg", "b", "frame", "base", "meta"].includes(tag)) out.push("an element the widget never makes: <" + tag + ">");
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) out.push("<" + tag + " " + a.name + "=" + a.value + ">");
      if (["href", "src", "action", "formaction", "xlink:href"].includes(a.name.toLowerCase())) {
        const v = a.value.trim().toLowerCase();
        if (/^(javascript|vbscript|data:text|data:image\/svg)/.test(v)) out.push("<" + tag + " " + a.name + "=" + a.value + ">");
        if (tag === "a" && !/^https:\/\//.test(v)) out.push("a link to a non-https address: " + a.value);
      }
    }
  }
  return out;
}
// Every text node of the widget, joined: what a sighted user can read (labels and names too).
export function hostile_visible_text(host) {
  const root = host.shadowRoot;
  if (!root) return "";
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parts = [];
  while (walker.nextNode()) parts.push(walker.currentNode.data);
  const attrs = [...root.querySelectorAll("[alt], [aria-label], [title]")]
    .flatMap((e) => ["alt", "aria-label", "title"].map((n) => e.getAttribute(n)).filter(Boolean));
  return parts.join("\n") + "\n" + attrs.join("\n");
}
// Every attribute value and form value inside the widget, joined (for the secrets sweep).
export function widget_values(host) {
  const root = host.shadowRoot;
  if (!root) return "";
  const out = [];
  for (const el of root.querySelectorAll("*")) {
    for (const a of el.attributes) out.push(a.name + "=" + a.value);
    if ("value" in el && typeof el.value === "string") out.push("value=" + el.value);
  }
  return out.join("\n") + "\n" + root.innerHTML;
}
// Everything the page keeps: address, history entry, storage, cookies, title.
export function page_state() {
  const dump = (s) => { const o = {}; for (let i = 0; i < s.length; i++) { const k = s.key(i); o[k] = s.getItem(k); } return o; };
  return JSON.stringify({ href: location.href, history: history.length, state: history.state, local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie, title: document.title });
}

// ---- tests/browser/hardening.rs (memory) ----
// How many times `text` (UTF-8) occurs in the wasm instance's linear memory.
export function occurrences_in_memory(memory, text) {
  const bytes = new Uint8Array(memory.buffer);
  const needle = new TextEncoder().encode(text);
  let count = 0;
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    count++;
  }
  return count;
}
