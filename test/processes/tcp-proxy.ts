import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a loopback service (PostgreSQL, SMTP), to take the service
 * away from the processes that use it without touching the service itself: `down()` closes the
 * port and cuts every connection (clients see resets, then refused connections), `up()` listens on
 * the same port again.
 */
export interface TcpProxy {
  port: number;
  /** Connections accepted since the start. */
  accepted: number;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a {@link TcpProxy} to `targetPort` on 127.0.0.1. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const proxy: TcpProxy = {
    port: 0,
    accepted: 0,
    async down() {
      const closing = server;
      server = undefined;
      if (!closing) return;
      const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await closed;
    },
    async up() {
      if (server) return;
      server = createServer((client) => {
        proxy.accepted++;
        const upstream = connect(targetPort, '127.0.0.1');
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.setNoDelay(true);
          socket.on('error', () => undefined);
          socket.on('close', () => {
            sockets.delete(socket);
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream);
        upstream.pipe(client);
      });
      const listening = server;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(proxy.port, '127.0.0.1', () => resolve());
      });
      proxy.port = (listening.address() as AddressInfo).port;
    },
    close: () => proxy.down(),
  };
  await proxy.up();
  return proxy;
}
