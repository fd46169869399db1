/** The view designer as the builder shell mounts it. */
import type { ViewDefinition } from '../../../../../schemas/view.js';
import type { KindDesigner } from '../types.js';
import { createView } from './model.js';
import { ViewEditor } from './ViewEditor.js';

export const viewDesigner: KindDesigner<ViewDefinition> = {
  kind: 'view',
  label: { 'zh-CN': '视图', en: 'Views' },
  create: (name, context) => createView(name, context),
  Editor: ViewEditor,
};
