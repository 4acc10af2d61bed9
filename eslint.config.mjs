// ESLint (flat config) with typescript-eslint's type-checked rules; Prettier owns formatting
// (eslint-config-prettier turns off the rules that would fight it). Run by `npm run lint`.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Third-party modules the pure layers must not import (they run in the CLI and in `check()`). */
const CDKTF_MODULES = [
  {
    group: ['cdktf', 'cdktf/*', 'constructs', 'constructs/*', '@cdktf/*'],
    message: 'this layer is pure: no cdktf, constructs or provider imports.',
  },
];

/**
 * Layer boundaries, one way: net -> facts -> model -> rules -> constructs / cli (also checked, with
 * import cycles, by __tests__/architecture.test.ts). Sub-modules with an index of their own
 * (`rules/docs`, `rules/change`, `model/plan`, ...) may be imported directly.
 */
const upward = (...layers) => ({
  group: layers.flatMap((l) => [`**/${l}`, `**/${l}/*`]),
  message: 'imports go one way: net -> facts -> model -> rules -> constructs / cli.',
});

export default defineConfig(
  {
    ignores: [
      '**/node_modules/',
      'dist/',
      '**/cdktf.out/',
      'coverage/',
      // compiled by scripts/test-package.js against the INSTALLED package, with its own settings
      'scripts/package-consumer/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  // before the project's rules, so that `max-len` below applies to what Prettier leaves (comments)
  prettier,
  {
    languageOptions: {
      // each .ts file is checked with the nearest tsconfig.json (bench/baseline has its own)
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'smart'],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-deprecated': 'error',
      // The CLI rejects control characters in input on purpose (lib/cli/document.ts and its tests).
      'no-control-regex': 'off',
      // Prettier wraps code at 120 columns but leaves comments alone; the house rule is 120 for all
      // lines, comments included, except code examples inside doc comments (` * const ...`,
      // ` * // az aks create ...`, indented code), which stay copy-pasteable on one line.
      'max-len': [
        'error',
        {
          code: 120,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignorePattern: '^\\s*\\* (\\s{2,}|// |const )',
        },
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // The model readers build one object per resource of a document (60,000 at 10,000 clusters). In V8 an
    // object literal that starts with a spread is a clone extended property by property: about 4x the
    // memory of the same literal written out (measured: 352 against 79 bytes); the 10,000-cluster check
    // went from 286 to 238 MB peak RSS without them. Conditional spreads after the first key are cheap.
    files: ['lib/model/clusters.ts', 'lib/model/network.ts', 'lib/model/services.ts', 'lib/model/read.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ObjectExpression > SpreadElement:first-child',
          message:
            'a model object literal must not start with a spread (V8 clones it: ~4x memory per object); write the first keys out',
        },
      ],
    },
  },
  {
    files: ['lib/net/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...CDKTF_MODULES, upward('facts', 'model', 'rules', 'constructs', 'cli')] },
      ],
    },
  },
  {
    files: ['lib/facts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...CDKTF_MODULES, upward('model', 'rules', 'constructs', 'cli')] },
      ],
    },
  },
  {
    files: ['lib/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...CDKTF_MODULES, upward('rules', 'constructs', 'cli')] }],
    },
  },
  {
    files: ['lib/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...CDKTF_MODULES, upward('constructs', 'cli')] }],
    },
  },
  {
    files: ['lib/cli/**/*.ts'],
    // the bin loads no cdktf: `check` on a plan must start fast
    rules: { 'no-restricted-imports': ['error', { patterns: [...CDKTF_MODULES, upward('constructs')] }] },
  },
  {
    files: ['lib/constructs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@cdktf/provider-azurerm',
              message: 'import provider classes by deep path (`@cdktf/provider-azurerm/lib/...`).',
            },
            {
              name: '@cdktf/provider-kubernetes',
              message: 'import provider classes by deep path (`@cdktf/provider-kubernetes/lib/...`).',
            },
          ],
          patterns: [upward('cli')],
        },
      ],
    },
  },
  {
    files: ['__tests__/**/*.ts'],
    rules: {
      // Tests read synthesized Terraform JSON (`JSON.parse`, `Testing.synth`), which is `any` by
      // nature; typing every probe would add casts, not safety. 354 findings on today's tests.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // plain Node.js scripts (CommonJS), outside the type-checked tree
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
