// Put an episode at the end of Up Next.
import { ListEnd, ListPlus } from 'lucide-react';
import { useState } from 'react';
import { enqueue } from '../../db/queue.ts';

/** An "Add to Up Next" menu action that says when the episode was added. */
export function AddToQueueButton({ episodeId }: { episodeId: string }) {
  const [added, setAdded] = useState(false);
  const Icon = added ? ListEnd : ListPlus;
  return (
    <button
      type="button"
      className="menu-item"
      aria-pressed={added || undefined}
      onClick={() => void enqueue(episodeId).then(() => setAdded(true))}
    >
      <Icon size={20} aria-hidden="true" />
      {added ? 'Added to Up Next' : 'Add to Up Next'}
    </button>
  );
}
