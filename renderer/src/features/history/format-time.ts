/** "14:03" — the time of an entry in the list (its day is the heading above it). */
export function formatClock(at: number, locale: string): string {
  return new Date(at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}

/** "Mar 9, 14:03:27" — an entry's moment where no day heading gives context. */
export function formatMoment(at: number, locale: string): string {
  return new Date(at).toLocaleString(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** "Sat, Mar 9" (or with the year when it is not this year). */
export function formatDay(at: number, now: number, locale: string): string {
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return new Date(at).toLocaleDateString(locale, { weekday: 'short', month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) });
}
