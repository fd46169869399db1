import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedStore } from '../../runtime/store/embedded/index.js';
import { openMongoStore } from '../../runtime/store/mongodb/index.js';
import type { Store, TenantStore } from '../../runtime/store/port.js';

/**
 * The adapters the conformance suite runs against: always the embedded store
 * (in a temp dir), plus MongoDB when MONGODB_URL is set. The list is built
 * conditionally so that no test is ever marked skipped.
 */
export interface AdapterCase {
  name: 'embedded' | 'mongodb';
  open(): Promise<Store>;
}

const created: string[] = [];
process.on('exit', () => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temp DATA_DIR, removed when the test process exits. */
export function tempDir(prefix = 'stagecraft-store-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function adapters(): AdapterCase[] {
  const list: AdapterCase[] = [{ name: 'embedded', open: () => openEmbeddedStore({ dataDir: tempDir() }) }];
  const url = process.env.MONGODB_URL;
  if (url) {
    list.push({ name: 'mongodb', open: () => openMongoStore({ url, dbName: process.env.MONGODB_DB ?? 'stagecraft_conformance' }) });
  } else {
    console.warn('MongoDB conformance suite skipped: MONGODB_URL not set');
  }
  return list;
}

let counter = 0;
/** A fresh tenant per test, so tests never see each other's data (also on a shared MongoDB). */
export function freshTenant(store: Store): TenantStore {
  counter += 1;
  const id = `t${process.pid.toString(36)}${Date.now().toString(36)}-${counter}`;
  return store.tenant(id);
}

/** Strips nothing but makes Dates comparable in toEqual-friendly JSON form. */
export const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
