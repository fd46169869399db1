import { apiName, localizedText, optionalLocalizedText, schemaVersion } from './common.js';
import type { DefinitionFromSchema } from './parts.js';

/** Locales the definition language supports (the keys of localized text). */
export const supportedLocales = ['zh-CN', 'en'] as const;

/** A package name: lower-case words joined by dashes, e.g. `b2b-crm`. */
const packageName = { type: 'string', maxLength: 64, pattern: '^[a-z][a-zA-Z0-9]*(-[a-zA-Z0-9]+)*$' } as const;

/** A path relative to the manifest's directory: no leading `/`, no `..`, no backslash. */
const relativeJsonPath = {
  type: 'string',
  maxLength: 200,
  pattern: '^(?!/)(?!.*(^|/)\\.\\.?(/|$))[A-Za-z0-9_./-]+\\.json$',
} as const;

/**
 * A template's manifest (`template.json`). Definitions live in their own JSON
 * files listed here by path; they are installed in dependency order by kind
 * (role, entity, pipeline, form, view, approval, workflow, report, dashboard),
 * whatever the order of the list. The template's `defaults` are the only
 * source of the tenant's locale, time zone and currency.
 */
export const templateSchema = {
  $id: 'stagecraft:template',
  type: 'object',
  properties: {
    kind: { const: 'template' },
    name: packageName,
    label: localizedText,
    schemaVersion,
    description: optionalLocalizedText,
    /** Semantic version, e.g. `1.2.0` or `1.0.0-beta.1`. */
    version: {
      type: 'string',
      maxLength: 64,
      pattern: '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$',
    },
    /** Other templates this one builds on: package name → semver range, e.g. `^1.2.0`. */
    dependencies: {
      type: 'object',
      propertyNames: packageName,
      maxProperties: 50,
      additionalProperties: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[0-9A-Za-z^~<>=|.*+ -]+$' },
    },
    locales: {
      type: 'array',
      items: { enum: supportedLocales },
      minItems: 1,
      maxItems: supportedLocales.length,
      uniqueItems: true,
    },
    defaults: {
      type: 'object',
      properties: {
        locale: { enum: supportedLocales },
        /** IANA time zone, e.g. `Asia/Shanghai`. */
        timeZone: { type: 'string', maxLength: 64, format: 'iana-time-zone' },
        /** ISO 4217 code, e.g. `CNY`. */
        currency: { type: 'string', pattern: '^[A-Z]{3}$' },
      },
      required: ['locale', 'timeZone', 'currency'],
      additionalProperties: false,
    },
    /** Definition files, relative to the manifest, e.g. `definitions/entities/account.json`; one definition object per file. */
    definitions: { type: 'array', items: relativeJsonPath, minItems: 1, maxItems: 1000, uniqueItems: true },
    /**
     * The day the sample data was written as of. On install every date and
     * datetime of the sample records moves by (install day − this day), so a
     * demo installed later still has open deals in the future.
     */
    sampleDataAsOf: { type: 'string', format: 'date' },
    /** Optional sample records: one JSON file (an array of records) per entity. */
    sampleData: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        properties: {
          entity: apiName,
          file: relativeJsonPath,
        },
        required: ['entity', 'file'],
        additionalProperties: false,
      },
    },
  },
  required: ['kind', 'name', 'label', 'schemaVersion', 'version', 'locales', 'defaults', 'definitions'],
  additionalProperties: false,
} as const;

export type TemplateManifest = DefinitionFromSchema<typeof templateSchema>;
export type SupportedLocale = (typeof supportedLocales)[number];
