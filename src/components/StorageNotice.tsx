import { useEffect, useState } from 'react';
import { onStorageTrouble, storageTrouble, type StorageTrouble } from '../storage/health';

/**
 * A persistent notice while the browser's storage refuses writes (full, blocked, private mode):
 * the user learns at once that progress is not being kept, and — when the disk is full — is
 * offered the export that saves it.
 */
export function StorageNotice() {
  const [trouble, setTrouble] = useState<StorageTrouble | undefined>(storageTrouble());
  useEffect(() => onStorageTrouble(setTrouble), []);
  if (!trouble) return null;
  return (
    <div className="banner error page-banner" role="alert" data-testid="storage-notice" data-kind={trouble.kind}>
      {trouble.message}
      {trouble.kind === 'quota' && (
        <>
          {' '}
          <a href="#/progress" data-testid="storage-export">
            Export progress
          </a>
        </>
      )}
    </div>
  );
}
