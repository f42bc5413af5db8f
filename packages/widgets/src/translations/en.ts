import type { Translation } from './translation.js';
import banner from './en.banner.js';
import rest from './en.rest.js';

/** English, all of it (the widgets load its two parts apart: see `internal/locale.ts`). */
const en: Translation = { ...banner, ...rest };
export default en;
