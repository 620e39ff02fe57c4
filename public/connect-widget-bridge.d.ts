/**
 * connect-widget-bridge.js: the parent page's side of `widget.html?api=parent`.
 *
 * ```ts
 * import { connectBridge, followFrameHeight } from "./connect-widget-bridge.js";
 * const iframe = document.querySelector("iframe")!;
 * const bridge = connectBridge({ iframe, origin: "https://widget.example", api: myHostApi });
 * const stop = followFrameHeight(iframe, "https://widget.example");
 * ```
 */
import type { HostApi } from "./connect-widget.js";

/** Every host API callback the bridge may call; no other property of `api` is ever read. */
export const HOST_CALLBACKS: readonly string[];

/** Options of {@link connectBridge}. */
export interface BridgeOptions {
  /** The `<iframe>` showing `widget.html?api=parent&target_origin=<this page's origin>`. */
  iframe: HTMLIFrameElement;
  /** The widget page's origin (`https://widget.example`), never `"*"`: hellos from any other origin are ignored. */
  origin: string;
  /** Your host API object, the one `mount` takes. Rejections keep `{response: {status, data}}`. */
  api: HostApi;
}

/** A running bridge. */
export interface Bridge {
  /** Stop answering: the frame's calls then time out (`timing.hostTimeoutMs`). */
  disconnect(): void;
}

/**
 * Answer the host calls of the widget in `iframe` with `api`, over a private
 * `MessageChannel` set up after an origin-checked handshake. Throws a
 * `TypeError` when `iframe` is not an iframe, `origin` not an origin, or `api`
 * not an object.
 */
export function connectBridge(options: BridgeOptions): Bridge;

/**
 * Keep `iframe`'s height equal to the widget's content height (from its
 * {@link ResizeMessage}s, read only from `iframe`'s window at `origin`).
 * Returns a function that stops following.
 */
export function followFrameHeight(iframe: HTMLIFrameElement, origin: string): () => void;

export type { ResizeMessage } from "./connect-widget.js";
