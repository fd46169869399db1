import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, openEmbeddedStore } from '../../runtime/store/embedded/index.js';
import { tempDir } from './adapters.js';

/** Embedded-store specific: durability across restarts and crashes, and the one-process rule. */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const fixture = (name: string) => path.join(here, 'fixtures', name);

function runTs(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

describe('embedded store durability', () => {
  it('keeps data, indexes and index metadata across close and reopen', async () => {
    const dir = tempDir();
    let store = await openEmbeddedStore({ dataDir: dir });
    const c = store.tenant('acme').collection('deals');
    await c.createIndex({ keys: { code: 1 }, unique: true });
    await c.insertMany([{ _id: 'a', code: 'A', at: new Date('2026-01-01T00:00:00Z') }, { _id: 'b', code: 'B' }]);
    await c.updateOne({ _id: 'b' }, { $set: { tags: ['x', 'y'] } });
    await store.close();

    store = await openEmbeddedStore({ dataDir: dir });
    const again = store.tenant('acme').collection('deals');
    expect(await again.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', code: 'A', at: new Date('2026-01-01T00:00:00Z') },
      { _id: 'b', code: 'B', tags: ['x', 'y'] },
    ]);
    expect((await again.listIndexes()).map((i) => i.name)).toEqual(['_id_', 'code_1']);
    await expect(again.insertOne({ code: 'A' })).rejects.toThrow(/duplicate/i);
    expect((await again.explainFind({ code: 'B' })).plan).toBe('index');
    await store.close();
  });

  it('every acknowledged write survives kill -9', async () => {
    const dir = tempDir();
    const child = runTs(fixture('writer.ts'), [dir]);
    const acked: string[] = [];
    const counters = new Map<string, number>();
    let stderr = '';
    child.stderr!.on('data', (b) => (stderr += String(b)));
    await new Promise<void>((resolve, reject) => {
      let buf = '';
      child.stdout!.on('data', (b: Buffer) => {
        buf += String(b);
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          const [kind, what, id, n] = line.split(' ');
          if (kind !== 'ack') continue;
          if (what === 'insert') acked.push(id);
          else counters.set(id, Number(n));
          if (acked.length >= 400) {
            child.kill('SIGKILL'); // mid-flight: more writes are queued and in progress
            resolve();
            return;
          }
        }
      });
      child.once('exit', () => (acked.length >= 400 ? resolve() : reject(new Error(`writer exited early: ${stderr}`))));
    });
    await exited(child);
    expect(child.signalCode).toBe('SIGKILL');

    const store = await openEmbeddedStore({ dataDir: dir }); // the dead writer's lock is stale and taken over
    const t = store.tenant('crash');
    const docs = t.collection('docs');
    const found = new Set((await docs.find({ _id: { $in: acked } }, { projection: { _id: 1 } })).map((d) => d._id));
    expect(acked.filter((id) => !found.has(id))).toEqual([]);
    for (const [id, n] of counters) {
      const doc = await t.collection('counters').findOne({ _id: id });
      expect(doc!.n as number).toBeGreaterThanOrEqual(n);
    }
    // The unique index is consistent with the documents after the crash.
    const total = await docs.count({});
    expect(total).toBeGreaterThanOrEqual(acked.length);
    expect(await docs.count({ writer: 0 })).toBe((await docs.find({ writer: 0 })).length);
    await store.close();
  }, 60_000);

  it('refuses a second process on the same DATA_DIR and names the holder', async () => {
    const dir = tempDir();
    const store = await openEmbeddedStore({ dataDir: dir });
    try {
      const child = runTs(fixture('open-store.ts'), [dir]);
      let out = '';
      child.stdout!.on('data', (b) => (out += String(b)));
      const code = await exited(child);
      const report = JSON.parse(out.trim());
      expect(code).toBe(3);
      expect(report.opened).toBe(false);
      expect(report.pid).toBe(process.pid);
      expect(report.message).toContain(`pid ${process.pid}`);
    } finally {
      await store.close();
    }
    // Once released, another process may open it.
    const child = runTs(fixture('open-store.ts'), [dir]);
    let out = '';
    child.stdout!.on('data', (b) => (out += String(b)));
    expect(await exited(child)).toBe(0);
    expect(JSON.parse(out.trim()).opened).toBe(true);
  }, 60_000);

  it('refuses a second open in the same process too', async () => {
    const dir = tempDir();
    const store = await openEmbeddedStore({ dataDir: dir });
    try {
      const err = await openEmbeddedStore({ dataDir: dir }).catch((e) => e);
      expect(err).toBeInstanceOf(DataDirLockedError);
      expect(err.pid).toBe(process.pid);
    } finally {
      await store.close();
    }
  });

  it('takes over a stale lock left by a dead process', async () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    fs.writeFileSync(path.join(dir, 'LOCK'), `${deadPid}\n`);
    const store = await openEmbeddedStore({ dataDir: dir });
    expect(fs.readFileSync(path.join(dir, 'LOCK'), 'utf8').trim()).toBe(String(process.pid));
    await store.close();
    expect(fs.existsSync(path.join(dir, 'LOCK'))).toBe(false);
  });
});
