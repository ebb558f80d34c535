// Fetches an episode's chapters or transcript file: straight from the host when it allows CORS,
// else through the app's proxy, as feeds are fetched. `force-cache` lets the browser's HTTP cache
// answer a file seen before, even offline.
import { proxiedUrl } from '../../shared/proxy-url.ts';

/** The text at `url`; throws when neither the host nor the proxy gives it. */
export async function fetchEpisodeText(url: string, signal?: AbortSignal): Promise<string> {
  const init: RequestInit = { cache: 'force-cache', signal };
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    // A TypeError is how fetch reports CORS and network failures alike: the proxy can tell.
    if (!(error instanceof TypeError)) throw error;
    response = await fetch(proxiedUrl(url), init);
  }
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
  return response.text();
}
