import { describe, expect, it } from 'vitest';

// Runs after `npm run build` (npm test builds first): bundles the built package as an npm user's
// bundler would, honouring its `sideEffects`, and checks the elements still register.
const root = new URL('..', import.meta.url).pathname;

const ALL = [
  'comptoir-absence-banner',
  'comptoir-announcement-bar',
  'comptoir-cart-capture',
  'comptoir-faq',
  'comptoir-free-shipping',
  'comptoir-holiday-deadline',
  'comptoir-shipping-cutoff',
];

/** The tags a bundle of `source` registers with `customElements.define`. */
async function registeredTags(source: string): Promise<string[]> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    // lit and the sdk stay out: only the package's own modules matter here.
    external: ['lit', 'lit/*', '@lit/*', '@floating-ui/dom', '@comptoir/sdk', '@comptoir/sdk/*'],
  });
  const code = result.outputFiles[0]!.text;
  return [...code.matchAll(/customElements\.define\(\s*[`'"](comptoir-[a-z-]+)[`'"]/g)]
    .map((match) => match[1]!)
    .sort();
}

describe('@comptoir/widgets in a bundler (sideEffects)', () => {
  it("registers all seven elements for `import { setCart } from '@comptoir/widgets'`", async () => {
    expect(
      await registeredTags("import { setCart } from '@comptoir/widgets'; setCart(null);"),
    ).toEqual(ALL);
  });

  it('registers the element of a bare per-element import', async () => {
    for (const tag of ALL) {
      const path = tag.replace('comptoir-', '');
      expect(await registeredTags(`import '@comptoir/widgets/${path}';`)).toEqual([tag]);
    }
  });
});
