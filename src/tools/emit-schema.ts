/** Writes schema/schema.graphql from the type-graphql classes (`npm run schema:emit`). */
import 'reflect-metadata';
import fs from 'node:fs';
import { createSchema, printCommittedSchema, SCHEMA_FILE } from '../schema';

createSchema()
  .then((schema) => {
    fs.writeFileSync(SCHEMA_FILE, printCommittedSchema(schema));
    process.stdout.write(`Wrote ${SCHEMA_FILE}\n`);
  })
  .catch((error: unknown) => {
    process.stderr.write(`Could not emit the schema: ${String(error)}\n`);
    process.exit(1);
  });
