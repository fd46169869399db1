export * from './common.js';
export * from './conditions.js';
export * from './entity.js';
export * from './form.js';
export * from './kinds.js';
export * from './validator.js';
