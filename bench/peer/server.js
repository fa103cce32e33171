// The township side for bench/bench_peer.py: a CouchDB-compatible HTTP server (express-pouchdb) over PouchDB 9
// with its LevelDB adapter, writing under a data folder as the Fengqiao server writes its SQLite file.
//
//   node server.js <data folder> <port>
//
// Mode "minimumForPouchDB": the routes PouchDB's replication uses (_changes, _revs_diff, _bulk_docs,
// _bulk_get, documents, _local checkpoints) plus gzip compression of answers; no Fauxton, no config or log
// files, no _users database. Prints one line "ready <port>" once it listens.
"use strict";

const path = require("path");
const express = require("express");
const PouchDB = require("pouchdb");

const [folder, port] = process.argv.slice(2);
if (!folder || !port) {
  console.error("usage: node server.js <data folder> <port>");
  process.exit(2);
}
const TownPouch = PouchDB.defaults({ prefix: path.resolve(folder) + path.sep });
const app = express();
app.use(require("express-pouchdb")(TownPouch, { mode: "minimumForPouchDB", inMemoryConfig: true }));
const server = app.listen(Number(port), "127.0.0.1", () => console.log(`ready ${port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
