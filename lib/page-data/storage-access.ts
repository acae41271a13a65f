// Storage for the extension's own pages only. By default a content script may read and write
// storage.local and storage.sync, so code running in a compromised page renderer could plant an
// unsigned list for every tab or rewrite the user's settings. Chromium lets the background lock both
// areas to trusted contexts; Firefox has no such switch (its content scripts simply never touch
// storage: they ask the background, lib/page-data/service.ts).

type AccessArea = { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> | void };

export interface LockResult {
  local: 'locked' | 'unsupported' | string;
  sync: 'locked' | 'unsupported' | string;
}

export async function lockStorage(storage: { local?: AccessArea; sync?: AccessArea } | undefined = (globalThis as { chrome?: { storage?: { local?: AccessArea; sync?: AccessArea } } }).chrome?.storage): Promise<LockResult> {
  const lock = async (area: AccessArea | undefined): Promise<string> => {
    if (!area || typeof area.setAccessLevel !== 'function') return 'unsupported';
    try {
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      return 'locked';
    } catch (error) {
      console.warn('Sanctions Lens: storage could not be locked to the extension', error);
      return error instanceof Error ? error.message : String(error);
    }
  };
  const [local, sync] = await Promise.all([lock(storage?.local), lock(storage?.sync)]);
  return { local, sync };
}
