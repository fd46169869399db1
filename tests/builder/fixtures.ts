/** The real b2b-crm account entity and form, as the designer edits them. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityDefinition } from '../../schemas/entity.js';
import type { FormDefinition } from '../../schemas/form.js';

const defs = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates/b2b-crm/definitions');
const read = <T>(path: string) => JSON.parse(readFileSync(join(defs, path), 'utf8')) as T;

export const account = () => read<EntityDefinition>('entity/account.json');
export const accountForm = () => read<FormDefinition>('form/accountDefault.json');
export const contact = () => read<EntityDefinition>('entity/contact.json');
