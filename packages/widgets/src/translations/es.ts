import type { Translation } from './translation.js';
import banner from './es.banner.js';
import rest from './es.rest.js';

/** Spanish, all of it (the widgets load its two parts apart: see `internal/locale.ts`). */
const es: Translation = { ...banner, ...rest };
export default es;
