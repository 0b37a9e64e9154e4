import type { EventName, EventPayloads } from '../../shared/contract/events.ts';

/** How the engine reports events; each host forwards them to its UIs. */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
