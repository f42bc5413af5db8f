/** Returns the path of a usable Chromium, installing Debian's package when that is possible. */
export function findBrowser(): string;
/** Flags that keep a headless Chromium quiet on a machine with no outside network. */
export const CHROMIUM_ARGS: string[];
