import type { SpawnOptions, SpawnSyncReturns } from 'node:child_process';

/** Where an Electron binary is, or a short reason (for one sentence) why there is none. */
export type ElectronLookup = { path: string } | { reason: string };

export type LaunchPlan =
  | { kind: 'electron'; command: string; args: string[] }
  | { kind: 'web'; notice: string; command: string; args: string[] };

export const ELECTRON_PROBE_TIMEOUT_MS: number;
export function obtainElectron(root: string, options?: { env?: NodeJS.ProcessEnv; timeoutMs?: number }): ElectronLookup;
export function installedElectron(root: string, env?: NodeJS.ProcessEnv): ElectronLookup;
export function describeElectronFailure(
  probe: Pick<SpawnSyncReturns<string>, 'status' | 'signal' | 'stderr'> & { error?: (Error & { code?: string }) | undefined },
  timeoutMs?: number,
): string;
export function planLaunch(electron: ElectronLookup, options: { root: string; args: string[]; execPath?: string }): LaunchPlan;
export function runForwardingSignals(command: string, args: string[], options?: SpawnOptions): Promise<number>;
