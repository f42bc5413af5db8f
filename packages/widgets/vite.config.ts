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
 * lit-html's production build (the widgets' templates; `UpdatingElement` replaces the rest of Lit)
 * still carries hooks for the web-components polyfills, SSR hydration and its multiple-copies check
 * (`litHtmlVersions`), and code for what the widgets never use: directives (and element bindings,
 * their only use, with the parts' connection state and nodes that only directives read), `svg``
 * and `mathml`` templates, bindings inside raw-text elements (`<textarea>`, `<style>`, `<title>`)
 * and comments, render options the elements never pass, and templates precompiled by Lit's compiler. This cuts them from the CDN bundle (about 0.3 KB gzip
 * on every page). Each edit must match Lit's code exactly: a Lit upgrade that moves one fails the
 * build (review the edits then) instead of silently keeping the bytes; and a widget source that
 * starts using one of the cut features, or LitElement itself, fails the build too (`UNUSED`).
 */
function trimLit(): Plugin {
  const EDITS: [RegExp, [string, string][]][] = [
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
        // What only directives read: parts' connection state, nodes and tag names.
        ['get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}', ''],
        ['get _$AU(){return this._$AM?._$AU??this._$Cv}', ''],
        [',this._$Cv=e?.isConnected??!0', ''],
        [
          'get parentNode(){let t=this._$AA.parentNode;const i=this._$AM;return void 0!==i&&11===t?.nodeType&&(t=i.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}',
          '',
        ],
        ['for(this._$AP?.(!1,!0,s);', 'for(;'],
        ['setConnected(t){void 0===this._$AM&&(this._$Cv=t,this._$AP?.(t))}', ''],
        ['get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}', ''],
        // Element parts (`<div ${…}>`): without directives a value there does nothing; the
        // template instance still counts the binding, so later values keep their places.
        [':6===r.type&&(i=new Z(h,this,t))', ':0'],
        [
          'class Z{constructor(t,i,s){this.element=t,this.type=6,this._$AN=void 0,this._$AM=i,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(t){M(this,t)}}',
          '',
        ],
        [',F:Z}', '}'],
        // Bindings inside comments (`<!-- ${…} -->`: no widget template has a comment).
        [
          'else{let t=-1;for(;-1!==(t=r.data.indexOf(o,t+1));)d.push({type:7,index:l}),t+=o.length-1}',
          '',
        ],
        // Render options the widgets never pass (`renderBefore`, `creationScope`).
        ['const e=s?.renderBefore??i;', 'const e=i;'],
        ['const t=s?.renderBefore??null;', 'const t=null;'],
        ['(t?.creationScope??l)', 'l'],
        // Templates precompiled by Lit's compiler (the widgets' are html`` literals).
        [
          '"number"==typeof s?this._$AC(t):(void 0===s.el&&(s.el=S.createElement(V(s.h,s.h[0]),this.options)),s)',
          'this._$AC(t)',
        ],
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
    [/<!--/, 'an HTML comment (in an html`` template)'],
    [/from 'lit'/, "'lit' itself (LitElement): the widgets use lit/html.js and UpdatingElement"],
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
