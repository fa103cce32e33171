// A laptop for bench/bench_peer.py: a PouchDB 9 replica in a LevelDB folder (PouchDB's node adapter, a file
// store as the Fengqiao laptop's SQLCipher database is) that loads, pushes, pulls or syncs, and prints what it
// did as one JSON line.
//
//   node laptop.js load <db folder> <docs.jsonl>   write the docs locally (one JSON doc a line), as edits
//   node laptop.js sync <db folder> <remote url>   one-shot two-way replication (what a laptop's sync does)
//   node laptop.js pull <db folder> <remote url>   one-shot replication from the server into this replica
//
// Replication runs with PouchDB's defaults (batches of 100 docs, 10 batches in flight); the time printed is
// the replication's own wall time and this process's CPU during it, not node's start-up or opening LevelDB.
"use strict";

const fs = require("fs");
const PouchDB = require("pouchdb");

const LOAD_BATCH = 1000; // docs per local bulkDocs while loading: not measured, only keeps memory small

async function load(db, file) {
  const lines = fs.readFileSync(file, "utf8").split("\n").filter(Boolean);
  for (let i = 0; i < lines.length; i += LOAD_BATCH) {
    const docs = lines.slice(i, i + LOAD_BATCH).map((line) => JSON.parse(line));
    const results = await db.bulkDocs(docs);
    const failed = results.filter((r) => r.error);
    if (failed.length) throw new Error(`load: ${failed.length} docs refused, first ${JSON.stringify(failed[0])}`);
  }
  return { written: lines.length };
}

async function replicate(command, db, url) {
  const remote = new PouchDB(url, { skip_setup: true });
  if (command === "pull") {
    const info = await PouchDB.replicate(remote, db);
    return { pulled: info.docs_written, pushed: 0, ok: info.ok };
  }
  const info = await db.sync(remote);
  return { pushed: info.push.docs_written, pulled: info.pull.docs_written, ok: info.push.ok && info.pull.ok };
}

async function main() {
  const [command, folder, target] = process.argv.slice(2);
  if (!["load", "sync", "pull"].includes(command) || !folder || !target) {
    console.error("usage: node laptop.js load|sync|pull <db folder> <docs.jsonl | remote url>");
    process.exit(2);
  }
  const db = new PouchDB(folder);
  await db.info(); // open LevelDB before the clock starts
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = command === "load" ? await load(db, target) : await replicate(command, db, target);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  await db.close();
  console.log(JSON.stringify({ command, seconds, cpu: (used.user + used.system) / 1e6, ...result }));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
