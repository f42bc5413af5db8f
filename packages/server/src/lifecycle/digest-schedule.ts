import type { ShopConfig } from '@comptoir/sdk';
import { addDays, localDateOf, wallTimeToInstant, weekdayOf } from '@comptoir/sdk/calendar';
import type { Db } from '../storage/database.js';
import { insertJobs } from '../storage/jobs.store.js';
import { generateId, generateToken } from '../storage/keys.js';

/** The digest settings when it is on. */
export function digestSettings(config: ShopConfig) {
  const digest = config.lifecycle?.digest;
  return digest?.enabled ? digest : undefined;
}

/** When one week's digest goes: its configured hour on `sendDate`, shop time (DST-aware). */
export function digestInstant(config: ShopConfig, sendDate: string): Date {
  const hour = String(config.lifecycle?.digest?.hour ?? 8).padStart(2, '0');
  return wallTimeToInstant(sendDate, `${hour}:00`, config.calendar.timeZone);
}

/**
 * The next digest after `now`: the first configured weekday (default Monday) from today, shop
 * time, whose hour has not passed. `sendDate` (`YYYY-MM-DD`) names the week.
 */
export function nextDigest(config: ShopConfig, now: Date): { sendDate: string; at: Date } {
  const weekday = digestSettings(config)?.weekday ?? 'mon';
  let date = localDateOf(now, config.calendar.timeZone);
  while (weekdayOf(date) !== weekday) date = addDays(date, 1);
  if (digestInstant(config, date).getTime() <= now.getTime()) date = addDays(date, 7);
  return { sendDate: date, at: digestInstant(config, date) };
}

/** The job key of one shop's digest of one week: unique, so two workers never make two. */
export function digestSubject(shopId: string, sendDate: string): string {
  return `dig:${shopId}:${sendDate}`;
}

/**
 * Makes sure the shop's next digest is on the queue (after a config save, and after each digest
 * is sent). One job per (shop, week) by its unique key: calling it twice, or from two workers,
 * adds nothing. Off: nothing is added (a waiting job is cancelled by the worker's decision).
 */
export async function scheduleDigest(
  trx: Db,
  shopId: string,
  config: ShopConfig,
  now: Date,
): Promise<void> {
  if (!digestSettings(config)) return;
  const { sendDate, at } = nextDigest(config, now);
  await insertJobs(trx, shopId, [
    {
      id: generateId('job'),
      kind: 'digest',
      subjectId: digestSubject(shopId, sendDate),
      step: 0,
      content: JSON.stringify({ sendDate }),
      emailHash: '',
      runAt: at.toISOString(),
      token: generateToken(),
      createdAt: now.toISOString(),
    },
  ]);
}
