/**
 * Pure edits of a form's layout: sections (containers) holding field
 * placements, tabs, and which of the entity's fields are not placed yet.
 */
import type { EntityDefinition } from '../../../../schemas/entity.js';
import type { FormDefinition, FormSection } from '../../../../schemas/form.js';
import { DesignError } from './entity.js';
import type { Localized } from './fieldTypes.js';

export type Placement = FormSection['fields'][number];

export const placedNames = (form: FormDefinition) => new Set(form.sections.flatMap((s) => s.fields.map((p) => p.field)));

/** Active fields of the entity that no section places, in the entity's order. */
export const unplacedFields = (entity: EntityDefinition, form: FormDefinition) => {
  const placed = placedNames(form);
  return entity.fields.filter((f) => !f.archived && !placed.has(f.name));
};

export const sectionOf = (form: FormDefinition, field: string) => form.sections.find((s) => s.fields.some((p) => p.field === field));

/** A new form for an entity: one section with its title field. */
export function newForm(name: string, entity: EntityDefinition): FormDefinition {
  return {
    kind: 'form', name, entity: entity.name, schemaVersion: 1,
    label: { 'zh-CN': `${entity.label['zh-CN']}表单`, en: `${entity.label.en} form` },
    sections: [{ id: 'main', label: { 'zh-CN': '基本信息', en: 'Basic info' }, columns: 2, fields: [{ field: entity.titleField }] }],
  };
}

/**
 * Puts `field` at `index` of section `sectionId`, taking it out of wherever it
 * was (so this both places a palette field and moves a placed one, keeping its span).
 */
export function placeField(form: FormDefinition, field: string, sectionId: string, index: number): FormDefinition {
  if (!form.sections.some((s) => s.id === sectionId)) throw new DesignError('NOT_FOUND', `no section "${sectionId}"`);
  const old = form.sections.flatMap((s) => s.fields).find((p) => p.field === field);
  const placement: Placement = old ?? { field };
  const without = form.sections.map((s) => ({ ...s, fields: s.fields.filter((p) => p.field !== field) }));
  return {
    ...form,
    sections: without.map((s) => {
      if (s.id !== sectionId) return s;
      const fields = [...s.fields];
      fields.splice(Math.max(0, Math.min(index, fields.length)), 0, placement);
      return { ...s, fields };
    }),
  };
}

export function unplaceField(form: FormDefinition, field: string): FormDefinition {
  return { ...form, sections: form.sections.map((s) => ({ ...s, fields: s.fields.filter((p) => p.field !== field) })) };
}

export function setSpan(form: FormDefinition, field: string, span: number | undefined): FormDefinition {
  return {
    ...form,
    sections: form.sections.map((s) => ({
      ...s,
      fields: s.fields.map((p) => (p.field !== field ? p : span ? { ...p, span } : { field: p.field })),
    })),
  };
}

function freeId(taken: Iterable<string>, base: string): string {
  const set = new Set(taken);
  let n = 1;
  while (set.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

/** Appends an empty section (to `tab` when given) and returns the form and the new section's id. */
export function addSection(form: FormDefinition, label: Localized, tab?: string): { form: FormDefinition; id: string } {
  const id = freeId(form.sections.map((s) => s.id), 'section');
  const section: FormSection = { id, label, columns: 2, fields: [], ...(tab ? { tab } : {}) };
  return { form: { ...form, sections: [...form.sections, section] }, id };
}

export function updateSection(form: FormDefinition, id: string, patch: Partial<Omit<FormSection, 'id' | 'fields'>>): FormDefinition {
  return { ...form, sections: form.sections.map((s) => (s.id === id ? { ...s, ...patch } : s)) };
}

/** Removes a section; its fields go back to the palette. A form keeps at least one section. */
export function removeSection(form: FormDefinition, id: string): FormDefinition {
  if (form.sections.length <= 1) throw new DesignError('NOT_FOUND', 'a form needs at least one section');
  return { ...form, sections: form.sections.filter((s) => s.id !== id) };
}

export function moveSection(form: FormDefinition, id: string, to: number): FormDefinition {
  const from = form.sections.findIndex((s) => s.id === id);
  if (from < 0 || to < 0 || to >= form.sections.length) return form;
  const sections = [...form.sections];
  const [moved] = sections.splice(from, 1);
  sections.splice(to, 0, moved);
  return { ...form, sections };
}

/**
 * Adds a tab with one empty section in it. The first tab added to a form
 * without tabs also gets a tab for the existing sections, which would
 * otherwise all show on the new one.
 */
export function addTab(form: FormDefinition, label: Localized, firstLabel: Localized): { form: FormDefinition; tab: string; section: string } {
  let next = form;
  if (!form.tabs?.length) {
    const main = freeId([], 'tab');
    next = { ...form, tabs: [{ id: main, label: firstLabel }], sections: form.sections.map((s) => ({ ...s, tab: main })) };
  }
  const tab = freeId((next.tabs ?? []).map((t) => t.id), 'tab');
  next = { ...next, tabs: [...(next.tabs ?? []), { id: tab, label }] };
  const added = addSection(next, label, tab);
  return { form: added.form, tab, section: added.id };
}

/** Sections grouped by tab, as the renderer shows them (sections without a known tab go on the first). */
export function tabsOf(form: FormDefinition): { id: string; label?: Localized; sections: FormSection[] }[] {
  const tabs = form.tabs ?? [];
  if (tabs.length === 0) return [{ id: '', sections: form.sections }];
  return tabs.map((tab, i) => ({
    id: tab.id,
    label: tab.label,
    sections: form.sections.filter((s) => s.tab === tab.id || (i === 0 && (!s.tab || !tabs.some((t) => t.id === s.tab)))),
  }));
}

export function renameTab(form: FormDefinition, id: string, label: Localized): FormDefinition {
  return { ...form, tabs: (form.tabs ?? []).map((t) => (t.id === id ? { ...t, label } : t)) };
}
