import { vi } from 'vitest';
import type { CommandHandlers } from '../../../main/rpc/router.ts';

type TransportCommand = Extract<keyof CommandHandlers, `cookies.${string}` | `oauth2.${string}`>;

const TRANSPORT_COMMANDS: readonly TransportCommand[] = [
  'cookies.list',
  'cookies.set',
  'cookies.delete',
  'cookies.clear',
  'oauth2.token',
  'oauth2.fetchToken',
  'oauth2.clearToken',
  'oauth2.authorize',
  'oauth2.cancelAuthorization',
];

/** A spy for every cookie and OAuth 2.0 command that fails the test if it is called (router tests exercise other commands). */
export function transportHandlerSpies(): Pick<CommandHandlers, TransportCommand> {
  const entries = TRANSPORT_COMMANDS.map((command) => [
    command,
    vi.fn(() => {
      throw new Error(`${command} should not have been called`);
    }),
  ]);
  return Object.fromEntries(entries) as unknown as Pick<CommandHandlers, TransportCommand>;
}
