import { defaultShopConfig, type ShopConfig } from '@comptoir/sdk';
import { absenceStatus } from '@comptoir/sdk/calendar';
import { expect, it } from 'vitest';
import { derivePublishedConfig } from '../published-config/derive.js';
import { listJobsOfSubject } from '../storage/jobs.store.js';
import { describeEachDialect } from '../storage/test-databases.js';
import { absenceResumeDate, subscribeToAbsence } from './scheduler.js';
import { createTestApp } from '../http/test-app.js';
import { seedShop } from './test-fixtures.js';

type Absence = ShopConfig['calendar']['absences'][number];

/** The default config (Paris, Monday to Friday, French public holidays) with some absences. */
function withAbsences(
  absences: Absence[],
  calendar: Partial<ShopConfig['calendar']> = {},
): ShopConfig {
  const base = defaultShopConfig('Atelier');
  return { ...base, calendar: { ...base.calendar, ...calendar, absences } };
}

const announced = new Date('2026-03-05T10:00:00Z');

it('resumes on the Monday after an absence ending on a Friday, not on the Saturday', () => {
  // 2026-03-09..13 is Monday to Friday.
  const config = withAbsences([{ id: 'spring', start: '2026-03-09', end: '2026-03-13' }]);
  expect(absenceResumeDate(config, 'spring', announced)).toBe('2026-03-16');
  // The very date the banner shows.
  const { calendar } = derivePublishedConfig({ id: 'shp', configVersion: 1 }, config, announced);
  expect(absenceStatus(calendar, announced)).toMatchObject({
    state: 'upcoming',
    resumeDate: '2026-03-16',
  });
});

it('counts the resume buffer in dispatch days, across the weekend', () => {
  const config = withAbsences([
    { id: 'spring', start: '2026-03-09', end: '2026-03-13', resumeBufferDays: 1 },
  ]);
  // Saturday and Sunday ship nothing, Monday works off the backlog: Tuesday.
  expect(absenceResumeDate(config, 'spring', announced)).toBe('2026-03-17');
});

it('skips resolved public holidays and extra holidays', () => {
  // Thursday 2026-05-07 is the last day away; Friday 8 May is a French public holiday.
  const config = withAbsences([
    { id: 'may', start: '2026-05-04', end: '2026-05-07', announceDays: 60 },
  ]);
  expect(absenceResumeDate(config, 'may', announced)).toBe('2026-05-11');
  const extra = withAbsences(config.calendar.absences, {
    holidayCountry: undefined,
    extraHolidays: ['2026-05-11'],
  });
  // Without the French calendar Friday 8 May ships.
  expect(absenceResumeDate(extra, 'may', announced)).toBe('2026-05-08');
  const closed = withAbsences(config.calendar.absences, { closedDates: ['2026-05-11'] });
  expect(absenceResumeDate(closed, 'may', announced)).toBe('2026-05-12');
});

it('finds the date of an absence that is neither the current one nor announced yet', () => {
  const config = withAbsences([
    { id: 'now', start: '2026-03-02', end: '2026-03-06' },
    { id: 'summer', start: '2026-07-27', end: '2026-08-14' },
  ]);
  expect(
    absenceStatus(
      derivePublishedConfig({ id: 's', configVersion: 1 }, config, announced).calendar,
      announced,
    ),
  ).toMatchObject({ state: 'active', absence: { id: 'now' }, resumeDate: '2026-03-09' });
  // Friday 14 August, then the weekend, then Monday 17 August (15 August is a Saturday).
  expect(absenceResumeDate(config, 'summer', announced)).toBe('2026-08-17');
  expect(absenceResumeDate(config, 'unknown', announced)).toBeUndefined();
});

describeEachDialect('absence subscriptions', (database) => {
  it('schedules the one email at 09:00 shop time on the resume date', async () => {
    const { db } = database();
    const shop = await seedShop(db, announced);
    const config = withAbsences([{ id: 'spring', start: '2026-03-09', end: '2026-03-13' }]);
    const input = {
      email: 'jane@example.com',
      emailHash: 'h-jane',
      consentText: 'Tell me',
      absenceId: 'spring',
    };
    const scheduled = await db
      .transaction()
      .execute((trx) => subscribeToAbsence(trx, shop.shopId, config, input, announced));
    // Monday 16 March, 09:00 in Paris (UTC+1).
    expect(scheduled?.sendAt).toBe('2026-03-16T08:00:00.000Z');
    const again = await db
      .transaction()
      .execute((trx) => subscribeToAbsence(trx, shop.shopId, config, input, announced));
    expect(again?.id).toBe(scheduled?.id);
    const jobs = await listJobsOfSubject(db, shop.shopId, scheduled!.id);
    expect(jobs).toMatchObject([
      { kind: 'absence', runAt: '2026-03-16T08:00:00.000Z', status: 'pending' },
    ]);
    const late = new Date('2026-03-16T08:30:00Z');
    expect(
      await db
        .transaction()
        .execute((trx) => subscribeToAbsence(trx, shop.shopId, config, input, late)),
    ).toBeUndefined();
  });

  it('moves a waiting email when the merchant saves a longer or shorter absence', async () => {
    const { db } = database();
    const t = await createTestApp(db);
    t.setNow(announced);
    const auth = { authorization: `Bearer ${t.shopA.secretKey}` };
    const save = async (absences: Absence[]) => {
      const current = await t.app.request('/v1/admin/config', { headers: auth });
      const config = (await current.json()) as ShopConfig;
      const saved = await t.json(
        'PUT',
        '/v1/admin/config',
        { ...config, calendar: { ...config.calendar, absences } },
        { ...auth, 'if-match': current.headers.get('etag') as string },
      );
      expect(saved.status).toBe(200);
      return (await saved.json()) as ShopConfig;
    };
    const config = await save([{ id: 'spring', start: '2026-03-09', end: '2026-03-13' }]);
    const subscribed = await db.transaction().execute((trx) =>
      subscribeToAbsence(
        trx,
        t.shopA.shopId,
        config,
        {
          email: 'jane@example.com',
          emailHash: 'h-jane',
          consentText: 'Tell me',
          absenceId: 'spring',
        },
        announced,
      ),
    );
    const runAt = async () => (await listJobsOfSubject(db, t.shopA.shopId, subscribed!.id))[0];
    expect(await runAt()).toMatchObject({ runAt: '2026-03-16T08:00:00.000Z' });

    await save([{ id: 'spring', start: '2026-03-09', end: '2026-03-20' }]);
    expect(await runAt()).toMatchObject({
      runAt: '2026-03-23T08:00:00.000Z',
      reason: 'absence-edited',
    });
    await save([{ id: 'spring', start: '2026-03-09', end: '2026-03-11' }]);
    expect(await runAt()).toMatchObject({ runAt: '2026-03-12T08:00:00.000Z' });
    await save([]);
    expect(await runAt()).toMatchObject({ runAt: '2026-03-12T08:00:00.000Z', status: 'pending' });
  });
});
