/** Where the config page is: a section id from the hash, and the item opened in it, if any. */
export interface HashRoute {
  section: string | undefined;
  detail: string | null;
}

/**
 * Reads `#/outbox/eml_1` as `{ section: 'outbox', detail: 'eml_1' }`. The hash is whatever the
 * address bar holds: a detail that is not valid percent-encoding (`%E0%A4%A`) is kept as written
 * (the section then says it found nothing) instead of throwing before the page has rendered.
 */
export function parseHash(hash: string): HashRoute {
  const [, section, detail] = /^#\/([\w-]+)(?:\/(.+))?/.exec(hash) ?? [];
  return { section, detail: detail ? decodeOrKeep(detail) : null };
}

function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
