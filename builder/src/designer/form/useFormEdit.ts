/** The form being designed, its entity, and `change` that applies a pure form edit as one undo step. */
import { App } from 'antd';
import { useCallback } from 'react';
import type { FormDefinition } from '../../../../schemas/form.js';
import { asDefinition, entityNamed, formNamed, upsert } from '../model/definitionSet.js';
import { DesignError } from '../model/entity.js';
import { useDesigner } from '../state/DesignerContext.js';

export function useFormEdit(formName: string | undefined) {
  const { draft } = useDesigner();
  const { message } = App.useApp();
  const form = formName ? formNamed(draft.set, formName) : undefined;
  const entity = form ? entityNamed(draft.set, form.entity) : undefined;
  const change = useCallback((fn: (f: FormDefinition) => FormDefinition) => {
    if (!form) return;
    let next: FormDefinition;
    try {
      next = fn(form);
    } catch (e) {
      if (e instanceof DesignError) return void message.error(e.message);
      throw e;
    }
    draft.edit((set) => upsert(set, asDefinition(next)));
  }, [form, draft, message]);
  return { form, entity, change };
}
