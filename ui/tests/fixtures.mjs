// Data the mocked Tauri commands return: the shapes of the app's commands (src-tauri), with
// texts read from the project's own .ftl files so that every screen shows real wording.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export function readFtl(path) {
  const messages = {};
  let key = null;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const m = /^([a-zA-Z][\w-]*)\s*=\s?(.*)$/.exec(line);
    if (m) { key = m[1]; messages[key] = m[2]; continue; }
    if (key && /^\s+\S/.test(line) && !/^\s*[.*[]/.test(line)) messages[key] += (messages[key] ? " " : "") + line.trim();
    else if (!/^\s/.test(line)) key = null;
  }
  return messages;
}

const RTL = new Set(["ar"]);
const dir = (lang) => (RTL.has(lang) ? "rtl" : "ltr");

export function fixtures(root, uiLang, respondentLang) {
  const app = {};
  for (const f of ["app.ftl", "engine.ftl", "cli.ftl"]) Object.assign(app, readFtl(join(root, "locales", "en", f)));
  const appLocal = { ...app };
  for (const f of ["app.ftl", "engine.ftl", "cli.ftl"]) Object.assign(appLocal, readFtl(join(root, "locales", uiLang, f)));
  const proto = (lang) => readFtl(join(root, "screening_protocols", "adult-trafficking", "locales", `${lang}.ftl`));
  const p = { [uiLang]: proto(uiLang), [respondentLang]: proto(respondentLang) };
  const text = (lang, key) => ({ text: p[lang][key] ?? appLocal[key] ?? app[key] ?? `[${key}]`, lang, dir: dir(lang), fell_back: false });
  const one = (key) => text(uiLang, key);
  const both = (key) => [text(uiLang, key), text(respondentLang, key)];
  const names = ["en", "fr", "es", "ru", "uk", "ro", "ar", "vi"].map((tag) => ({
    tag, dir: dir(tag), name: readFtl(join(root, "locales", tag, "app.ftl"))["app-language-name"] ?? tag,
  }));

  const question = (id, kind, textKey, extra = {}) => ({
    step: "question", id, kind, section: one(extra.section ?? "section-work-situation"), section_note: null,
    observed: false, text: both(textKey), note: extra.note ? one(extra.note) : null, choices: extra.choices ?? [],
    min: null, max: null, required: false, done: extra.done ?? 4, total: 35, answer: extra.answer ?? null,
    self_answer: extra.self_answer ?? null,
  });
  const choice = (code, key) => ({ code, labels: both(key), clip: null });
  // Hand-over: the rapid screen's first question in the respondent's language, with its
  // bundled (synthetic) clip, and the app's strings in that language.
  const appResp = { ...app };
  for (const f of ["app.ftl", "engine.ftl", "cli.ftl"]) Object.assign(appResp, readFtl(join(root, "locales", respondentLang, f)));
  const rapid = readFtl(join(root, "screening_protocols", "rapid-screen", "locales", `${respondentLang}.ftl`));
  const clipOf = (key) => ({
    src: `data:audio/ogg;base64,${readFileSync(join(root, "screening_protocols", "rapid-screen", "audio", respondentLang, "synthetic", `${key}.opus`)).toString("base64")}`,
    lang: respondentLang, synthetic: true,
  });
  const handOver = {
    question: {
      id: "danger_now", kind: "yes-no", lang: respondentLang, dir: dir(respondentLang), text: rapid["q-danger-now"],
      clip: clipOf("q-danger-now"), can_skip: true,
      picture: `data:image/svg+xml;base64,${readFileSync(join(root, "screening_protocols", "rapid-screen", "pictures", "danger.svg")).toString("base64")}`,
      choices: ["yes", "no"].map((code) => ({ code, label: appResp[`fs-answer-${code}`], clip: null })),
    },
  };
  const respondentUi = { lang: respondentLang, dir: dir(respondentLang), strings: appResp };
  const levels = ["no-indication", "labour-rights-concern", "assess-further", "refer-now"]
    .map((code) => ({ code, text: one(`fs-level-${code}`) }));
  const outcome = {
    level: "refer-now", level_text: one("fs-level-refer-now"), computed: null, override_reason: null, levels,
    reasons: [one("rule-adult-ilo-ec-combination")],
    dimensions: [
      { label: one("dim-deceptive-recruitment"), met: true, indicators: [one("ind-deceived-nature-of-job"), one("ind-deceived-conditions")] },
      { label: one("dim-exploitative-conditions"), met: true, indicators: [one("ind-recruitment-debt")] },
      { label: one("dim-coercion-destination"), met: true, indicators: [one("ind-recruitment-force")] },
    ],
    emergency: null,
    referrals: [
      { name: "National referral mechanism focal point (example entry)", phone: "+442079460001", hours: "Mon-Fri 09:00-17:00", description: one("ref-nrm"), example: true, mandatory_report: false },
      { name: "Specialised shelter (example entry)", phone: "+442079460002", hours: "24/7", description: one("ref-shelter"), example: true, mandatory_report: false },
    ],
    safety_notes: [one("safety-threats"), one("safety-documents")],
    statement: one("fs-outcome-statement"), complete: true,
  };
  const now = Date.parse("2026-11-27T10:00:00Z");
  const cases = ["refer-now", "assess-further", null, "no-indication", "labour-rights-concern", null].map((level, i) => ({
    id: `${(0x3fa2c9d1 + i * 7919).toString(16)}-4b1e-4c2a-9f00-00000000000${i}`,
    protocol_id: i === 3 ? "rapid-screen" : "adult-trafficking", protocol_version: "1.0.0",
    created_at: new Date(now - i * 86400000).toISOString(), updated_at: new Date(now - i * 86400000 + 3600000).toISOString(),
    state: level ? "completed" : "in-progress", level, age_group: "adult", consent: "full", answer_count: 10 + i,
  }));
  const transcript = [
    ["danger_now", "section-now", "q-danger-now", one("fs-answer-no")],
    ["sector", "section-work-situation", "q-sector", one("c-sector-agriculture")],
    ["origin_country", "section-work-situation", "q-origin-country", { ...one("q-origin-country"), text: "RO" }],
    ["promised", "section-recruitment", "q-promised", one("fs-answer-yes")],
    ["job_different", "section-recruitment", "q-job-different", one("fs-answer-yes")],
  ].map(([question_id, s, q, answer], i) => ({ question_id, section: one(s), question: one(q), answer, applies: i !== 2 }));

  const table = (variables, rows) => ({ variables, from: "2026-01", to: "2026-11", k: 11, categories: [], cells: rows.map(([key, count]) => ({ key, count })) });
  const reports = {
    "exploitation,gender": table(["typeOfExploitation", "gender"], [
      [["forced-labour", "woman"], 24], [["forced-labour", "man"], 61], [["forced-labour", "other"], null], [["forced-labour", "total"], 92],
      [["sexual-exploitation", "woman"], 38], [["sexual-exploitation", "man"], null], [["sexual-exploitation", "other"], null], [["sexual-exploitation", "total"], 45],
      [["total", "woman"], 62], [["total", "man"], 68], [["total", "other"], null], [["total", "total"], 137],
    ]),
    "referral_status": table(["referralStatus"], [[["suggested"], 140], [["offered"], 96], [["accepted"], 61], [["declined"], 23], [["contacted"], 44], [["service-received"], 31], [["service-not-received"], null], [["total"], 402]]),
    "month": table(["yearMonth"], [[["2026-07"], 18], [["2026-08"], 25], [["2026-09"], null], [["2026-10"], 31], [["2026-11"], 22], [["total"], 104]]),
    "outcome": table(["outcomeLevel"], [[["refer-now"], 41], [["assess-further"], 37], [["labour-rights-concern"], null], [["no-indication"], 19], [["total"], 104]]),
  };
  // The identification pipeline as the core publishes it: every organisation by gender and age
  // group, then each kind of organisation (totals only); null is a hidden count.
  const stages = ["screened", "screened-positive", "refer-now", "referred", "identified", "assisted"];
  const columns = ["woman", "man", "other", "unknown"].flatMap((gender) => ["adult", "minor", "unknown"].map((age_group) => ({ gender, age_group })));
  const funnel = (top) => [top, Math.round(top * 0.6), Math.round(top * 0.4), Math.round(top * 0.35), Math.round(top * 0.12), Math.round(top * 0.3)];
  const cellTops = { "woman/adult": 140, "man/adult": 96, "woman/minor": 31 };
  const block = (organisation, totals) => ({
    organisation,
    rows: stages.map((stage, s) => ({
      stage,
      cells: organisation === "all" ? columns.map((c) => { const top = cellTops[`${c.gender}/${c.age_group}`]; const n = top ? funnel(top)[s] : null; return n !== null && n >= 11 ? n : null; }) : [],
      total: totals ? (funnel(totals)[s] >= 11 ? funnel(totals)[s] : null) : null,
    })),
  });
  const pipeline = {
    pipeline: {
      from: "2026-01", to: "2026-11", k: 11, columns,
      blocks: [block("all", 290), block("ngo", 180), block("shelter", null), block("helpline", null), block("labour-inspectorate", 74), block("police", 36),
        block("immigration", null), block("health", null), block("other-government", null), block("other", null), block("unknown", null)],
    },
    interviews: 312, persons: 290, linked_interviews: 41, without_protocol: 0,
  };
  // A QR-like picture: the real one comes from the Rust qrcode crate.
  const qr = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21" width="240" height="240"><rect width="21" height="21" fill="#fff"/>${
    Array.from({ length: 120 }, (_, i) => `<rect x="${(i * 7) % 21}" y="${Math.floor(i / 6) % 21}" width="1" height="1"/>`).join("")}</svg>`;
  return {
    reports,
    pipeline,
    sync: {
      team: {
        team_id: "4b1e9c2a70d3f885", team_name: "Shelter office", device_id: "9f3c2a71d0b4e815", relay: "https://relay.example.org",
        admin: true, revoked: false, epoch: 3,
        members: [
          { device: "9f3c2a71d0b4e815", name: "office laptop", role: "admin", this_device: true },
          { device: "0d4e815b9f3c2a71", name: "field phone 2", role: "member", this_device: false },
          { device: "7a2c91e0b4d3f615", name: "field phone 1", role: "revoked", this_device: false },
        ],
      },
      joining: null, legacy: false,
      last_synced: new Date(now - 7200000).toISOString(), pending: 3, conflicts: 0,
    },
    invite: { id: "c0ffee00d15ea5e1", code: `FSJOIN2.${"aHR0cHM6Ly9yZWxheS5leGFtcGxlLm9yZw".repeat(4)}`, qr, ttl_seconds: 900 },
    joinPreview: { relay_host: "relay.example.org", team_id: "4b1e9c2a70d3f885", team_name: "Shelter office", inviter_name: "office laptop" },
    joinPending: { team_name: "Shelter office", relay_host: "relay.example.org", comparison: "482 913", nth: 1 },
    requests: [
      { device: "e81f0c3b5a7d9260", name: "device e81f", invitation: "c0ffee00d15ea5e1", comparison: "117 604", on_invitation: 2, at: 0 },
      { device: "3d5a0e7f19c2b846", name: "field phone 3", invitation: "c0ffee00d15ea5e1", comparison: "482 913", on_invitation: 2, at: 0 },
    ],
    conflicts: [
      { case_id: cases[0].id, question_id: "sector", question: one("q-sector"), values: [one("c-sector-agriculture"), one("c-sector-construction")] },
      { case_id: cases[1].id, question_id: "promised", question: one("q-promised"), values: [one("fs-answer-no"), one("fs-answer-yes")] },
    ],
    handOver, respondentUi,
    uiText: { lang: uiLang, dir: dir(uiLang), strings: Object.fromEntries(Object.keys(app).map((k) => [k, appLocal[k] ?? app[k]])) },
    appInfo: {
      vault_exists: true, unlocked: true, ui_languages: names,
      protocols: ["adult-trafficking", "child-trafficking", "rapid-screen"].map((id) => ({
        id, version: "1.0.0",
        title: { ...one("title"), text: readFtl(join(root, "screening_protocols", id, "locales", `${uiLang}.ftl`)).title ?? id },
        languages: names.map((l) => ({ tag: l.tag, dir: l.dir, draft: l.tag !== "en" })),
      })),
    },
    cases,
    steps: {
      choice: question("sector", "single", "q-sector", {
        choices: [["agriculture", "c-sector-agriculture"], ["construction", "c-sector-construction"], ["factory", "c-sector-factory"], ["domestic", "c-sector-domestic"]].map(([c, k]) => choice(c, k)),
        answer: { type: "choice", value: "construction" }, done: 1,
      }),
      yesno: question("promised", "yes-no", "q-promised", { section: "section-recruitment", choices: [choice("yes", "fs-answer-yes"), choice("no", "fs-answer-no")] }),
      alone: question("promised", "yes-no", "q-promised", {
        section: "section-recruitment", choices: [choice("yes", "fs-answer-yes"), choice("no", "fs-answer-no")],
        self_answer: { lang: respondentLang, dir: dir(respondentLang), text: rapid["q-danger-now"], clip: clipOf("q-danger-now"), picture: null },
      }),
      date: question("arrival_date", "date", "q-arrival-date", { note: "q-arrival-date-note", done: 3 }),
      multiple: question("pay", "multiple", "q-pay", {
        choices: [["as-agreed", "c-pay-as-agreed"], ["less", "c-pay-less"], ["nothing", "c-pay-nothing"], ["someone-else", "c-pay-to-someone-else"]].map(([c, k]) => choice(c, k)), done: 12,
      }),
      finished: { step: "finished", state: { state: "completed" }, outcome, case_id: cases[0].id },
    },
    caseDetail: {
      id: cases[0].id, protocol_id: "adult-trafficking", protocol_version: "1.0.0", created_at: cases[0].created_at,
      interviewer_lang: uiLang, respondent_lang: respondentLang, state: "completed", transcript,
      history: transcript.slice(0, 3).map((t, i) => ({ time: new Date(now + i * 60000).toISOString(), question_id: t.question_id, question: t.question, answer: i === 1 ? null : t.answer })),
      unknown_answers: [], outcome,
      referrals: [
        { id: "nrm", name: "National referral mechanism focal point (example entry)", category: "national-referral-mechanism", status: "accepted",
          steps: [{ status: "suggested", date: "2026-11-27" }, { status: "offered", date: "2026-11-27" }, { status: "accepted", date: "2026-11-28" }],
          next: ["contacted"], needs_reason: [], decisions: [{ decision: "pending", date: "2026-11-29", decided_by: "police" }], can_decide: true },
        { id: "shelter", name: "Specialised shelter (example entry)", category: "shelter", status: "offered",
          steps: [{ status: "suggested", date: "2026-11-27" }, { status: "offered", date: "2026-11-27" }],
          next: ["accepted", "declined"], needs_reason: ["declined"], decisions: [], can_decide: false },
      ],
      organisation: "ngo", same_person_as: null,
      other_cases: cases.slice(1).map((c) => ({ id: c.id, protocol_id: c.protocol_id, created_at: c.created_at })),
    },
  };
}
