import { describe, expect, it } from 'vitest';
import { currentChapterIndex, parseChapters } from '../../../../src/features/player/chapters.ts';
import { currentCueIndex, parseTranscript } from '../../../../src/features/player/transcript.ts';

describe('chapters', () => {
  const chapters = parseChapters(
    JSON.stringify({
      version: '1.2.0',
      chapters: [
        { startTime: 120, title: 'Second' },
        { startTime: 0, title: 'Intro', img: 'https://x/i.png' },
        { startTime: 60, title: 'Hidden', toc: false },
        { title: 'No time' },
        { startTime: 300 },
      ],
    }),
  );

  it('reads chapters in time order, leaving out hidden and untimed ones', () => {
    expect(chapters.map((chapter) => [chapter.startTime, chapter.title])).toEqual([
      [0, 'Intro'],
      [120, 'Second'],
      [300, 'Untitled chapter'],
    ]);
    expect(chapters[0]?.img).toBe('https://x/i.png');
  });

  it('names the chapter playing now', () => {
    expect(currentChapterIndex(chapters, 0)).toBe(0);
    expect(currentChapterIndex(chapters, 119.9)).toBe(0);
    expect(currentChapterIndex(chapters, 120)).toBe(1);
    expect(currentChapterIndex(chapters, 5000)).toBe(2);
    expect(currentChapterIndex([], 10)).toBe(-1);
  });
});

describe('transcripts', () => {
  it('reads WebVTT cues with hours, tags and cue ids', () => {
    const cues = parseTranscript(
      'WEBVTT\n\n1\n00:00:00.000 --> 00:00:04.500\n<v Host>Hello and welcome.</v>\n\n01:00:01.000 --> 01:00:02.000\nLater',
      'text/vtt',
    );
    expect(cues).toEqual([
      { start: 0, end: 4.5, text: 'Hello and welcome.' },
      { start: 3601, end: 3602, text: 'Later' },
    ]);
    expect(currentCueIndex(cues, 2)).toBe(0);
    expect(currentCueIndex(cues, 10)).toBe(-1);
  });

  it('reads SRT with commas in the times', () => {
    expect(
      parseTranscript('1\r\n00:00:01,250 --> 00:00:02,000\r\nOne\r\ntwo\r\n', 'application/srt'),
    ).toEqual([{ start: 1.25, end: 2, text: 'One two' }]);
  });

  it('reads the JSON format', () => {
    const json = JSON.stringify({
      version: '1.0.0',
      segments: [
        { startTime: 0.5, endTime: 1.5, body: 'Hi', speaker: 'A' },
        { startTime: 2, endTime: 3, body: '  ' },
      ],
    });
    expect(parseTranscript(json, 'application/json')).toEqual([
      { start: 0.5, end: 1.5, text: 'Hi' },
    ]);
  });

  it('shows HTML transcripts as untimed text, never as markup', () => {
    const cues = parseTranscript(
      '<p>One <img src=x onerror=alert(1)></p>\n\n<p>Two</p>',
      'text/html',
    );
    expect(cues).toEqual([{ text: 'One' }, { text: 'Two' }]);
    expect(currentCueIndex(cues, 1)).toBe(-1);
  });
});
