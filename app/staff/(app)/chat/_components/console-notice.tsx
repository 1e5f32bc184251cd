'use client';

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { HostMessage, QueueItem } from './use-host-events';

const SOUND_KEY = 'hjelpelinje.chat.lyd';
const SOUND_CHANGED = 'hjelpelinje-lyd';

function onSoundChange(changed: () => void) {
  window.addEventListener('storage', changed);
  window.addEventListener(SOUND_CHANGED, changed);
  return () => {
    window.removeEventListener('storage', changed);
    window.removeEventListener(SOUND_CHANGED, changed);
  };
}

/**
 * A host with the console in a background tab still learns that something happened: the tab's
 * title counts the chats in the queue and the visitors' messages that arrived while the tab was
 * hidden, and an optional short tone (off until the host turns it on, remembered in this browser
 * only) sounds for a new chat in the queue or a new message from a visitor. The stream behind
 * it is fed by every instance (lib/chat/hub.ts), so a chat started on another instance counts.
 * A message shown again after a reconnect is not new.
 */
export function useConsoleNotice({ queue, messages }: { queue: readonly QueueItem[]; messages: Record<string, HostMessage[]> }) {
  const sound = useSyncExternalStore(
    onSoundChange,
    () => window.localStorage.getItem(SOUND_KEY) === 'på',
    () => false,
  );
  const [unread, setUnread] = useState(0);
  const seen = useRef<{ chats: Set<string>; messages: Set<string> }>({ chats: new Set(), messages: new Set() });
  // What the console showed when it opened was already there: only what came later is new.
  const [openedAt] = useState(() => Date.now());
  const baseTitle = useRef<string | null>(null);

  useEffect(() => {
    const visible = () => {
      if (document.visibilityState === 'visible') setUnread(0);
    };
    document.addEventListener('visibilitychange', visible);
    return () => document.removeEventListener('visibilitychange', visible);
  }, []);

  // What is new since the last look: queue items and visitor messages not seen before.
  useEffect(() => {
    const s = seen.current;
    const later = (at: string) => new Date(at).getTime() >= openedAt;
    const newChats = queue.filter((q) => !s.chats.has(q.id));
    newChats.forEach((q) => s.chats.add(q.id));
    const newMessages = Object.values(messages)
      .flat()
      .filter((m) => !s.messages.has(`${m.samtale}:${m.seq}`));
    newMessages.forEach((m) => s.messages.add(`${m.samtale}:${m.seq}`));
    const fromVisitors = newMessages.filter((m) => m.fra === 'besokende' && later(m.tid)).length;
    const arrived = newChats.filter((q) => later(q.startet)).length;
    if (fromVisitors > 0 && document.visibilityState === 'hidden') setUnread((n) => n + fromVisitors);
    if (sound && (arrived > 0 || fromVisitors > 0)) tone();
  }, [queue, messages, sound, openedAt]);

  useEffect(() => {
    baseTitle.current ??= document.title;
    const parts = [
      queue.length > 0 ? `${queue.length} i kø` : null,
      unread > 0 ? `${unread} ${unread === 1 ? 'ny melding' : 'nye meldinger'}` : null,
    ].filter(Boolean);
    document.title = parts.length > 0 ? `(${parts.join(', ')}) ${baseTitle.current}` : baseTitle.current;
  }, [queue.length, unread]);

  useEffect(
    () => () => {
      if (baseTitle.current !== null) document.title = baseTitle.current;
    },
    [],
  );

  function changeSound(on: boolean) {
    window.localStorage.setItem(SOUND_KEY, on ? 'på' : 'av');
    window.dispatchEvent(new Event(SOUND_CHANGED));
    if (on) tone();
  }

  return { sound, changeSound };
}

/** A short, soft tone made in the browser: no sound file, nothing fetched. */
function tone() {
  const Context = window.AudioContext;
  if (!Context) return;
  const audio = new Context();
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  osc.frequency.value = 660;
  gain.gain.setValueAtTime(0.0001, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.2, audio.currentTime + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.35);
  osc.connect(gain).connect(audio.destination);
  osc.start();
  osc.stop(audio.currentTime + 0.4);
  osc.onended = () => void audio.close();
}

/** The host's choice of a tone for new chats and messages. */
export function SoundChoice({ sound, onChange }: { sound: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="flex items-center gap-2">
      <input type="checkbox" checked={sound} onChange={(e) => onChange(e.target.checked)} />
      Lyd ved nye samtaler og nye meldinger
    </label>
  );
}
