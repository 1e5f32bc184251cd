/**
 * A Server-Sent Events response. `open` gets a `send` and returns its cleanup, which runs when
 * the browser goes away. A comment line every 20 s keeps proxies from closing an idle stream.
 */
export type SseSend = (event: { event?: string; id?: number; data: unknown }) => void;

export function sseResponse(request: Request, open: (send: SseSend, close: () => void) => Promise<() => void>): Response {
  const encoder = new TextEncoder();
  let cleanup: (() => void) | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const finish = () => {
        if (closed) return;
        closed = true;
        if (heartbeat) clearInterval(heartbeat);
        cleanup?.();
        try {
          controller.close();
        } catch {
          // already closed by the browser going away
        }
      };
      const send: SseSend = ({ event, id, data }) => {
        if (closed) return;
        let chunk = '';
        if (event) chunk += `event: ${event}\n`;
        if (id !== undefined) chunk += `id: ${id}\n`;
        chunk += `data: ${JSON.stringify(data)}\n\n`;
        controller.enqueue(encoder.encode(chunk));
      };
      request.signal.addEventListener('abort', finish);
      // Tell the browser how long to wait before reconnecting after a drop.
      controller.enqueue(encoder.encode('retry: 2000\n\n'));
      heartbeat = setInterval(() => {
        if (!closed) controller.enqueue(encoder.encode(': \n\n'));
      }, 20_000);
      heartbeat.unref();
      cleanup = await open(send, finish);
      if (closed) cleanup();
    },
    cancel() {
      closed = true;
      if (heartbeat) clearInterval(heartbeat);
      cleanup?.();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform: no compression layer may hold the stream back.
      'Cache-Control': 'no-store, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}
