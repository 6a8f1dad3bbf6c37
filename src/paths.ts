/**
 * Responsible for locating the project's own files, whether the code runs from `src/`
 * (tests, ts-jest) or from `dist/src/` (compiled): both find the folder holding package.json.
 */
import fs from 'node:fs';
import path from 'node:path';

function findProjectRoot(start: string): string {
  let directory = start;
  while (!fs.existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`No package.json above ${start}`);
    directory = parent;
  }
  return directory;
}

/** The repository root. */
export const projectRoot = findProjectRoot(__dirname);

/** Resolves a path relative to the repository root. */
export function fromRoot(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}
