/** A day as GB/T 7714 writes dates (YYYY-MM-DD), in the time zone of the given clock. */
export function isoDay(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, "0");
  const day = String(now.getDate()).padStart(2, "0");
  return `${String(now.getFullYear()).padStart(4, "0")}-${month}-${day}`;
}
