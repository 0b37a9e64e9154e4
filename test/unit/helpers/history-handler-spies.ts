import { vi } from 'vitest';
import { commandPayloads, type CommandName } from '../../../shared/contract/commands.ts';
import type { CommandHandlers } from '../../../main/rpc/router.ts';

type HistoryCommand = Extract<CommandName, `history.${string}`>;

/** A spy for every history command that fails the test if it is called (router tests exercise other commands). */
export function historyHandlerSpies(): Pick<CommandHandlers, HistoryCommand> {
  const entries = Object.keys(commandPayloads)
    .filter((command) => command.startsWith('history.'))
    .map((command) => [
      command,
      vi.fn(() => {
        throw new Error(`${command} should not have been called`);
      }),
    ]);
  // One spy per history.* key of the payload map, which is exactly the set of history commands.
  return Object.fromEntries(entries) as unknown as Pick<CommandHandlers, HistoryCommand>;
}
