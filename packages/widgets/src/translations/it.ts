import type { Translation } from './translation.js';
import banner from './it.banner.js';
import rest from './it.rest.js';

/** Italian, all of it (the widgets load its two parts apart: see `internal/locale.ts`). */
const it: Translation = { ...banner, ...rest };
export default it;
