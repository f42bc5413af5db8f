import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook, refusedTarget, type Resolver } from './deliver.js';
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

  /**
   * A DNS server that rebinds: its first answer for a name is a public address, every later one
   * the loopback address where the receiver listens. Counts its answers.
   */
  function rebindingResolver(): Resolver & { answers: number } {
    const resolve = ((_hostname, _options, callback) => {
      resolve.answers++;
      const address = resolve.answers === 1 ? '93.184.215.14' : '127.0.0.1';
      callback(null, [{ address, family: 4 }]);
    }) as Resolver & { answers: number };
    resolve.answers = 0;
    return resolve;
  }

  it('never follows a name to a private address, even one that resolved public a moment before', async () => {
    const resolve = rebindingResolver();
    const delivered = receiver.events.length;
    const url = receiver.url.replace('127.0.0.1', 'hooks.rebind.example');
    // The check a merchant's endpoint gets when it is saved answers "public"…
    resolve(new URL(url).hostname, { all: true }, () => undefined);
    // …and the delivery's own connection, resolved again, is refused before it is made.
    const result = await postWebhook({ url, secret }, message, new Date(), 2000, resolve);
    expect(result).toMatchObject({ ok: false, statusCode: null });
    expect(result.error).toMatch(
      /hooks\.rebind\.example is a private or loopback address \(127\.0\.0\.1\)/,
    );
    expect(resolve.answers).toBe(2);
    expect(receiver.events).toHaveLength(delivered);
  });

  it('answers a timeout in plain words when the receiver never answers', async () => {
    process.env.COMPTOIR_ALLOW_HTTP_WEBHOOKS = '1';
    const { createServer } = await import('node:net');
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const result = await postWebhook(
      { url: `http://127.0.0.1:${port}/hook`, secret },
      message,
      new Date(),
      300,
    );
    silent.close();
    expect(result).toEqual({ ok: false, statusCode: null, error: 'no answer within 0.3 s' });
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
