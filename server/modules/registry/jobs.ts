import { randomUUID } from 'node:crypto';
import type { RegistryImportReport } from './import.js';

/**
 * Import jobs run after the upload is answered, so the page can show a progress bar. Kept in memory:
 * a job lives for an hour and belongs to the user who started it.
 */
export interface ImportJob {
  id: string;
  userId: string | null;
  state: 'running' | 'done' | 'failed';
  /** Rows checked so far. */
  processed: number;
  /** Share of the file read so far, 0–1. */
  fraction: number;
  /** Rows in the file, once known (when the job has ended). */
  total?: number;
  report?: RegistryImportReport;
  error?: { code: string; message: string };
  startedAt: number;
}

const jobs = new Map<string, ImportJob>();
const TTL_MS = 3600_000;

export function startJob(
  userId: string | null,
  run: (progress: (processed: number, fraction: number) => void) => Promise<RegistryImportReport>,
  describeError: (e: unknown) => { code: string; message: string },
): ImportJob {
  for (const [id, j] of jobs) if (Date.now() - j.startedAt > TTL_MS) jobs.delete(id);
  const job: ImportJob = { id: randomUUID(), userId, state: 'running', processed: 0, fraction: 0, startedAt: Date.now() };
  jobs.set(job.id, job);
  void run((processed, fraction) => {
    job.processed = processed;
    job.fraction = Math.min(1, fraction);
  }).then(
    (report) => {
      job.state = 'done';
      job.processed = job.total = report.rows.length;
      job.fraction = 1;
      job.report = report;
    },
    (e: unknown) => {
      job.state = 'failed';
      job.error = describeError(e);
    },
  );
  return job;
}

export function findJob(id: string, userId: string | null): ImportJob | undefined {
  const job = jobs.get(id);
  return job && job.userId === userId ? job : undefined;
}

/** Resolves when the job has ended (tests and the CLI). */
export async function settled(job: ImportJob): Promise<ImportJob> {
  while (job.state === 'running') await new Promise((r) => setTimeout(r, 20));
  return job;
}
