/**
 * `{{$name}}` variables computed at send time. Randomness and time come from the caller (the engine
 * passes Node's crypto and clock; tests pass fixed ones), so this file stays pure.
 */
export interface DynamicSource {
  /** Epoch ms. */
  now(): number;
  /** Uniform in [0, 1). */
  random(): number;
  /** A random (v4) UUID. */
  uuid(): string;
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Every dynamic variable, with what it produces (docs/workspace-format.md lists the same set). */
export const DYNAMIC_VARIABLES: ReadonlyMap<string, (source: DynamicSource) => string> = new Map([
  ['$uuid', (source: DynamicSource) => source.uuid()],
  ['$guid', (source: DynamicSource) => source.uuid()],
  ['$randomUUID', (source: DynamicSource) => source.uuid()],
  /** Unix time in seconds. */
  ['$timestamp', (source: DynamicSource) => String(Math.floor(source.now() / 1000))],
  ['$timestampMs', (source: DynamicSource) => String(Math.floor(source.now()))],
  ['$isoTimestamp', (source: DynamicSource) => new Date(source.now()).toISOString()],
  /** An integer from 0 to 1000. */
  ['$randomInt', (source: DynamicSource) => String(Math.floor(source.random() * 1001))],
  ['$randomFloat', (source: DynamicSource) => (source.random() * 1000).toFixed(2)],
  ['$randomBoolean', (source: DynamicSource) => String(source.random() < 0.5)],
  ['$randomAlphaNumeric', (source: DynamicSource) => ALPHANUMERIC[Math.floor(source.random() * ALPHANUMERIC.length)]!],
  ['$randomHexColor', (source: DynamicSource) => `#${Math.floor(source.random() * 0x1000000).toString(16).padStart(6, '0')}`],
]);

export function isDynamicVariable(name: string): boolean {
  return DYNAMIC_VARIABLES.has(name);
}
