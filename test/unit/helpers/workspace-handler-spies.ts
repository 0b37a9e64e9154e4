import { vi } from 'vitest';
import { workspaceCommandPayloads, type WorkspaceCommandResults } from '../../../shared/contract/workspace-commands.ts';
import type { CommandHandlers } from '../../../main/rpc/router.ts';

/** A spy for every workspace command that fails the test if it is called (router tests exercise other commands). */
export function workspaceHandlerSpies(): Pick<CommandHandlers, keyof WorkspaceCommandResults> {
  const entries = Object.keys(workspaceCommandPayloads).map((command) => [
    command,
    vi.fn(() => {
      throw new Error(`${command} should not have been called`);
    }),
  ]);
  // One spy per key of the payload map, which is exactly the set of workspace commands.
  return Object.fromEntries(entries) as unknown as Pick<CommandHandlers, keyof WorkspaceCommandResults>;
}
