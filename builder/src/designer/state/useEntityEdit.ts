/** Edits of one entity through the model's pure functions, as one undo step each; refused edits show a message. */
import { App } from 'antd';
import { useCallback } from 'react';
import type { EntityDefinition } from '../../../../schemas/entity.js';
import { asDefinition, entityNamed, upsert, type DefinitionSet } from '../model/definitionSet.js';
import { DesignError } from '../model/entity.js';
import { useDesigner } from './DesignerContext.js';

export function useEntityEdit(name: string | undefined) {
  const { draft } = useDesigner();
  const { message } = App.useApp();
  const entity = name ? entityNamed(draft.set, name) : undefined;

  /** Applies `fn` to the whole set; a DesignError is shown instead of applied. */
  const editSet = useCallback((fn: (set: DefinitionSet) => DefinitionSet) => {
    try {
      fn(draft.set); // dry run: refuse before recording an undo step
    } catch (e) {
      if (e instanceof DesignError) return void message.error(e.message);
      throw e;
    }
    draft.edit(fn);
  }, [draft, message]);

  const change = useCallback((fn: (e: EntityDefinition) => EntityDefinition) => {
    if (!name) return;
    editSet((set) => {
      const current = entityNamed(set, name);
      return current ? upsert(set, asDefinition(fn(current))) : set;
    });
  }, [name, editSet]);

  return { entity, change, editSet };
}
