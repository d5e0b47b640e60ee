// Every screen of the built front end in headless Chromium with the Tauri commands mocked:
// English and Arabic, 360×640 and 1280×800, each scanned with axe-core (no serious or critical
// violation allowed), each saved as a screenshot; then text at 200 % (no sideways scrolling at
// 1280 px), keyboard reach and the quick-exit shortcut.
// Run from ui/ after `vite build`: node tests/screens.mjs [screenshot dir]
import { createServer } from "node:http";
import { mkdirSync, readFileSync, existsSync } from "node:fs";
import { join, extname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { fixtures } from "./fixtures.mjs";

const ui = fileURLToPath(new URL("..", import.meta.url));
const root = resolve(ui, "..");
const dist = join(ui, "dist");
const shots = resolve(process.argv[2] ?? join(root, "target", "screenshots", "ui"));
const axeSource = readFileSync(join(ui, "node_modules", "axe-core", "axe.min.js"), "utf8");
mkdirSync(shots, { recursive: true });

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png" };
const server = createServer((req, res) => {
  const path = join(dist, decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/^\/$/, "/index.html"));
  if (!path.startsWith(dist) || !existsSync(path)) { res.writeHead(404).end(); return; }
  res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(readFileSync(path));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;

// Runs in the page before the app: answers the commands the way src-tauri does.
function installMock({ fx, scenario }) {
  const calls = [];
  let unlocked = scenario.unlocked;
  const fail = (code, text, wait_secs = null) => Promise.reject({ code, text, wait_secs });
  const handlers = {
    ui_text: ({ lang }) => (scenario.alone && lang === fx.respondentUi.lang ? fx.respondentUi : fx.uiText),
    hand_over: () => fx.handOver,
    hand_over_answer: () => ({ question: null }),
    hand_over_stop: () => ({ question: null }),
    hand_back: ({ pin }) => (pin === "4826" ? fx.steps.finished : fail("hand-back-refused", "Wrong PIN.")),
    app_info: () => ({ ...fx.appInfo, vault_exists: scenario.exists, unlocked }),
    ready: () => null,
    lock: () => { unlocked = false; return null; },
    unlock: () => (scenario.wrongPassphrase ? fail("wrong-passphrase", "wrong passphrase", 5) : ((unlocked = true), null)),
    create_vault: () => ((unlocked = true), null),
    list_cases: ({ query }) => fx.cases.filter((c) => !query.level || c.level === query.level),
    start_interview: () => fx.steps[scenario.start ?? "choice"],
    resume_interview: () => fx.steps.choice,
    answer: () => fx.steps[scenario.next ?? "yesno"],
    back: () => fx.steps.choice, skip: () => fx.steps.yesno, stop: () => fx.steps.finished,
    set_override: () => fx.steps.finished,
    case_detail: () => fx.caseDetail,
    move_referral: () => fx.caseDetail,
    set_same_person: ({ earlier }) => ({ ...fx.caseDetail, same_person_as: earlier }),
    decide_referral: () => fx.caseDetail,
    organisation_type: () => "labour-inspectorate",
    set_organisation_type: () => null,
    install_protocol: ({ path }) => (path.includes("broken")
      ? { id: null, title: null, errors: ["survey!E2 (row 2, column 5): `${nobody} = 'yes'`, at character 1: no question `nobody` in the survey"], warnings: [] }
      : { id: "pay-check", title: "Pay check", errors: [], warnings: [] }),
    report_pipeline: () => fx.pipeline,
    change_passphrase: () => null,
    passphrase_strength: ({ passphrase }) => ({ score: Math.min(4, Math.floor(passphrase.length / 5)), enough: passphrase.length >= 15, warning: null }),
    unlock_settings: () => ({ duress: "decoy", erase_after: 10, show_remaining: false, duress_choices: ["decoy", "wrong", "destroy-decoy", "destroy-wrong"], erase_choices: [5, 10, 20] }),
    set_duress: () => null,
    set_erase_after: () => null,
    report: ({ query }) => fx.reports[query.by.join(",")] ?? fail("report", `no fixture for ${query.by}`),
    sync_status: () => ({
      ...fx.sync, team: scenario.team ? fx.sync.team : null, conflicts: scenario.conflicts ? fx.conflicts.length : 0,
      set_aside: scenario.troubled ? 1 : 0, missing: scenario.troubled ? 2 : 0,
    }),
    sync_now: () => ({ sent: 1, received: 2, new_cases: 1, changed_cases: 1, conflicts: 0 }),
    team_create: () => fx.sync.team, team_join: () => fx.joinPending, team_join_preview: () => fx.joinPreview, team_join_status: () => ({ state: "pending", team_name: "Shelter office", comparison: "482 913" }),
    team_requests: () => (scenario.requests ? fx.requests : []), team_approve: () => null, team_refuse: () => null, team_revoke: () => null, team_rotate: () => 2, team_set_admin: () => null, team_leave: () => null,
    team_invite: () => fx.invite,
    conflict_list: () => (scenario.conflicts ? fx.conflicts : []),
    resolve_conflict: () => null,
    "plugin:event|listen": () => 1, "plugin:event|unlisten": () => null,
  };
  window.__mockCalls = calls;
  window.__TAURI_INTERNALS__ = {
    invoke: async (cmd, args) => {
      calls.push(cmd);
      const h = handlers[cmd];
      if (!h) return Promise.reject({ code: "mock", text: `unmocked command ${cmd}`, wait_secs: null });
      return h(args ?? {});
    },
    transformCallback: () => 0,
    metadata: { currentWindow: { label: "main" }, currentWebview: { windowLabel: "main", label: "main" } },
  };
}

// `ONLY=home,outcome node tests/screens.mjs` runs a few screens while working on them.
const only = (names) => (process.env.ONLY ? names.filter((n) => process.env.ONLY.split(",").includes(n)) : names);
const SIZES = [{ name: "phone", width: 360, height: 640 }, { name: "laptop", width: 1280, height: 800 }];
const LANGS = [{ ui: "en", respondent: "ar" }, { ui: "ar", respondent: "en" }];

// How to reach each screen from a fresh start.
const SCREENS = {
  "setup": { scenario: { exists: false, unlocked: false }, go: async (p) => p.locator("input[type=password]").first().waitFor() },
  "unlock-wrong": {
    scenario: { exists: true, unlocked: false, wrongPassphrase: true },
    go: async (p) => { await p.locator("input[type=password]").fill("not the passphrase"); await p.locator("form button[type=submit]").click(); await p.locator("[role=alert]").waitFor(); },
  },
  "home": { scenario: { exists: true, unlocked: true }, go: async (p) => p.locator(".cases li").first().waitFor() },
  "start": { scenario: { exists: true, unlocked: true }, go: async (p, s) => { await p.getByRole("button", { name: s["app-start-screening"] }).click(); await p.locator("fieldset").waitFor(); } },
  "question-choice": { scenario: { exists: true, unlocked: true, start: "choice" }, go: begin },
  "question-yes-no": { scenario: { exists: true, unlocked: true, start: "yesno" }, go: begin },
  "question-date": { scenario: { exists: true, unlocked: true, start: "date" }, go: begin },
  "question-multiple": { scenario: { exists: true, unlocked: true, start: "multiple" }, go: begin },
  "outcome": { scenario: { exists: true, unlocked: true, start: "finished" }, go: async (p, s) => { await begin(p, s); await p.locator("details summary").click(); } },
  "case-detail": {
    scenario: { exists: true, unlocked: true },
    go: async (p) => { await p.locator(".cases li button.open").first().click(); await p.locator(".transcript li").first().waitFor(); await p.locator("details summary").click(); },
  },
  "reports": {
    scenario: { exists: true, unlocked: true },
    go: async (p, s) => {
      await p.getByRole("button", { name: s["app-reports"] }).click();
      await p.locator(".bars li").first().waitFor();
      await p.locator("[data-section=pipeline] [data-stage=identified]").first().waitFor();
      // Groups whose every count is hidden are left out: women and men adults, girls; no more.
      const figures = await p.locator("[data-section=pipeline] figure").count();
      if (figures !== 1 + 3 + 3) throw new Error(`${figures} funnels drawn`);
    },
  },
  "case-same-person": {
    scenario: { exists: true, unlocked: true },
    go: async (p) => {
      await p.locator(".cases li button.open").first().click();
      const select = p.locator("[data-field=same-person]");
      await select.selectOption({ index: 1 });
      await p.locator("[data-section=same-person] button").click();
      await p.locator("[data-section=same-person] .id").waitFor();
      await p.locator("[data-decide=nrm] [data-field=decision]").selectOption("identified");
      await p.locator("[data-decide=nrm] button").click();
      const calls = await p.evaluate(() => window.__mockCalls);
      for (const c of ["set_same_person", "decide_referral"]) if (!calls.includes(c)) throw new Error(`${c} not called`);
    },
  },
  "settings": {
    scenario: { exists: true, unlocked: true },
    go: async (p, s) => {
      await p.getByRole("button", { name: s["app-settings"] }).click();
      await p.locator("input[type=password]").first().waitFor();
      await p.waitForFunction(() => document.querySelector("[data-field=organisation]")?.value === "labour-inspectorate");
      await p.locator("[data-field=organisation]").selectOption("police");
      await p.waitForFunction(() => window.__mockCalls.includes("set_organisation_type"));
      await p.locator("[data-field=install-path]").fill("/forms/pay-check.xlsx");
      await p.locator("[data-section=install-protocol] button[type=submit]").click();
      await p.locator("[data-installed=pay-check]").waitFor();
      await p.locator("[data-field=install-path]").fill("/forms/broken.xlsx");
      await p.locator("[data-section=install-protocol] button[type=submit]").click();
      await p.locator("[data-install-refused] li").waitFor();
    },
  },
  "sync-setup": { scenario: { exists: true, unlocked: true }, go: async (p) => { await p.locator("[data-action=team]").click(); await p.locator("[data-field=relay]").waitFor(); } },
  "team-invite": {
    scenario: { exists: true, unlocked: true, team: true },
    go: async (p) => { await p.locator("[data-action=team]").click(); await p.locator("[data-action=invite]").click(); await p.locator("img.qr").waitFor(); },
  },
  "team-requests": {
    scenario: { exists: true, unlocked: true, team: true, requests: true },
    go: async (p) => { await p.locator("[data-action=team]").click(); await p.locator("[data-request=comparison]").first().waitFor(); },
  },
  "team-join-check": {
    scenario: { exists: true, unlocked: true },
    go: async (p) => {
      await p.locator("[data-action=team]").click();
      await p.locator("[data-field=code]").fill("FSJOIN2.x");
      await p.locator("[data-action=join-preview]").click();
      await p.locator("[data-join=host]").waitFor();
    },
  },
  "sync-troubled": {
    scenario: { exists: true, unlocked: true, team: true, troubled: true },
    go: async (p) => { await p.locator("[data-sync=set-aside]").waitFor(); await p.locator("[data-sync=missing]").waitFor(); },
  },
  "conflicts": {
    scenario: { exists: true, unlocked: true, team: true, conflicts: true },
    go: async (p) => { await p.locator("[data-action=conflicts]").click(); await p.locator("[data-conflict]").first().waitFor(); },
  },
  "quick-exit": { scenario: { exists: true, unlocked: true }, go: async (p, s) => { await p.locator(".cases li").first().waitFor(); await p.getByRole("button", { name: s["app-quick-exit"] }).click(); await p.locator("main.neutral").waitFor(); } },
};

async function begin(p, s) {
  await p.getByRole("button", { name: s["app-start-screening"] }).click();
  await p.getByRole("button", { name: s["app-begin"] }).click();
  await p.locator("main section.card").first().waitFor();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  // Clips start as the app's window lets them (the hand-over plays each question unasked).
  args: ["--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

// axe-core's serious and critical violations on the page as it is now.
async function seriousViolations(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ["violations"] })).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`));
}

let passed = 0;
const failures = [];
async function test(name, body) {
  try { await body(); passed++; } catch (e) { failures.push(`${name}: ${e.message.split("\n")[0]}`); }
}

async function openScreen(context, lang, screen) {
  const fx = fixtures(root, lang.ui, lang.respondent);
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text()); });
  // The browser asks for /favicon.ico on its own; the app itself must load everything it needs.
  page.on("response", (r) => { if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) errors.push(`${r.status()} ${r.url()}`); });
  await page.addInitScript(installMock, { fx, scenario: SCREENS[screen].scenario });
  await page.addInitScript((lang) => localStorage.setItem("fieldscreen.settings", JSON.stringify({ lang, autoLockMinutes: 5 })), lang.ui);
  await page.goto(base);
  try {
    await SCREENS[screen].go(page, fx.uiText.strings);
  } catch (e) {
    await page.close();
    throw new Error(`${e.message.split("\n")[0]} ${errors.join("; ")}`);
  }
  await page.waitForTimeout(50);
  return { page, errors, strings: fx.uiText.strings };
}

for (const size of SIZES) {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: 1 });
  for (const lang of LANGS) {
    for (const screen of only(Object.keys(SCREENS))) {
      const name = `${lang.ui}-${size.name}-${screen}`;
      await test(name, async () => {
        const { page, errors } = await openScreen(context, lang, screen);
        try {
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
          if (errors.length) throw new Error(`page error: ${errors[0]}`);
          const html = await page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));
          if (html.lang !== lang.ui || html.dir !== (lang.ui === "ar" ? "rtl" : "ltr")) throw new Error(`document is ${html.lang}/${html.dir}`);
          const missing = await page.evaluate(() => document.body.innerText.match(/\[(app|fs|cli)-[\w-]+\]/g));
          if (missing) throw new Error(`missing strings ${missing.join(", ")}`);
          const violations = await seriousViolations(page);
          if (violations.length) throw new Error(`axe: ${violations.join("; ")}`);
        } finally { await page.close(); }
      });
    }
  }
  await context.close();
}

// Hand-over: the respondent's screens (question, then "give the device back") in their language
// only, at both sizes, axe-clean, with the question's clip started; the PIN takes it back.
for (const size of SIZES) {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: 1 });
  for (const respondent of ["en", "ar", "vi"]) {
    const interviewer = respondent === "en" ? "ar" : "en";
    await test(`${respondent}-${size.name}-alone`, async () => {
      const fx = fixtures(root, interviewer, respondent);
      const page = await context.newPage();
      page.setDefaultTimeout(5000);
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.addInitScript(installMock, { fx, scenario: { exists: true, unlocked: true, start: "alone", alone: true } });
      await page.addInitScript((lang) => localStorage.setItem("fieldscreen.settings", JSON.stringify({ lang, autoLockMinutes: 5 })), interviewer);
      await page.goto(base);
      try {
        const s = fx.uiText.strings;
        await begin(page, s);
        await page.locator("[data-section=hand-over] summary").click();
        await page.locator("[data-field=hand-over-pin]").fill("4826");
        await page.locator("[data-action=hand-over]").click();
        await page.locator("[data-screen=alone] [data-question=danger_now]").waitFor();
        const html = await page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));
        if (html.lang !== respondent || html.dir !== (respondent === "ar" ? "rtl" : "ltr")) throw new Error(`document is ${html.lang}/${html.dir}`);
        // Nothing in the interviewer's language, and no earlier answer.
        const shown = await page.evaluate(() => document.body.innerText);
        for (const key of ["app-quick-exit", "app-back", "app-hand-over"]) {
          if (s[key] !== fx.respondentUi.strings[key] && shown.includes(s[key])) throw new Error(`interviewer text on the respondent's screen: ${s[key]}`);
        }
        if (shown.includes(fx.steps.alone.text[0].text)) throw new Error("the interviewer's question is on the respondent's screen");
        await page.waitForFunction(() => (window.__fsPlayed ?? []).includes("danger_now"));
        await page.screenshot({ path: join(shots, `${respondent}-${size.name}-alone.png`), fullPage: true });
        let violations = await seriousViolations(page);
        if (violations.length) throw new Error(`axe: ${violations.join("; ")}`);
        // Keyboard only: the first answer is reachable with Tab and taken with Enter.
        await page.keyboard.press("Tab");
        await page.keyboard.press("Tab");
        await page.locator("[data-code=yes]").focus();
        await page.keyboard.press("Enter");
        await page.locator("[data-section=give-back]").waitFor();
        await page.screenshot({ path: join(shots, `${respondent}-${size.name}-alone-give-back.png`), fullPage: true });
        violations = await seriousViolations(page);
        if (violations.length) throw new Error(`axe (give back): ${violations.join("; ")}`);
        await page.locator("[data-field=hand-back-pin]").fill("1111");
        await page.locator("[data-section=give-back] button[type=submit]").click();
        await page.locator("[data-screen=alone] [role=alert]").waitFor();
        await page.locator("[data-field=hand-back-pin]").fill("4826");
        await page.locator("[data-section=give-back] button[type=submit]").click();
        await page.locator("[data-level]").waitFor();
        if (errors.length) throw new Error(`page error: ${errors[0]}`);
      } finally { await page.close(); }
    });
  }
  await context.close();
}

// Text at 200 %: the laptop window must not scroll sideways on any screen.
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  for (const lang of LANGS) {
    for (const screen of only(Object.keys(SCREENS))) {
      await test(`${lang.ui}-text-200-${screen}`, async () => {
        const { page } = await openScreen(context, lang, screen);
        try {
          await page.evaluate(() => { document.documentElement.style.fontSize = "200%"; });
          await page.waitForTimeout(30);
          const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
          if (scroll > client + 1) throw new Error(`scrolls sideways at 200 %: ${scroll} > ${client}`);
          if (screen === "question-choice") await page.screenshot({ path: join(shots, `${lang.ui}-laptop-text-200-${screen}.png`), fullPage: true });
        } finally { await page.close(); }
      });
    }
  }
  await context.close();
}

// Keyboard: every answer and the quick exit are reached with Tab alone, and Shift+Escape hides
// the interview and locks the vault.
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  for (const lang of LANGS) {
    await test(`${lang.ui}-keyboard-reach`, async () => {
      const { page, strings } = await openScreen(context, lang, "question-choice");
      try {
        const reached = new Set();
        for (let i = 0; i < 30; i++) {
          await page.keyboard.press("Tab");
          reached.add(await page.evaluate(() => (document.activeElement?.textContent ?? "").trim()));
        }
        const wanted = await page.evaluate(() => [...document.querySelectorAll("button")].map((b) => (b.textContent ?? "").trim()));
        const unreached = wanted.filter((w) => !reached.has(w));
        if (unreached.length) throw new Error(`not reached by Tab: ${unreached.join(", ")}`);
        if (!reached.has(strings["app-quick-exit"])) throw new Error("quick exit not reached");
      } finally { await page.close(); }
    });
    await test(`${lang.ui}-quick-exit-shortcut`, async () => {
      const { page, strings } = await openScreen(context, lang, "question-choice");
      try {
        await page.keyboard.press("Shift+Escape");
        await page.locator("main.neutral").waitFor({ timeout: 2000 });
        const state = await page.evaluate(() => ({ text: document.body.innerText, calls: window.__mockCalls }));
        if (!state.calls.includes("lock")) throw new Error("the vault was not locked");
        if (state.text.includes(strings["app-back"])) throw new Error("interview still on screen");
      } finally { await page.close(); }
    });
  }
  await context.close();
}

await browser.close();
server.close();
for (const f of failures) console.error(`FAIL ${f}`);
console.log(`ui tests: ${passed} passed, ${failures.length} failed (screenshots in ${shots})`);
process.exit(failures.length ? 1 : 0);
