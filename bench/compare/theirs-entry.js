// esbuild entry for MX's React widget: what a partner's React page does, as one ES module.
// The package exports ApiProvider and ConnectWidget by name only (its README's default import
// does not exist).
import React from "react";
import { createRoot } from "react-dom/client";
import { ApiProvider, ConnectWidget } from "@mxenabled/connect-widget";
import "@mxenabled/connect-widget/dist/style.css";

export function mount(element, { api, ...props }) {
  const root = createRoot(element);
  root.render(React.createElement(ApiProvider, { apiValue: api }, React.createElement(ConnectWidget, props)));
  return { unmount: () => root.unmount() };
}
