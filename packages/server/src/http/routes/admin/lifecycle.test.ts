import type { EmailPreview, ShopConfig } from '@comptoir/sdk';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../storage/test-databases.js';
import { createTestApp, type TestApp } from '../../test-app.js';

describeEachDialect('admin lifecycle preview', (database) => {
  const secret = (t: TestApp) => ({ authorization: `Bearer ${t.shopA.secretKey}` });
  const savedConfig = async (t: TestApp) =>
    (await (await t.app.request('/v1/admin/config', { headers: secret(t) })).json()) as ShopConfig;
  const preview = (t: TestApp, body: unknown) =>
    t.json('POST', '/v1/admin/lifecycle/preview', body, secret(t));

  it('renders the confirmation from the unsaved draft, with the public holidays resolved on the server', async () => {
    const t = await createTestApp(database().db);
    const draft = await savedConfig(t);
    draft.lifecycle = {
      orderConfirmation: {
        enabled: true,
        platformSendsOne: false,
        paragraph: {
          en: 'Packed by hand at {shopName}.',
          fr: 'Emballé <b>à la main</b> chez {shopName}.',
        },
      },
    };
    // Thu 24 Dec 2026, 16:00 in Paris: after the 14:00 cutoff; Fri 25 is Christmas (FR).
    const answer = await preview(t, {
      kind: 'confirmation',
      config: draft,
      at: '2026-12-24T15:00:00Z',
      locale: 'fr',
    });
    expect(answer.status).toBe(200);
    const email = (await answer.json()) as EmailPreview;
    expect(email.locale).toBe('fr');
    expect(email.subject).toBe('Merci pour votre commande chez Shop A');
    expect(email.text).toContain('lun. 28 déc.');
    expect(email.text).not.toContain('ven. 25 déc.');
    expect(email.text).toContain('Emballé <b>à la main</b> chez Shop A.');
    expect(email.html).toContain('Emballé &lt;b&gt;à la main&lt;/b&gt; chez Shop A.');
    expect(email.html).not.toContain('<b>à la main</b>');
    // Another language: its paragraph, its dates.
    const english = (await (
      await preview(t, { kind: 'confirmation', config: draft, at: '2026-12-24T15:00:00Z' })
    ).json()) as EmailPreview;
    expect(english.text).toContain('Mon 28 Dec');
    expect(english.text).toContain('Packed by hand at Shop A.');
    // Nothing was saved.
    expect((await savedConfig(t)).lifecycle).toBeUndefined();
  });

  it('renders the win-back and the review request with the merchant texts, the default language as fallback, and when they would go', async () => {
    const t = await createTestApp(database().db);
    const draft = await savedConfig(t);
    draft.lifecycle = {
      winBack: {
        enabled: true,
        delayDays: 45,
        couponCode: 'BACK10',
        subject: { en: 'Back at {shopName}?', fr: 'De retour chez {shopName} ?' },
        body: { en: 'Take {coupon} with you.', fr: 'Prenez {coupon}.' },
      },
      reviewRequest: { enabled: true, daysAfterDelivery: 3 },
    };
    const at = '2026-12-04T14:30:00Z';
    const winBack = (await (
      await preview(t, { kind: 'win-back', config: draft, at, locale: 'de' })
    ).json()) as EmailPreview;
    // No German text: the shop's default language (English), not a mixed email.
    expect([winBack.locale, winBack.subject]).toEqual(['en', 'Back at Shop A?']);
    expect(winBack.text).toContain('Take BACK10 with you.');
    expect(winBack.text).toContain('http://localhost:8787/r/preview?lang=en');
    expect(winBack.sendAt).toBe('2027-01-18T14:30:00.000Z');
    const french = (await (
      await preview(t, { kind: 'win-back', config: draft, at, locale: 'fr' })
    ).json()) as EmailPreview;
    expect(french.subject).toBe('De retour chez Shop A ?');
    const review = (await (
      await preview(t, { kind: 'review-request', config: draft, at, locale: 'nl' })
    ).json()) as EmailPreview;
    // Comptoir's wording in Dutch; Fri 4 Dec 15:30 leaves Mon 7, arrives by Fri 11; +3 days.
    expect(review.locale).toBe('nl');
    expect(review.sendAt).toBe('2026-12-14T09:00:00.000Z');
    expect(review.html).toContain('href="http://localhost:8787/r/preview?lang=nl"');
    expect(review.html).toContain('/u/preview?lang=nl');
  });

  it('refuses a draft with a placeholder typo, naming the field', async () => {
    const t = await createTestApp(database().db);
    const draft = await savedConfig(t);
    draft.lifecycle = {
      reviewRequest: {
        enabled: true,
        daysAfterDelivery: 3,
        body: { en: 'How was {shopname}?' },
      },
    };
    const answer = await preview(t, { kind: 'review-request', config: draft });
    expect(answer.status).toBe(400);
    const { error } = (await answer.json()) as {
      error: { details: { path: string[]; message: string }[] };
    };
    expect(error.details.map((d) => [d.path.join('.'), d.message])).toEqual([
      [
        'config.lifecycle.reviewRequest.body.en',
        'Unknown placeholder {shopname}: this text can use {shopName}',
      ],
    ]);
    expect(
      (await preview(t, { kind: 'digest', config: draft })).status,
      'the digest has its own view',
    ).toBe(400);
  });

  it('needs the admin key', async () => {
    const t = await createTestApp(database().db);
    const answer = await t.json('POST', '/v1/admin/lifecycle/preview', { kind: 'win-back' });
    expect(answer.status).toBe(401);
    expect((await t.app.request('/v1/admin/lifecycle/digest')).status).toBe(401);
  });
});
