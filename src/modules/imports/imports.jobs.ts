/**
 * Import jobs run in this process, off the request path: each job's live progress and cancel
 * flag live here (a long import writes in one transaction, so its progress cannot be read
 * from the job row until it commits).
 */
export interface JobHandle {
  readonly id: number;
  processed: number;
  cancelRequested: boolean;
}

interface Running {
  handle: JobHandle;
  done: Promise<void>;
}

const running = new Map<number, Running>();

/** Starts `work` in the background; its failures are the work's own to record. */
export function startJob(id: number, work: (handle: JobHandle) => Promise<void>): void {
  const handle: JobHandle = { id, processed: 0, cancelRequested: false };
  const done = Promise.resolve()
    .then(() => work(handle))
    .catch((err: unknown) => {
      console.error(`Nhập dữ liệu #${id}: ${err instanceof Error ? err.stack : String(err)}`);
    })
    .finally(() => {
      if (running.get(id)?.handle === handle) running.delete(id);
    });
  running.set(id, { handle, done });
}

/** Rows checked or written so far by a job running here. */
export const liveProgress = (id: number): number | undefined => running.get(id)?.handle.processed;

/** Asks a running job to stop at its next slice; false when no such job runs here. */
export function requestCancel(id: number): boolean {
  const r = running.get(id);
  if (!r) return false;
  r.handle.cancelRequested = true;
  return true;
}

/** Resolves when the job (if running here) has finished: for the CLI and tests. */
export async function whenFinished(id: number): Promise<void> {
  await running.get(id)?.done;
}

/** Resolves when every running job has finished (server shutdown, tests). */
export async function allFinished(): Promise<void> {
  await Promise.all([...running.values()].map((r) => r.done));
}
