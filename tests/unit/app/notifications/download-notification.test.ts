// Download notifications: none while the app is on screen; otherwise the episode's title and
// artwork, one per episode, opening that episode when tapped.
import { describe, expect, it } from 'vitest';
import { downloadNotification, shouldNotify } from '../../../../sw/download-notification.ts';

const download = {
  episodeId: 'ep-1',
  title: 'First Light',
  artworkUrl: 'https://example.org/art.png',
  failureMessage: undefined,
};

describe('shouldNotify', () => {
  it('stays quiet while any window of the app is visible', () => {
    expect(shouldNotify([{ visibilityState: 'hidden' }, { visibilityState: 'visible' }])).toBe(
      false,
    );
  });

  it('notifies with no window, or only hidden ones', () => {
    expect(shouldNotify([])).toBe(true);
    expect(shouldNotify([{ visibilityState: 'hidden' }])).toBe(true);
  });
});

describe('downloadNotification', () => {
  it('names the downloaded episode, shows its artwork and links to it', () => {
    const { title, options } = downloadNotification(download, 'downloaded', 'pod 1');
    expect(title).toBe('Downloaded: First Light');
    expect(options.icon).toBe('https://example.org/art.png');
    expect(options.tag).toBe('download:ep-1');
    expect(options.data).toEqual({ episodeId: 'ep-1', url: '/podcast/pod%201?episode=ep-1' });
  });

  it('says why a download failed, with the app icon when there is no artwork', () => {
    const failed = {
      ...download,
      artworkUrl: undefined,
      failureMessage: 'The server answered 404.',
    };
    const { title, options } = downloadNotification(failed, 'failed', 'pod-1');
    expect(title).toBe('Download failed: First Light');
    expect(options.body).toBe('The server answered 404.');
    expect(options.icon).toBe('/pwa-192x192.png');
    expect(options.tag).toBe('download:ep-1');
  });

  it('opens Downloads when the episode is no longer in the library', () => {
    expect(downloadNotification(download, 'downloaded', undefined).options.data.url).toBe(
      '/downloads',
    );
  });
});
