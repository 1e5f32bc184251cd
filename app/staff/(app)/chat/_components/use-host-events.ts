import { useEffect, useState } from 'react';

/** What the host's event stream sends; field names as on the wire. */
export type QueueItem = { id: string; startet: string };
export type StaffNote = { fra: string | null; til: string | null; tid: string; tekst: string };
export type HostChatSummary = { id: string; kode: string; tatt: string | null; merket: boolean; slettes: string | null; tema: number[]; tilsyn: string | null; notater: StaffNote[] };
export type HostMessage = { samtale: string; seq: number; fra: 'besokende' | 'vert' | 'system'; egen: boolean; tid: string; tekst: string; funn: string[] };

/**
 * The host's event stream: the queue, the host's own chats and their messages, by chat. A new
 * stream sends everything again; a message already shown is not shown twice.
 */
export function useHostEvents() {
  const [queue, setQueue] = useState<QueueItem[]>([]);
  const [mine, setMine] = useState<HostChatSummary[]>([]);
  const [messages, setMessages] = useState<Record<string, HostMessage[]>>({});
  const [connected, setConnected] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const es = new EventSource('/staff/chat/api/hendelser');
    es.onopen = () => {
      setConnected(true);
      setMessages({});
    };
    es.onerror = () => setConnected(false);
    // The session ended (signed out, timed out): the server closed the stream; stay closed.
    es.addEventListener('slutt', (e) => {
      es.close();
      setConnected(false);
      setNotice((JSON.parse((e as MessageEvent<string>).data) as { melding: string }).melding);
    });
    es.addEventListener('oversikt', (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as { ko: QueueItem[]; mine: HostChatSummary[] };
      setQueue(data.ko);
      setMine(data.mine);
    });
    es.addEventListener('melding', (e) => {
      const m = JSON.parse((e as MessageEvent<string>).data) as HostMessage;
      setMessages((all) => {
        const list = all[m.samtale] ?? [];
        if (list.some((x) => x.seq === m.seq)) return all;
        return { ...all, [m.samtale]: [...list, m] };
      });
    });
    return () => es.close();
  }, []);

  return { queue, mine, messages, connected, notice, setNotice };
}
