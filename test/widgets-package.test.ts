import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Runs after `npm run build` (npm test builds first).
const widgets = new URL('../packages/widgets/', import.meta.url).pathname;

describe('the @comptoir/widgets package', () => {
  it('ships the custom elements manifest the build writes, which git does not track', () => {
    const [pack] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: widgets,
        encoding: 'utf8',
      }),
    ) as [{ files: { path: string }[] }];
    const files = pack.files.map((file) => file.path);
    expect(files).toContain('custom-elements.json');
    expect(files).toContain('dist/cdn/embed.js');
    // Generated like dist/: a build leaves the tree clean.
    expect(
      execFileSync('git', ['check-ignore', 'custom-elements.json'], {
        cwd: widgets,
        encoding: 'utf8',
      }).trim(),
    ).toBe('custom-elements.json');
    const manifest = JSON.parse(readFileSync(`${widgets}custom-elements.json`, 'utf8')) as {
      modules: { declarations?: { tagName?: string }[] }[];
    };
    const tags = manifest.modules.flatMap((module) =>
      (module.declarations ?? []).map((declaration) => declaration.tagName).filter(Boolean),
    );
    expect(tags.sort()).toEqual([
      'comptoir-absence-banner',
      'comptoir-announcement-bar',
      'comptoir-cart-capture',
      'comptoir-faq',
      'comptoir-free-shipping',
      'comptoir-holiday-deadline',
      'comptoir-shipping-cutoff',
    ]);
  });

  // A React app rendered on the server imports the wrappers in Node, where there is no DOM.
  it('imports in Node without a DOM, for server-side rendering of the React wrappers', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const react = await import('@comptoir/widgets/react'); const all = await import('@comptoir/widgets'); console.log(typeof react.FreeShipping, typeof all.ComptoirElement);",
      ],
      { cwd: widgets, encoding: 'utf8' },
    );
    expect(out.trim()).toBe('object function');
  });
});
