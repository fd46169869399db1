export { WorkflowEngine } from './engine.js';
export { workflowIndex, type WorkflowIndex } from './compile.js';
export { workflowJobHandlers, type WorkflowHost } from './jobs.js';
export { reconcileWorkflowJobs, cronProblem } from './schedules.js';
export { runManual, runInbound, dryRun, retryRun } from './manual.js';
export { listRuns, getRun, WORKFLOW_RUNS, type WorkflowRun } from './runs.js';
export { templateProblem } from './templates.js';
export { DEFAULT_MAX_DEPTH } from './execute.js';
