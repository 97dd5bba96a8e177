// Times Mozilla Readability (with jsdom) on the same pages and in the same way as
// ExtractBenchmark: parse + extract per page, one thread, after warm-up.
// Usage: node readability-bench.js PAGES_DIR [warmupPasses=5] [measuredPasses=10]
const fs = require("fs");
const path = require("path");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const root = process.argv[2];
const warmup = Number(process.argv[3] || 5);
const passes = Number(process.argv[4] || 10);
const pages = fs.readdirSync(root).sort()
  .map((d) => path.join(root, d, "source.html"))
  .filter((f) => fs.existsSync(f))
  .map((f) => fs.readFileSync(f, "utf8"));

let sink = 0;
function extract(html) {
  // A silent console: jsdom's CSS parse warnings are noise here, and cost time in both runs alike.
  const dom = new JSDOM(html, { url: "http://fakehost/test/page.html", virtualConsole: new VirtualConsole() });
  const article = new Readability(dom.window.document).parse();
  sink += article && article.textContent ? article.textContent.length : 0;
  dom.window.close();
}
// jsdom keeps much alive per document; a forced collection after each page (outside the timed
// region) made runs take tens of minutes, so it is only done when asked for (MANA_BENCH_GC=1).
const collect = () => { if (global.gc && process.env.MANA_BENCH_GC === "1") global.gc(); };
for (let i = 0; i < warmup; i++) pages.forEach((html) => { extract(html); collect(); });
const perPage = pages.map(() => []);
for (let pass = 0; pass < passes; pass++) {
  pages.forEach((html, p) => {
    const t0 = process.hrtime.bigint();
    extract(html);
    perPage[p].push(Number(process.hrtime.bigint() - t0) / 1e6);
    collect();
  });
}
// Throughput from the timed extractions only: the forced collections between pages are left out.
const totalSeconds = perPage.flat().reduce((a, b) => a + b, 0) / 1000;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const medianMs = median(perPage.map(median));
const pagesPerSecond = (pages.length * passes) / totalSeconds;
console.log(`readability-js pages=${pages.length} passes=${passes} median_ms=${medianMs.toFixed(3)} mean_ms=${(1000 / pagesPerSecond).toFixed(3)} pages_per_s=${pagesPerSecond.toFixed(1)} (sink ${sink % 10})`);
