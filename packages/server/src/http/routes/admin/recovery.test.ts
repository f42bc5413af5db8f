import type { ShopConfig } from '@comptoir/sdk';
import { beforeAll, expect, it } from 'vitest';
import type { Mailer, OutgoingEmail } from '../../../email/mailer.js';
import { describeEachDialect } from '../../../storage/test-databases.js';
import { createTestApp, type TestApp } from '../../test-app.js';

interface ApiError {
  error: { code: string; message: string; details?: { path: string[] }[] };
}

describeEachDialect('admin recovery tools', (database) => {
  let t: TestApp;
  let auth: Record<string, string>;
  beforeAll(async () => {
    // The test app has no SMTP mailer: test sends stay in the local outbox.
    t = await createTestApp(database().db);
    auth = { authorization: `Bearer ${t.shopA.secretKey}` };
  });

  async function savedConfig(): Promise<ShopConfig> {
    return (await (
      await t.app.request('/v1/admin/config', { headers: auth })
    ).json()) as ShopConfig;
  }

  async function outboxSubjects(): Promise<string[]> {
    const response = await t.app.request('/v1/admin/outbox', { headers: auth });
    return ((await response.json()) as { items: { subject: string }[] }).items.map(
      (item) => item.subject,
    );
  }

  it('previews a step for a sample cart, in the language asked', async () => {
    const response = await t.json(
      'POST',
      '/v1/admin/recovery/preview',
      { step: 0, locale: 'fr' },
      auth,
    );
    expect(response.status).toBe(200);
    const email = (await response.json()) as { subject: string; html: string; text: string };
    expect(email.subject).toBe('Vous avez oublié quelque chose');
    expect(email.html).toContain('Linen apron');
    expect(email.text).toContain('/r/preview');
  });

  it('refuses a step the sequence does not have, and unknown fields, naming the field', async () => {
    const missing = await t.json('POST', '/v1/admin/recovery/preview', { step: 9 }, auth);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as ApiError).error.details?.[0]?.path).toEqual(['step']);
    const unknown = await t.json(
      'POST',
      '/v1/admin/recovery/test',
      { email: 'a@b.example', step: 0, extra: 1 },
      auth,
    );
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as ApiError).error.code).toBe('invalid_request');
  });

  it('sends a test of the saved step to the merchant', async () => {
    const response = await t.json(
      'POST',
      '/v1/admin/recovery/test',
      { email: 'owner@shop-a.example', step: 0 },
      auth,
    );
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ transport: 'outbox' });
    expect(await outboxSubjects()).toContain('[Test] You left something in your cart');
  });

  it('sends a test of the unsaved draft when the page sends it, and leaves the saved config alone', async () => {
    const draft = await savedConfig();
    draft.recovery.steps[1]!.subject = { en: 'Your teapot is waiting' };
    const response = await t.json(
      'POST',
      '/v1/admin/recovery/test',
      { email: 'owner@shop-a.example', step: 1, config: draft },
      auth,
    );
    expect(response.status).toBe(202);
    expect(await outboxSubjects()).toContain('[Test] Your teapot is waiting');
    expect((await savedConfig()).recovery.steps[1]!.subject.en).toBe('Still thinking it over?');
  });

  it("builds the test email with the real email's headers: From with the sender name, Reply-To, one-click unsubscribe", async () => {
    const sent: OutgoingEmail[] = [];
    const mailer: Mailer = {
      transport: 'smtp',
      send: async (email) => {
        sent.push(email);
        return true;
      },
      close: () => {},
    };
    const withMailer = await createTestApp(database().db, {
      mailer,
      mailFrom: 'mail@comptoir.example',
      publicUrl: 'https://api.comptoir.example',
    });
    const owner = { authorization: `Bearer ${withMailer.shopA.secretKey}` };
    const draft = (await (
      await withMailer.app.request('/v1/admin/config', { headers: owner })
    ).json()) as ShopConfig;
    draft.recovery.fromName = 'Atelier "Lune"';
    draft.recovery.replyTo = 'hello@atelier-lune.example';
    const response = await withMailer.json(
      'POST',
      '/v1/admin/recovery/test',
      { email: 'owner@shop-a.example', step: 0, config: draft },
      owner,
    );
    expect(response.status).toBe(202);
    const answer = (await response.json()) as { messageId: string; transport: string };
    expect(answer.transport).toBe('smtp');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      from: '"Atelier Lune" <mail@comptoir.example>',
      to: 'owner@shop-a.example',
      replyTo: 'hello@atelier-lune.example',
      subject: '[Test] You left something in your cart',
      messageId: answer.messageId,
      headers: {
        'List-Unsubscribe': '<https://api.comptoir.example/u/preview?lang=en>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Auto-Submitted': 'auto-generated',
      },
    });
    expect(answer.messageId).toMatch(/@api\.comptoir\.example>$/);
  });

  it('refuses an invalid draft with the field that is wrong', async () => {
    const draft = await savedConfig();
    (draft.recovery.steps[0] as { delaySeconds: number }).delaySeconds = -5;
    const response = await t.json(
      'POST',
      '/v1/admin/recovery/test',
      { email: 'owner@shop-a.example', step: 0, config: draft },
      auth,
    );
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ApiError;
    expect(error.details?.[0]?.path).toEqual(['config', 'recovery', 'steps', '0', 'delaySeconds']);
  });

  it('compares emailed carts with the holdout over a date range', async () => {
    const response = await t.app.request('/v1/admin/recovery/stats?from=2026-02-01&to=2026-03-01', {
      headers: auth,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      from: '2026-02-01',
      to: '2026-03-01',
      emailed: { carts: 0, converted: 0 },
      holdout: { carts: 0, converted: 0 },
      incrementalConversion: null,
    });
    const bad = await t.app.request('/v1/admin/recovery/stats?from=yesterday', { headers: auth });
    expect(bad.status).toBe(400);
  });
});
