import { pino, type Logger } from 'pino';

/** The logger every part of the server takes: pino's. */
export type { Logger };

/** A pino logger writing JSON lines to stdout, with secret keys and emails redacted. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'secretKey',
        '*.secretKey',
        'email',
        '*.email',
        'req.headers.authorization',
        'req.headers.cookie',
      ],
      censor: (value) =>
        typeof value === 'string' && value.includes('@') ? maskEmail(value) : '[redacted]',
    },
  });
}

/** A logger that writes nothing, for tests and benchmarks. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** An email address safe to log: `j***@e***.com` keeps the first letters and the top-level domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${email[0]}***@${host[0] ?? ''}***${tld}`;
}
