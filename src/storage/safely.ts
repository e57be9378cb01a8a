/**
 * Storage must never be the reason the app breaks: IndexedDB can be disabled, full or blocked.
 * Run a storage operation and fall back (with a warning) when it fails.
 */
export async function safely<T>(work: () => Promise<T>, fallback: T, what = 'storage'): Promise<T> {
  try {
    return await work();
  } catch (error) {
    console.warn(`[tensordojo] ${what} unavailable:`, error);
    return fallback;
  }
}
