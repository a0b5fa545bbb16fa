import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

/** Node globals for plain JS scripts (TypeScript files get these from @types/node). */
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'queueMicrotask',
    'structuredClone',
    'TextEncoder',
    'TextDecoder',
    'AbortController',
    'AbortSignal',
    'fetch',
    'performance',
    'globalThis',
  ].map((name) => [name, 'readonly']),
)

/**
 * eslint-plugin-vue's layout rules (indentation, line breaks, self-closing tags…) turned off:
 * Prettier owns formatting, and the two disagree. Every other rule of its recommended set stays.
 */
const vueLayoutRulesOff = Object.fromEntries(
  Object.entries(pluginVue.rules)
    .filter(([, rule]) => rule.meta?.type === 'layout')
    .map(([name]) => [`vue/${name}`, 'off']),
)

const electronOnlyInShell = {
  name: 'electron',
  message: 'Only src/main and src/preload may import electron.',
}

const noEngineInRenderer = {
  regex: '(^|/)(engine|host)(/|$)',
  message: 'The renderer reaches the engine only through the bridge (src/renderer/src/bridge).',
}

const noShellInEngine = {
  regex: '(^|/)(main|preload|renderer)/',
  message: 'The engine must stay independent of the Electron shell and the UI.',
}

/** Builds one no-restricted-imports setting; later config blocks replace earlier ones whole. */
function restrictImports({ electron = true, patterns = [] } = {}) {
  return [
    'error',
    {
      paths: electron ? [electronOnlyInShell] : [],
      patterns: [
        ...(electron ? [{ group: ['electron/*'], message: electronOnlyInShell.message }] : []),
        ...patterns,
      ],
    },
  ]
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      'resources/pyodide/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] },
    },
    rules: {
      ...vueLayoutRulesOff,
      // TypeScript already resolves names in .vue files.
      'no-undef': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // CommonJS scripts (the Electron main script the CLI launches) load modules with require.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...nodeGlobals, require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      // `import('x').T` annotations stay allowed: they name types of lazily loaded modules.
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      'no-restricted-imports': restrictImports(),
    },
  },
  {
    files: ['src/main/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': restrictImports({ electron: false }) },
  },
  {
    // Playwright's Electron tests may name Electron types.
    files: ['e2e/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/renderer/**'],
    rules: { 'no-restricted-imports': restrictImports({ patterns: [noEngineInRenderer] }) },
  },
  {
    files: ['src/engine/**'],
    rules: { 'no-restricted-imports': restrictImports({ patterns: [noShellInEngine] }) },
  },
)
