import type { Translation } from './translation.js';
import banner from './de.banner.js';
import rest from './de.rest.js';

/** German, all of it (the widgets load its two parts apart: see `internal/locale.ts`). */
const de: Translation = { ...banner, ...rest };
export default de;
