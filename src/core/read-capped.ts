// Reading an answer's body within a byte cap and a deadline: what Baton reads back is bounded,
// whoever sent the request.
import { monotonicNow } from './clock.js';
import { NetworkError } from './errors.js';

/**
 * Reads at most `maxBytes` of the body before `deadline`, then stops reading: over the cap is an
 * `oversized` error, or, with `truncate`, the first `maxBytes` (an error page shown in an error).
 */
export async function readCapped(response: Response, maxBytes: number, deadline: number, info: { method: string; url: string }, truncate = false): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes && !truncate) {
    void response.body?.cancel().catch(() => undefined);
    throw oversized(info, response.status, maxBytes);
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NetworkError('timeout', info)), deadline - monotonicNow());
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), expired]);
      if (done) return text + decoder.decode();
      size += value.byteLength;
      if (size > maxBytes) {
        if (!truncate) throw oversized(info, response.status, maxBytes);
        void reader.cancel().catch(() => undefined);
        return text + decoder.decode(value.subarray(0, value.byteLength - (size - maxBytes)));
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function oversized(info: { method: string; url: string }, status: number, maxBytes: number): NetworkError {
  return new NetworkError('oversized', info, { status, body: `more than ${maxBytes} bytes` });
}
