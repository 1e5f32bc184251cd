import { describe, expect, it } from 'vitest';
import { newReference } from '@/lib/inquiries/reference';
import { newChatReference, parseChatReference } from './reference';

const FORM = /^CHAT-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$/;

describe('chat reference codes', () => {
  it('are four and four letters that can be read aloud, after CHAT-', () => {
    for (let i = 0; i < 2_000; i++) expect(newChatReference()).toMatch(FORM);
  });

  it('are random: 20,000 drawn give 20,000 different codes, and every letter of the alphabet turns up', () => {
    const codes = Array.from({ length: 20_000 }, newChatReference);
    expect(new Set(codes).size).toBe(codes.length);
    const letters = new Set(codes.join('').replace(/^CHAT-|-/g, ''));
    for (const c of 'ABCDEFGHJKMNPQRSTUVWXYZ23456789') expect(letters.has(c)).toBe(true);
  });

  it('can be told from an inquiry code', () => {
    expect(newReference()).not.toMatch(/^CHAT/);
    expect(parseChatReference(newReference())).toBeUndefined();
  });

  it('are read however they are typed or read out, and nothing else is taken for one', () => {
    expect(parseChatReference('chat k7qm 3xhp')).toBe('CHAT-K7QM-3XHP');
    expect(parseChatReference(' CHAT-K7QM3XHP ')).toBe('CHAT-K7QM-3XHP');
    expect(parseChatReference('Chat K7QM–3XHP')).toBe('CHAT-K7QM-3XHP');
    expect(parseChatReference('CHATK7QM3XHP')).toBe('CHAT-K7QM-3XHP');
    for (const wrong of ['K7QM-3XHP', 'CHAT-K7QM-3XH', 'CHAT-K7QM-3XHPP', 'CHAT-K0QM-3XHP', 'CHAT-1A2B-3C4D', 'CHAT-K7QM-3XHP; drop', '']) {
      expect(parseChatReference(wrong)).toBeUndefined();
    }
  });
});
