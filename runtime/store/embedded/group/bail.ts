/**
 * Thrown by compiled `$group` code where mingo would throw or take a path the
 * compiled code does not reproduce; the caller reruns the pipeline in mingo,
 * so errors and rare edge cases are always mingo's own.
 */
export const BAIL = new Error('compiled $group: rerun in mingo');
