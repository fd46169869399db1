/** The kinds with a designer of their own, in the order the builder's header offers them. */
import type { Definition } from '../model/definitionSet.js';
import { approvalDesigner, pipelineDesigner, roleDesigner, viewDesigner, workflowDesigner } from '../kinds/index.js';
import type { KindDesigner } from '../kinds/types.js';

// Each designer edits its own definition type; the shell handles them all as definitions of their kind.
export const KIND_DESIGNERS = [pipelineDesigner, workflowDesigner, approvalDesigner, viewDesigner, roleDesigner] as unknown as KindDesigner<Definition>[];
