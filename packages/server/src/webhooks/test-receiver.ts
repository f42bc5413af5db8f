import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isWebhookSignatureError, verifyWebhook } from '@comptoir/sdk/webhooks';
import type { WebhookEvent } from '@comptoir/sdk';

/** A verified event as the receiver got it. */
export type ReceivedEvent = WebhookEvent & { id: string };

/**
 * A real HTTP receiver for tests, on 127.0.0.1 and a free port, that verifies each delivery with
 * the sdk's `verifyWebhook` as a merchant's server would: 204 for a genuine event (kept in
 * `events`), 401 for a bad signature (kept in `refused`), 503 while `down` is set.
 */
export interface TestReceiver {
  url: string;
  events: ReceivedEvent[];
  refused: string[];
  /** Requests answered 503 while down. */
  missed: number;
  secret: string;
  down: boolean;
  close(): Promise<void>;
}

/** Starts a {@link TestReceiver}; set `secret` once the endpoint exists. */
export async function startTestReceiver(): Promise<TestReceiver> {
  const receiver: TestReceiver = {
    url: '',
    events: [],
    refused: [],
    missed: 0,
    secret: '',
    down: false,
    close: async () => undefined,
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (receiver.down) {
        receiver.missed++;
        response.writeHead(503).end();
        return;
      }
      try {
        receiver.events.push(
          verifyWebhook(receiver.secret, Buffer.concat(chunks), request.headers),
        );
        response.writeHead(204).end();
      } catch (error) {
        receiver.refused.push(isWebhookSignatureError(error) ? error.message : String(error));
        response.writeHead(401).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/comptoir`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
