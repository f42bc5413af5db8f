export * from './schemas/index.js';
export * from './calendar/index.js';
export * from './money/index.js';
export * from './client/index.js';
