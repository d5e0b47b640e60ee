// The reference Automerge sync server for the sync benchmark: automerge-repo with its websocket
// and node-fs adapters, as its documentation assembles one. Prints "listening on PORT".
// node reference-server.mjs STORAGE_DIR
import { Repo } from "@automerge/automerge-repo";
import { WebSocketServerAdapter } from "@automerge/automerge-repo-network-websocket";
import { NodeFSStorageAdapter } from "@automerge/automerge-repo-storage-nodefs";
import { WebSocketServer } from "ws";

const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
await new Promise((resolve) => wss.on("listening", resolve));
const repo = new Repo({
  network: [new WebSocketServerAdapter(wss)],
  storage: new NodeFSStorageAdapter(process.argv[2]),
  peerId: `reference-server-${process.pid}`,
  // A sync server answers requests and stores what it is sent; it does not push documents.
  sharePolicy: async () => false,
  // Tells clients when it has stored their changes (see reference-load.mjs).
  enableRemoteHeadsGossiping: true,
});
// Clients learn from the server's storage id when it has stored their changes.
console.log(`listening on ${wss.address().port} ${await repo.storageId()}`);
