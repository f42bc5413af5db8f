// Two library builds (ES modules, minified):
//   `vite build --mode cdn`: dist/cdn/embed.js (the loader) + dist/cdn/chunks/*, everything bundled,
//     one lazily imported chunk per element plus shared chunks (lit runtime, sdk calendar), and one
//     per language other than English (the loader fetches only the page's);
//   `vite build`: dist/*.js entries for bundlers, with lit, @lit/react, react, @floating-ui/dom and
//     @comptoir/sdk left external.
import { defineConfig } from 'vite';

const ELEMENTS = [
  'absence-banner',
  'free-shipping',
  'shipping-cutoff',
  'holiday-deadline',
  'faq',
  'cart-capture',
];
const EXTERNAL =
  /^(lit|lit\/.*|@lit\/.*|lit-html.*|lit-element.*|react|react\/.*|@floating-ui\/.*|@comptoir\/sdk.*)$/;

export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  return {
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
          chunkFileNames: cdn ? 'chunks/[name]-[hash].js' : 'shared/[name]-[hash].js',
          codeSplitting: cdn
            ? {
                groups: [
                  {
                    name: 'lit',
                    test: /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/,
                  },
                  { name: 'calendar', test: /packages[\\/]sdk[\\/]src[\\/](calendar|money)[\\/]/ },
                  { name: 'floating', test: /node_modules[\\/]@floating-ui[\\/]/ },
                  {
                    name: 'core',
                    test: /widgets[\\/]src[\\/](internal[\\/](state|storage|reserve|remote-config|locale)|cart[\\/](store|validate)|translations[\\/]translation)\.ts/,
                  },
                  {
                    name: 'runtime',
                    test: /widgets[\\/]src[\\/](translations[\\/]en\.ts|internal[\\/](api|clock|consent|cart-controller|comptoir-element|notice\.styles)\.ts)/,
                  },
                ],
              }
            : true,
        },
      },
    },
  };
});
