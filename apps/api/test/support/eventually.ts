import { setTimeout as delay } from 'node:timers/promises';

/** Polls `probe` until it returns a truthy value (or the attempts run out) and returns the last value. */
export async function eventually<T>(probe: () => Promise<T>, attempts = 100, intervalMs = 50): Promise<T> {
  let value = await probe();
  for (let i = 1; i < attempts && !value; i++) {
    await delay(intervalMs);
    value = await probe();
  }
  return value;
}
