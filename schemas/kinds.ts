/** The registry of definition kinds: kind name → its JSON Schema. */
import { entitySchema } from './entity.js';
import { formSchema } from './form.js';

export const definitionSchemas = {
  entity: entitySchema,
  form: formSchema,
} as const;

export type DefinitionKind = keyof typeof definitionSchemas;
