import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A section's own state (lists loaded from the API, form inputs that are not config), declared
 * once beside the section with its type and its first value. `section` names the section that
 * reloads it each time it opens, if any.
 */
export interface ViewKey<T extends object> {
  readonly name: string;
  readonly initial: () => T;
  /** Started again each time its section opens (results are never stale). */
  readonly freshOnOpen?: boolean;
}

/** Declares a section's state: `const CARTS = defineView('carts', (): CartsView => ({ … }))`. */
export function defineView<T extends object>(
  name: string,
  initial: () => T,
  options: { freshOnOpen?: boolean } = {},
): ViewKey<T> {
  return { name, initial, ...options };
}

/**
 * The sections' own states, kept by the page across re-renders and typed by their key. A section
 * changes its state, then calls `changed()` to re-render (or it edits the draft, which does).
 */
export class ViewsController implements ReactiveController {
  private readonly states = new Map<ViewKey<object>, object>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The state of `key`, made from its initial value the first time. */
  of<T extends object>(key: ViewKey<T>): T {
    let state = this.states.get(key) as T | undefined;
    if (!state) {
      state = key.initial();
      this.states.set(key, state);
    }
    return state;
  }

  /** Re-renders the page after a section changed its state. */
  changed(): void {
    this.host.requestUpdate();
  }

  /** Starts again the states of `section` that are fresh on open. */
  opened(section: string): void {
    for (const key of this.states.keys())
      if (key.freshOnOpen && key.name === section) this.states.delete(key);
  }

  /** Forgets every state (signing out). */
  clear(): void {
    this.states.clear();
  }
}
