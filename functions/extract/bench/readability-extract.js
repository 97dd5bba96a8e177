// Runs Mozilla Readability (with jsdom) over every *.html in IN_DIR and writes NAME.txt to OUT_DIR:
// the article's text with one line per block, for the same scorer as the Java engine's Markdown.
// jsdom gets the raw bytes, so it decodes each page by its own (WHATWG) sniffing.
// Usage: node readability-extract.js IN_DIR OUT_DIR
const fs = require("fs");
const path = require("path");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const [inDir, outDir] = process.argv.slice(2);
fs.mkdirSync(outDir, { recursive: true });
const BLOCKS = new Set(["ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "DD", "DIV", "DL", "DT", "FIGCAPTION",
  "FIGURE", "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "OL", "P", "PRE", "SECTION",
  "TABLE", "TD", "TH", "TR", "UL"]);

// textContent glues blocks together ("end.Next"); a line break at each block keeps words apart.
function blockText(node, out) {
  for (const child of node.childNodes) {
    if (child.nodeType === 3) out.push(child.data);
    else if (child.nodeType === 1) {
      const block = BLOCKS.has(child.tagName);
      if (block) out.push("\n");
      blockText(child, out);
      if (block) out.push("\n");
    }
  }
  return out;
}

let written = 0;
let failed = 0;
for (const file of fs.readdirSync(inDir).filter((f) => f.endsWith(".html")).sort()) {
  const name = file.slice(0, -".html".length);
  try {
    const dom = new JSDOM(fs.readFileSync(path.join(inDir, file)), {
      url: "http://fakehost/" + encodeURIComponent(name) + ".html",
      contentType: "text/html",
      virtualConsole: new VirtualConsole(),
    });
    const article = new Readability(dom.window.document).parse();
    let text = "";
    if (article && article.content) {
      const fragment = JSDOM.fragment(article.content);
      text = blockText(fragment, []).join("").split("\n").map((l) => l.replace(/\s+/g, " ").trim())
        .filter((l) => l).join("\n");
    }
    fs.writeFileSync(path.join(outDir, name + ".txt"), text + "\n");
    dom.window.close();
    written++;
  } catch (e) {
    console.error(`readability-extract: ${file} failed: ${e.message}`);
    failed++;
  }
}
console.error(`readability-extract: wrote ${written} file(s) to ${outDir}` + (failed ? `, ${failed} failed` : ""));
