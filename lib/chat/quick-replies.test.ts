import { describe, expect, it } from 'vitest';
import { filterQuickReplies, insertQuickReply, quickReplyQueryAt, type QuickReply } from './quick-replies';

const replies: QuickReply[] = [
  { id: '1', category: 'apning', title: 'Velkommen', text: 'Hei, så fint at du tar kontakt!' },
  { id: '2', category: 'er-du-der', title: 'Er du der fortsatt?', text: 'Jeg venter her.' },
  { id: '3', category: 'henvisning', title: 'Hjelpetelefoner', text: 'Ring Alarmtelefonen på 116 111.' },
  { id: '4', category: 'avslutning', title: 'Takk for praten', text: 'Du er velkommen tilbake.' },
];
const ids = (query: string) => filterQuickReplies(replies, query).map((r) => r.id);

describe('finding a ready answer', () => {
  it('gives every answer in order for an empty query', () => {
    expect(ids('')).toEqual(['1', '2', '3', '4']);
  });

  it('matches title, category label and text, regardless of case and accents, title starts first', () => {
    expect(ids('velk')).toEqual(['1', '4']);
    expect(ids('VELKOMMEN')).toEqual(['1', '4']);
    expect(ids('apning')).toEqual(['1']);
    expect(ids('åpning')).toEqual(['1']);
    expect(ids('henvis')).toEqual(['3']);
    expect(ids('116')).toEqual(['3']);
  });

  it('needs every word, in any order', () => {
    expect(ids('der er')).toEqual(['2']);
    expect(ids('takk velkommen')).toEqual(['4']);
    expect(ids('takk kaffe')).toEqual([]);
  });
});

describe('the /query in the message field', () => {
  it('is a slash at the start or after whitespace, with what follows up to the caret', () => {
    expect(quickReplyQueryAt('/', 1)).toEqual({ start: 0, end: 1, query: '' });
    expect(quickReplyQueryAt('/velk', 5)).toEqual({ start: 0, end: 5, query: 'velk' });
    expect(quickReplyQueryAt('Hei! /er du', 11)).toEqual({ start: 5, end: 11, query: 'er du' });
    expect(quickReplyQueryAt('Hei\n/takk', 9)).toEqual({ start: 4, end: 9, query: 'takk' });
  });

  it('is not a slash inside a word, a date or an address, nor once the caret has moved on', () => {
    expect(quickReplyQueryAt('og/eller', 8)).toBeNull();
    expect(quickReplyQueryAt('1/12', 4)).toBeNull();
    expect(quickReplyQueryAt('https://example.org', 19)).toBeNull();
    expect(quickReplyQueryAt('/velk ', 6)).toBeNull();
    expect(quickReplyQueryAt('/velk og mer', 3)).toEqual({ start: 0, end: 3, query: 've' });
  });
});

describe('inserting an answer', () => {
  it('replaces the /query and puts the caret after the answer', () => {
    expect(insertQuickReply('Hei! /velk', { start: 5, end: 10 }, 'Velkommen hit.')).toEqual({ draft: 'Hei! Velkommen hit.', caret: 19 });
    expect(insertQuickReply('', { start: 0, end: 0 }, 'Takk.')).toEqual({ draft: 'Takk.', caret: 5 });
  });
});
