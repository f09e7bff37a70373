// @ts-check
// Incremental reader for `text/event-stream` bodies. The ChatKit server writes one
// `data: <compact json>\n\n` per event (PROTOCOL.md 1.4), but we parse the general SSE shape
// (multi-line data, comments, other fields) so a proxy or another server cannot trip us up.

/**
 * Yields the parsed JSON payload of every event in the body, as soon as its blank line arrives.
 * A payload that is not JSON is reported through `onMalformed` and skipped: one bad event must
 * not end a response that is otherwise fine.
 * @param {ReadableStream<Uint8Array>} body
 * @param {(raw: string, error: unknown) => void} onMalformed
 * @returns {AsyncGenerator<any, void, undefined>}
 */
export async function* readSseEvents(body, onMalformed) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  /** @type {string[]} */
  let dataLines = [];
  let finished = false;

  /** @returns {{ ok: true, value: any } | { ok: false }} */
  const takeEvent = () => {
    const raw = dataLines.join('\n');
    dataLines = [];
    if (raw === '') return { ok: false };
    try {
      return { ok: true, value: JSON.parse(raw) };
    } catch (error) {
      onMalformed(raw, error);
      return { ok: false };
    }
  };

  try {
    while (true) {
      const { done, value } = await reader.read();
      // `stream: true` keeps a multi-byte UTF-8 character split across chunks intact.
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line === '') {
          const event = takeEvent();
          if (event.ok) yield event.value;
        } else if (line.startsWith('data:')) {
          dataLines.push(line.slice(line.startsWith('data: ') ? 6 : 5));
        } else if (!line.startsWith(':') && !/^(event|id|retry)(:|$)/.test(line)) {
          onMalformed(line, new Error('Not an SSE field line'));
        }
      }
      if (done) {
        finished = true;
        break;
      }
    }
    // A last event without its blank line is still delivered: the body ended, so it is complete.
    if (buffer.startsWith('data:')) dataLines.push(buffer.slice(buffer.startsWith('data: ') ? 6 : 5));
    const last = takeEvent();
    if (last.ok) yield last.value;
  } finally {
    // Leaving early (the consumer stopped iterating, or a read failed) must not leave the
    // response half-read: cancel it so the connection is released.
    if (finished) reader.releaseLock();
    else reader.cancel().catch(() => {});
  }
}
