// Put an episode at the end of Up Next.
import { useState } from 'react';
import { enqueue } from '../../db/queue.ts';

/** An "Add to Up Next" button that says when the episode was added. */
export function AddToQueueButton({ episodeId }: { episodeId: string }) {
  const [added, setAdded] = useState(false);
  return (
    <button
      type="button"
      aria-pressed={added || undefined}
      onClick={() => void enqueue(episodeId).then(() => setAdded(true))}
    >
      {added ? 'Added to Up Next' : 'Add to Up Next'}
    </button>
  );
}
