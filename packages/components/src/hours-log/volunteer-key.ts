/**
 * Where a volunteer's access key lives on their device, shared by `<ds-volunteer-signup>` (which saves
 * it after sign-up) and `<ds-hours-log>` (which uses it): `localStorage` of the portal's origin.
 *
 * The key is a bearer secret: whoever holds it can log hours for the volunteer (which still wait for
 * staff to approve them) and read the volunteer's own record. Keeping it in `localStorage` means any
 * script on the portal's pages can read it — the same trust a portal already asks for its login — and
 * a shared device keeps it until the volunteer chooses "forget this device". Nothing else about the
 * volunteer is stored here.
 */

const STORAGE_KEY = 'doorstep:volunteer-access-key';
const CHANGE_EVENT = 'doorstep:volunteer-key';

/** The key saved on this device, if any (and if storage can be read at all). */
export function storedAccessKey(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function announce(): void {
  dispatchEvent(new Event(CHANGE_EVENT));
}

/** Saves the key on this device; widgets on the page that follow it pick it up. Fails quietly without storage. */
export function rememberAccessKey(key: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, key);
  } catch {
    // Private mode or full storage: the volunteer types the key next time.
  }
  announce();
}

/** Removes the key from this device (sign out on a shared computer). */
export function forgetAccessKey(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // As above.
  }
  announce();
}

/** Calls `listener` when the saved key changes, on this page or in another tab. Returns the unsubscribe. */
export function onAccessKeyChange(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) listener();
  };
  addEventListener(CHANGE_EVENT, listener);
  addEventListener('storage', onStorage);
  return () => {
    removeEventListener(CHANGE_EVENT, listener);
    removeEventListener('storage', onStorage);
  };
}
