import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';
import coreBoundary from './eslint-rules/core-boundary.js';

/** Math functions ECMAScript leaves implementation-approximated: banned in src/core. */
const PORTABLE_MATH = [
  'exp',
  'expm1',
  'log',
  'log1p',
  'log2',
  'log10',
  'pow',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'tanh',
  'asinh',
  'acosh',
  'atanh',
  'cbrt',
  'hypot',
];

/** Browser globals that the pure simulator must never read (determinism, no DOM). */
const CORE_FORBIDDEN_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'performance',
  'Date',
  'self',
  'globalThis',
  'crypto',
].map((name) => ({
  name,
  message: `src/core is a pure library: pass '${name}' in from the caller instead.`,
}));

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        svelteConfig,
      },
    },
  },
  {
    // The page's main thread never simulates: only the worker (and the CLI) import the runners.
    files: [
      'src/state/**',
      'src/components/**',
      'src/classroom/**',
      'src/charts/**',
      'src/App.svelte',
      'src/main.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)core/(simulate|sweep|session|benign|api|models|registry/runtime)(/|$)',
              message: 'Simulation runs in the Web Worker (src/worker), never on the main thread.',
            },
            {
              // A plug-in's run-time half (its folder's index.ts); its meta.ts is for the page.
              regex:
                '(^|/)core/(scenarios|defenses)/[^/]+/(index|victim|scenario|prada|dawn|limits)$',
              message:
                "Plug-ins' run-time modules load in the Web Worker only; import the plug-in's meta (core/registry/meta).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    plugins: { local: { rules: { 'core-boundary': coreBoundary } } },
    languageOptions: { globals: {} },
    rules: {
      'local/core-boundary': 'error',
      'no-restricted-globals': ['error', ...CORE_FORBIDDEN_GLOBALS],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'src/core must be deterministic: use the seeded generator from core/rng.ts.',
        },
        // Engines round these differently (Node 20 and Chromium 156 differ in the last bits).
        ...PORTABLE_MATH.map((property) => ({
          object: 'Math',
          property,
          message: `Math.${property} differs between engines: use the portable version in core/math/portable.ts.`,
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "BinaryExpression[operator='**'], AssignmentExpression[operator='**=']",
          message:
            '** rounds differently between engines: multiply, or use pow2/pow10 from core/math/portable.ts.',
        },
      ],
    },
  },
);
