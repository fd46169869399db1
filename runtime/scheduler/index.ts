export { schedule, scheduleMany, scheduleOps, cancel, DEFAULT_MAX_ATTEMPTS, type ScheduleInput, type ScheduleResult } from './schedule.js';
export { Scheduler, type SchedulerOptions, type SchedulerEvent, type RoundSummary } from './scheduler.js';
export type { JobHandler, JobContext, JobOutcome } from './execute.js';
export { JOBS_COLLECTION, type Job, type JobDoc, type JobState, type JsonObject } from './jobDoc.js';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
