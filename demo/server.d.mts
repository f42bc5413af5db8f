/** Options of the demo shop's static server. */
export interface DemoServerOptions {
  port?: number;
  host?: string;
  apiUrl: string;
  shopId: string;
  publishableKey: string;
}

/** Starts the demo shop's static server; port 0 picks a free port. */
export function startDemoServer(
  options: DemoServerOptions,
): Promise<{ url: string; port: number; close(): Promise<void> }>;
