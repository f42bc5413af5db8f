export { createClient, type ClientOptions, type ComptoirClient, type DayRange } from './client.js';
export { ComptoirApiError, isComptoirApiError } from './errors.js';
export * from './documents.js';
