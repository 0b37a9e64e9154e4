/**
 * Responses reopened from history carry the run id `history-<entry id>`, so "compare with the
 * previous response" works from a reopened tab too. Both directions live here.
 */
export function historyRunId(entryId: number): string {
  return `history-${entryId}`;
}

export function entryIdOfRunId(runId: string): number | undefined {
  const match = /^history-(\d+)$/.exec(runId);
  return match ? Number(match[1]) : undefined;
}
