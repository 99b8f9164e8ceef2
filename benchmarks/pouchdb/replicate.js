// Push N evidence-like documents from a local pouchdb-node database to a pouchdb-server on
// loopback, then pull them into a second, empty local database. Prints one JSON line.
// Usage: node replicate.js REMOTE_URL N WORKDIR
'use strict';
const PouchDB = require('pouchdb-node');
const path = require('path');

const [remoteUrl, nArg, workdir] = process.argv.slice(2);
const n = parseInt(nArg, 10);
const KINDS = ['student_talk', 'student_action', 'teacher_move', 'artifact', 'note'];

function doc(i) {
  // The same fields and sizes as the Python side's evidence snapshot.
  const id = `0193a0c0-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
  return {
    _id: id,
    kind: 'evidence',
    author_id: '0193a0c0-0000-7000-8000-aaaaaaaaaaaa',
    device_id: '0193a0c0-0000-7000-8000-bbbbbbbbbbbb',
    visit_id: `0193a0c0-0000-7000-8000-${(i % 997).toString(16).padStart(12, '0')}`,
    evidence_kind: KINDS[i % KINDS.length],
    text: `Students at table ${i % 7} compared two strategies for item ${i} and explained why.`,
    at_seconds: i % 3600,
    created_at: '2026-11-23T10:00:00Z',
    updated_at: '2026-11-23T10:00:00Z',
    visibility: 'private',
    lookfor_ids: [],
  };
}

async function main() {
  const source = new PouchDB(path.join(workdir, 'source'));
  for (let start = 0; start < n; start += 1000) {
    const batch = [];
    for (let i = start; i < Math.min(n, start + 1000); i++) batch.push(doc(i));
    await source.bulkDocs(batch);
  }
  const remote = new PouchDB(remoteUrl);
  let t = process.hrtime.bigint();
  const pushed = await source.replicate.to(remote, { batch_size: 500 });
  const pushS = Number(process.hrtime.bigint() - t) / 1e9;

  const target = new PouchDB(path.join(workdir, 'target'));
  t = process.hrtime.bigint();
  const pulled = await target.replicate.from(remote, { batch_size: 500 });
  const pullS = Number(process.hrtime.bigint() - t) / 1e9;

  t = process.hrtime.bigint();
  await source.replicate.to(remote);
  await target.replicate.from(remote);
  const noopS = Number(process.hrtime.bigint() - t) / 1e9;

  console.log(JSON.stringify({
    docs: n,
    pushed: pushed.docs_written,
    pulled: pulled.docs_written,
    push_seconds: pushS,
    pull_seconds: pullS,
    push_per_s: n / pushS,
    pull_per_s: n / pullS,
    noop_sync_ms: noopS * 1000,
  }));
}

main().catch((err) => { console.error(err); process.exit(1); });
