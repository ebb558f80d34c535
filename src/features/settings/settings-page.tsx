// Settings: where a listener manages the device. Storage (figures, persistence, every download),
// automatic clean-up, downloads, new episodes, and backup.
import './settings.css';
import { BackupControls } from './backup-controls.tsx';
import { CleanupSettings } from './cleanup-settings.tsx';
import { DownloadSettings } from './download-settings.tsx';
import { DownloadedList } from './downloaded-list.tsx';
import { RefreshSettings } from './refresh-settings.tsx';
import { StorageCheckButton } from './storage-check-button.tsx';
import { StorageSummary } from './storage-summary.tsx';

/** The settings page. */
export function SettingsPage() {
  return (
    <div className="settings-page">
      <h1>Settings</h1>
      <section id="storage" aria-labelledby="storage-heading">
        <h2 id="storage-heading">Storage</h2>
        <StorageSummary />
        <StorageCheckButton />
      </section>
      <section aria-labelledby="downloaded-heading">
        <h2 id="downloaded-heading">Downloaded episodes</h2>
        <DownloadedList />
      </section>
      <section aria-labelledby="cleanup-heading">
        <h2 id="cleanup-heading">Automatic clean-up</h2>
        <CleanupSettings />
      </section>
      <section aria-labelledby="download-settings-heading">
        <h2 id="download-settings-heading">Downloads</h2>
        <DownloadSettings />
      </section>
      <section aria-labelledby="refresh-settings-heading">
        <h2 id="refresh-settings-heading">New episodes</h2>
        <RefreshSettings />
      </section>
      <section aria-labelledby="backup-heading">
        <h2 id="backup-heading">Backup</h2>
        <BackupControls />
      </section>
    </div>
  );
}
