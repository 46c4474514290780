// What went to which server: the demo shows it, the tests assert on it.
import { isSecretField } from './secrets.js';

export type Server = 'sectigo' | 'worldline' | 'sbc' | 'merchant';

export interface LogEntry {
  readonly seq: number;
  readonly at: string;
  readonly server: Server;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Body fields with secrets redacted (so the log itself can be shown in the browser). */
  readonly fields: Record<string, string>;
  readonly note?: string;
}

export class RequestLog {
  readonly entries: LogEntry[] = [];
  #seq = 0;

  add(entry: Omit<LogEntry, 'seq' | 'at'>): void {
    const fields = Object.fromEntries(
      Object.entries(entry.fields).map(([key, value]) => [key, isSecretField(key) ? '•••• (redacted)' : value.slice(0, 200)]),
    );
    this.entries.push({ ...entry, fields, seq: ++this.#seq, at: new Date().toISOString() });
    if (this.entries.length > 500) this.entries.shift();
  }

  clear(): void {
    this.entries.length = 0;
  }
}
