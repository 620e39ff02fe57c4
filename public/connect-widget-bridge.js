// connect-widget-bridge.js: the parent page's side of `widget.html?api=parent`.
//
//   import { connectBridge, followFrameHeight } from "./connect-widget-bridge.js";
//   const iframe = document.querySelector("iframe#connect");
//   const bridge = connectBridge({ iframe, origin: "https://widget.example", api: myHostApi });
//   const stopSizing = followFrameHeight(iframe, "https://widget.example");
//   // later: bridge.disconnect(); stopSizing();
//
// The frame says hello to this page's origin only, handing over one end of a
// MessageChannel; the bridge accepts it only from `iframe`'s window and from
// `origin`, then answers every host call over that private port with your
// ordinary host API object (the same one `mount` takes). Rejections keep
// `{response: {status, data}}`; axios' `config` and `request` (which hold the
// request body, credentials included) never travel back.

/** The host API callbacks the bridge will call (no other property of `api`). */
export const HOST_CALLBACKS = [
  "addMember", "updateMember", "updateMFA", "deleteMember", "loadMembers", "loadMemberByGuid",
  "loadOAuthStates", "loadOAuthState", "oAuthStart", "createSupportTicket", "loadInstitutions",
  "loadInstitutionByGuid", "loadInstitutionByCode", "loadPopularInstitutions", "loadDiscoveredInstitutions",
  "createAccount", "createMicrodeposit", "loadMicrodepositByGuid", "updateMicrodeposit",
  "refreshMicrodepositStatus", "verifyMicrodeposit", "verifyRoutingNumber", "loadJob", "runJob",
  "getInstitutionCredentials", "getMemberCredentials", "getOAuthWindowURI", "updateUserProfile",
];

const VERSION = 1;
const HELLO = "connect-widget/bridge-hello";
const ANNOUNCE = "connect-widget/bridge-announce";
const RESIZE = "connect-widget/resize";

function fail(message) {
  throw new TypeError(`connect-widget bridge: ${message}`);
}

function checkOrigin(origin) {
  if (typeof origin !== "string" || origin === "*") {
    fail("`origin` must be the widget page's origin, such as \"https://widget.example\" (never \"*\")");
  }
  let parsed;
  try {
    parsed = new URL(origin).origin;
  } catch (_) {
    parsed = null;
  }
  if (parsed !== origin) fail(`\`origin\` must be an origin alone (scheme, host, port), got ${JSON.stringify(origin)}`);
}

function checkFrame(iframe) {
  if (!iframe || typeof iframe !== "object" || iframe.tagName !== "IFRAME") fail("`iframe` must be an <iframe> element");
}

/** A value as plain JSON data (`undefined` → `null`); throws on what JSON cannot hold. */
function plain(value) {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}

function lenient(value) {
  try {
    return plain(value);
  } catch (_) {
    return undefined;
  }
}

/** What a rejection carried, as data: the same reading the widget does in-page. */
function rejection(reason) {
  if (reason === null || (typeof reason !== "object" && typeof reason !== "function")) {
    return { message: typeof reason === "string" ? reason : String(lenient(reason) ?? reason) };
  }
  const out = {};
  const keys = (() => {
    try {
      return Object.keys(reason);
    } catch (_) {
      return [];
    }
  })();
  for (const key of keys) {
    if (key === "config" || key === "request" || key === "response") continue;
    const v = lenient(reason[key]);
    if (v !== undefined) out[key] = v;
  }
  for (const key of ["status", "data", "message", "name"]) {
    if (key in out) continue;
    let v;
    try {
      v = lenient(reason[key]);
    } catch (_) {
      v = undefined;
    }
    if (v !== undefined && v !== null) out[key] = v;
  }
  const response = reason.response;
  if (response && typeof response === "object") {
    const r = {};
    for (const key of ["status", "statusText", "data"]) {
      const v = lenient(response[key]);
      if (v !== undefined) r[key] = v;
    }
    out.response = r;
  }
  return out;
}

function serve(port, api) {
  port.onmessage = async (event) => {
    const request = event.data;
    if (!request || typeof request !== "object" || !Number.isSafeInteger(request.id)) return;
    const { id, method, args } = request;
    const callable = HOST_CALLBACKS.includes(method) && typeof api[method] === "function";
    if (!callable || !Array.isArray(args)) {
      port.postMessage({ id, ok: false, error: { missing: true } });
      return;
    }
    let answer;
    try {
      const value = await api[method](...args);
      try {
        answer = { id, ok: true, value: plain(value) };
      } catch (problem) {
        answer = { id, ok: false, error: { malformed: `the answer is not plain data (${problem?.message ?? problem})` } };
      }
    } catch (reason) {
      answer = { id, ok: false, error: rejection(reason) };
    }
    port.postMessage(answer);
  };
  port.postMessage({
    type: "ready",
    version: VERSION,
    methods: HOST_CALLBACKS.filter((name) => typeof api[name] === "function"),
  });
}

/**
 * Answer the host calls of the widget in `iframe` (a `widget.html?api=parent`
 * page at `origin`) with `api`, your host API object. Returns `{disconnect()}`.
 */
export function connectBridge({ iframe, origin, api } = {}) {
  checkFrame(iframe);
  checkOrigin(origin);
  if (!api || (typeof api !== "object" && typeof api !== "function")) fail("`api` must be your host API object");
  const ports = new Set();
  const onMessage = (event) => {
    if (event.source !== iframe.contentWindow || event.origin !== origin) return;
    const data = event.data;
    if (!data || typeof data !== "object" || data.type !== HELLO) return;
    if (data.version !== VERSION) {
      console.error(`connect-widget bridge: the widget speaks version ${data.version}, this bridge ${VERSION}; serve both from one package`);
      return;
    }
    const port = event.ports[0];
    if (!port) return;
    ports.add(port);
    serve(port, api);
  };
  window.addEventListener("message", onMessage);
  // If the frame said hello before this bridge listened, ask it again. The
  // message goes to `origin` only: a frame showing another page never gets it.
  const announce = () => {
    try {
      iframe.contentWindow?.postMessage({ type: ANNOUNCE, version: VERSION }, origin);
    } catch (_) {
      // The frame is gone or not yet created; its own hello will come.
    }
  };
  announce();
  return {
    disconnect() {
      window.removeEventListener("message", onMessage);
      for (const port of ports) port.close();
      ports.clear();
    },
  };
}

/**
 * Size `iframe` to the widget's content: the frame posts
 * `{type: "connect-widget/resize", height}` whenever its height changes.
 * Only messages from `iframe`'s window and `origin` are read. Returns a
 * function that stops following.
 */
export function followFrameHeight(iframe, origin) {
  checkFrame(iframe);
  checkOrigin(origin);
  const onMessage = (event) => {
    if (event.source !== iframe.contentWindow || event.origin !== origin) return;
    const data = event.data;
    if (!data || typeof data !== "object" || data.type !== RESIZE) return;
    if (Number.isFinite(data.height) && data.height >= 0) iframe.style.height = `${Math.ceil(data.height)}px`;
  };
  window.addEventListener("message", onMessage);
  return () => window.removeEventListener("message", onMessage);
}
