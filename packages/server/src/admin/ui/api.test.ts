import { describe, expect, it } from 'vitest';
import { ComptoirApiError } from '@comptoir/sdk/client';
import { errorText, hasStatus } from './api.js';

describe('the page’s reading of API errors', () => {
  const conflict = new ComptoirApiError(
    412,
    'version_conflict',
    'Another save came first',
    'PUT',
    'http://comptoir.test/v1/admin/config',
  );

  it('shows the server’s own message, without the request', () => {
    expect(conflict.message).toContain('PUT http://comptoir.test');
    expect(errorText(conflict, 'unreachable')).toBe('Another save came first');
  });

  it('says the server cannot be reached when no answer came', () => {
    const offline = new ComptoirApiError(0, 'network_error', 'Failed to fetch', 'GET', '/x');
    expect(errorText(offline, 'The server cannot be reached.')).toBe(
      'The server cannot be reached.',
    );
    expect(errorText(new Error('boom'), '')).toBe('Error: boom');
  });

  it('tells an answer’s status through the sdk’s guard', () => {
    expect(hasStatus(conflict, 412)).toBe(true);
    expect(hasStatus(conflict, 401, 403)).toBe(false);
    expect(hasStatus(new Error('412'), 412)).toBe(false);
  });
});
