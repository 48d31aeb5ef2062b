// See: https://eslint.org/docs/latest/use/configure/configuration-files
// The set of actions/typescript-action (eslint:recommended, typescript-eslint recommended,
// jest recommended, prettier), written with the typescript-eslint helpers instead of FlatCompat.
import js from '@eslint/js'
import jest from 'eslint-plugin-jest'
import prettier from 'eslint-plugin-prettier/recommended'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['**/coverage', '**/dist', '**/build', '**/node_modules', '**/.cache', '**/.bench']
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      ecmaVersion: 2023,
      sourceType: 'module'
    },
    rules: {
      camelcase: 'off',
      'no-console': 'off',
      'no-shadow': 'off',
      // The code matches control characters on purpose: to refuse them in subject names, keys
      // and one-line error messages (src/core/subjects.ts, keys.ts, errors.ts).
      'no-control-regex': 'off',
      // TypeScript checks unused names (noUnusedLocals, noUnusedParameters); a leading _ marks
      // the few that a signature needs.
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }
      ]
    }
  },
  {
    // CommonJS on purpose (__tests__/setup/live-builtins.cjs: a jest setup file that must not
    // link an ES module graph before it has run).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['__tests__/**/*.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      // Tests assert with node:assert (issue #12 allows it inside tests), which this rule does not see.
      'jest/expect-expect': 'off',
      // The skip of a case the machine cannot run is chosen at load time: (cond ? test.skip : test).
      'jest/no-disabled-tests': 'off',
      // Titles taken from case tables (for (const [what, …] of cases) test(what, …)) are strings
      // that tsc checks; the rule cannot see their type.
      'jest/valid-title': 'off',
      // Tests read decoded manifests and spawned outputs as loose JSON.
      '@typescript-eslint/no-explicit-any': 'off'
    }
  },
  prettier
)
