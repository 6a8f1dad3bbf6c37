/**
 * The schema is an artifact: schema/schema.graphql must match what the type-graphql
 * classes produce, and the codegen output for schema/operations must be current.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createSchema, printCommittedSchema, SCHEMA_FILE } from './schema';
import { fromRoot } from './paths';

describe('committed schema artifacts', () => {
  it('schema/schema.graphql matches the code (run `npm run schema:emit` after changing types)', async () => {
    const fromCode = printCommittedSchema(await createSchema());
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(fromCode);
  });

  it('src/generated/operations.ts is what codegen makes now (run `npm run codegen`)', () => {
    // `--check` exits non-zero when regenerating would change any output file.
    const run = () =>
      execFileSync(fromRoot('node_modules', '.bin', 'graphql-codegen'), ['--config', 'codegen.yml', '--check'], {
        cwd: fromRoot(),
        stdio: 'pipe',
        encoding: 'utf8',
      });
    expect(run).not.toThrow();
  });
});
