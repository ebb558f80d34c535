// The feed worker: a dedicated Worker the page starts at its first subscribe, refresh or OPML
// import, exposing feed-worker-api.ts through comlink.
import { expose } from 'comlink';
import { feedWorkerApi } from './feed-worker-api.ts';

expose(feedWorkerApi);
