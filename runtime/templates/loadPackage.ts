/**
 * Reads a template package from a folder: its manifest, its definition files
 * and its sample data, every file checked before anything is installed.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { TemplateManifest } from '../../schemas/template.js';
import { validateDefinition } from '../../schemas/validator.js';
import type { StoredDefinition } from '../definitions/compileApp.js';
import { invalid } from '../errors.js';

export interface TemplatePackage {
  manifest: TemplateManifest;
  definitions: StoredDefinition[];
  sampleData: { entity: string; records: Record<string, unknown>[] }[];
}

async function readJson(dir: string, relative: string): Promise<unknown> {
  const path = resolve(dir, relative);
  if (!path.startsWith(resolve(dir) + sep)) throw invalid('the template refers outside its folder', [{ path: relative, message: 'is outside the package' }]);
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw invalid('the template has an unreadable file', [{ path: relative, message: (e as Error).message }]);
  }
}

export async function loadTemplatePackage(dir: string): Promise<TemplatePackage> {
  const manifest = await readJson(dir, 'template.json');
  const manifestIssues = validateDefinition(manifest);
  if (manifestIssues.length) throw invalid('the template manifest is invalid', manifestIssues.map((i) => ({ path: `template.json${i.path}`, message: i.message })));
  const m = manifest as TemplateManifest;
  const definitions: StoredDefinition[] = [];
  for (const file of m.definitions) {
    const def = await readJson(dir, file);
    const issues = validateDefinition(def);
    if (issues.length) throw invalid(`the template definition ${file} is invalid`, issues.map((i) => ({ path: `${file}${i.path}`, message: i.message })));
    definitions.push(def as StoredDefinition);
  }
  const sampleData: TemplatePackage['sampleData'] = [];
  for (const { entity, file } of m.sampleData ?? []) {
    const records = await readJson(dir, file);
    if (!Array.isArray(records)) throw invalid('sample data must be an array of records', [{ path: file, message: 'must be an array' }]);
    sampleData.push({ entity, records: records as Record<string, unknown>[] });
  }
  return { manifest: m, definitions, sampleData };
}
