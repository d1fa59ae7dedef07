export * from './enums.js';
export * from './permissions.js';
export * from './events.js';
