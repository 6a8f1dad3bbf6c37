import fs from 'node:fs';
import path from 'node:path';
import type { Config } from 'jest';

// Three tiers, run together by `npm test`, alone with `--selectProjects <name>`:
//   unit         no Neo4j, no processes;
//   integration  GraphQL and Cypher against the seeded test Neo4j, read-only, so files run in parallel;
//   process      tests that start JVMs or processes, or write (each writer on a scratch Neo4j of its own).
// `npm run test:fast` runs unit + integration. globalSetup (start, empty, migrate, seed the test
// Neo4j) runs only when a selected project declares it, so the unit tier never starts a JVM.

/** Tests that start processes or write: listed by name, plus any `*.process.test.ts`. */
const PROCESS_TESTS = ['src/neo4j/local/local-server.test.ts', 'src/index.test.ts'];
const isProcessTest = (file: string) => PROCESS_TESTS.includes(file) || file.endsWith('.process.test.ts');

// A test file uses the shared test database when it imports the test helper or connection;
// reading the imports keeps the tiers right as files are added, with no renaming.
const USES_TEST_DATABASE = /from '(\.\.?\/)+(testing\/)?(test-helper|test-database)'/;

function testFiles(directory: string): string[] {
  return fs.readdirSync(path.join(__dirname, directory), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('run') ? [] : testFiles(relative);
    return entry.name.endsWith('.test.ts') ? [relative] : [];
  });
}

const allTests = [...testFiles('src'), ...testFiles('seed')];
const processTests = allTests.filter(isProcessTest);
const integrationTests = allTests.filter(
  (file) => !isProcessTest(file) && USES_TEST_DATABASE.test(fs.readFileSync(path.join(__dirname, file), 'utf8')),
);
const unitTests = allTests.filter((file) => !processTests.includes(file) && !integrationTests.includes(file));

const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/seed'],
  setupFiles: ['reflect-metadata'],
};
const withTestDatabase = {
  globalSetup: '<rootDir>/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/src/testing/global-teardown.ts',
};
const only = (files: string[]) => (files.length > 0 ? files.map((file) => `<rootDir>/${file}`) : ['<rootDir>/no-tests-in-this-tier']);

const config: Config = {
  projects: [
    { ...common, displayName: 'unit', testMatch: only(unitTests) },
    { ...common, ...withTestDatabase, displayName: 'integration', testMatch: only(integrationTests) },
    { ...common, ...withTestDatabase, displayName: 'process', testMatch: only(processTests) },
  ],
  testTimeout: 120_000,
  // Two cores: one worker per core keeps the JVM and the tests from starving each other.
  maxWorkers: 2,
};

export default config;
