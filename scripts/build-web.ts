/**
 * Builds the web app only when its sources changed since the last build, so a warm
 * `npm start` serves within seconds. A stamp of every input file's size and mtime sits in web/dist.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const inputs = [
  'web/src',
  'web/index.html',
  'web/vite.config.ts',
  'src/contracts',
  'src/core/vietnamese',
  'package-lock.json',
];
const stampFile = path.join(root, 'web/dist/.build-stamp');

function* files(p: string): Generator<string> {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isDirectory()) {
    for (const entry of fs.readdirSync(full).sort()) yield* files(path.join(p, entry));
  } else yield p;
}

const hash = createHash('sha256');
for (const input of inputs) {
  for (const f of files(input)) {
    const s = fs.statSync(path.join(root, f));
    hash.update(`${f}:${s.size}:${s.mtimeMs}\n`);
  }
}
const stamp = hash.digest('hex');
const force = process.argv.includes('--force');
if (!force && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
  console.log('Giao diện web đã được build, bỏ qua.');
} else {
  console.log('Đang build giao diện web…');
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  fs.writeFileSync(stampFile, stamp);
}
