// An episode's show notes, sanitised only when shown (a list of thousands stays cheap), with its
// transcripts, chapters, credits and web page: whole on the episode's page, or as a disclosure.
import { useMemo, useState } from 'react';
import type { Episode } from '../../db/schema.ts';
import { showNotesHtml } from '../../feeds/sanitize-html.ts';
import { toHttpUrl } from '../../shared/url-rules.ts';

/** The links and credits an episode carries, only those with http(s) addresses. */
function episodeExtras(episode: Episode) {
  const links = [
    ...(episode.transcripts ?? []).map((t) => ({
      href: t.url,
      text: t.language ? `Transcript (${t.language})` : 'Transcript',
    })),
    { href: episode.chaptersUrl, text: 'Chapters' },
    { href: episode.link, text: 'Episode page' },
  ].flatMap(({ href, text }) => {
    const safe = toHttpUrl(href);
    return safe ? [{ href: safe, text }] : [];
  });
  const people = (episode.persons ?? [])
    .map((person) => (person.role ? `${person.name} (${person.role})` : person.name))
    .join(', ');
  return { links, people };
}

/** The notes, credits and links, shown whole. */
export function ShowNotesBody({ episode, feedUrl }: { episode: Episode; feedUrl?: string }) {
  const notes = useMemo(
    () => showNotesHtml(episode.descriptionHtml, feedUrl),
    [episode.descriptionHtml, feedUrl],
  );
  const { links, people } = episodeExtras(episode);
  return (
    <>
      {notes ? (
        <div className="notes" dangerouslySetInnerHTML={{ __html: notes }} />
      ) : (
        <p className="muted">This episode has no show notes.</p>
      )}
      {people && <p className="muted">With {people}</p>}
      {links.length > 0 && (
        <p className="episode-links">
          {links.map((link) => (
            <a key={link.href} href={link.href} target="_blank" rel="noopener noreferrer">
              {link.text}
            </a>
          ))}
        </p>
      )}
    </>
  );
}

/** A "Show notes" disclosure; nothing when the episode has none. */
export function ShowNotes({ episode, feedUrl }: { episode: Episode; feedUrl?: string }) {
  const [open, setOpen] = useState(false);
  const { links, people } = episodeExtras(episode);
  if (!episode.descriptionHtml && links.length === 0 && !people) return null;
  return (
    <details className="show-notes" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Show notes</summary>
      {open && <ShowNotesBody episode={episode} feedUrl={feedUrl} />}
    </details>
  );
}
