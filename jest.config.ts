import type { Config } from 'jest';

// One suite: unit tests beside the code and integration tests against a real Neo4j,
// which globalSetup starts (or reuses), empties, migrates and seeds.
const config: Config = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/seed'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/src/testing/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 120_000,
  // Two cores: one worker per core keeps the JVM and the tests from starving each other.
  maxWorkers: 2,
};

export default config;
