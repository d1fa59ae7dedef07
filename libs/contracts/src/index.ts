export * from './enums.js';
export * from './permissions.js';
export * from './events.js';
export * from './units.js';
export * from './alerts.js';
export * from './kanban.js';
export * from './manufacturing.js';
export * from './planning.js';
