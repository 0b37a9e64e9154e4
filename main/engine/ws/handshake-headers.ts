import type { ClientRequest } from 'node:http';
import type { RawHeader } from '../../../shared/model/response.ts';

/** The headers of the upgrade request as Node will write them: names in their case, in order, Host included. */
export function sentHeaders(request: ClientRequest): RawHeader[] {
  return request.getRawHeaderNames().map((name) => {
    const value = request.getHeader(name);
    return [name, Array.isArray(value) ? value.join(', ') : String(value ?? '')];
  });
}

/** A flat `rawHeaders` list (name, value, name, value…) as pairs, exactly as received. */
export function receivedHeaders(rawHeaders: string[]): RawHeader[] {
  const pairs: RawHeader[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) pairs.push([rawHeaders[i]!, rawHeaders[i + 1]!]);
  return pairs;
}

/**
 * The user's headers as the object the ws library takes. Names that differ only in case are one
 * header on the wire, so their values are joined the way HTTP combines repeated fields.
 */
export function headerObject(headers: RawHeader[]): Record<string, string> {
  const byLowerName = new Map<string, [name: string, values: string[]]>();
  for (const [name, value] of headers) {
    const existing = byLowerName.get(name.toLowerCase());
    if (existing) existing[1].push(value);
    else byLowerName.set(name.toLowerCase(), [name, [value]]);
  }
  return Object.fromEntries([...byLowerName.values()].map(([name, values]) => [name, values.join(', ')]));
}
