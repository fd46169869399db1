/**
 * Every JSON file of the shipped template validates. Files are discovered on
 * disk, so a definition added to the template is covered without editing this.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateDefinition, type TemplateManifest } from '../../schemas/index.js';

const root = fileURLToPath(new URL('../../templates/b2b-crm/', import.meta.url));
const manifestPath = join(root, 'template.json');
const definitionsDir = join(root, 'definitions');

function jsonFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return jsonFilesUnder(path);
    return entry.endsWith('.json') ? [path] : [];
  });
}

const rel = (path: string) => relative(root, path).split(sep).join('/');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

describe('templates/b2b-crm', () => {
  it('ships its manifest', () => {
    expect(existsSync(manifestPath)).toBe(true);
  });

  const files = jsonFilesUnder(definitionsDir);
  const definitions = files.map((path) => ({ file: rel(path), doc: readJson(path) as { kind?: string; name?: string } }));

  it('has a valid manifest with Asia/Shanghai and CNY defaults', () => {
    const manifest = readJson(manifestPath);
    expect(validateDefinition(manifest)).toEqual([]);
    const m = manifest as TemplateManifest;
    expect(m.defaults.timeZone).toBe('Asia/Shanghai');
    expect(m.defaults.currency).toBe('CNY');
  });

  it('lists exactly the definition files on disk', () => {
    const m = readJson(manifestPath) as TemplateManifest;
    expect([...m.definitions].sort()).toEqual(definitions.map((d) => d.file).sort());
  });

  it('has sample data files that exist', () => {
    const m = readJson(manifestPath) as TemplateManifest;
    for (const s of m.sampleData ?? []) expect(existsSync(join(root, s.file)), s.file).toBe(true);
  });

  it('has at least one entity, form and pipeline', () => {
    const kinds = new Set(definitions.map((d) => d.doc.kind));
    for (const kind of ['entity', 'form', 'pipeline']) expect(kinds.has(kind), kind).toBe(true);
  });

  it('has unique names per kind', () => {
    const keys = definitions.map((d) => `${d.doc.kind}:${d.doc.name}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it.each(definitions.map((d) => [d.file, d.doc] as const))('%s validates', (_file, doc) => {
    expect(doc.kind).not.toBe('template');
    expect(validateDefinition(doc)).toEqual([]);
  });
});
