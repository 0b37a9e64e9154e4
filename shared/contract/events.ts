/** Events the engine pushes to every UI; each carries the id of the operation it belongs to. */
export interface EventPayloads {
  'http.progress': {
    runId: string;
    phase: 'connecting' | 'waiting' | 'receiving';
    receivedBytes: number;
  };
}

export type EventName = keyof EventPayloads;
export type EventMessage = { [E in EventName]: { event: E; payload: EventPayloads[E] } }[EventName];
