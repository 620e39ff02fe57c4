// A page on an origin that is neither the widget's nor its parent's: it asks the widget
// frame (the first frame of the top page's frame named ?frame=) to go back, as an object
// and as MX's JSON string, then says so.
import { send } from "./report.js";

const widget = window.top.frames[new URLSearchParams(location.search).get("frame")][0];
const back = { mx: true, type: "mx/navigation", payload: { action: "back" } };
widget.postMessage(back, "*");
widget.postMessage(JSON.stringify(back), "*");
send("sent", location.origin);
