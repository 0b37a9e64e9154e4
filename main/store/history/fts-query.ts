/**
 * Turns what a person types into an FTS5 query over the text columns: every word (or "quoted
 * phrase") must occur, and the last word of each may be the start of a longer one, so results
 * follow the typing. Words are quoted, which makes FTS5 operators (AND, NEAR, *, column:) plain
 * text: typing never fails. Returns undefined when nothing searchable was typed.
 */
export function toFtsQuery(input: string | undefined): string | undefined {
  if (!input) return undefined;
  const terms: string[] = [];
  for (const match of input.matchAll(/"([^"]*)"?|(\S+)/g)) {
    const text = match[1] ?? match[2] ?? '';
    // A term without letters or digits has no tokens and would make FTS5 match nothing.
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    terms.push(`"${text.replaceAll('"', '""')}"*`);
  }
  // The filter tokens live in their own column, so a typed word never matches them.
  return terms.length > 0 ? `{url method headers body} : (${terms.join(' ')})` : undefined;
}
