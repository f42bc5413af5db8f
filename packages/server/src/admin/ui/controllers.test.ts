// The config page's controllers against the real admin API (the Hono app in-process, through the
// sdk client the page uses): the draft's dirty, save, validation and conflict states, and the
// preview's refreshes. A host stands in for the Lit element: it counts the updates asked for.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createClient, type ComptoirClient } from '@comptoir/sdk/client';
import type { PublishedConfig } from '@comptoir/sdk/schemas';
import { openDatabase } from '../../storage/database.js';
import { migrate } from '../../storage/migrations/index.js';
import { createTestApp, type TestApp } from '../../http/test-app.js';
import { DraftController } from './draft-controller.js';
import { PreviewController } from './preview-controller.js';
import { EmailPreviewController } from './email-preview-controller.js';
import { shopTimeInstant } from './shop-time.js';
import { defineView, ViewsController } from './views.js';

const db = openDatabase('sqlite::memory:');
let test: TestApp;

beforeAll(async () => {
  await migrate(db);
  test = await createTestApp(db);
});
afterAll(() => db.destroy());

class FakeHost implements ReactiveControllerHost {
  updates = 0;
  readonly controllers: ReactiveController[] = [];
  readonly updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
}

/** The admin API as the page reaches it, here with the shop's secret key. */
function adminApi(secretKey = test.shopA.secretKey): ComptoirClient['admin'] {
  return createClient({
    apiUrl: 'http://comptoir.test',
    secretKey,
    retries: 0,
    fetch: (input, init) => Promise.resolve(test.app.request(new Request(input, init))),
  }).admin;
}

describe('DraftController', () => {
  it('is dirty after an edit and clean again when the edit is undone or discarded', async () => {
    const host = new FakeHost();
    const draft = new DraftController(host, () => adminApi());
    await draft.load();
    expect(draft.dirty).toBe(false);
    expect(draft.version).toMatch(/\w/);
    const name = draft.draft!.shopName;
    draft.edit((d) => (d.shopName = 'Atelier Lune'));
    expect(draft.dirty).toBe(true);
    expect(draft.saved?.shopName).toBe(name);
    draft.edit((d) => (d.shopName = name));
    expect(draft.dirty).toBe(false);
    draft.edit((d) => (d.shopName = 'Atelier Lune'));
    draft.discard();
    expect(draft.dirty).toBe(false);
    expect(draft.draft?.shopName).toBe(name);
    expect(host.updates).toBeGreaterThanOrEqual(5);
  });

  it('saves with the version it loaded, then is clean with the new version', async () => {
    const draft = new DraftController(new FakeHost(), () => adminApi());
    await draft.load();
    const before = draft.version;
    draft.edit((d) => (d.shopName = 'Saved by the controller'));
    await expect(draft.save()).resolves.toEqual({ kind: 'saved' });
    expect(draft.dirty).toBe(false);
    expect(draft.outcome).toEqual({ kind: 'saved' });
    expect(draft.version).not.toBe(before);
    expect((await adminApi().getConfig()).config.shopName).toBe('Saved by the controller');
  });

  it('shows an error only on the edited field, lists them all on save and sends nothing', async () => {
    const draft = new DraftController(new FakeHost(), () => adminApi());
    await draft.load();
    const version = draft.version;
    draft.edit((d) => (d.calendar.cutoff = ''));
    draft.edit((d) => (d.currency = 'euro'));
    const count = draft.issues.length;
    expect(new Set(draft.issues.map((issue) => issue.path))).toEqual(
      new Set(['calendar.cutoff', 'currency']),
    );
    expect(draft.issueAt('calendar.cutoff')).toBeUndefined();
    draft.touch('calendar.cutoff');
    expect(draft.issueAt('calendar.cutoff')?.path).toBe('calendar.cutoff');
    expect(draft.visibleIssues().map((issue) => issue.path)).toEqual(['calendar.cutoff']);
    await expect(draft.save()).resolves.toEqual({ kind: 'invalid', count });
    expect(draft.visibleIssues()).toHaveLength(count);
    expect((await adminApi().getConfig()).version).toBe(version);
  });

  it('adds the browser’s own checks to the schema’s', async () => {
    const draft = new DraftController(new FakeHost(), () => adminApi(), {
      extraChecks: (config) =>
        config.shopName.includes('[[')
          ? [{ path: 'shopName', code: 'invalid_format', message: 'Not a valid CSS selector' }]
          : [],
    });
    await draft.load();
    draft.edit((d) => (d.shopName = 'div[[bad'));
    expect(draft.issues).toEqual([
      { path: 'shopName', code: 'invalid_format', message: 'Not a valid CSS selector' },
    ]);
  });

  it('notices a save that came first (412), then overwrites it when asked', async () => {
    const mine = new DraftController(new FakeHost(), () => adminApi());
    const theirs = new DraftController(new FakeHost(), () => adminApi());
    await mine.load();
    await theirs.load();
    theirs.edit((d) => (d.shopName = 'Theirs'));
    await theirs.save();
    mine.edit((d) => (d.shopName = 'Mine'));
    await expect(mine.save()).resolves.toEqual({ kind: 'conflict' });
    expect(mine.conflict).toBe(true);
    expect(mine.dirty).toBe(true);
    expect(mine.outcome).toBeNull();
    await expect(mine.save(true)).resolves.toEqual({ kind: 'saved' });
    expect(mine.conflict).toBe(false);
    expect((await adminApi().getConfig()).config.shopName).toBe('Mine');
  });

  it('keeps the draft when the session expired (401) and when the server cannot be reached', async () => {
    let api = adminApi();
    const draft = new DraftController(new FakeHost(), () => api);
    await draft.load();
    draft.edit((d) => (d.shopName = 'Unsaved'));
    api = adminApi('sk_expired');
    await expect(draft.save()).resolves.toEqual({ kind: 'expired' });
    api = createClient({
      apiUrl: 'http://comptoir.test',
      retries: 0,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    }).admin;
    const outcome = await draft.save();
    expect(outcome?.kind).toBe('failed');
    expect(draft.outcome?.kind).toBe('failed');
    expect(draft.dirty).toBe(true);
    expect(draft.draft?.shopName).toBe('Unsaved');
    expect(draft.saving).toBe(false);
  });
});

describe('PreviewController', () => {
  it('renders the draft at the chosen moment, keeps the last good preview for an invalid draft, and feeds the widgets the sample cart', async () => {
    const setCart = vi.fn();
    vi.stubGlobal('window', { comptoirPreview: { setCart } });
    try {
      const draft = new DraftController(new FakeHost(), () => adminApi());
      await draft.load();
      const preview = new PreviewController(new FakeHost(), () => adminApi(), {
        draft: () => draft.draft,
        active: () => true,
        itemTitle: () => 'Sample item',
      });
      preview.at = '2026-12-24T10:00';
      await preview.refresh();
      expect(preview.status).toBe('ready');
      const good = preview.config as PublishedConfig;
      expect(good.now.slice(0, 10)).toBe('2026-12-24');
      expect(setCart).toHaveBeenLastCalledWith({
        currency: draft.draft!.currency,
        subtotal: 3500,
        items: [{ id: 'preview-1', title: 'Sample item', quantity: 1, unitPrice: 3500 }],
      });
      draft.edit((d) => (d.calendar.cutoff = 'noon'));
      await preview.refresh();
      expect(preview.status).toBe('invalid');
      expect(preview.config).toBe(good);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('asks for the chosen moment in the shop’s time zone, whatever the browser’s', async () => {
    const asked: (string | undefined)[] = [];
    const api = {
      preview: (request: { at?: string }) => {
        asked.push(request.at);
        return Promise.resolve({ version: 'v' } as PublishedConfig);
      },
    };
    const draft = { calendar: { timeZone: 'America/New_York' } } as never;
    const preview = new PreviewController(new FakeHost(), () => api, {
      draft: () => draft,
      active: () => true,
      itemTitle: () => '',
    });
    vi.stubGlobal('window', {});
    try {
      preview.at = '2026-12-24T16:00';
      await preview.refresh();
      preview.at = '';
      await preview.refresh();
      // 16:00 in New York is 21:00Z, read by a page open in any zone; empty asks for now.
      expect(asked).toEqual(['2026-12-24T21:00:00.000Z', undefined]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('sends no draft the page already refuses (each keystroke of a bad amount was a 400)', async () => {
    let asked = 0;
    const api = {
      preview: () => {
        asked += 1;
        return Promise.resolve({ version: 'v' } as PublishedConfig);
      },
    };
    let invalid = true;
    const preview = new PreviewController(new FakeHost(), () => api, {
      draft: () => ({}) as never,
      active: () => true,
      itemTitle: () => '',
      invalid: () => invalid,
    });
    vi.stubGlobal('window', {});
    try {
      await preview.refresh();
      expect([asked, preview.status]).toEqual([0, 'invalid']);
      invalid = false;
      await preview.refresh();
      expect([asked, preview.status]).toEqual([1, 'ready']);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('lets only the newest of two refreshes in flight land', async () => {
    const answers: ((config: PublishedConfig) => void)[] = [];
    const api = {
      preview: () => new Promise<PublishedConfig>((resolve) => answers.push(resolve)),
    };
    const preview = new PreviewController(new FakeHost(), () => api, {
      draft: () => ({}) as never,
      active: () => true,
      itemTitle: () => '',
    });
    vi.stubGlobal('window', {});
    try {
      const first = preview.refresh();
      const second = preview.refresh();
      answers[1]!({ version: 'newer' } as PublishedConfig);
      await second;
      answers[0]!({ version: 'older' } as PublishedConfig);
      await first;
      expect(preview.config?.version).toBe('newer');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('EmailPreviewController', () => {
  it('renders the draft’s email after the order, debounced, and keeps the last good one for an invalid draft', async () => {
    const host = new FakeHost();
    const draft = new DraftController(new FakeHost(), () => adminApi());
    await draft.load();
    const calls: unknown[] = [];
    const api = adminApi();
    const preview = new EmailPreviewController(
      host,
      () => ({
        lifecyclePreview: (input) => {
          calls.push(input);
          return api.lifecyclePreview(input);
        },
      }),
      { draft: () => draft.draft, active: () => true },
    );
    draft.edit(
      (d) =>
        (d.lifecycle = {
          orderConfirmation: {
            enabled: true,
            platformSendsOne: false,
            paragraph: { en: 'Wrapped by hand at {shopName}.' },
          },
        }),
    );
    // Typing: three refreshes asked within the debounce make one request.
    preview.at = '2026-12-24T16:00';
    preview.schedule(60);
    preview.schedule(60);
    preview.schedule(60);
    await vi.waitFor(() => expect(preview.status).toBe('ready'));
    expect(calls).toHaveLength(1);
    const good = preview.email!;
    expect(good.text).toContain(`Wrapped by hand at ${draft.draft!.shopName}.`);
    // A placeholder typo: the server refuses the draft, the last good preview stays.
    draft.edit((d) => (d.lifecycle!.orderConfirmation!.paragraph = { en: 'Hi from {shop}' }));
    await preview.refresh();
    expect(preview.status).toBe('invalid');
    expect(preview.email).toBe(good);
    // Another email: the win-back says when it would go.
    draft.edit((d) => delete d.lifecycle!.orderConfirmation!.paragraph);
    preview.set({ kind: 'win-back' });
    await vi.waitFor(() => expect(preview.email?.sendAt).toBeTruthy());
    expect(host.updates).toBeGreaterThan(3);
  });

  it('reads the sample order’s moment in the shop’s time zone, whatever the browser’s', () => {
    expect(shopTimeInstant('2026-12-24T16:00', 'Europe/Paris')).toBe('2026-12-24T15:00:00.000Z');
    expect(shopTimeInstant('2026-07-01T16:00', 'Europe/Paris')).toBe('2026-07-01T14:00:00.000Z');
    expect(shopTimeInstant('', 'Europe/Paris')).toBeUndefined();
    expect(shopTimeInstant('soon', 'Europe/Paris')).toBeUndefined();
  });

  it('fetches nothing while its section is closed', () => {
    const preview = new EmailPreviewController(
      new FakeHost(),
      () => ({ lifecyclePreview: () => Promise.reject(new Error('not expected')) }),
      { draft: () => ({}) as never, active: () => false },
    );
    vi.useFakeTimers();
    try {
      preview.schedule(0);
      vi.runAllTimers();
      expect(preview.status).toBe('idle');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('ViewsController', () => {
  it('keeps a section’s state by its key and starts the fresh-on-open ones again', () => {
    const host = new FakeHost();
    const views = new ViewsController(host);
    const LIST = defineView('carts', () => ({ items: [] as string[] }), { freshOnOpen: true });
    const FORM = defineView('data', () => ({ email: '' }));
    views.of(LIST).items.push('crt_1');
    views.of(FORM).email = 'a@b.example';
    views.opened('data');
    views.opened('carts');
    expect(views.of(LIST).items).toEqual([]);
    expect(views.of(FORM).email).toBe('a@b.example');
    views.changed();
    expect(host.updates).toBe(1);
  });
});
