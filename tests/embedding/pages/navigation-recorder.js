// Loaded before widget-frame.js in webview.html: records every navigation the page
// starts (the URL-scheme messages a mobile app would intercept) and cancels it, as
// the app would.
window.recordedNavigations = [];
navigation.addEventListener("navigate", (event) => {
  window.recordedNavigations.push(event.destination.url);
  event.preventDefault();
});
