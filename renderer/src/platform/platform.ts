import type { Result } from '../../../shared/contract/errors.ts';
import type { EventMessage } from '../../../shared/contract/events.ts';

/** What the UI may do beyond the contract, by host. The renderer branches on these, never on "is Electron". */
export interface Capabilities {
  canPickFiles: boolean;
  canOpenWindows: boolean;
  /** Show a collection, folder or request in the system's file manager (`workspace.reveal`). */
  canRevealFiles: boolean;
}

/** The renderer's only way to its host: the Electron preload bridge or the web host's HTTP/WebSocket transport. */
export interface Platform {
  kind: 'electron' | 'web';
  capabilities: Capabilities;
  invoke(command: string, payload: unknown): Promise<Result<unknown>>;
  onEvent(listener: (message: EventMessage) => void): () => void;
}

/** Why a platform could not be reached; the app shows a sentence for each. */
export type PlatformProblem = 'needs-link' | 'host-unreachable';

export class PlatformUnavailable extends Error {
  readonly problem: PlatformProblem;
  constructor(problem: PlatformProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}
