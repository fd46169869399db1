/**
 * The ajv instance for record data. Separate from the definition-language
 * instance: record schemas are generated per published definition version and
 * compiled once per version (see definitions/compileApp.ts).
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  a: Ajv,
  opts?: { keywords?: boolean },
) => void;

export const recordAjv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(recordAjv, { keywords: true });
