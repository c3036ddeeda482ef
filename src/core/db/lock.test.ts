import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './lock.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('data folder lock', () => {
  it('refuses a folder held by another live process, saying which and what to do', () => {
    const dir = tempDir();
    // The parent of this test process is alive and is not us: it stands for a running CanBo.
    fs.writeFileSync(path.join(dir, 'canbo.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(
      new RegExp(`đang được tiến trình ${process.ppid} sử dụng.*CANBO_DATA_DIR`),
    );
  });

  it('takes over a lock left by a process that died, and releases it on close', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'canbo.lock'), '999999999');
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'canbo.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'canbo.lock'))).toBe(false);
  });
});
