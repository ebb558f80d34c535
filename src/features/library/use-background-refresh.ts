// Wires background refresh to the app's life: registers the periodic refresh with the listener's
// interval, and refreshes stale podcasts when the app opens and whenever it becomes visible.
import { useEffect } from 'react';
import { getSettingOrDefault } from '../../db/settings.ts';

/** Keeps the library fresh while the app is used; see background-refresh.ts. */
export function useBackgroundRefresh(): void {
  useEffect(() => {
    // Loaded after the first screen: none of it is needed to draw the library.
    const refresh = async () => (await import('./background-refresh.ts')).refreshStaleNow();
    const report = (error: unknown) => console.error('Background refresh failed:', error);
    void (async () => {
      const { registerPeriodicRefresh } = await import('./background-refresh.ts');
      await registerPeriodicRefresh(await getSettingOrDefault('refreshIntervalMinutes'));
      await refresh();
    })().catch(report);
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh().catch(report);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);
}
