// Loads a FieldScreen case document (the bytes of CaseDoc::save) with JavaScript Automerge and
// prints what it holds as JSON: meta, answers (decoded), conflicting answers, state.
// Used by the interoperability test: node load-case.mjs CASE_FILE
import * as A from "@automerge/automerge";
import { readFileSync } from "node:fs";

const doc = A.load(new Uint8Array(readFileSync(process.argv[2])));
const answers = {};
const conflicts = {};
for (const [question, value] of Object.entries(doc.answers ?? {})) {
  answers[question] = JSON.parse(value);
  const all = A.getConflicts(doc.answers, question);
  if (all && Object.keys(all).length > 1) {
    conflicts[question] = Object.values(all).map((v) => JSON.parse(v)).sort((a, b) =>
      JSON.stringify(a) < JSON.stringify(b) ? -1 : 1,
    );
  }
}
console.log(
  JSON.stringify({
    meta: { ...doc.meta },
    answers,
    conflicts,
    state: doc.state ? JSON.parse(doc.state) : null,
    heads: A.getHeads(doc).sort(),
  }),
);
