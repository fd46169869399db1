/** A failure as one bounded line for a delivery log (a receiver's error page can be long). */
export function errorText(e: unknown, max = 500): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.length > max ? `${message.slice(0, max)}…` : message;
}
