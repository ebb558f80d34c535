// Asking the server's directory from the page: answers are read defensively and kept on the
// device; offline or with the directory down, the kept answer (for this request, else the last of
// its kind) is shown with a message saying so; with nothing kept, a plain message.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { askDirectory, directoryPath } from '../../../../src/features/discover/ask-directory.ts';
import { readAnswer } from '../../../../src/features/discover/directory-answer.ts';
import { memoryCaches } from '../storage/memory-caches.ts';

const answer = (titles: string[], message?: string) => ({
  podcasts: titles.map((title, index) => ({
    feedUrl: `https://feeds.example.com/${index}.xml`,
    title,
    author: 'Author',
  })),
  fetchedAt: '2026-12-01T10:00:00.000Z',
  ...(message ? { message } : {}),
});

let server: (path: string) => Response | Promise<Response>;

beforeEach(() => {
  vi.stubGlobal('caches', memoryCaches());
  vi.stubGlobal(
    'fetch',
    vi.fn((path: string) => Promise.resolve(server(path))),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const search = (term: string) => ({ kind: 'search' as const, term, country: 'gb' });
const top = (genre: number) => ({ kind: 'top' as const, genre, country: 'us' });
const down = () => {
  server = () => {
    throw new TypeError('Failed to fetch');
  };
};
/** Lets the kept answer's write finish (it is not awaited by askDirectory). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('askDirectory', () => {
  it('asks the app’s own server, never a directory', async () => {
    server = () => Response.json(answer(['A']));
    await askDirectory(search('  news  '));
    await askDirectory(top(1303));
    expect(vi.mocked(fetch).mock.calls.map(([path]) => path)).toEqual([
      '/directory/search?term=news&country=gb',
      '/directory/top?genre=1303&country=us',
    ]);
  });

  it('shows the kept answer with a message when offline', async () => {
    server = () => Response.json(answer(['Kept show']));
    await askDirectory(search('news'));
    await settle();
    down();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const result = await askDirectory(search('news'));
    expect(result.podcasts.map((p) => p.title)).toEqual(['Kept show']);
    expect(result.kept?.path).toBe(directoryPath(search('news')));
    expect(result.message).toMatch(/^You are offline\. Showing the results kept on .+\.$/);
  });

  it('shows the last kept results of the same kind for a new request, naming them', async () => {
    server = () => Response.json(answer(['Older']));
    await askDirectory(search('older'));
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 5));
    server = () => Response.json(answer(['Newer']));
    await askDirectory(search('newer'));
    await askDirectory(top(1303));
    await settle();
    server = () =>
      Response.json(answer([], 'Apple Podcasts could not be reached. Try again.'), { status: 502 });
    const result = await askDirectory(search('never asked'));
    expect(result.podcasts.map((p) => p.title)).toEqual(['Newer']);
    expect(result.message).toMatch(
      /^Apple Podcasts could not be reached\. Try again\. Showing the last results kept, for “newer” \(on .+\)\.$/,
    );
    const chart = await askDirectory(top(1318));
    expect(chart.message).toMatch(/Showing the last chart kept: Comedy, United States \(on .+\)\./);
  });

  it('says plainly when nothing is kept', async () => {
    down();
    const result = await askDirectory(top(26));
    expect(result.podcasts).toEqual([]);
    expect(result.kept).toBeUndefined();
    expect(result.message).toMatch(
      /could not be reached\. No earlier chart is kept on this device\./,
    );
  });

  it('does not fall back for a request the server refused as asked', async () => {
    server = () => Response.json(answer(['Kept']));
    await askDirectory(search('x'));
    await settle();
    server = () => Response.json(answer([], 'Search for at most 100 characters.'), { status: 400 });
    const result = await askDirectory(search('x'));
    expect(result).toMatchObject({ podcasts: [], message: 'Search for at most 100 characters.' });
  });

  it('treats an answer that is not JSON as a failure', async () => {
    server = () => new Response('<html>captive portal</html>', { status: 200 });
    const result = await askDirectory(search('x'));
    expect(result.podcasts).toEqual([]);
    expect(result.message).toMatch(/answered 200/);
  });
});

describe('readAnswer', () => {
  it('keeps only entries with an http(s) feed and a title, and sane counts', () => {
    const read = readAnswer({
      podcasts: [
        null,
        { feedUrl: 'javascript:alert(1)', title: 'Script' },
        { feedUrl: 'https://ok.example/feed', title: '' },
        {
          feedUrl: 'https://ok.example/feed',
          title: 'Good',
          author: 42,
          artworkUrl: 'data:image/png;base64,AA',
          episodeCount: 1e300,
        },
      ],
      fetchedAt: '2026-12-01T10:00:00.000Z',
    });
    expect(read?.podcasts).toEqual([
      {
        feedUrl: 'https://ok.example/feed',
        title: 'Good',
        author: '',
        artworkUrl: undefined,
        genre: undefined,
        episodeCount: undefined,
        description: undefined,
      },
    ]);
    expect(readAnswer({ podcasts: 'none' })).toBeUndefined();
  });
});
