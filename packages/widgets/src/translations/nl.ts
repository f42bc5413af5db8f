import type { Translation } from './translation.js';
import banner from './nl.banner.js';
import rest from './nl.rest.js';

/** Dutch, all of it (the widgets load its two parts apart: see `internal/locale.ts`). */
const nl: Translation = { ...banner, ...rest };
export default nl;
