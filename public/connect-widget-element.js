// <connect-widget>: the widget as a custom element, for any framework or none.
//
//   <script type="module" src="./connect-widget-element.js"></script>
//   <connect-widget api="sandbox" locale="es" color-scheme="dark"></connect-widget>
//
//   const el = document.querySelector("connect-widget");
//   el.api = myHostApi;                        // or the attribute api="sandbox" (or a back-end URL)
//   el.clientConfig = { mode: "verification" };
//   el.addEventListener("connect/memberConnected", (e) => console.log(e.detail.member_guid));
//
// Importing this module defines the element and loads the WebAssembly next to
// this file, once. The element mounts when it is in the document and has an
// `api`, unmounts when it leaves the document, and remounts (after the current
// task, once for several changes) when a property or attribute changes.
// See connect-widget-element.d.ts and docs/contract.md.
import init, { mount } from "./connect-widget.js";

let loading = null;
/** Instantiate the widget's WebAssembly once for the page. */
function load() {
  loading ??= init({ module_or_path: new URL("./connect-widget_bg.wasm", import.meta.url) });
  return loading;
}

/** Properties that remount the widget when they change. */
const PROPERTIES = [
  "api", "clientConfig", "language", "profiles", "userFeatures", "experimentalFeatures", "timing", "sandbox",
  "onPostMessage", "onAnalyticEvent", "onAnalyticPageview", "onEvent",
  // What partners configure beyond those (docs/configuration.md): passed to `mount` as they are.
  "availableAccountTypes", "postMessageEventOverrides", "onShowConnectSuccessSurvey", "onSubmitConnectSuccessSurvey",
  "onManualAccountAdded", "onSuccessfulAggregation", "onMemberDeleted", "onUpsertMember",
];

const state = new WeakMap();

function stateOf(element) {
  let s = state.get(element);
  if (!s) {
    s = { props: {}, handle: null, scheduled: false, generation: 0 };
    state.set(element, s);
  }
  return s;
}

function report(element, message) {
  console.error(`connect-widget <connect-widget>: ${message}`);
  element.dispatchEvent(new CustomEvent("error", { detail: { message } }));
}

function unmount(element) {
  const s = stateOf(element);
  s.handle?.unmount();
  s.handle = null;
}

/** `mount`'s options: the properties, with the attributes where a property is not set. */
function optionsOf(element) {
  const props = stateOf(element).props;
  const options = {};
  for (const name of PROPERTIES) if (props[name] !== undefined) options[name] = props[name];
  // The attribute can only hold a string: "sandbox" or a back-end URL (mount says if it is neither).
  const apiAttribute = element.getAttribute("api");
  if (options.api === undefined && apiAttribute !== null) options.api = apiAttribute;
  const locale = element.getAttribute("locale");
  if (locale !== null && options.language?.locale === undefined) {
    options.language = { ...(options.language ?? {}), locale };
  }
  const scheme = element.getAttribute("color-scheme");
  if (scheme !== null && options.clientConfig?.color_scheme === undefined) {
    options.clientConfig = { ...(options.clientConfig ?? {}), color_scheme: scheme };
  }
  const listener = props.onPostMessage;
  // Every widget event is also a DOM event on the element; then the listener runs.
  options.onPostMessage = (event, data) => {
    element.dispatchEvent(new CustomEvent(event, { detail: data, bubbles: true, composed: true }));
    return typeof listener === "function" ? listener.call(element, event, data) : undefined;
  };
  for (const name of ["onAnalyticEvent", "onAnalyticPageview"]) {
    const handler = props[name];
    if (typeof handler === "function") options[name] = (a, b) => handler.call(element, a, b);
  }
  // The structured event stream has one argument: the message.
  const onEvent = props.onEvent;
  if (typeof onEvent === "function") options.onEvent = (message) => onEvent.call(element, message);
  return options;
}

async function remount(element) {
  const s = stateOf(element);
  const generation = ++s.generation;
  try {
    await load();
  } catch (problem) {
    report(element, `the WebAssembly could not load: ${problem?.message ?? problem}`);
    return;
  }
  // Something changed again while loading, or the element left the page.
  if (generation !== s.generation || !element.isConnected) return;
  unmount(element);
  const options = optionsOf(element);
  if (options.api === undefined) return; // waits for `api`
  try {
    s.handle = mount(element, options);
  } catch (problem) {
    report(element, problem?.message ?? String(problem));
  }
}

/** Remount after the current task: several changes in a row remount once. */
function schedule(element) {
  const s = stateOf(element);
  if (s.scheduled) return;
  s.scheduled = true;
  queueMicrotask(() => {
    s.scheduled = false;
    if (element.isConnected) remount(element);
  });
}

export class ConnectWidgetElement extends HTMLElement {
  static get observedAttributes() {
    return ["api", "locale", "color-scheme"];
  }

  connectedCallback() {
    // Properties set before this module defined the element are own
    // properties that hide the accessors: pass them through the accessors.
    for (const name of PROPERTIES) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    schedule(this);
  }

  disconnectedCallback() {
    stateOf(this).generation += 1;
    unmount(this);
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.isConnected) schedule(this);
  }

  /** Go back one step, as MX's `navigateBack`. Whether it went back. */
  navigateBack() {
    return stateOf(this).handle?.navigateBack() ?? false;
  }

  /** Whether a widget is mounted in the element now. */
  get isMounted() {
    return stateOf(this).handle?.isMounted ?? false;
  }
}

for (const name of PROPERTIES) {
  Object.defineProperty(ConnectWidgetElement.prototype, name, {
    configurable: true,
    enumerable: true,
    get() {
      return stateOf(this).props[name];
    },
    set(value) {
      const s = stateOf(this);
      if (s.props[name] === value) return;
      s.props[name] = value;
      if (this.isConnected) schedule(this);
    },
  });
}

if (!customElements.get("connect-widget")) customElements.define("connect-widget", ConnectWidgetElement);
