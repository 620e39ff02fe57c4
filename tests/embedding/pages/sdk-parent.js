// A partner's page with MX's web SDK pointed at our widget.html (?widget=<absolute URL>).
// Every SDK callback is reported to the test page; the test can ask for navigateBack().
import { followFrameHeight } from "/dist/connect-widget-bridge.js";
import { send, onCommand } from "./report.js";

const widgetUrl = new URLSearchParams(location.search).get("widget");
const callbacks = {};
for (const name of [
  "onLoad", "onLoaded", "onStepChange", "onInstitutionSearch", "onSelectedInstitution", "onEnterCredentials",
  "onUpdateCredentials", "onSubmitMFA", "onMemberStatusUpdate", "onMemberConnected", "onConnectedPrimaryAction",
  "onMemberDeleted", "onCreateMemberError", "onOAuthError", "onOAuthRequested", "onBackToSearch", "onInvalidData",
  "onNavigation", "onPing", "onFocusTrap", "onAccountCreated",
]) {
  callbacks[name] = (payload) => send(name, payload);
}

const container = document.getElementById("connect");
// The SDK appends its iframe asynchronously: size it to the widget once it is there.
new MutationObserver((_, observer) => {
  const iframe = container.querySelector("iframe");
  if (!iframe) return;
  observer.disconnect();
  followFrameHeight(iframe, new URL(widgetUrl).origin);
  new MutationObserver(() => send("frameHeight", parseFloat(iframe.style.height))).observe(iframe, {
    attributes: true,
    attributeFilter: ["style"],
  });
}).observe(container, { childList: true });

const widget = new widgetSdk.ConnectWidget({
  container,
  url: widgetUrl,
  style: { border: "none", width: "420px", height: "640px" },
  ...callbacks,
  onInvalidMessageError: (event, error) => send("onInvalidMessageError", { data: event.data, error: String(error) }),
});

onCommand(async ({ command }) => {
  if (command === "navigateBack") send("navigateBack", await widget.navigateBack());
});
