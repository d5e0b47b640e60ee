// Load for the reference server: PAIRS uploader/downloader pairs of automerge-repo clients. Each
// uploader imports its share of the case documents (the bytes of FieldScreen's CaseDoc::save in
// DOCS_DIR) and shares them with the server; its downloader finds each of them by URL through
// the server. Prints {"docs": N, "seconds": S, "bytes": B} once every downloader has every
// document of its uploader, with the same heads.
// The uploader waits until the server reports (through its storage id's remote heads) that it
// has stored each document, then the downloader asks for them: the same order as our relay.
// node reference-load.mjs PORT STORAGE_ID DOCS_DIR PAIRS
import { Repo } from "@automerge/automerge-repo";
import { WebSocketClientAdapter } from "@automerge/automerge-repo-network-websocket";
import * as A from "@automerge/automerge";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [port, storageId, dir, pairsArg] = process.argv.slice(2);
const pairs = Number(pairsArg);
const files = readdirSync(dir).filter((f) => f.endsWith(".automerge")).sort();
const docs = files.map((f) => new Uint8Array(readFileSync(join(dir, f))));
const bytes = docs.reduce((n, d) => n + d.length, 0);
const url = `ws://127.0.0.1:${port}`;
const client = (name) => new Repo({ network: [new WebSocketClientAdapter(url)], peerId: `${name}-${process.pid}`, enableRemoteHeadsGossiping: true });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const uploaders = Array.from({ length: pairs }, (_, i) => client(`up-${i}`));
const downloaders = Array.from({ length: pairs }, (_, i) => client(`down-${i}`));
await Promise.all([...uploaders, ...downloaders].map((r) => r.networkSubsystem.whenReady()));

for (const u of uploaders) u.subscribeToRemotes([storageId]);
const same = (a, b) => a && b && [...a].sort().join() === [...b].sort().join();

const start = performance.now();
await Promise.all(
  uploaders.map(async (repo, i) => {
    const mine = docs.filter((_, n) => n % pairs === i);
    const handles = mine.map((d) => repo.import(d));
    // Stored on the server: it gossips its heads for the document, and they equal ours.
    await Promise.all(handles.map((h) => new Promise((resolve) => {
      const check = (p) => { if (same(p.heads, h.heads())) { h.off("remote-heads", check); resolve(); } };
      h.on("remote-heads", check);
    })));
    const down = downloaders[i];
    // Every document of the pair is asked for at once, as our downloader takes a whole page.
    await Promise.all(handles.map(async (h) => {
      const want = A.getHeads(h.doc()).sort().join();
      for (;;) {
        try {
          const got = await down.find(h.url);
          if (A.getHeads(got.doc()).sort().join() === want) return;
        } catch {
          // Not on the server yet: ask again.
        }
        await sleep(20);
      }
    }));
  }),
);
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ docs: docs.length, seconds, bytes }));
await Promise.all([...uploaders, ...downloaders].map((r) => r.shutdown()));
process.exit(0);
