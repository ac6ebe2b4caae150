import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { importJobQuery, startImport, type ImportKind } from '../../../api/imports';
import { REGISTRY_KEY } from '../../../api/registry';

interface Job {
  id: string;
  dryRun: boolean;
}

/**
 * One import at a time: start a check or the import itself, then follow the job until it has an outcome.
 * After an import that saved something, every registry list is refreshed.
 */
export function useImportJob(kind: ImportKind) {
  const client = useQueryClient();
  const [job, setJob] = useState<Job | null>(null);
  const start = useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => startImport(kind, file, dryRun),
    onMutate: () => setJob(null),
    onSuccess: ({ jobId }, { dryRun }) => setJob({ id: jobId, dryRun }),
  });
  const poll = useQuery(importJobQuery(job?.id ?? null));
  const status = job && poll.data ? poll.data : null;
  const committed = status?.state === 'done' && status.report?.committed === true && job?.dryRun === false;

  useEffect(() => {
    if (committed) void client.invalidateQueries({ queryKey: REGISTRY_KEY });
  }, [committed, client]);

  return {
    /** The job in progress or finished, with whether it was a check. */
    job,
    status,
    running: start.isPending || (job !== null && !poll.isError && (!status || status.state === 'running')),
    /** A failure to start the job, or to follow it. */
    error: start.error ?? poll.error,
    run: (file: File, dryRun: boolean) => start.mutate({ file, dryRun }),
    reset: () => {
      start.reset();
      setJob(null);
    },
  };
}
