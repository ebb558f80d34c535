// Which upstream answers are media, streamed without the document caps but counted against the
// client's stream limit. The upstream's Content-Type decides, never the request: a Range header
// alone does not make a request media.

const MEDIA = /^(audio|video)\/|^(application|binary)\/octet-stream\b|^application\/(ogg|mp4)\b/;

/**
 * True for audio/*, video/*, octet-stream, Ogg and MP4 containers, and for no Content-Type at all,
 * which a recipient may treat as application/octet-stream (RFC 9110 §8.3).
 */
export function isMediaType(contentType: string | undefined): boolean {
  const type = contentType?.trim().toLowerCase() ?? '';
  return type === '' || MEDIA.test(type);
}
