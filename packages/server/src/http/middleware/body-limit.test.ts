import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log.js';
import { startServer, type RunningServer } from '../../server.js';
import { createShop, type CreatedShop } from '../../storage/create-shop.js';

/** Reads HTTP/1.1 answers off one socket, in order, each with its headers and body. */
function answersOn(socket: Socket) {
  let buffered = Buffer.alloc(0);
  let closed = false;
  const waiting: (() => void)[] = [];
  const wake = () => waiting.splice(0).forEach((resolve) => resolve());
  socket.on('data', (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    wake();
  });
  socket.on('close', () => {
    closed = true;
    wake();
  });
  socket.on('error', () => {});
  return {
    get closed() {
      return closed;
    },
    /** The next complete answer, or undefined when the server closed the socket first. */
    async next(): Promise<
      { status: number; headers: Record<string, string>; body: string } | undefined
    > {
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end !== -1) {
          const [statusLine = '', ...lines] = buffered
            .subarray(0, end)
            .toString('latin1')
            .split('\r\n');
          const headers = Object.fromEntries(
            lines.map((line) => {
              const colon = line.indexOf(':');
              return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
            }),
          );
          const length = Number(headers['content-length'] ?? 0);
          if (buffered.length >= end + 4 + length) {
            const body = buffered.subarray(end + 4, end + 4 + length).toString('utf8');
            buffered = buffered.subarray(end + 4 + length);
            return { status: Number(statusLine.split(' ')[1]), headers, body };
          }
        }
        if (closed) return undefined;
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    },
  };
}

describe('a body over the limit, on a keep-alive connection', () => {
  let server: RunningServer;
  let folder: string;
  let shop: CreatedShop;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'comptoir-413-'));
    server = await startServer({
      port: 0,
      databaseUrl: `sqlite:${join(folder, 'test.db')}`,
      logger: silentLogger(),
    });
    shop = await createShop(server.db, {
      name: 'Shop',
      origins: ['https://shop.example'],
      now: new Date(),
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /**
   * One keep-alive socket, as a proxy reusing its upstream connection has: a request whose body is
   * over the limit, the rest of that body sent after the 413 (a slow upload), then another request.
   */
  async function overLimitThenAnother(head: string, firstPart: string, rest: string) {
    const socket = connect(server.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    const answers = answersOn(socket);
    socket.write(head + firstPart);
    const first = await answers.next();
    await new Promise((resolve) => setTimeout(resolve, 800));
    if (!answers.closed) socket.write(rest);
    if (!answers.closed) socket.write('GET /healthz HTTP/1.1\r\nHost: comptoir.test\r\n\r\n');
    const second = await answers.next();
    socket.destroy();
    return { first, second };
  }

  /** A 413 that keeps the connection must serve the next request; else it must say it closes. */
  function expectHonestConnection(
    first: Awaited<ReturnType<typeof overLimitThenAnother>>['first'],
    second: Awaited<ReturnType<typeof overLimitThenAnother>>['second'],
  ) {
    expect(first?.status).toBe(413);
    expect(JSON.parse(first?.body ?? '{}')).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(first?.headers.connection?.toLowerCase()).toBe('close');
    expect(second).toBeUndefined();
  }

  it('answers a declared length over the limit with 413 and Connection: close', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(40 * 1024) });
    const { first, second } = await overLimitThenAnother(
      `POST /v1/shops/shp_x/carts HTTP/1.1\r\nHost: comptoir.test\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
      body.slice(0, 1024),
      body.slice(1024),
    );
    expectHonestConnection(first, second);
  });

  it('answers a chunked body that grows past the limit with 413 and Connection: close', async () => {
    const chunk = `${(8 * 1024).toString(16)}\r\n${'x'.repeat(8 * 1024)}\r\n`;
    const { first, second } = await overLimitThenAnother(
      'POST /v1/shops/shp_x/carts HTTP/1.1\r\nHost: comptoir.test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      chunk.repeat(5),
      `${chunk.repeat(2)}0\r\n\r\n`,
    );
    expectHonestConnection(first, second);
  });

  it('closes the connection after an answer given before a slow body arrived (401)', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(16 * 1024) });
    const { first, second } = await overLimitThenAnother(
      `POST /v1/shops/shp_x/carts HTTP/1.1\r\nHost: comptoir.test\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
      body.slice(0, 1024),
      body.slice(1024),
    );
    expect(first?.status).toBe(401);
    expect(first?.headers.connection?.toLowerCase()).toBe('close');
    expect(second).toBeUndefined();
  });

  it('keeps the connection after an answer that read its whole body', async () => {
    const body = JSON.stringify({ events: [{ type: 'faq_opened', questionId: 'q1' }] });
    const { first, second } = await overLimitThenAnother(
      `POST /v1/shops/${shop.shopId}/events HTTP/1.1\r\nHost: comptoir.test\r\nAuthorization: Bearer ${shop.publishableKey}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
      body,
      '',
    );
    expect(first?.status).toBe(202);
    expect(first?.headers.connection?.toLowerCase()).toBe('keep-alive');
    expect(second?.status).toBe(200);
  });
});
