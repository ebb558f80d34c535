// The Up Next queue: what plays after the current episode, reorderable with buttons (so with the
// keyboard too), each move announced.
import { useLiveQuery } from 'dexie-react-hooks';
import { ArrowDown, ArrowUp, Play, X } from 'lucide-react';
import { useState } from 'react';
import { db } from '../../db/database.ts';
import { dequeue, listQueue, moveInQueue } from '../../db/queue.ts';
import { IconButton } from '../../ui/icon-button.tsx';
import { playEpisode } from './audio-engine.ts';

/** The queue with Play, Move up, Move down and Remove per episode. */
export function UpNext() {
  const [said, setSaid] = useState('');
  const items = useLiveQuery(async () => {
    const queue = await listQueue();
    const episodes = await db.episodes.bulkGet(queue.map((item) => item.episodeId));
    return queue.map((item, index) => ({ ...item, title: episodes[index]?.title ?? 'Unknown' }));
  });
  const move = async (episodeId: string, title: string, by: number) => {
    const to = await moveInQueue(episodeId, by);
    setSaid(`${title} moved to position ${to + 1} of ${items?.length ?? 0}`);
  };
  return (
    <section className="up-next" aria-labelledby="up-next-heading">
      <h2 id="up-next-heading">Up Next</h2>
      {items?.length === 0 && (
        <p className="muted">
          Nothing queued. Add episodes with “Add to Up Next” in an episode’s ⋮ menu.
        </p>
      )}
      <ol aria-label="Up Next">
        {items?.map((item, index) => (
          <li key={item.episodeId} className="up-next-item" aria-label={item.title}>
            <span className="up-next-title">{item.title}</span>
            <IconButton
              icon={Play}
              label="Play now"
              tip="end"
              onClick={() => void playEpisode(item.episodeId)}
            />
            <IconButton
              icon={ArrowUp}
              label={`Move ${item.title} up`}
              disabled={index === 0}
              onClick={() => void move(item.episodeId, item.title, -1)}
            />
            <IconButton
              icon={ArrowDown}
              label={`Move ${item.title} down`}
              disabled={index === items.length - 1}
              onClick={() => void move(item.episodeId, item.title, 1)}
            />
            <IconButton
              icon={X}
              label={`Remove ${item.title} from Up Next`}
              onClick={() => {
                void dequeue(item.episodeId);
                setSaid(`${item.title} removed from Up Next`);
              }}
            />
          </li>
        ))}
      </ol>
      <p role="status" className="visually-hidden">
        {said}
      </p>
    </section>
  );
}
