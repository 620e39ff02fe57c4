/**
 * connect-widget-element.js: `<connect-widget>`, the widget as a custom element.
 * Importing the module defines the element and loads the WebAssembly next to it.
 *
 * ```html
 * <script type="module" src="./connect-widget-element.js"></script>
 * <connect-widget api="sandbox" locale="es" color-scheme="dark"></connect-widget>
 * ```
 *
 * The element mounts when it is in the document and has an `api` (property,
 * or the attribute `api="sandbox"`), unmounts when it leaves the document, and
 * remounts (once per task) when a property or attribute changes. A property
 * wins over its attribute.
 */
import type {
  ClientConfig,
  MountOptions,
  PostMessageHandler,
  Profiles,
  UserFeature,
  WidgetEventName,
  WidgetEvents,
} from "./connect-widget.js";

/** Each widget event as a DOM event on the element: bubbling, `composed`, the payload as `detail`. */
export type ConnectWidgetEvent<E extends WidgetEventName = WidgetEventName> = CustomEvent<WidgetEvents[E]>;

/** A mount problem (no such locale, a host API without a required callback, …), also on the console. */
export type ConnectWidgetErrorEvent = CustomEvent<{ message: string }>;

export declare class ConnectWidgetElement extends HTMLElement {
  /**
   * Your host API object, `"sandbox"`, or an HTTP back-end (`mount`'s `api`). Without it (and without the `api`
   * attribute: `"sandbox"` or a back-end URL) nothing mounts.
   */
  api: MountOptions["api"] | undefined;
  /** MX `ClientConfigType`. The `color-scheme` attribute fills `color_scheme` when this does not set it. */
  clientConfig: ClientConfig | undefined;
  /** UI language and copy. The `locale` attribute fills `locale` when this does not set it. */
  language: MountOptions["language"] | undefined;
  profiles: Profiles | undefined;
  userFeatures: UserFeature[] | undefined;
  experimentalFeatures: MountOptions["experimentalFeatures"] | undefined;
  timing: MountOptions["timing"] | undefined;
  /** Sandbox behaviour, with `api="sandbox"`. */
  sandbox: MountOptions["sandbox"] | undefined;
  /** Called with `this` = the element, after the event's DOM event was dispatched. */
  onPostMessage: PostMessageHandler | undefined;
  onAnalyticEvent: MountOptions["onAnalyticEvent"] | undefined;
  onAnalyticPageview: MountOptions["onAnalyticPageview"] | undefined;
  /** The structured event stream (`mount`'s `onEvent`), called with `this` = the element. */
  onEvent: MountOptions["onEvent"] | undefined;
  availableAccountTypes: MountOptions["availableAccountTypes"] | undefined;
  postMessageEventOverrides: MountOptions["postMessageEventOverrides"] | undefined;
  onShowConnectSuccessSurvey: MountOptions["onShowConnectSuccessSurvey"] | undefined;
  onSubmitConnectSuccessSurvey: MountOptions["onSubmitConnectSuccessSurvey"] | undefined;
  onManualAccountAdded: MountOptions["onManualAccountAdded"] | undefined;
  onSuccessfulAggregation: MountOptions["onSuccessfulAggregation"] | undefined;
  onMemberDeleted: MountOptions["onMemberDeleted"] | undefined;
  onUpsertMember: MountOptions["onUpsertMember"] | undefined;
  /** Go back one step, as MX's `navigateBack`. Whether it went back. */
  navigateBack(): boolean;
  /** Whether a widget is mounted in the element now. */
  readonly isMounted: boolean;

  addEventListener<E extends WidgetEventName>(
    type: E,
    listener: (this: ConnectWidgetElement, event: ConnectWidgetEvent<E>) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: "error",
    listener: (this: ConnectWidgetElement, event: ConnectWidgetErrorEvent) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: ConnectWidgetElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "connect-widget": ConnectWidgetElement;
  }
}
