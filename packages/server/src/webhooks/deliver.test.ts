import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook, refusedTarget } from './deliver.js';
import { sampleEvent } from './samples.js';
import { startTestReceiver, type TestReceiver } from './test-receiver.js';

const secret = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
const message = {
  id: 'msg_1',
  body: JSON.stringify(sampleEvent('cart.captured', 'shp_test', new Date())),
};

describe('webhook delivery targets', () => {
  let receiver: TestReceiver;
  beforeAll(async () => {
    receiver = await startTestReceiver();
    receiver.secret = secret;
  });
  afterEach(() => {
    delete process.env.COMPTOIR_ALLOW_HTTP_WEBHOOKS;
  });
  afterAll(() => receiver.close());

  it('never contacts a loopback receiver from a multi-shop server', async () => {
    const result = await postWebhook({ url: receiver.url, secret }, message, new Date());
    expect(result).toMatchObject({ ok: false, statusCode: null });
    expect(result.error).toMatch(/127\.0\.0\.1 is a private or loopback address/);
    expect(receiver.events).toHaveLength(0);
  });

  it('delivers to the same receiver, signed, when local development allows it', async () => {
    process.env.COMPTOIR_ALLOW_HTTP_WEBHOOKS = '1';
    const result = await postWebhook({ url: receiver.url, secret }, message, new Date());
    expect(receiver.refused).toEqual([]);
    expect(result).toMatchObject({ ok: true, statusCode: 204 });
    expect(receiver.events.map((event) => event.id)).toEqual(['msg_1']);
  });

  it.each([
    'https://10.1.2.3/hook',
    'https://172.20.0.1/hook',
    'https://192.168.1.10/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/hook',
    'https://[fd00::1]/hook',
    'https://[fe80::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://localhost/hook',
  ])('refuses %s', async (url) => {
    expect(await refusedTarget(url)).toMatch(/private or loopback address/);
  });

  it.each(['https://93.184.215.14/hook', 'https://[2606:4700::1111]/hook'])(
    'lets a public address through: %s',
    async (url) => {
      expect(await refusedTarget(url)).toBeUndefined();
    },
  );
});
