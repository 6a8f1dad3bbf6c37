// Runs before `npm start` and `npm test` so the README's two commands work on a fresh
// clone: installs the locked dependencies when node_modules is missing or older than
// package-lock.json. Plain CommonJS with no dependencies, since none are installed yet.
'use strict';
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const lockFile = path.join(root, 'package-lock.json');
const installedMarker = path.join(root, 'node_modules', '.package-lock.json');

const stale =
  !fs.existsSync(installedMarker) || fs.statSync(installedMarker).mtimeMs < fs.statSync(lockFile).mtimeMs;
if (stale) {
  process.stdout.write('Installing dependencies (npm ci)…\n');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
