// The sandbox's stand-in for an institution's OAuth login and consent page.
//
// The widget's sandbox back-end lives inside the widget on the page that
// opened this window, so the user's choice goes back there: posted to
// `window.opener` (or the parent frame) as the widget's OAuth completion
// message, `{type: "connect-widget:oauth", status, error_reason?, member_guid}`,
// to this page's own origin (the sandbox page is served with the demo). The
// widget accepts it only from the window it opened, applies the choice to the
// sandbox, and then reads the OAuth state as it would from a real host.
"use strict";

(function () {
  const params = new URLSearchParams(location.search || location.hash.slice(1));
  const memberGuid = params.get("member_guid") || "";
  const institution = params.get("institution");
  if (institution) {
    // Text only: the query string is never HTML.
    for (const el of document.querySelectorAll("[data-institution]")) el.textContent = institution;
  }
  const status = document.getElementById("status");
  const buttons = Array.from(document.querySelectorAll("button, select"));
  const widgetWindow = window.opener || (window.parent !== window ? window.parent : null);

  function closeSoon(note) {
    status.textContent = note;
    for (const b of buttons) b.disabled = true;
    // A script may close a window that a script opened; otherwise the note stays.
    setTimeout(function () { window.close(); }, 600);
  }

  function report(outcome, errorReason) {
    if (!widgetWindow) {
      status.textContent = "This page was not opened by the widget, so there is nobody to tell.";
      return;
    }
    const message = { type: "connect-widget:oauth", status: outcome, member_guid: memberGuid };
    if (errorReason !== undefined) message.error_reason = errorReason;
    widgetWindow.postMessage(message, location.origin);
    closeSoon(outcome === "success"
      ? "Access allowed. You can close this window and go back to the app."
      : "Done. You can close this window and go back to the app.");
  }

  document.getElementById("authorize").addEventListener("click", function () { report("success"); });
  document.getElementById("deny").addEventListener("click", function () { report("error", 1); });
  document.getElementById("fail").addEventListener("click", function () {
    report("error", Number(document.getElementById("reason").value));
  });
  document.getElementById("close").addEventListener("click", function () {
    closeSoon("Closing without telling the app. If this window stays open, close it yourself.");
  });
})();
