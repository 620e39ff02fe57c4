// Finding things by role and accessible name, and a few user actions: for the self-driving
// fixture pages (the strict-CSP page drives its own widgets: the test page cannot reach into
// another origin's document), and imported by the tests' own toolkit (tests/embedding/kit.rs).
export const SELECTORS = {
  button: "button, [role=button]",
  heading: "h1, h2, h3, [role=heading]",
  textbox: "input:not([type=radio]):not([type=checkbox]), textarea",
};

export function accessibleName(el) {
  if (el.hasAttribute("aria-label")) return el.getAttribute("aria-label").trim();
  if (el.id) {
    const label = el.getRootNode().querySelector(`label[for="${el.id}"]`);
    if (label) return label.textContent.replace(/\s+/g, " ").trim();
  }
  return (el.textContent || "").replace(/\s+/g, " ").trim();
}

export function find(root, role, name) {
  return [...(root?.querySelectorAll(SELECTORS[role]) ?? [])].find((el) => accessibleName(el).includes(name)) ?? null;
}

export function heading(root) {
  const h = root?.querySelector("[data-cw-heading], .cw-heading");
  return h ? accessibleName(h) : "";
}

export function type(el, value) {
  const proto = Object.getPrototypeOf(el);
  Object.getOwnPropertyDescriptor(proto, "value").set.call(el, value);
  el.dispatchEvent(new Event("input", { bubbles: true }));
}

export async function until(what, condition, ms = 5000) {
  const start = performance.now();
  for (;;) {
    const value = condition();
    if (value) return value;
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Search for MX Bank in the sandbox widget at `root()` and open its login form. */
export async function openMxBank(root) {
  await until("the search heading", () => heading(root()) === "Find your bank");
  type(find(root(), "textbox", "Search for your bank"), "MX Bank");
  await until("results for MX Bank", () => root().textContent.includes("for “MX Bank”"));
  (await until("MX Bank in the results", () => find(root(), "button", "MX Bank"))).click();
  await until("the MX Bank login", () => heading(root()) === "Log in to MX Bank" && find(root(), "textbox", "Username"));
}
