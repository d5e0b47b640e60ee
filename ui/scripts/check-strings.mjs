// Fails when a Svelte component shows text that does not come from Fluent: a literal word in
// markup, a literal in a user-visible attribute, a t("key") whose key no .ftl file defines, or
// an error's raw `.message` instead of its localised text, or a key built at run time outside
// the families the core lists (KEY_FAMILIES), or with a member missing from them.
// `node scripts/check-strings.mjs --self-test` shows the check catching planted mistakes.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ui = fileURLToPath(new URL("..", import.meta.url));
const locales = join(ui, "..", "locales", "en");
const VISIBLE_ATTRS = ["placeholder", "title", "aria-label", "alt", "label", "aria-description"];

// The message families the screens may build keys from at run time, each with every value the
// core can give (generated from the Rust types into src/generated/types.ts).
function keyFamilies() {
  const text = readFileSync(join(ui, "src", "generated", "types.ts"), "utf8");
  const block = /export const KEY_FAMILIES[^{]*\{([\s\S]*?)\n\};/.exec(text);
  const families = new Map();
  for (const m of (block ? block[1] : "").matchAll(/"([^"]+)": \[([^\]]*)\]/g)) {
    families.set(m[1], [...m[2].matchAll(/"([^"]+)"/g)].map((v) => v[1]));
  }
  return families;
}

function definedKeys() {
  const keys = new Set();
  for (const f of readdirSync(locales).filter((f) => f.endsWith(".ftl"))) {
    for (const line of readFileSync(join(locales, f), "utf8").split("\n")) {
      const m = /^([a-zA-Z][\w-]*)\s*=/.exec(line);
      if (m) keys.add(m[1]);
    }
  }
  return keys;
}

// Removes `{ ... }` expressions, counting nested braces and skipping string literals.
function stripExpressions(s) {
  let out = "", depth = 0, quote = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (depth > 0) {
      if (quote) { if (c === "\\") i++; else if (c === quote) quote = null; continue; }
      if (c === '"' || c === "'" || c === "`") quote = c;
      else if (c === "{") depth++;
      else if (c === "}") depth--;
      continue;
    }
    if (c === "{") { depth = 1; out += " "; continue; }
    out += c;
  }
  return out;
}

function lineOf(text, index) {
  return text.slice(0, index).split("\n").length;
}

export function checkComponent(name, source, keys, families = new Map()) {
  const problems = [];
  const markup = source.replace(/<script[\s\S]*?<\/script>/g, (m) => m.replace(/[^\n]/g, " "))
    .replace(/<style[\s\S]*?<\/style>/g, (m) => m.replace(/[^\n]/g, " "));
  const bare = stripExpressions(markup);
  // Text between tags.
  for (const m of bare.matchAll(/>([^<>]*)</g)) {
    const text = m[1].trim();
    if (/\p{L}/u.test(text)) {
      problems.push(`${name}:${lineOf(bare, m.index)}: literal text "${text}" (use t("…"))`);
    }
  }
  // Literal values of attributes a person reads or hears.
  for (const m of bare.matchAll(new RegExp(`\\s(${VISIBLE_ATTRS.join("|")})=("([^"]*)"|'([^']*)')`, "g"))) {
    const value = m[3] ?? m[4] ?? "";
    if (/\p{L}/u.test(value)) problems.push(`${name}:${lineOf(bare, m.index)}: literal ${m[1]}="${value}"`);
  }
  // An error is shown by its localised text (errorText), never by the core's English sentence.
  for (const m of source.matchAll(/\.message\b/g)) {
    problems.push(`${name}:${lineOf(source, m.index)}: raw error message (show errorText(e))`);
  }
  // Every key the component asks for exists; a computed key must at least name a known family.
  for (const m of source.matchAll(/\bt\(\s*(["'`])((?:(?!\1).)*)\1/g)) {
    const key = m[2];
    const dynamic = m[1] === "`" && key.includes("${");
    if (dynamic) {
      const prefix = key.slice(0, key.indexOf("${"));
      if (![...keys].some((k) => k.startsWith(prefix))) problems.push(`${name}:${lineOf(source, m.index)}: no message starts with "${prefix}"`);
      else if (!families.has(prefix)) problems.push(`${name}:${lineOf(source, m.index)}: "${prefix}…" is built at run time but is no family in KEY_FAMILIES`);
      else for (const v of families.get(prefix).filter((v) => !keys.has(prefix + v))) {
        problems.push(`${name}:${lineOf(source, m.index)}: no message "${prefix}${v}" in locales/en`);
      }
    } else if (!keys.has(key)) {
      problems.push(`${name}:${lineOf(source, m.index)}: no message "${key}" in locales/en`);
    }
  }
  return problems;
}

function components(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? components(p) : f.endsWith(".svelte") ? [p] : [];
  });
}

function selfTest(keys) {
  const planted = [
    ['<p>Hello</p>', "literal text"],
    ['<button title="Close">{t("app-back")}</button>', "literal title"],
    ['<input placeholder="Search" />', "literal placeholder"],
    ['<p>{t("app-no-such-key")}</p>', "no message"],
    ['<p>{t(`zz-${x}`)}</p>', "no message starts"],
    ['<p>{a} and {b}</p>', "literal text"],
    ['<script>try { f(); } catch (e) { error = (e as CommandError).message; }</script>', "raw error message"],
  ];
  const clean = '<script>const s = "Hello";</script><p dir="ltr">{t("app-back")} / {n}</p><p>{t(`app-state-${s}`)}</p><style>p::after { content: "x"; }</style>';
  const families = new Map([["app-state-", ["completed"]], ["app-back", ["-no-such-value"]]]);
  planted.push(['<p>{t(`app-sync-${x}`)}</p>', "no family"]);
  planted.push(['<p>{t(`app-back${x}`)}</p>', "no message \"app-back-no-such-value\""]);
  let failed = 0;
  for (const [src, expected] of planted) {
    const found = checkComponent("planted", src, keys, families);
    if (!found.some((p) => p.includes(expected))) { console.error(`self-test: not caught: ${src}`); failed++; }
  }
  const found = checkComponent("clean", clean, keys, families);
  if (found.length) { console.error(`self-test: false alarm: ${found.join("; ")}`); failed++; }
  console.log(`check-strings self-test: ${planted.length + 1 - failed} passed, ${failed} failed`);
  return failed === 0;
}

const keys = definedKeys();
if (process.argv.includes("--self-test")) {
  process.exit(selfTest(keys) ? 0 : 1);
}
const files = components(join(ui, "src"));
const families = keyFamilies();
const problems = files.flatMap((f) => checkComponent(relative(ui, f), readFileSync(f, "utf8"), keys, families));
for (const p of problems) console.error(p);
console.log(`check-strings: ${files.length} components, ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
