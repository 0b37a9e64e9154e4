import {
  commandPayloads,
  isCommandName,
  type CommandName,
  type CommandPayload,
  type CommandResult,
} from '../../shared/contract/commands.ts';
import { ShuttleFailure, fail, ok, type Result } from '../../shared/contract/errors.ts';

/** One handler per command; a command without a handler is a compile error here. */
export type CommandHandlers = {
  [C in CommandName]: (payload: CommandPayload<C>) => Promise<CommandResult<C>> | CommandResult<C>;
};

export interface Router {
  /** Validates and dispatches one call from an untrusted UI; never throws. */
  invoke(command: string, payload: unknown): Promise<Result<unknown>>;
}

export function createRouter(handlers: CommandHandlers, log: (message: string) => void = console.error): Router {
  return {
    async invoke(command, payload) {
      if (!isCommandName(command)) return fail('NOT_FOUND', `Unknown command "${command}"`, { command });
      const parsed = commandPayloads[command].safeParse(payload ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return fail('VALIDATION', `Invalid payload for ${command}: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim(), {
          command,
        });
      }
      const handler = handlers[command] as (payload: unknown) => unknown;
      try {
        return ok(await handler(parsed.data));
      } catch (error) {
        if (error instanceof ShuttleFailure) return { ok: false, error: error.toError() };
        log(`[shuttle] ${command} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fail('INTERNAL', error instanceof Error ? error.message : String(error));
      }
    },
  };
}
