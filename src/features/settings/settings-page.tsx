// Settings: storage, downloads, backup.

/** The settings page. */
export function SettingsPage() {
  return (
    <>
      <h1>Settings</h1>
    </>
  );
}
