// Shared by the fixture pages: tell the test page (this page's parent or top,
// at the origin named by ?report=) what happened here.
const params = new URLSearchParams(location.search);
export const reportOrigin = params.get("report");

export function send(kind, payload) {
  const data = payload === undefined ? null : JSON.parse(JSON.stringify(payload));
  window.top.postMessage({ fixture: "record", page: location.pathname.split("/").pop(), kind, payload: data }, reportOrigin);
}

/** Commands from the test page: `{fixture: "command", command, ...}`. */
export function onCommand(handler) {
  window.addEventListener("message", (event) => {
    if (event.origin === reportOrigin && event.data?.fixture === "command") handler(event.data);
  });
}
