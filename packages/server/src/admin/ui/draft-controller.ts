import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ShopConfig } from '@comptoir/sdk/schemas';
import { isComptoirApiError } from '@comptoir/sdk/client';
import type { AdminClient } from './api.js';
import { fromServerDetails, fromZodIssue, type ValidationIssue } from './validation.js';

/** How the last save (or save attempt) ended, for the page to word in its language. */
export type SaveOutcome =
  | { kind: 'saved' }
  /** Refused before sending (`count` issues in the draft) or by the server's 400. */
  | { kind: 'invalid'; count: number }
  /** Another save came first (412): overwrite, or reload theirs. */
  | { kind: 'conflict' }
  /** The session expired (401): sign in again, the draft stays. */
  | { kind: 'expired' }
  /** Any other failure, with what to show. */
  | { kind: 'failed'; error: unknown };

/** What the draft needs from the API. */
export type DraftApi = Pick<AdminClient, 'getConfig' | 'putConfig'>;

export interface DraftOptions {
  /** Checks only the browser can make (selectors, placeholders), added to the schema's. */
  extraChecks?: (config: ShopConfig) => ValidationIssue[];
  /** Called after each change of the draft (an edit, a load, a save, a discard). */
  onDraftChange?: (reason: 'load' | 'edit' | 'save' | 'discard') => void;
}

/**
 * The config being edited, shared by every section: loads it with its version, applies edits to a
 * copy, knows whether it differs from the saved one, validates it (the sdk's schema and the
 * browser's own checks), shows a field's errors once it was edited or a save was tried, and saves
 * with `If-Match` so a concurrent save is noticed (412) instead of overwritten.
 */
export class DraftController implements ReactiveController {
  /** The config as last loaded or saved. */
  saved?: ShopConfig;
  /** The unsaved draft the forms edit. */
  draft?: ShopConfig;
  /** The saved config's version (its ETag), sent back as `If-Match`. */
  version = '';
  /** True when the draft differs from the saved config. */
  dirty = false;
  saving = false;
  /** Every problem with the draft, shown or not. */
  issues: ValidationIssue[] = [];
  /** True after a save attempt: every issue shows, and the summary lists them. */
  showErrors = false;
  /** True after a 412, until the merchant overwrites or reloads. */
  conflict = false;
  /** How the last save ended; cleared by the next edit. */
  outcome: SaveOutcome | null = null;
  /** Fields edited since the last load or save: their errors show as the merchant types. */
  private readonly touched = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => DraftApi,
    private readonly options: DraftOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Loads the saved config and starts a clean draft from it. */
  async load(): Promise<void> {
    const { config, version } = await this.api().getConfig();
    this.reset(config, version);
    this.conflict = false;
    this.outcome = null;
    this.host.requestUpdate();
    this.options.onDraftChange?.('load');
  }

  /** Forgets everything (signing out). */
  clear(): void {
    this.saved = this.draft = undefined;
    this.version = '';
    this.dirty = this.conflict = this.showErrors = false;
    this.issues = [];
    this.outcome = null;
    this.touched.clear();
    this.host.requestUpdate();
  }

  /** Applies a change to a copy of the draft, validates it and re-renders. */
  edit(change: (draft: ShopConfig) => void): void {
    if (!this.draft) return;
    const next = structuredClone(this.draft);
    change(next);
    this.draft = next;
    this.dirty = JSON.stringify(next) !== JSON.stringify(this.saved);
    this.outcome = null;
    this.validate();
    this.host.requestUpdate();
    this.options.onDraftChange?.('edit');
  }

  /** Notes that the merchant is editing `path`, so its errors show as they type. */
  touch(path: string): void {
    this.touched.add(path);
  }

  /** Validates the draft; true when it has no issue. */
  validate(): boolean {
    const draft = this.draft;
    const result = ShopConfig.safeParse(draft);
    this.issues = result.success ? [] : result.error.issues.map((issue) => fromZodIssue(issue));
    if (draft && this.options.extraChecks) {
      const reported = new Set(this.issues.map((issue) => issue.path));
      this.issues.push(
        ...this.options.extraChecks(draft).filter((issue) => !reported.has(issue.path)),
      );
    }
    return this.issues.length === 0;
  }

  /** True when an issue is shown: after a save attempt, or on a field being edited. */
  isShown(issue: ValidationIssue): boolean {
    if (this.showErrors) return true;
    for (const path of this.touched) {
      if (issue.path === path || issue.path.startsWith(`${path}.`)) return true;
      // A check across fields (the end before the start) shows on the edited item's other field.
      const item = /^(.*\.\d+)\./.exec(path)?.[1];
      if (item && issue.code === 'custom' && issue.path.startsWith(`${item}.`)) return true;
    }
    return false;
  }

  /** The issues shown now. */
  visibleIssues(): ValidationIssue[] {
    return this.issues.filter((issue) => this.isShown(issue));
  }

  /** The shown issue of a dotted path (or, with `includeChildren`, of anything under it). */
  issueAt(path: string, includeChildren = false): ValidationIssue | undefined {
    return this.issues.find(
      (candidate) =>
        (candidate.path === path || (includeChildren && candidate.path.startsWith(`${path}.`))) &&
        this.isShown(candidate),
    );
  }

  /**
   * Saves the draft. It is validated first (nothing is sent when it has issues); `force` saves
   * over a newer version (after a conflict) by reading that version first.
   */
  async save(force = false): Promise<SaveOutcome | undefined> {
    if (!this.draft || this.saving) return undefined;
    this.showErrors = true;
    if (!this.validate()) return this.finish({ kind: 'invalid', count: this.issues.length });
    this.saving = true;
    this.outcome = null;
    this.host.requestUpdate();
    let outcome: SaveOutcome;
    try {
      const version = force ? (await this.api().getConfig()).version : this.version;
      const saved = await this.api().putConfig(this.draft, version || undefined);
      this.reset(saved.config, saved.version);
      this.conflict = false;
      outcome = { kind: 'saved' };
      this.options.onDraftChange?.('save');
    } catch (error) {
      outcome = this.failure(error);
    }
    this.saving = false;
    return this.finish(outcome);
  }

  /** Goes back to the saved config. */
  discard(): void {
    if (!this.saved) return;
    this.reset(this.saved, this.version);
    this.outcome = null;
    this.host.requestUpdate();
    this.options.onDraftChange?.('discard');
  }

  private failure(error: unknown): SaveOutcome {
    if (!isComptoirApiError(error)) return { kind: 'failed', error };
    if (error.status === 412) {
      this.conflict = true;
      return { kind: 'conflict' };
    }
    if (error.status === 400) {
      this.issues = fromServerDetails(error.details);
      return this.issues.length
        ? { kind: 'invalid', count: this.issues.length }
        : { kind: 'failed', error };
    }
    if (error.status === 401) return { kind: 'expired' };
    return { kind: 'failed', error };
  }

  private finish(outcome: SaveOutcome): SaveOutcome {
    // A conflict shows its own notice; the others show as the save's banner.
    this.outcome = outcome.kind === 'conflict' ? null : outcome;
    this.host.requestUpdate();
    return outcome;
  }

  private reset(config: ShopConfig, version: string): void {
    this.saved = structuredClone(config);
    this.draft = structuredClone(config);
    this.version = version;
    this.dirty = false;
    this.issues = [];
    this.showErrors = false;
    this.touched.clear();
  }
}
