import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WebhookAttempt, WebhookEndpoint } from '@comptoir/sdk';
import { describeEachDialect } from '../../../storage/test-databases.js';
import { createTestApp, type TestApp } from '../../test-app.js';
import { startTestReceiver, type TestReceiver } from '../../../webhooks/test-receiver.js';

describeEachDialect('event webhook endpoints', (database) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let receiver: TestReceiver;
  let endpoint: WebhookEndpoint;
  beforeAll(async () => {
    process.env.COMPTOIR_ALLOW_HTTP_WEBHOOKS = '1';
    t = await createTestApp(database().db);
    // The receiver checks webhook-timestamp against its own clock, as a real one does.
    t.setNow(new Date());
    admin = { authorization: `Bearer ${t.shopA.secretKey}` };
    receiver = await startTestReceiver();
  });
  afterAll(async () => {
    delete process.env.COMPTOIR_ALLOW_HTTP_WEBHOOKS;
    await receiver.close();
  });
  const log = async () =>
    (await (await t.app.request('/v1/admin/webhook-endpoints', { headers: admin })).json()) as {
      endpoints: WebhookEndpoint[];
      attempts: WebhookAttempt[];
    };

  it('adds an endpoint and answers its whsec_ secret once', async () => {
    const response = await t.json(
      'POST',
      '/v1/admin/webhook-endpoints',
      { url: receiver.url, events: ['cart.captured', 'shopper.unsubscribed'] },
      admin,
    );
    expect(response.status).toBe(201);
    endpoint = (await response.json()) as WebhookEndpoint;
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    receiver.secret = endpoint.secret ?? '';
    const listed = await log();
    expect(listed.endpoints).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(receiver.secret);
    const stored = await database().db.selectFrom('webhook_endpoints').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(receiver.secret.slice(6));
  });

  it('refuses plain http without the development switch, and bad event types', async () => {
    delete process.env.COMPTOIR_ALLOW_HTTP_WEBHOOKS;
    const insecure = await t.json(
      'POST',
      '/v1/admin/webhook-endpoints',
      { url: 'http://example.com/hook', events: ['cart.captured'] },
      admin,
    );
    process.env.COMPTOIR_ALLOW_HTTP_WEBHOOKS = '1';
    expect(insecure.status).toBe(400);
    const unknown = await t.json(
      'POST',
      '/v1/admin/webhook-endpoints',
      { url: 'https://example.com/hook', events: ['cart.exploded'] },
      admin,
    );
    expect(unknown.status).toBe(400);
  });

  it('sends a signed test event the receiver verifies, and logs the status code', async () => {
    const response = await t.json(
      'POST',
      `/v1/admin/webhook-endpoints/${endpoint.id}/test`,
      { type: 'cart.captured' },
      admin,
    );
    expect(await response.json()).toMatchObject({ ok: true, statusCode: 204 });
    expect(receiver.events).toHaveLength(1);
    expect(receiver.events[0]).toMatchObject({
      type: 'cart.captured',
      test: true,
      data: { consent: { granted: true, text: 'Email me my cart' } },
    });
    expect((await log()).attempts[0]).toMatchObject({ ok: true, statusCode: 204, attempt: 1 });
  });

  it('a receiver that is down gets a failure logged; sent again later it arrives with the same id', async () => {
    receiver.down = true;
    const failed = (await (
      await t.json('POST', `/v1/admin/webhook-endpoints/${endpoint.id}/test`, {}, admin)
    ).json()) as { messageId: string; ok: boolean; statusCode: number };
    expect(failed).toMatchObject({ ok: false, statusCode: 503 });
    expect((await log()).endpoints[0]?.failureStreak).toBe(1);
    receiver.down = false;
    const again = await t.app.request(
      `/v1/admin/webhook-endpoints/messages/${failed.messageId}/resend`,
      { method: 'POST', headers: admin },
    );
    expect(await again.json()).toMatchObject({ ok: true, statusCode: 204 });
    expect(receiver.events.at(-1)?.id).toBe(failed.messageId);
    const attempts = (await log()).attempts.filter((a) => a.messageId === failed.messageId);
    expect(attempts.map((a) => [a.attempt, a.statusCode])).toEqual([
      [2, 204],
      [1, 503],
    ]);
    expect((await log()).endpoints[0]?.failureStreak).toBe(0);
  });

  it('a wrong secret on the receiver side refuses the event', async () => {
    const real = receiver.secret;
    receiver.secret = `whsec_${Buffer.from('another secret entirely!').toString('base64')}`;
    const response = await t.json(
      'POST',
      `/v1/admin/webhook-endpoints/${endpoint.id}/test`,
      {},
      admin,
    );
    receiver.secret = real;
    expect(await response.json()).toMatchObject({ ok: false, statusCode: 401 });
    expect(receiver.refused.at(-1)).toMatch(/signature/i);
  });

  it('edits, switches on again and deletes; another shop sees none of it', async () => {
    const other = await t.app.request('/v1/admin/webhook-endpoints', {
      headers: { authorization: `Bearer ${t.shopB.secretKey}` },
    });
    expect(((await other.json()) as { endpoints: unknown[] }).endpoints).toEqual([]);
    const foreign = await t.json(
      'POST',
      `/v1/admin/webhook-endpoints/${endpoint.id}/test`,
      {},
      { authorization: `Bearer ${t.shopB.secretKey}` },
    );
    expect(foreign.status).toBe(404);
    const edited = await t.json(
      'PUT',
      `/v1/admin/webhook-endpoints/${endpoint.id}`,
      { url: receiver.url, events: ['order.attributed'], description: 'Zapier' },
      admin,
    );
    expect(await edited.json()).toMatchObject({ events: ['order.attributed'], enabled: true });
    const gone = await t.app.request(`/v1/admin/webhook-endpoints/${endpoint.id}`, {
      method: 'DELETE',
      headers: admin,
    });
    expect(gone.status).toBe(204);
    expect((await log()).endpoints).toEqual([]);
  });
});
