// ESLint flat config. It lives in .ci/ (the layout keeps the top level to a fixed set)
// and is passed with `-c`; ESLint then resolves its patterns from the working directory.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/neo4j/local/launcher/**', 'src/neo4j/local/run*/**', 'src/generated/**', 'coverage/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    // Tests walk loosely typed GraphQL results; typing every shape would bury the assertions.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Command-line tools talk to the person at the terminal; everything else logs through pino.
    files: ['src/**/cli.ts', 'src/tools/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Plain CommonJS run by Node before dependencies exist.
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
