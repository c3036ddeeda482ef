import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock of its own: two processes on one data folder silently lose data.
 * An exclusive lock file (created with O_EXCL, holding our pid) refuses a second process.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'canbo.lock');
  const take = () => fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
  try {
    take();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const holder = Number(fs.readFileSync(lockPath, 'utf8').trim());
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `Thư mục dữ liệu ${path.resolve(dataDir)} đang được tiến trình ${holder} sử dụng. ` +
          'Chỉ một tiến trình CanBo được mở một thư mục dữ liệu PGlite; hãy dừng tiến trình kia ' +
          'hoặc đặt CANBO_DATA_DIR khác.',
      );
    }
    // The holder died without cleaning up: the lock is stale.
    fs.rmSync(lockPath, { force: true });
    take();
  }
  return () => {
    try {
      if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.rmSync(lockPath);
    } catch {
      /* already gone */
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
