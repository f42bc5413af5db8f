import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  absenceStatus,
  addDays,
  estimateDelivery,
  freeShippingProgress,
  lastOrderDate,
  localDateOf,
  nextDispatch,
  type FreeShippingRule,
  type ShopCalendar,
} from '../packages/sdk/src/calendar/index.js';
import { forgetOffsets } from '../packages/sdk/src/calendar/zone-offsets.js';

/** The budget of every calendar function: a median under 20 µs a call. */
export const CALENDAR_BUDGET_NS = 20_000;

const BATCHES = 50;
const CALLS_PER_BATCH = 1000;
const WARM_UP_CALLS = 20_000;
const CALENDAR_ENTRY = new URL('../packages/sdk/src/calendar/index.ts', import.meta.url);

/** The median cost of one calendar function. */
export interface CalendarBenchResult {
  name: string;
  /** Median per call once the time zone's offsets are learned, as in a page or a server. */
  medianNs: number;
  /** Median per call with every offset read from Intl again (the first calls for a zone). */
  coldMedianNs: number;
  budgetNs: number;
  pass: boolean;
}

/** Everything `runCalendarBench` measured. */
export interface CalendarBenchReport {
  results: CalendarBenchResult[];
  /** Bytes of the minified ESM bundle of the calendar entry point, gzipped. */
  gzipBytes: number;
  pass: boolean;
}

/** A realistic shop: French holidays for 2026–27, three absences, three shipping methods. */
export function realisticCalendar(): ShopCalendar {
  return {
    timeZone: 'Europe/Paris',
    dispatchDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    cutoff: '14:00',
    cutoffByDay: { fri: '12:00' },
    handlingDays: 1,
    holidays: [
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
      '2027-01-01',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-08',
      '2027-05-17',
      '2027-07-14',
      '2027-08-15',
      '2027-11-01',
    ],
    closedDates: ['2026-05-15', '2026-12-31'],
    absences: [
      { id: 'winter', start: '2026-02-16', end: '2026-02-22', resumeBufferDays: 1 },
      {
        id: 'summer',
        start: '2026-08-03',
        end: '2026-08-21',
        resumeBufferDays: 2,
        announceDays: 21,
      },
      { id: 'fair', start: '2026-10-08', end: '2026-10-09', announceDays: 7 },
    ],
    methods: [
      { id: 'colissimo', name: 'Colissimo', transitDays: { min: 2, max: 3 } },
      {
        id: 'relay',
        name: 'Mondial Relay',
        transitDays: { min: 3, max: 5 },
        deliveryDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
      },
      { id: 'express', name: 'Chronopost', transitDays: { min: 1, max: 1 } },
    ],
  };
}

const FREE_SHIPPING_RULES: FreeShippingRule[] = [
  { threshold: 6000, currency: 'EUR' },
  { threshold: 12_000, currency: 'EUR', label: 'express' },
  { threshold: 4500, currency: 'EUR', countries: ['FR'] },
  { threshold: 8000, currency: 'EUR', countries: ['BE', 'LU'] },
  { threshold: 7000, currency: 'USD' },
];

// Instants spread over 2026 by a fixed pseudo-random sequence, so no two calls repeat work.
function sampleInstants(count: number): Date[] {
  const start = Date.parse('2026-01-01T00:00:00Z');
  const span = 365 * 86_400_000;
  let seed = 0x2545f491;
  return Array.from({ length: count }, () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return new Date(start + (seed / 2 ** 32) * span);
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

// Results feed a running checksum, so the engine cannot drop the calls that produce them.
let sink = 0;

function consume(value: unknown): void {
  sink = (sink + (value === null ? 1 : typeof value === 'object' ? 2 : 3)) | 0;
}

function medianPerCall(call: (index: number) => unknown, beforeEach?: () => void): number {
  for (let i = 0; i < WARM_UP_CALLS; i++) {
    beforeEach?.();
    consume(call(i));
  }
  const perCall: number[] = [];
  for (let batch = 0; batch < BATCHES; batch++) {
    const offset = batch * CALLS_PER_BATCH;
    const started = performance.now();
    for (let i = 0; i < CALLS_PER_BATCH; i++) {
      beforeEach?.();
      consume(call(offset + i));
    }
    perCall.push(((performance.now() - started) * 1e6) / CALLS_PER_BATCH);
  }
  return median(perCall);
}

function measure(name: string, call: (index: number) => unknown): CalendarBenchResult {
  const coldMedianNs = medianPerCall(call, forgetOffsets);
  const medianNs = medianPerCall(call);
  return {
    name,
    medianNs,
    coldMedianNs,
    budgetNs: CALENDAR_BUDGET_NS,
    pass: medianNs < CALENDAR_BUDGET_NS,
  };
}

async function calendarGzipBytes(): Promise<number> {
  const esbuild = await import('esbuild');
  const bundle = await esbuild.build({
    entryPoints: [fileURLToPath(CALENDAR_ENTRY)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
  });
  const output = bundle.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no calendar bundle');
  return gzipSync(output.contents, { level: 9 }).length;
}

function microseconds(ns: number): string {
  return `${(ns / 1000).toFixed(2)} µs`;
}

function print(report: CalendarBenchReport): void {
  console.log('calendar function       median/call   cold Intl/call   budget');
  for (const { name, medianNs, coldMedianNs, budgetNs } of report.results) {
    console.log(
      `${name.padEnd(22)} ${microseconds(medianNs).padStart(12)} ` +
        `${microseconds(coldMedianNs).padStart(16)}   ${microseconds(budgetNs)}`,
    );
  }
  for (const { name, medianNs, budgetNs, pass } of report.results) {
    const verdict = pass ? 'PASS' : 'FAIL';
    const budget = microseconds(budgetNs);
    console.log(`${verdict} ${name}: median ${microseconds(medianNs)} (budget ${budget})`);
  }
  console.log(`calendar bundle (esbuild, minified ESM): ${report.gzipBytes} bytes gzip`);
}

/** Measures the median cost of each calendar function and the gzip size of the calendar bundle. */
export async function runCalendarBench(
  options: { print?: boolean } = {},
): Promise<CalendarBenchReport> {
  const calendar = realisticCalendar();
  const instants = sampleInstants(4096);
  const at = (index: number) => instants[index % instants.length] as Date;
  // A holiday-deadline widget asks about a day one to three weeks ahead.
  const deadlines = instants.map((now, i) =>
    addDays(localDateOf(now, calendar.timeZone), 7 + (i % 15)),
  );
  const carts = Array.from({ length: 256 }, (_, i) => ({
    subtotal: (i * 97) % 15_000,
    currency: i % 7 === 0 ? 'USD' : 'EUR',
    ...(i % 3 === 0 ? {} : { country: i % 3 === 1 ? 'FR' : 'DE' }),
  }));
  const methodIds = calendar.methods.map((method) => method.id);
  const methodAt = (index: number) => methodIds[index % methodIds.length] as string;

  const results = [
    measure('nextDispatch', (i) => nextDispatch(calendar, at(i))),
    measure('estimateDelivery', (i) => estimateDelivery(calendar, methodAt(i), at(i))),
    measure('lastOrderDate', (i) =>
      lastOrderDate(calendar, methodAt(i), deadlines[i % deadlines.length] as string, at(i)),
    ),
    measure('absenceStatus', (i) => absenceStatus(calendar, at(i))),
    measure('freeShippingProgress', (i) =>
      freeShippingProgress(FREE_SHIPPING_RULES, carts[i % carts.length] as (typeof carts)[0]),
    ),
  ];
  const report = {
    results,
    gzipBytes: await calendarGzipBytes(),
    pass: results.every((result) => result.pass),
  };
  if (options.print ?? true) print(report);
  return report;
}

const executedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (executedDirectly) {
  runCalendarBench().then(
    (report) => {
      if (!report.pass) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
