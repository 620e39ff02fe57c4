// In-page probes of the side-by-side benchmark, shared by both pages so that both widgets are
// measured by the same code. The runner (run.py) drives real input through the browser and
// reads the results through `window.bench`.
//
// "Painted" = the DOM holds what is looked for (seen by a MutationObserver), then the frame that
// shows it: the time is taken just after that frame's requestAnimationFrame callbacks ran, by a
// message posted from inside the callback (it runs once the frame has been produced).
import { POPULAR_NAMES, QUERY, RESULT_NAMES, answeredSearches, calls } from "./mock-host.js";

const errors = [];
addEventListener("error", (e) => errors.push(String(e.message || e.error)));
addEventListener("unhandledrejection", (e) => errors.push(`unhandled rejection: ${String(e.reason && (e.reason.stack || e.reason))}`));

const afterNextFrame = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );

// Resolves with the time of the first frame in which `found()` holds.
function paintedWhen(root, found) {
  return new Promise((resolve) => {
    if (found()) {
      afterNextFrame().then(resolve);
      return;
    }
    const observer = new MutationObserver(() => {
      if (!found()) return;
      observer.disconnect();
      afterNextFrame().then(resolve);
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

const buttons = (root) => [...root.querySelectorAll("button, [role=button]")];
const buttonNamed = (root, name) => buttons(root).find((b) => (b.textContent || "").includes(name));
const showsAll = (root, names) => () => names.every((name) => buttonNamed(root, name));
// The host callbacks called since `from` (an index into `calls`), for the report.
const callsSince = (from) => calls.slice(from).join(", ");

let root = null;
let searchSelector = null;
let wasmMemory = () => 0;
const marks = {};
const results = {};

export const bench = {
  errors,
  marks,
  results,

  // Called by each page once the widget's code is loaded and compiled, right before mount.
  codeReady() {
    marks.code_ready_ms = performance.now();
  },

  // Called by each page right after mount: where the widget renders, how to find its search
  // field. Starts watching for the popular list (timed from navigation start).
  attach(widgetRoot, searchInputSelector, options = {}) {
    root = widgetRoot;
    searchSelector = searchInputSelector;
    if (options.wasmMemory) wasmMemory = options.wasmMemory;
    bench.popular = paintedWhen(root, showsAll(root, [POPULAR_NAMES[0], POPULAR_NAMES.at(-1)])).then((t) => {
      results.popular_painted_ms = t;
      results.calls_before_popular = callsSince(0);
    });
  },

  // Before the runner types QUERY: record each input event's time; resolve when the results of
  // QUERY (not of a shorter query searched on the way) are painted, timed from the last input.
  armSearch() {
    const inputTimes = [];
    root.addEventListener("input", (e) => inputTimes.push(e.timeStamp), true);
    const from = calls.length;
    const shown = showsAll(root, [RESULT_NAMES[0], RESULT_NAMES.at(-1)]);
    bench.search = paintedWhen(root, () => answeredSearches.includes(QUERY) && shown()).then((t) => {
      results.keystroke_to_results_ms = t - inputTimes.at(-1);
      results.input_events = inputTimes.length;
      results.longest_key_gap_ms = Math.max(0, ...inputTimes.slice(1).map((at, i) => at - inputTimes[i]));
      results.calls_for_results = callsSince(from);
    });
    const input = root.querySelector(searchSelector);
    if (!input) throw new Error(`no search field (${searchSelector})`);
    input.focus();
    return root.activeElement === input || document.activeElement === input;
  },

  // Before the runner taps: record the click's time; resolve when a password field is painted.
  // Returns where to tap (the first search result), in CSS pixels of the viewport.
  armTap() {
    let tapped = NaN;
    const from = calls.length;
    root.addEventListener("click", (e) => { tapped = e.timeStamp; }, true);
    bench.form = paintedWhen(root, () => root.querySelector("input[type=password]")).then((t) => {
      results.tap_to_form_ms = t - tapped;
      results.calls_for_form = callsSince(from);
    });
    const target = buttonNamed(root, RESULT_NAMES[0]);
    if (!target) throw new Error(`no button named ${RESULT_NAMES[0]}`);
    target.scrollIntoView({ block: "center" });
    const r = target.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + Math.min(r.height / 2, 20) };
  },

  // JS heap after garbage collection (Chromium with --js-flags=--expose-gc and
  // --enable-precise-memory-info), and the wasm linear memory (ours only; 0 for a JS widget).
  async memory() {
    for (let i = 0; i < 3; i++) {
      gc();
      await afterNextFrame();
    }
    results.js_heap_bytes = performance.memory.usedJSHeapSize;
    results.wasm_memory_bytes = wasmMemory();
    return results;
  },

  // Every response the page received: bytes on the wire (headers + compressed body) and count.
  transfer() {
    const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
    return entries.map((e) => ({
      name: new URL(e.name).pathname,
      transfer: e.transferSize,
      body: e.encodedBodySize,
      decoded: e.decodedBodySize,
    }));
  },
};

window.bench = bench;
