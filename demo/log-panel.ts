// The demo's "what went where" panel: polls the mock's request log and lists it as text.
interface LogEntry {
  seq: number;
  server: string;
  method: string;
  path: string;
  status: number;
  fields: Record<string, string>;
}

export async function showSecretsHeld(list: HTMLElement): Promise<void> {
  const names = (await (await fetch('/merchant/secrets-held')).json()) as string[];
  list.replaceChildren(...names.map((name) => Object.assign(document.createElement('li'), { textContent: name })));
}

export function startRequestLog(list: HTMLElement, intervalMs = 1000): () => void {
  let lastSeq = 0;
  const tick = async () => {
    const entries = (await (await fetch('/__mock/log')).json()) as LogEntry[];
    for (const entry of entries.filter((e) => e.seq > lastSeq)) {
      const item = document.createElement('li');
      item.className = `log-entry log-${entry.server}`;
      const fields = Object.entries(entry.fields).map(([k, v]) => `${k}=${v}`).join(' ');
      item.textContent = `→ ${entry.server}: ${entry.method} ${entry.path} (${entry.status}) ${fields}`;
      list.append(item);
      lastSeq = entry.seq;
    }
  };
  const timer = setInterval(() => void tick().catch(() => undefined), intervalMs);
  void tick();
  return () => clearInterval(timer);
}
