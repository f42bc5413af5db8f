// Widget bundle sizes (gzip) against the budgets, from packages/widgets/dist/cdn (run the build first).
// `npx tsx bench/widgets.bench.ts`
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const CDN = fileURLToPath(new URL('../packages/widgets/dist/cdn/', import.meta.url));

/**
 * Budgets in bytes (gzip): DESIGN's loader and all-elements budgets (held for all seven elements,
 * the announcement bar included) and issue 14's banner-only page.
 */
export const WIDGET_BUDGETS = { loader: 4096, allElements: 30_720, bannerOnly: 12_288 };

/** A platform adapter: a page loads at most one (reported on its own). */
const ADAPTERS = { shopify: /^chunks\/shopify-/, woocommerce: /^chunks\/woocommerce-/ };
/** Shared by both adapters. */
const ADAPTER_SHARED = /^chunks\/request-hook-/;
/**
 * The languages, English included: a page loads exactly one (the largest is counted), in two
 * chunks: the banner's strings, all a page with only the banner loads, and the others.
 */
const BANNER_LOCALE_CHUNK = /^chunks\/(en|fr|de|es|it|nl)\.banner-/;
const REST_LOCALE_CHUNK = /^chunks\/(en|fr|de|es|it|nl)\.rest-/;
/** The shop-time code (zones, dispatch and carrier days): never on a banner-only page. */
const CALENDAR_CHUNK = /^chunks\/(calendar|zoned)-/;
/**
 * Popover anchoring (@floating-ui/dom): imported only when a cart-capture popover opens, never
 * with the page, so it is reported as on-demand code beside the budgeted figure.
 */
const POPOVER = /^chunks\/(floating|position)-/;

export interface WidgetsBenchResult {
  files: Record<string, number>;
  /** embed.js and what it imports statically. */
  loader: number;
  /** Every file in dist/cdn. */
  everything: number;
  /**
   * What a page with all seven elements downloads as it loads: loader + seven element chunks with
   * their static imports + the largest language chunk. No cart adapter (see
   * `adapters`) and no popover anchoring (see `popoverOnDemand`).
   */
  allElements: number;
  allElementsFiles: string[];
  /** The same without the seventh element (the announcement bar): DESIGN's six-element budget. */
  sixElements: number;
  /** What opening an anchored cart-capture popover adds on demand (@floating-ui/dom). */
  popoverOnDemand: number;
  /** Each adapter with the code it alone adds (a page loads at most one). */
  adapters: Record<string, number>;
  /**
   * An English page with only the banner: loader + the banner chunk with its static imports + its
   * English strings.
   */
  bannerOnly: number;
  bannerOnlyFiles: string[];
  /** The same page in the largest other language. */
  bannerOnlyLargestLocale: number;
  pass: {
    loader: boolean;
    sixElements: boolean;
    allElements: boolean;
    bannerOnly: boolean;
    /** The banner-only page loads no other element's code and no calendar code. */
    bannerOnlyCode: boolean;
  };
}

function staticImports(file: string, code: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(
    /(?:import|export)\s*(?:[\w${}\s,*]+from\s*)?["']([^"']+)["']/g,
  )) {
    const spec = match[1]!;
    if (spec.startsWith('.')) found.push(posix.normalize(posix.join(posix.dirname(file), spec)));
  }
  return found;
}

function closure(roots: string[], sources: Map<string, string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file) || !sources.has(file)) continue;
    seen.add(file);
    stack.push(...staticImports(file, sources.get(file)!));
  }
  return seen;
}

/** Measures dist/cdn and compares it with the budgets. */
export function runWidgetsBench(print = true): WidgetsBenchResult {
  if (!existsSync(join(CDN, 'embed.js')))
    throw new Error(`No build at ${CDN}: run npm run build first.`);
  const sources = new Map<string, string>();
  const files: Record<string, number> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(CDN, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) {
        const code = readFileSync(join(CDN, path));
        sources.set(path, code.toString('utf8'));
        files[path] = gzipSync(code, { level: 9 }).length;
      }
    }
  };
  walk('');
  const sum = (set: Iterable<string>) =>
    [...set].reduce((total, file) => total + (files[file] ?? 0), 0);
  const loaderSet = closure(['embed.js'], sources);
  const elementChunks = [...sources.keys()].filter((file) =>
    /^chunks\/(absence-banner|free-shipping|shipping-cutoff|holiday-deadline|faq|cart-capture|announcement-bar)-/.test(
      file,
    ),
  );
  const bannerChunk = elementChunks.find((file) => file.startsWith('chunks/absence-banner-'));
  if (!bannerChunk || elementChunks.length !== 7)
    throw new Error('Expected seven element chunks in dist/cdn/chunks');
  const popoverFiles = [...sources.keys()].filter((file) => POPOVER.test(file));
  const chunkOf = (pattern: RegExp, language: string) =>
    [...sources.keys()].find(
      (file) => pattern.test(file) && file.startsWith(`chunks/${language}.`),
    );
  // Each language's two chunks, largest first.
  const locales = ['en', 'fr', 'de', 'es', 'it', 'nl']
    .map((language) => ({
      language,
      banner: chunkOf(BANNER_LOCALE_CHUNK, language),
      rest: chunkOf(REST_LOCALE_CHUNK, language),
    }))
    .sort(
      (a, b) =>
        sum(closure([b.banner!, b.rest!], sources)) - sum(closure([a.banner!, a.rest!], sources)),
    );
  const bannerLocales = [...locales].sort(
    (a, b) => sum(closure([b.banner!], sources)) - sum(closure([a.banner!], sources)),
  );
  if (popoverFiles.length === 0 || locales.some((locale) => !locale.banner || !locale.rest))
    throw new Error('Expected popover chunks and two chunks for each of six languages');
  const largestLocale = [locales[0]!.banner!, locales[0]!.rest!];
  const largestBannerLocale = bannerLocales[0]!.banner!;
  const english = locales.find((locale) => locale.language === 'en')!.banner!;
  const allSet = closure(['embed.js', ...elementChunks, ...largestLocale], sources);
  for (const file of allSet) {
    if (Object.values(ADAPTERS).some((test) => test.test(file)) || ADAPTER_SHARED.test(file))
      allSet.delete(file);
  }
  const sixSet = closure(
    [
      'embed.js',
      ...elementChunks.filter((file) => !file.includes('announcement-bar')),
      ...largestLocale,
    ],
    sources,
  );
  for (const file of sixSet) if (!allSet.has(file)) sixSet.delete(file);
  const popoverSet = closure(popoverFiles, sources);
  for (const file of allSet) popoverSet.delete(file);
  const adapters: Record<string, number> = {};
  for (const [name, test] of Object.entries(ADAPTERS)) {
    const entry = [...sources.keys()].find((file) => test.test(file));
    if (!entry) throw new Error(`Expected the ${name} adapter chunk`);
    const set = closure([entry], sources);
    for (const file of loaderSet) set.delete(file);
    adapters[name] = sum(set);
  }
  const bannerSet = closure(['embed.js', bannerChunk, english], sources);
  const bannerLargestSet = closure(['embed.js', bannerChunk, largestBannerLocale], sources);
  const result: WidgetsBenchResult = {
    files,
    loader: sum(loaderSet),
    everything: sum(sources.keys()),
    allElements: sum(allSet),
    allElementsFiles: [...allSet].sort(),
    sixElements: sum(sixSet),
    popoverOnDemand: sum(popoverSet),
    adapters,
    bannerOnly: sum(bannerSet),
    bannerOnlyFiles: [...bannerSet].sort(),
    bannerOnlyLargestLocale: sum(bannerLargestSet),
    pass: {
      loader: sum(loaderSet) <= WIDGET_BUDGETS.loader,
      sixElements: sum(sixSet) <= WIDGET_BUDGETS.allElements,
      allElements: sum(allSet) <= WIDGET_BUDGETS.allElements,
      bannerOnly: sum(bannerSet) <= WIDGET_BUDGETS.bannerOnly,
      bannerOnlyCode: [...bannerSet].every(
        (file) =>
          !CALENDAR_CHUNK.test(file) &&
          !/^chunks\/(free-shipping|shipping-cutoff|holiday-deadline|faq|cart-capture|announcement-bar)-/.test(
            file,
          ),
      ),
    },
  };
  if (print) {
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
    for (const [file, size] of Object.entries(files).sort((a, b) => a[1] - b[1]))
      console.log(`  ${kb(size).padStart(9)}  ${file}`);
    console.log(
      `${result.pass.loader ? 'PASS' : 'FAIL'} loader (embed.js + static imports): ${kb(result.loader)} (budget 4 KB)`,
    );
    console.log(
      `${result.pass.sixElements ? 'PASS' : 'FAIL'} the six DESIGN elements + runtime + one language: ${kb(result.sixElements)} (budget 30 KB)`,
    );
    console.log(
      `${result.pass.allElements ? 'PASS' : 'FAIL'} all seven elements (with the announcement bar) + runtime + one language: ${kb(result.allElements)} (budget 30 KB)`,
    );
    console.log(
      `INFO an anchored popover adds ${kb(result.popoverOnDemand)} on demand (@floating-ui/dom): ${kb(result.allElements + result.popoverOnDemand)} in the worst case`,
    );
    for (const [name, size] of Object.entries(result.adapters))
      console.log(`INFO ${name} adapter adds ${kb(size)}`);
    console.log(
      `${result.pass.bannerOnly ? 'PASS' : 'FAIL'} banner-only page (English) loads ${kb(result.bannerOnly)} (budget 12 KB): ${result.bannerOnlyFiles.join(', ')}`,
    );
    console.log(
      `INFO the same page in its largest other language: ${kb(result.bannerOnlyLargestLocale)}`,
    );
    console.log(
      `${result.pass.bannerOnlyCode ? 'PASS' : 'FAIL'} banner-only page loads no other element's code and no calendar code`,
    );
    console.log(
      `INFO everything in dist/cdn (incl. both cart adapters and popover positioning): ${kb(result.everything)}`,
    );
  }
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = runWidgetsBench();
  process.exitCode = Object.values(result.pass).every(Boolean) ? 0 : 1;
}
