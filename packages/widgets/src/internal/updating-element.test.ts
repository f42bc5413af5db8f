import { expect } from '@open-wc/testing';
import { html } from 'lit/html.js';
import { css, type StyleGroup } from './css.js';
import { UpdatingElement, type Controller, type PropertyDeclarations } from './updating-element.js';

const shared = css`
  p {
    color: rgb(1, 2, 3);
  }
`;

/** An element with one property of each kind, counting its renders. */
class Probe extends UpdatingElement {
  static override properties: PropertyDeclarations = {
    label: {},
    limit: { type: Number },
    compact: { type: Boolean, attribute: 'is-compact' },
    open: { type: Boolean, reflect: true },
    step: { state: true },
  };
  static override styles: StyleGroup = [
    shared,
    css`
      p {
        margin: 3px;
      }
    `,
  ];

  declare label?: string;
  declare limit?: number;
  declare compact?: boolean;
  declare open?: boolean;
  declare step?: number;
  renders = 0;

  protected override render(): unknown {
    this.renders++;
    return html`<p @click=${this.#onClick}>${this.label ?? ''}/${this.limit ?? ''}</p>`;
  }

  #onClick(): void {
    this.step = (this.step ?? 0) + 1;
  }
}
customElements.define('probe-element', Probe);

/** A subclass with properties of its own: it has its parent's attributes and styles too. */
class ChildProbe extends Probe {
  static override properties = { extra: {} };
  static override styles = [Probe.styles, shared];
  declare extra?: string;
}
customElements.define('probe-child', ChildProbe);

async function mount<T extends UpdatingElement>(markup: string): Promise<T> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  const element = host.firstElementChild as T;
  await element.updateComplete;
  return element;
}

const text = (element: UpdatingElement) => element.renderRoot.querySelector('p')?.textContent;

describe('UpdatingElement (the base under every Comptoir element)', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('reads attributes into properties by their type, and a named attribute', async () => {
    const probe = await mount<Probe>(
      '<probe-element label="Hi" limit="12" is-compact></probe-element>',
    );
    expect([probe.label, probe.limit, probe.compact]).to.deep.equal(['Hi', 12, true]);
    expect(text(probe)).to.equal('Hi/12');
    probe.removeAttribute('is-compact');
    probe.setAttribute('limit', '7');
    await probe.updateComplete;
    expect([probe.compact, probe.limit]).to.deep.equal([false, 7]);
    expect(text(probe)).to.equal('Hi/7');
    expect(Probe.observedAttributes).to.have.members(['label', 'limit', 'is-compact', 'open']);
  });

  it('batches changes into one render, and skips an unchanged value', async () => {
    const probe = await mount<Probe>('<probe-element></probe-element>');
    const before = probe.renders;
    probe.label = 'a';
    probe.label = 'b';
    probe.limit = 3;
    expect(await probe.updateComplete).to.equal(true);
    expect(probe.renders).to.equal(before + 1);
    expect(text(probe)).to.equal('b/3');
    probe.limit = 3;
    probe.limit = Number.NaN;
    await probe.updateComplete;
    probe.limit = Number.NaN;
    await probe.updateComplete;
    expect(probe.renders).to.equal(before + 2);
  });

  it('reflects a reflecting property to its attribute, and binds listeners to the element', async () => {
    const probe = await mount<Probe>('<probe-element></probe-element>');
    probe.open = true;
    await probe.updateComplete;
    expect(probe.hasAttribute('open')).to.equal(true);
    probe.open = false;
    await probe.updateComplete;
    expect(probe.hasAttribute('open')).to.equal(false);
    probe.renderRoot.querySelector('p')!.click();
    await probe.updateComplete;
    expect(probe.step).to.equal(1);
    expect(probe.hasAttribute('step')).to.equal(false);
  });

  it('keeps a property set before the element was defined', async () => {
    const early = document.createElement('probe-late') as Probe;
    (early as unknown as { label: string }).label = 'set early';
    document.body.append(early);
    class Late extends Probe {}
    customElements.define('probe-late', Late);
    await early.updateComplete;
    expect(early.label).to.equal('set early');
    expect(text(early)).to.equal('set early/');
  });

  it('renders nothing before it is connected, then once connected', async () => {
    const probe = document.createElement('probe-element') as Probe;
    probe.label = 'later';
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(probe.renders).to.equal(0);
    document.body.append(probe);
    await probe.updateComplete;
    expect(text(probe)).to.equal('later/');
  });

  it('inherits its parent’s attributes, and adopts each style sheet once, in order', async () => {
    const child = await mount<ChildProbe>('<probe-child label="x" extra="y"></probe-child>');
    expect([child.label, child.extra]).to.deep.equal(['x', 'y']);
    const paragraph = child.renderRoot.querySelector('p')!;
    expect(getComputedStyle(paragraph).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(paragraph).marginTop).to.equal('3px');
    expect(child.renderRoot.adoptedStyleSheets).to.have.length(2);
    // The shared sheet is listed twice: it keeps its last place.
    expect(child.renderRoot.adoptedStyleSheets[1]).to.equal(shared.sheet);
  });

  it('tells its controllers when it connects, updates and disconnects', async () => {
    const probe = document.createElement('probe-element') as Probe;
    const calls: string[] = [];
    const controller: Controller = {
      hostConnected: () => calls.push('connected'),
      hostUpdate: () => calls.push('update'),
      hostDisconnected: () => calls.push('disconnected'),
    };
    probe.addController(controller);
    document.body.append(probe);
    await probe.updateComplete;
    probe.remove();
    expect(calls).to.deep.equal(['connected', 'update', 'disconnected']);
    document.body.append(probe);
    const late: string[] = [];
    probe.addController({ hostConnected: () => late.push('connected at once') });
    expect(late).to.deep.equal(['connected at once']);
  });

  it('says false when an update asked for another, and renders that one too', async () => {
    class Again extends Probe {
      protected override updated(): void {
        if ((this.step ?? 0) < 1) this.step = 1;
      }
    }
    customElements.define('probe-again', Again);
    const again = document.createElement('probe-again') as Again;
    document.body.append(again);
    expect(await again.updateComplete).to.equal(false);
    expect(await again.updateComplete).to.equal(true);
    expect(again.renders).to.equal(2);
  });
});
