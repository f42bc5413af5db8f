import { nothing, render } from 'lit/html.js';
import { sheetsOf, type StyleGroup } from './css.js';

/**
 * A property the element re-renders on. It is read from the attribute `attribute` (default: the
 * name in lower case; `false` for none), converted by `type`; `state: true` is internal state, with
 * no attribute; `reflect: true` writes it back to its attribute.
 */
export interface PropertyOptions {
  attribute?: string | false;
  type?: typeof Boolean | typeof Number;
  state?: boolean;
  reflect?: boolean;
}

export type PropertyDeclarations = Readonly<Record<string, PropertyOptions>>;

/** Code that follows an element's life: connected, disconnected, about to update. */
export interface Controller {
  hostConnected?(): void;
  hostDisconnected?(): void;
  hostUpdate?(): void;
}

export interface ControllerHost {
  addController(controller: Controller): void;
  requestUpdate(): void;
  readonly updateComplete: Promise<boolean>;
}

interface ClassInfo {
  properties: Map<string, PropertyOptions>;
  /** Attribute name → property name. */
  attributes: Map<string, string>;
  sheets?: CSSStyleSheet[];
}

const classes = new WeakMap<object, ClassInfo>();

/** Outside a browser (server-side rendering of the React wrappers) there is no `HTMLElement`. */
const Base = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

/**
 * The reactive layer under every Comptoir element, with Lit's semantics for what the elements use
 * (the lit-html templates are Lit's): `static properties` and `static styles`, attributes to
 * properties, one batched update a microtask after any change (`requestUpdate`, `updateComplete`),
 * `render()` into an open shadow root, `updated()`, and controllers. It replaces `LitElement` and
 * `ReactiveElement`, whose generality (converters, decorators, metadata, `willUpdate`,
 * `shouldUpdate`, changed-property maps) cost about 1.5 KB gzip on every page, beyond the 12 KB a
 * page with only the absence banner may load.
 */
export class UpdatingElement extends Base implements ControllerHost {
  static properties: PropertyDeclarations = {};
  static styles: StyleGroup = [];

  static get observedAttributes(): string[] {
    return [...UpdatingElement.#info(this).attributes.keys()];
  }

  /** The class's properties and attributes, its own and inherited; its accessors, defined once. */
  static #info(ctor: typeof UpdatingElement): ClassInfo {
    let info = classes.get(ctor);
    if (info) return info;
    const parent = Object.getPrototypeOf(ctor) as typeof UpdatingElement;
    const inherited = ctor === UpdatingElement ? undefined : UpdatingElement.#info(parent);
    info = {
      properties: new Map(inherited?.properties),
      attributes: new Map(inherited?.attributes),
    };
    if (Object.hasOwn(ctor, 'properties')) {
      for (const [name, options] of Object.entries(ctor.properties)) {
        info.properties.set(name, options);
        const attribute = options.state ? false : (options.attribute ?? name.toLowerCase());
        if (attribute) info.attributes.set(attribute, name);
        Object.defineProperty(ctor.prototype, name, {
          // (Read on the prototype itself, by tools that list properties: undefined.)
          get(this: UpdatingElement) {
            return #values in this ? this.#values.get(name) : undefined;
          },
          set(this: UpdatingElement, value: unknown) {
            const old = this.#values.get(name);
            this.#values.set(name, value);
            this.requestUpdate(name, old);
          },
          configurable: true,
        });
      }
    }
    classes.set(ctor, info);
    return info;
  }

  /** The open shadow root the element renders into (from its first connection). */
  declare renderRoot: ShadowRoot;

  readonly #values = new Map<string, unknown>();
  readonly #controllers = new Set<Controller>();
  readonly #toReflect = new Set<string>();
  /** Properties set before the element was upgraded (an own property hides the accessor). */
  #early?: Map<string, unknown>;
  #pending = false;
  /** The property an attribute is being read into, which is not written back to it. */
  #fromAttribute?: string;
  #updated: Promise<boolean>;
  #connect!: (value: boolean) => void;

  constructor() {
    super();
    for (const name of this.#class.properties.keys()) {
      if (!Object.hasOwn(this, name)) continue;
      (this.#early ??= new Map()).set(name, this.#fields[name]);
      delete this.#fields[name];
    }
    // The first update waits for the first connection.
    this.#updated = new Promise((resolve) => (this.#connect = resolve));
    this.requestUpdate();
  }

  /**
   * Resolves once the element has rendered every change made so far: `true`, or `false` when that
   * update itself asked for another.
   */
  get updateComplete(): Promise<boolean> {
    return this.#updated;
  }

  addController(controller: Controller): void {
    this.#controllers.add(controller);
    if (this.renderRoot && this.isConnected) controller.hostConnected?.();
  }

  connectedCallback(): void {
    if (!this.renderRoot) {
      const info = this.#class;
      this.renderRoot = this.attachShadow({ mode: 'open' });
      this.renderRoot.adoptedStyleSheets = info.sheets ??= sheetsOf(
        (this.constructor as typeof UpdatingElement).styles,
      );
    }
    this.#connect(true);
    for (const controller of this.#controllers) controller.hostConnected?.();
  }

  disconnectedCallback(): void {
    for (const controller of this.#controllers) controller.hostDisconnected?.();
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    const info = this.#class;
    const name = info.attributes.get(attribute);
    if (name === undefined || this.#fromAttribute === name) return;
    const type = info.properties.get(name)?.type;
    this.#fromAttribute = name;
    this.#fields[name] =
      type === Boolean ? value !== null : type === Number && value !== null ? Number(value) : value;
    this.#fromAttribute = undefined;
  }

  /** Schedules an update; with a property's name and old value, only if its value changed. */
  requestUpdate(name?: string, old?: unknown): void {
    if (name !== undefined) {
      const value = this.#fields[name];
      // Unchanged, NaN included.
      if (value === old || (value !== value && old !== old)) return;
      if (this.#class.properties.get(name)?.reflect && this.#fromAttribute !== name)
        this.#toReflect.add(name);
    }
    if (!this.#pending) this.#updated = this.#enqueue();
  }

  async #enqueue(): Promise<boolean> {
    this.#pending = true;
    // After the previous update (or the first connection); its failure is its own.
    await this.#updated.catch(() => undefined);
    const scheduled = this.scheduleUpdate();
    if (scheduled) await scheduled;
    return !this.#pending;
  }

  /** Runs the update now; an override may wait for something first, then call this. */
  protected scheduleUpdate(): void | Promise<unknown> {
    this.performUpdate();
  }

  protected performUpdate(): void {
    if (!this.#pending) return;
    if (this.#early) {
      for (const [name, value] of this.#early) this.#fields[name] = value;
      this.#early = undefined;
    }
    try {
      for (const controller of this.#controllers) controller.hostUpdate?.();
      for (const name of this.#toReflect) this.#reflect(name);
      this.#toReflect.clear();
      const template = this.render();
      this.#pending = false;
      render(template, this.renderRoot, { host: this });
    } catch (error) {
      this.#pending = false;
      throw error;
    }
    this.updated();
  }

  /** What the element shows (a lit-html template); `nothing` to show nothing. */
  protected render(): unknown {
    return nothing;
  }

  /** After each render. */
  protected updated(): void {}

  get #class(): ClassInfo {
    return UpdatingElement.#info(this.constructor as typeof UpdatingElement);
  }

  /** The element's properties by name. */
  get #fields(): Record<string, unknown> {
    return this as unknown as Record<string, unknown>;
  }

  #reflect(name: string): void {
    const attribute = [...this.#class.attributes].find(([, property]) => property === name)?.[0];
    const value = this.#fields[name];
    if (!attribute) return;
    this.#fromAttribute = name;
    if (value === false || value === null || value === undefined) this.removeAttribute(attribute);
    else this.setAttribute(attribute, value === true ? '' : String(value));
    this.#fromAttribute = undefined;
  }
}
