/**
 * (f) First-load JavaScript of a route, gzip: the entry chunk and everything it
 * imports statically, plus — for a route behind a lazy import such as the
 * builder — that dynamic chunk and its own static imports. Read from the Vite
 * manifest (dist/.vite/manifest.json) of `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { check, table } from './measure.js';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface BundleRow {
  route: string;
  files: number;
  rawKb: number;
  gzipKb: number;
}

function closure(manifest: Manifest, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const key = stack.pop()!;
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    stack.push(...(manifest[key]!.imports ?? []));
  }
  return seen;
}

function measure(distDir: string, manifest: Manifest, keys: Set<string>, route: string): BundleRow {
  let raw = 0;
  let gzip = 0;
  for (const key of keys) {
    const bytes = readFileSync(join(distDir, manifest[key]!.file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { route, files: keys.size, rawKb: raw / 1024, gzipKb: gzip / 1024 };
}

/** First-load JS of the app shell, and of each lazily loaded area whose source path matches. */
export function bundleSizes(distDir: string, lazyAreas: { route: string; src: RegExp }[]): BundleRow[] {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  check(entry, 'the Vite manifest has no entry; run `npm run build`');
  const shell = closure(manifest, [entry]);
  const rows = [measure(distDir, manifest, shell, 'app shell (sign-in, lists)')];
  for (const area of lazyAreas) {
    // The lazy chunks the shell itself imports on navigation (not the lazier ones those load later).
    const lazy = new Set([...shell].flatMap((k) => manifest[k]!.dynamicImports ?? []));
    const roots = [...lazy].filter((k) => area.src.test(manifest[k]?.src ?? k) && !shell.has(k));
    check(roots.length > 0, `no chunk in the build matches ${area.src} (${area.route})`);
    rows.push(measure(distDir, manifest, new Set([...shell, ...closure(manifest, roots)]), area.route));
  }
  return rows;
}

export const bundleHeader = ['route', 'JS files', 'raw', 'gzip'];
export const bundleCells = (r: BundleRow) => [r.route, String(r.files), `${r.rawKb.toFixed(0)} kB`, `${r.gzipKb.toFixed(0)} kB`];
export const bundleTable = (rows: BundleRow[]) => table(bundleHeader, rows.map(bundleCells));
