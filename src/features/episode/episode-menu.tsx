// An episode's secondary actions, in its "more" menu: Up Next, the played mark, the episode page.
import { FileText } from 'lucide-react';
import { Link } from 'wouter';
import type { Episode } from '../../db/schema.ts';
import { episodePageHref } from '../../shared/app-routes.ts';
import { MoreMenu } from '../../ui/more-menu.tsx';
import { AddToQueueButton } from '../player/add-to-queue-button.tsx';
import { PlayedToggle } from './played-toggle.tsx';

/** "More actions": Add to Up Next, Played and Show notes (the row names the episode). */
export function EpisodeMenu({ episode }: { episode: Episode }) {
  return (
    <MoreMenu label="More actions">
      {episode.enclosure && <AddToQueueButton episodeId={episode.id} />}
      <PlayedToggle episode={episode} />
      <Link href={episodePageHref(episode.id)} className="menu-item">
        <FileText size={20} aria-hidden="true" />
        Show notes
      </Link>
    </MoreMenu>
  );
}
