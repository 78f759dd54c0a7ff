"use strict";

// bench/_w.ts
var N = 2e5;
var xs = Array.from({ length: N }, (_, i) => Math.imul(i, 2654435761) >>> 0);
var HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
var seen = /* @__PURE__ */ new Map();
for (let r = 0; r < 4; r++) {
  let t = performance.now();
  for (const x of xs) seen.set(x.toString(16).padStart(8, "0"), 1);
  const a = performance.now() - t;
  seen.clear();
  t = performance.now();
  for (const x of xs) seen.set(HEX[x >>> 24] + HEX[x >>> 16 & 255] + HEX[x >>> 8 & 255] + HEX[x & 255], 1);
  const b = performance.now() - t;
  seen.clear();
  t = performance.now();
  for (const x of xs) seen.set(String(x), 1);
  const c = performance.now() - t;
  seen.clear();
  console.log({ toString16: a.toFixed(1), lookup: b.toFixed(1), decimal: c.toFixed(1) });
}
