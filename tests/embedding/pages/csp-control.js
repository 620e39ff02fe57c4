// The control of the strict-CSP test: what the widget did before (a <style> element, an
// inline style attribute) must be caught by the same two checks.
import { send } from "./report.js";

const violations = [];
document.addEventListener("securitypolicyviolation", (e) => violations.push({ directive: e.violatedDirective }), true);
const style = document.createElement("style");
style.textContent = ".x { color: red; }";
document.head.append(style);
const p = document.createElement("p");
p.setAttribute("style", "color: red");
document.body.append(p);
await new Promise((resolve) => setTimeout(resolve, 300));
const reports = await (await fetch("/__csp-report")).json();
send("result", { violations, reports });
