import type { Translation } from './translation.js';
import banner from './fr.banner.js';
import rest from './fr.rest.js';

/** French, all of it (the widgets load its two parts apart: see `internal/locale.ts`). */
const fr: Translation = { ...banner, ...rest };
export default fr;
