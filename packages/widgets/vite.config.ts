// Two library builds (ES modules, minified):
//   `vite build --mode cdn`: dist/cdn/embed.js (the loader) + dist/cdn/chunks/*, everything bundled,
//     one lazily imported chunk per element plus shared chunks (lit runtime, sdk calendar), and one
//     per language other than English (the loader fetches only the page's);
//   `vite build`: dist/*.js entries for bundlers, with lit, @lit/react, react, @floating-ui/dom and
//     @comptoir/sdk left external.
import { defineConfig, type Plugin } from 'vite';

/**
 * Lit's css`` and html`` templates reach the bundle as written (indentation, newlines, comments):
 * this collapses them. In css``, interpolations (`${…}`) are left alone; only whitespace next to
 * punctuation and comments go.
 */
function minifyCssTemplates(): Plugin {
  const squeeze = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      // `0.5rem` → `.5rem`, `[type='email']` → `[type=email]`, ` !important` → `!important`.
      .replace(/(^|[^\w.-])0\.(\d)/g, '$1.$2')
      .replace(/\[([\w-]+)='([\w-]+)'\]/g, '[$1=$2]')
      .replace(/\s+!important/g, '!important')
      .trim();
  return {
    name: 'comptoir-minify-css-templates',
    // Lit's html`` templates keep their indentation too: in the bundle, a newline followed by
    // indentation (only template literals hold one) becomes one space, which HTML renders the
    // same (no <pre> or textarea in the widgets). About 0.1 KB gzip an element.
    renderChunk(code) {
      return { code: code.replace(/\n[ \t]+/g, ' '), map: null };
    },
    transform(code, id) {
      if (!/widgets[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
      return code.replace(/\bcss`([^`]*)`/g, (_, body: string) => {
        const parts = body.split(/(\$\{[^}]*\})/);
        return `css\`${parts.map((part) => (part.startsWith('${') ? part : squeeze(part))).join('')}\``;
      });
    },
  };
}

/**
 * Lit's production build still carries long error messages and hooks for the web-components
 * polyfills, SSR hydration and its multiple-copies check (`litHtmlVersions`…), none of which a
 * page with the widgets uses (es2022 browsers, client rendering, one Lit). This cuts them from the
 * CDN bundle. Each edit must match Lit's code exactly: a Lit upgrade that moves one fails the build
 * (review the edits then) instead of silently keeping the bytes.
 */
function trimLit(): Plugin {
  const EDITS: [RegExp, [string, string][]][] = [
    [
      /@lit[\\/]reactive-element[\\/]css-tag\.js$/,
      [
        [
          'throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.")',
          'throw Error("lit: CSSResult")',
        ],
        [
          `throw Error("Value passed to 'css' function must be a 'css' function result: "+t+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")`,
          'throw Error("lit: css value "+t)',
        ],
      ],
    ],
    [
      /@lit[\\/]reactive-element[\\/]reactive-element\.js$/,
      [
        ['p=a.reactiveElementPolyfillSupport,', ''],
        [',p?.({ReactiveElement:y}),(a.reactiveElementVersions??=[]).push("2.1.2")', ''],
      ],
    ],
    [
      /lit-html[\\/]lit-html\.js$/,
      [[',B=t.litHtmlPolyfillSupport;B?.(S,k),(t.litHtmlVersions??=[]).push("3.3.3");', ';']],
    ],
    [
      /lit-element[\\/]lit-element\.js$/,
      [
        [
          ',s.litElementHydrateSupport?.({LitElement:i});const o=s.litElementPolyfillSupport;o?.({LitElement:i});',
          ';',
        ],
        [';(s.litElementVersions??=[]).push("4.2.2");', ';'],
      ],
    ],
  ];
  return {
    name: 'comptoir-trim-lit',
    transform(code, id) {
      const file = EDITS.find(([test]) => test.test(id.split('?')[0]!));
      if (!file || id.includes('development')) return null;
      let out = code;
      for (const [from, to] of file[1]) {
        if (!out.includes(from)) throw new Error(`trimLit: ${id} no longer holds ${from}`);
        out = out.replace(from, to);
      }
      return { code: out, map: null };
    },
  };
}

const ELEMENTS = [
  'absence-banner',
  'free-shipping',
  'shipping-cutoff',
  'holiday-deadline',
  'faq',
  'cart-capture',
  'announcement-bar',
];
const EXTERNAL =
  /^(lit|lit\/.*|@lit\/.*|lit-html.*|lit-element.*|react|react\/.*|@floating-ui\/.*|@comptoir\/sdk.*)$/;

export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  return {
    plugins: cdn ? [minifyCssTemplates(), trimLit()] : [minifyCssTemplates()],
    resolve: {
      conditions: ['comptoir-source', 'module', 'browser', 'production', 'import', 'default'],
    },
    build: {
      target: 'es2022',
      outDir: cdn ? 'dist/cdn' : 'dist',
      emptyOutDir: cdn,
      sourcemap: false,
      minify: true,
      lib: cdn
        ? { entry: { embed: 'src/loader.ts' }, formats: ['es'] }
        : {
            entry: {
              index: 'src/index.ts',
              react: 'src/react.ts',
              translations: 'src/translations/index.ts',
              ...Object.fromEntries(
                ELEMENTS.map((name) => [name, `src/components/${name}/${name}.ts`]),
              ),
            },
            formats: ['es'],
          },
      rolldownOptions: {
        external: cdn ? [] : (id: string) => EXTERNAL.test(id),
        output: {
          minify: true,
          comments: false,
          entryFileNames: '[name].js',
          chunkFileNames: cdn ? 'chunks/[name]-[hash:6].js' : 'shared/[name]-[hash].js',
          codeSplitting: cdn
            ? {
                groups: [
                  { name: 'floating', test: /node_modules[\\/]@floating-ui[\\/]/ },
                  // What the loader shares with the elements (the loader's size is embed.js + this;
                  // what only the loader uses stays in embed.js).
                  {
                    name: 'core',
                    test: /widgets[\\/]src[\\/](internal[\\/](state|storage|height-key|locale)|cart[\\/]store)\.ts/,
                  },
                  // Lit and the elements' shared base in one chunk: every element needs them, and
                  // one file compresses better than several. Nothing only some elements use.
                  {
                    name: 'runtime',
                    test: /(node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]|sdk[\\/]src[\\/]text[\\/]|widgets[\\/]src[\\/](internal[\\/](comptoir-element|config-controller|localize|remember-height|clock)\.ts))/,
                  },
                  // The calendar: loaded only where the server's precomputed facts do not answer
                  // (a config built by hand, attributes, a cached config past its window).
                  {
                    name: 'calendar',
                    test: /sdk[\\/]src[\\/]calendar[\\/](?!facts|free-shipping|index)/,
                  },
                  // The cart check (cart/validate.ts): with the code that reads the cart (the
                  // shipping elements, the capture and its sync), never on a page with only the banner.
                  { name: 'cart-check', test: /widgets[\\/]src[\\/]cart[\\/]validate\.ts/ },
                  // The email form and the memory of a capture: the cart capture, and the banner's
                  // "tell me when you're back" form.
                  {
                    name: 'consent',
                    test: /widgets[\\/]src[\\/](internal[\\/]consent|cart[\\/]capture-memory)\.ts/,
                  },
                  // The three shipping elements' base (products and pages that do not ship) and the
                  // time formatting they and the announcement bar share.
                  {
                    name: 'shipping',
                    test: /widgets[\\/]src[\\/]internal[\\/](shipping-element|ships|notice\.styles|format-time)\.ts/,
                  },
                ],
              }
            : true,
        },
      },
    },
  };
});
