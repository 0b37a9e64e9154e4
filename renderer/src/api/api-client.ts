import type { CommandName, CommandPayload, CommandResult } from '../../../shared/contract/commands.ts';
import type { Result } from '../../../shared/contract/errors.ts';
import type { EventName, EventPayloads } from '../../../shared/contract/events.ts';
import type { Capabilities, Platform } from '../platform/platform.ts';

/** The contract, typed, on top of whichever platform the page runs in. Failures come back as values. */
export interface ApiClient {
  /** What this host can do beyond the contract: features branch on these, never on the kind of host. */
  capabilities: Capabilities;
  call<C extends CommandName>(command: C, payload: CommandPayload<C>): Promise<Result<CommandResult<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

export function createApiClient(platform: Platform): ApiClient {
  return {
    capabilities: platform.capabilities,
    call: (command, payload) => platform.invoke(command, payload) as Promise<Result<CommandResult<typeof command>>>,
    on(event, listener) {
      return platform.onEvent((message) => {
        if (message.event === event) listener(message.payload as EventPayloads[typeof event]);
      });
    },
  };
}
