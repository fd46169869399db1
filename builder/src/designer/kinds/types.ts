/**
 * The contract between the builder shell and the per-kind designers: the shell
 * owns the draft (undo/redo, publish); a designer is a controlled editor that
 * turns one definition into the next through pure model functions.
 */
import type { ComponentType } from 'react';

export type DesignerLocale = 'zh-CN' | 'en';

export interface DesignerIssue {
  /** JSON Pointer relative to the edited definition, e.g. `/stages/2/probability`. */
  path: string;
  message: string;
}

export interface DesignerContext {
  /** The whole working set (drafts over published); entities are read from it for field pickers. */
  definitions: readonly { kind: string; name: string }[];
  locale: DesignerLocale;
  /** For API calls such as a workflow dry run. */
  tenant: string;
  /** Authenticated fetch to /api/t/:tenant + path; throws on error with the server's error shape. */
  api: (path: string, init?: { method?: string; body?: unknown }) => Promise<unknown>;
  /** Validation issues of this definition, JSON Pointer paths relative to it. */
  issues: readonly DesignerIssue[];
}

export interface EditorProps<T> {
  definition: T;
  onChange(next: T): void;
  context: DesignerContext;
}

export interface KindDesigner<T> {
  kind: string;
  label: { 'zh-CN': string; en: string };
  create(name: string, context: DesignerContext): T;
  Editor: ComponentType<EditorProps<T>>;
}
