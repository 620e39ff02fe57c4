// Sizes of the built bundles (raw, gzip -9, brotli quality 11, with node's zlib: nothing to install),
// and the budget check of scripts/test.sh.
//
//   node scripts/bundle-size.mjs [DIR]                  prints the table (DIR defaults to dist/)
//   node scripts/bundle-size.mjs [DIR] --budget BYTES   also fails (exit 1) when the production
//                                                       bundle is more than BYTES of brotli
//
// The production bundle is what a partner's page fetches before the first screen on the heaviest
// way in: the wasm and its JS glue, plus widget.html's page, module and stylesheet (the custom
// element's module and `mount` from the ES module cost less than those three). The widget's own
// CSS is inside the wasm. The sandbox bundle is printed for comparison, never budgeted.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const budgetAt = args.indexOf("--budget");
const budget = budgetAt >= 0 ? Number(args[budgetAt + 1]) : null;
if (budgetAt >= 0 && !(budget > 0)) {
  console.error("bundle-size: --budget needs a number of bytes");
  process.exit(2);
}
const dir = args.find((a, i) => !a.startsWith("--") && i !== budgetAt + 1) ?? "dist";

const BUNDLES = {
  production: ["connect-widget_bg.wasm", "connect-widget.js", "widget.html", "widget-frame.js", "widget-frame.css"],
  sandbox: ["connect-widget-sandbox_bg.wasm", "connect-widget-sandbox.js"],
};

function measure(name) {
  const bytes = readFileSync(join(dir, name));
  return {
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

const n = (x) => x.toLocaleString("en-US");
const totals = {};
for (const [bundle, files] of Object.entries(BUNDLES)) {
  const rows = files.map(measure);
  const total = { name: "total", raw: 0, gzip: 0, brotli: 0 };
  for (const row of rows) for (const k of ["raw", "gzip", "brotli"]) total[k] += row[k];
  totals[bundle] = total;
  console.log(`${bundle} bundle (${dir}/):`);
  for (const row of [...rows, total]) {
    console.log(`  ${row.name.padEnd(32)} ${n(row.raw).padStart(10)} raw ${n(row.gzip).padStart(9)} gzip ${n(row.brotli).padStart(9)} brotli`);
  }
}

if (budget !== null) {
  const size = totals.production.brotli;
  if (size > budget) {
    console.error(`bundle-size: the production bundle is ${n(size)} bytes of brotli, over the budget of ${n(budget)} ` +
      `by ${n(size - budget)} (see bench/RESULTS.md, "Where the bytes go")`);
    process.exit(1);
  }
  console.log(`bundle-size: production bundle ${n(size)} bytes of brotli, within the budget of ${n(budget)}`);
}
