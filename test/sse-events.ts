/**
 * Reads a Server-Sent Events response the way a browser would, for tests that call the
 * stream's route handler directly: every event parsed as it arrives, and whether the server
 * has closed the stream.
 */
export type SseEvent = { event: string; id?: string; data: unknown };

export class SseEvents {
  readonly events: SseEvent[] = [];
  closed = false;
  private waiters = new Set<() => void>();

  constructor(response: Response) {
    void this.pump(response);
  }

  private async pump(response: Response): Promise<void> {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const parsed = parseBlock(block);
          if (parsed) this.events.push(parsed);
        }
        this.wake();
      }
    } catch {
      // cancelled by the test
    }
    this.closed = true;
    this.wake();
  }

  private wake(): void {
    for (const w of this.waiters) w();
  }

  /** Resolves once `test` holds (checked on every event and at close), or rejects after `ms`. */
  until(test: (self: SseEvents) => boolean, ms = 5_000, what = 'condition'): Promise<void> {
    if (test(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, ms);
      const check = () => {
        if (!test(this)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  named(event: string): SseEvent[] {
    return this.events.filter((e) => e.event === event);
  }
}

function parseBlock(block: string): SseEvent | undefined {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('id: ')) id = line.slice(4);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  if (data.length === 0) return undefined;
  return { event, id, data: JSON.parse(data.join('\n')) as unknown };
}
