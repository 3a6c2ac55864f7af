import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// Import boundaries (README, Architecture). Node built-ins are matched by name with the core rule
// no-restricted-imports; where a relative import lands is checked by telltale/boundaries, which
// resolves the path against the importing file (a pattern on the import text cannot tell
// main/tap's '../probe/x.js' from '../core/probe/x.js').
// ---------------------------------------------------------------------------------------------

/** Area of a repo-relative path: is it `area` or inside it. */
const within = (target, area) => target === area || target.startsWith(`${area}/`);

/**
 * telltale/boundaries: relative imports (static, type-only, re-exports, import(), import x = require(),
 * import('x').T) from the files of a config block may land only in `allow` areas, or never in `deny`
 * areas.
 */
const boundariesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps relative imports inside the areas a layer may use' },
    schema: [
      {
        type: 'object',
        properties: {
          allow: { type: 'array', items: { type: 'string' } },
          deny: { type: 'array', items: { type: 'string' } },
          why: { type: 'string' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      outside: "'{{source}}' resolves to {{target}}, outside what this layer may import ({{allowed}}): {{why}}",
      denied: "'{{source}}' resolves to {{target}}, in {{area}}: {{why}}",
    },
  },
  create(context) {
    const { allow, deny = [], why = 'see the Architecture section of README.md' } = context.options[0] ?? {};
    const repoPath = (file) => path.relative(ROOT, file).split(path.sep).join('/');
    const check = (node) => {
      const source = node?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return; // npm packages and built-ins: no-restricted-imports
      const target = repoPath(path.resolve(path.dirname(context.filename), source));
      const area = deny.find((a) => within(target, a));
      if (area) context.report({ node, messageId: 'denied', data: { source, target, area, why } });
      else if (allow && !allow.some((a) => within(target, a))) {
        context.report({ node, messageId: 'outside', data: { source, target, allowed: allow.join(', '), why } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportEqualsDeclaration: (node) => check(node.moduleReference.expression),
      TSImportType: (node) => check(node.argument?.literal ?? node.source),
    };
  },
};

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Node's built-in modules: anything node:*, and the bare names (fs, path, child_process, ...) with subpaths (fs/promises). */
const BARE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_')).map(escapeRegex);

/**
 * no-restricted-imports options forbidding the built-ins, except the exact specifiers in `allowed`
 * (e.g. 'node:path'), and `also` other packages (e.g. electron).
 */
function noBuiltins(message, { allowed = [], also = [] } = {}) {
  const except = allowed.map((m) => `(?!${escapeRegex(m)}$)`).join('');
  return [
    'error',
    {
      paths: also,
      patterns: [{ regex: `^${except}(node:.*|(${BARE_BUILTINS.join('|')})(/.*)?)$`, caseSensitive: true, message }],
    },
  ];
}

const PURE = 'common/ and main/core/ are pure: no Node built-ins. Do I/O in main/adapters/ and pass the data in.';

/**
 * Core modules that may import one built-in, each with its reason. Every entry here is allowed that
 * one module only; any other built-in still fails.
 */
const CORE_BUILTIN_ALLOW_LIST = [
  // Path arithmetic with the host's separators for the files the sampler asks its Io to read (no I/O).
  { file: 'main/core/identity/index.ts', module: 'node:path' },
  // The same, to resolve [include] paths against the including file as git does (no I/O).
  { file: 'main/core/identity/git.ts', module: 'node:path' },
  // The same, for the kioslaverc path under XDG_CONFIG_HOME (no I/O).
  { file: 'main/core/proxy/index.ts', module: 'node:path' },
  // util.parseEnv is Node's own .env parser (pure, no I/O): .env files are read as `node --env-file` reads them.
  { file: 'main/core/catalog/config-format.ts', module: 'node:util' },
];

/** Node-only and DOM-only globals: common/ runs in both the main process and the renderer. */
const NOT_IN_COMMON = [
  ...['process', 'Buffer', 'global', 'require', 'module', '__dirname', '__filename', 'setImmediate'].map((name) => ({
    name,
    message: 'common/ also runs in the renderer: no Node globals.',
  })),
  ...['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest'].map((name) => ({
    name,
    message: 'common/ also runs in the main process, and does no I/O: no DOM or network globals.',
  })),
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { telltale: { rules: { boundaries: boundariesRule } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },

  // --- boundaries --------------------------------------------------------------------------
  {
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-imports': noBuiltins('contract/ is shared by main and renderer: no Node built-ins.'),
      'telltale/boundaries': ['error', { allow: ['contract', 'common'], why: 'contract/ is the bottom layer.' }],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': noBuiltins(PURE),
      'no-restricted-globals': ['error', ...NOT_IN_COMMON],
      'telltale/boundaries': [
        'error',
        { allow: ['common', 'contract'], why: 'common/ is shared by main and renderer, so it imports neither.' },
      ],
    },
  },
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': noBuiltins(PURE),
      'telltale/boundaries': [
        'error',
        {
          allow: ['main/core', 'common', 'contract'],
          why: 'main/core/ is pure (OS output in, data out); adapters, service, server, electron and the commands build on it, not the other way round.',
        },
      ],
    },
  },
  ...CORE_BUILTIN_ALLOW_LIST.map(({ file, module }) => ({
    files: [file],
    rules: { 'no-restricted-imports': noBuiltins(PURE, { allowed: [module] }) },
  })),
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': noBuiltins('The renderer runs in a browser: no Node built-ins.', {
        also: [{ name: 'electron', message: 'The renderer reaches main only through the API in contract/api.ts.' }],
      }),
      'telltale/boundaries': [
        'error',
        {
          allow: ['renderer', 'contract', 'common'],
          why: 'the renderer imports contract/, common/ and its own files; main/ is reached through the API only.',
        },
      ],
    },
  },
  {
    files: ['main/electron/**/*.{ts,cts}'],
    rules: {
      'telltale/boundaries': [
        'error',
        {
          deny: ['main/server'],
          why: 'the Electron shell and the browser host are two hosts of one service; share code through main/service/ or common/.',
        },
      ],
    },
  },
  {
    files: ['main/tap/**/*.ts'],
    rules: {
      'telltale/boundaries': [
        'error',
        {
          deny: ['main/probe'],
          why: '`telltale probe` uses the tap, not the other way round.',
        },
      ],
    },
  },
);
