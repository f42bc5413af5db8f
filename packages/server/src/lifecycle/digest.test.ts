import type { ShopConfig } from '@comptoir/sdk';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createSmtpMailer, type Mailer } from '../email/mailer.js';
import { generateId, hashEmail } from '../storage/keys.js';
import { suppressEmail } from '../storage/emails.store.js';
import { listJobsOfSubject } from '../storage/jobs.store.js';
import { describeEachDialect } from '../storage/test-databases.js';
import { createTestApp, type TestApp } from '../http/test-app.js';
import { decodeQuotedPrintable, startTestSmtp, type TestSmtp } from '../worker/test-fixtures.js';
import { runWorkerBatch } from '../worker/worker.js';
import { digestSubject } from './digest-schedule.js';

describeEachDialect('weekly digest', (database) => {
  let smtp: TestSmtp;
  let mailer: Mailer;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    mailer = createSmtpMailer({ url: smtp.url, maxConnections: 2 });
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
  });
  afterEach(async () => {
    await database()
      .db.updateTable('recovery_jobs')
      .set({ status: 'cancelled' })
      .where('status', '=', 'pending')
      .execute();
  });

  const secret = (t: TestApp) => ({ authorization: `Bearer ${t.shopA.secretKey}` });
  async function configure(t: TestApp, change: (config: ShopConfig) => void) {
    const config = (await (
      await t.app.request('/v1/admin/config', { headers: secret(t) })
    ).json()) as ShopConfig;
    change(config);
    const saved = await t.json('PUT', '/v1/admin/config', config, secret(t));
    expect(saved.status).toBe(200);
  }
  async function cart(t: TestApp, at: string, recoveredTotal?: number) {
    const id = generateId('crt');
    const email = `${id.toLowerCase()}@example.com`;
    await database()
      .db.insertInto('carts')
      .values({
        id,
        shop_id: t.shopA.shopId,
        platform_cart_id: null,
        currency: 'EUR',
        country: 'FR',
        subtotal: 1000,
        items: '[]',
        email,
        email_hash: hashEmail(email),
        consent_granted: 1,
        consent_text: 'ok',
        consent_at: at,
        locale: 'en',
        status: recoveredTotal === undefined ? 'open' : 'recovered',
        recovery_email_at: recoveredTotal === undefined ? null : at,
        converted_at: recoveredTotal === undefined ? null : at,
        order_id: null,
        order_total: recoveredTotal ?? null,
        order_currency: recoveredTotal === undefined ? null : 'EUR',
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  const worker = (now: Date) => ({
    db: database().db,
    publicUrl: 'https://api.example',
    mailer,
    clock: () => now,
  });
  const toOwner = () => smtp.received.filter((mail) => mail.to.includes('owner@shop-a.example'));

  it('goes once per week per shop at 08:00 in Paris across the change to summer time, even with two workers', async () => {
    const { db } = database();
    const t = await createTestApp(db);
    smtp.received.length = 0;
    // Saved on Wednesday 18 March 2026; Paris moves to summer time on Sunday 29 March.
    t.setNow('2026-03-18T12:00:00Z');
    const enable = (config: ShopConfig) => {
      config.lifecycle = { digest: { enabled: true, to: 'owner@shop-a.example' } };
      config.calendar.absences = [{ id: 'easter', start: '2026-04-06', end: '2026-04-10' }];
      config.holidayEvents = [{ id: 'mothers', name: "Mother's Day", deliverBy: '2026-04-03' }];
    };
    await configure(t, enable);
    await configure(t, enable); // saved twice: still one job for the week
    const first = await listJobsOfSubject(
      db,
      t.shopA.shopId,
      digestSubject(t.shopA.shopId, '2026-03-23'),
    );
    expect(first.map((job) => job.runAt)).toEqual(['2026-03-23T07:00:00.000Z']);

    // Week of 16–22 March: two carts with an email, one recovered (€45). The week before: one.
    await cart(t, '2026-03-17T10:00:00Z', 4500);
    await cart(t, '2026-03-19T10:00:00Z');
    await cart(t, '2026-03-10T10:00:00Z');
    await suppressEmail(
      db,
      t.shopA.shopId,
      hashEmail('gone@example.com'),
      'bounced',
      '2026-03-20T10:00:00Z',
    );

    // Outgoing event webhooks: one message failed twice, then went; another failed once; one
    // attempt succeeded. Two messages had a failed delivery; the week before does not count.
    const attempt = (message: string, ok: boolean, at: string) =>
      db
        .insertInto('webhook_attempts')
        .values({
          id: generateId('wha'),
          shop_id: t.shopA.shopId,
          message_id: message,
          endpoint_id: 'whe_1',
          type: 'cart.recovered',
          attempt: 1,
          status_code: ok ? 200 : 500,
          ok: ok ? 1 : 0,
          error: ok ? null : 'endpoint 500',
          at,
        })
        .execute();
    await attempt('msg_a', false, '2026-03-18T10:00:00Z');
    await attempt('msg_a', false, '2026-03-18T10:05:00Z');
    await attempt('msg_a', true, '2026-03-18T11:00:00Z');
    await attempt('msg_b', false, '2026-03-21T10:00:00Z');
    await attempt('msg_c', true, '2026-03-21T10:00:00Z');
    await attempt('msg_old', false, '2026-03-12T10:00:00Z');

    expect(await runWorkerBatch(worker(new Date('2026-03-23T06:59:00Z')))).toMatchObject({
      claimed: 0,
    });
    // Two workers at 08:00 Paris (07:00Z): one digest.
    const at = new Date('2026-03-23T07:00:00Z');
    const results = await Promise.all([runWorkerBatch(worker(at)), runWorkerBatch(worker(at))]);
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(1);
    expect(toOwner()).toHaveLength(1);
    const raw = decodeQuotedPrintable(toOwner()[0]!.raw);
    expect(raw).toContain('Shop A: your week from 16 Mar to 23 Mar');
    expect(raw).toContain('Recovered revenue: €45.00 / €0.00');
    expect(raw).toContain('Recovery rate: 50% / 0%');
    expect(raw).toContain('Carts captured: 2 / 1');
    expect(raw).toContain('Emails bounced: 1');
    expect(raw).toContain('You are away from 6 Apr to 10 Apr.');
    expect(raw).toContain("Mother's Day: last order");
    expect(raw).toContain('Event webhook deliveries that failed: 2');

    // The config page's view builds the same digest: every line of its text is in the email.
    t.setNow('2026-03-23T09:00:00Z');
    const view = await t.app.request('/v1/admin/lifecycle/digest', { headers: secret(t) });
    expect(view.status).toBe(200);
    const digest = (await view.json()) as {
      sendDate: string;
      from: string;
      to: string;
      subject: string;
      html: string;
      text: string;
      enabled: boolean;
    };
    expect([digest.sendDate, digest.from, digest.to, digest.enabled]).toEqual([
      '2026-03-23',
      '2026-03-16',
      '2026-03-23',
      true,
    ]);
    expect(toOwner()[0]!.headers.get('subject')).toBe(digest.subject);
    const lines = digest.text.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(raw.replace(/\r\n/g, '\n')).toContain(line);
    // Before Monday's hour, the latest digest is the week before's.
    t.setNow('2026-03-23T06:00:00Z');
    const earlier = (await (
      await t.app.request('/v1/admin/lifecycle/digest', { headers: secret(t) })
    ).json()) as { sendDate: string };
    expect(earlier.sendDate).toBe('2026-03-16');
    const chosen = (await (
      await t.app.request('/v1/admin/lifecycle/digest?sendDate=2026-03-30', { headers: secret(t) })
    ).json()) as { from: string };
    expect(chosen.from).toBe('2026-03-23');

    // The next one: Monday 30 March, 08:00 in Paris is now 06:00Z.
    const next = await listJobsOfSubject(
      db,
      t.shopA.shopId,
      digestSubject(t.shopA.shopId, '2026-03-30'),
    );
    expect(next.map((job) => [job.runAt, job.status])).toEqual([
      ['2026-03-30T06:00:00.000Z', 'pending'],
    ]);
    expect(await runWorkerBatch(worker(new Date('2026-03-30T05:59:00Z')))).toMatchObject({
      claimed: 0,
    });
    const later = new Date('2026-03-30T06:00:00Z');
    const again = await Promise.all([runWorkerBatch(worker(later)), runWorkerBatch(worker(later))]);
    expect(again.reduce((sum, result) => sum + result.sent, 0)).toBe(1);
    expect(toOwner()).toHaveLength(2);
    expect(decodeQuotedPrintable(toOwner()[1]!.raw)).toContain('your week from 23 Mar to 30 Mar');
  });

  it('follows a new day and hour, and stops when switched off', async () => {
    const { db } = database();
    const t = await createTestApp(db);
    t.setNow('2026-03-18T12:00:00Z');
    const digest = (extra: Record<string, unknown>) => (config: ShopConfig) => {
      config.lifecycle = {
        digest: { enabled: true, to: 'owner@shop-a.example', ...extra } as NonNullable<
          ShopConfig['lifecycle']
        >['digest'],
      };
    };
    await configure(t, digest({}));
    await configure(t, digest({ weekday: 'fri', hour: 17 }));
    const monday = await listJobsOfSubject(
      db,
      t.shopA.shopId,
      digestSubject(t.shopA.shopId, '2026-03-23'),
    );
    const friday = await listJobsOfSubject(
      db,
      t.shopA.shopId,
      digestSubject(t.shopA.shopId, '2026-03-20'),
    );
    expect(friday.map((job) => job.runAt)).toEqual(['2026-03-20T16:00:00.000Z']);
    await runWorkerBatch(worker(new Date('2026-03-23T07:00:00Z')));
    const [moved] = await listJobsOfSubject(db, t.shopA.shopId, monday[0]!.subjectId);
    expect([moved?.status, moved?.reason]).toEqual(['cancelled', 'digest-rescheduled']);
    await configure(t, digest({ enabled: false }));
    const before = smtp.received.length;
    await runWorkerBatch(worker(new Date('2026-03-27T16:00:00Z')));
    expect(smtp.received.length).toBe(before);
  });
});
