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
 * Lit's production build still carries long error messages, hooks for the web-components
 * polyfills, SSR hydration and its multiple-copies check (`litHtmlVersions`…), and code for what
 * the widgets never use: directives (and element bindings, their only use), decorators, `svg`` and
 * `mathml`` templates, bindings inside raw-text elements (`<textarea>`, `<style>`, `<title>`), and
 * `<style>` fallbacks for browsers without constructable style sheets (every browser that runs this
 * es2022 bundle, with its static blocks and `findLast`, has them). This cuts them from the CDN
 * bundle (about 0.5 KB gzip on every page). Each edit must match Lit's code exactly: a Lit upgrade
 * that moves one fails the build (review the edits then) instead of silently keeping the bytes;
 * and a widget source that starts using one of the cut features fails the build too (`UNUSED`).
 */
function trimLit(): Plugin {
  const EDITS: [RegExp, [string, string][]][] = [
    [
      /@lit[\\/]reactive-element[\\/]css-tag\.js$/,
      [
        [
          'e=t.ShadowRoot&&(void 0===t.ShadyCSS||t.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype',
          'e=!0',
        ],
        [
          'throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.")',
          'throw Error("lit: CSSResult")',
        ],
        [
          `throw Error("Value passed to 'css' function must be a 'css' function result: "+t+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")`,
          'throw Error("lit: css value "+t)',
        ],
        [
          'else for(const e of o){const o=document.createElement("style"),n=t.litNonce;void 0!==n&&o.setAttribute("nonce",n),o.textContent=e.cssText,s.appendChild(o)}',
          '',
        ],
      ],
    ],
    [
      /@lit[\\/]reactive-element[\\/]reactive-element\.js$/,
      [
        ['p=a.reactiveElementPolyfillSupport,', ''],
        [',p?.({ReactiveElement:y}),(a.reactiveElementVersions??=[]).push("2.1.2")', ''],
        // Decorators: initializers and property metadata.
        ['Symbol.metadata??=Symbol("metadata"),a.litPropertyMetadata??=new WeakMap;', ''],
        ['static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}', ''],
        ['void 0!==t.l&&(this.l=[...t.l]),', ''],
        [
          'const t=this[Symbol.metadata];if(null!==t){const s=litPropertyMetadata.get(t);if(void 0!==s)for(const[t,i]of s)this.elementProperties.set(t,i)}',
          '',
        ],
        [',this.constructor.l?.forEach(t=>t(this))', ''],
      ],
    ],
    [
      /lit-html[\\/]lit-html\.js$/,
      [
        [',B=t.litHtmlPolyfillSupport;B?.(S,k),(t.litHtmlVersions??=[]).push("3.3.3");', ';'],
        // Directives: a value is rendered as it is.
        [
          'function M(t,i,s=t,e){if(i===E)return i;let h=void 0!==e?s._$Co?.[e]:s._$Cl;const o=a(i)?void 0:i._$litDirective$;return h?.constructor!==o&&(h?._$AO?.(!1),void 0===o?h=void 0:(h=new o(t),h._$AT(t,s,e)),void 0!==e?(s._$Co??=[])[e]=h:s._$Cl=h),void 0!==h&&(i=M(t,h._$AS(t,i.values),h,e)),i}',
          'function M(t,i){return i}',
        ],
        // svg`` and mathml`` templates.
        ['l=2===i?"<svg>":3===i?"<math>":""', 'l=""'],
        ['+(2===i?"</svg>":3===i?"</math>":"")', ''],
        [
          ',2===i||3===i){const t=this.el.content.firstChild;t.replaceWith(...t.childNodes)}',
          ',0){}',
        ],
        // Bindings inside <script>, <style>, <textarea> and <title>.
        [
          'if(y.test(r.tagName)){const t=r.textContent.split(o),i=t.length-1;if(i>0){r.textContent=s?s.emptyScript:"";for(let s=0;s<i;s++)r.append(t[s],c()),P.nextNode(),d.push({type:2,index:++l});r.append(t[i],c())}}',
          '',
        ],
      ],
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
  // What a widget source must not use while the edits above cut it.
  const UNUSED: [RegExp, string][] = [
    [/from 'lit\/(directives\/|directive|async-directive)/, 'a Lit directive'],
    [/\b(svg|mathml)`/, 'an svg`` or mathml`` template'],
    [
      /\bhtml`[^`]*<(textarea|style|title|script)\b/,
      'a <textarea>, <style>, <title> or <script> in html``',
    ],
    [/@(customElement|property|state|query)\(/, 'a Lit decorator'],
  ];
  return {
    name: 'comptoir-trim-lit',
    transform(code, id) {
      if (/widgets[\\/]src[\\/].*\.ts$/.test(id) && !/\.test\.ts$/.test(id)) {
        const used = UNUSED.find(([pattern]) => pattern.test(code));
        if (used) throw new Error(`trimLit: ${id} uses ${used[1]}, which trimLit cuts from Lit`);
        return null;
      }
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
