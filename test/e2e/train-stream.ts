import { parseSse, type SseEvent } from '../http/train-sse.js';

/**
 * A streaming training request over a real socket, read event by event as a
 * browser's EventSource would (fetch, since EventSource cannot POST).
 */
export class TrainStream {
  private readonly controller = new AbortController();
  private buffer = '';
  private readonly queue: SseEvent[] = [];
  private reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  status = 0;
  headers: Headers | null = null;
  /** The problem+json body when the request was refused before streaming. */
  problem: any = null;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly body: unknown,
  ) {}

  async open(): Promise<this> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(this.body),
      signal: this.controller.signal,
    });
    this.status = res.status;
    this.headers = res.headers;
    if (!res.ok) this.problem = await res.json();
    else this.reader = res.body!.getReader();
    return this;
  }

  /** The next event, or null once the server ended the stream. */
  async next(): Promise<SseEvent | null> {
    const decoder = new TextDecoder();
    while (this.queue.length === 0) {
      const cut = this.buffer.lastIndexOf('\n\n');
      if (cut !== -1) {
        this.queue.push(...parseSse(this.buffer.slice(0, cut + 2)));
        this.buffer = this.buffer.slice(cut + 2);
        continue;
      }
      const { value, done } = await this.reader!.read();
      if (done) return null;
      this.buffer += decoder.decode(value, { stream: true });
    }
    return this.queue.shift()!;
  }

  async all(): Promise<SseEvent[]> {
    const out: SseEvent[] = [];
    for (let e = await this.next(); e !== null; e = await this.next()) out.push(e);
    return out;
  }

  /** The client goes away mid-stream. */
  abort(): void {
    this.controller.abort();
  }
}
