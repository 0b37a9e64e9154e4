export const ROOT: string;
/** Newest modification time (ms) of any file under the given paths; 0 when there is none. */
export function newestMtime(paths: string[]): number;
/** True when an output is missing or older than any of its sources. */
export function isStale(outputs: string[], sources: string[]): boolean;
export function ensureRendererBuilt(root?: string): void;
export function ensureMainBuilt(root?: string): Promise<void>;
