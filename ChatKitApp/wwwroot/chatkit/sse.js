// @ts-check
// Incremental reader for `text/event-stream` bodies. The ChatKit server writes one
// `data: <compact json>\n\n` per event, but we parse the general SSE shape
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
  let done = false;

  /** Keeps the value of a `data:` line; null for any other line. @param {string} line */
  const takeData = (line) => {
    const data = /^data: ?([^]*)/.exec(line);
    if (data) dataLines.push(data[1]);
    return data;
  };

  /** The payload of the event read so far, as a list: empty for an empty or malformed event. */
  const takeEvent = () => {
    const raw = dataLines.join('\n');
    dataLines = [];
    try {
      return raw ? [JSON.parse(raw)] : [];
    } catch (error) {
      onMalformed(raw, error);
      return [];
    }
  };

  try {
    while (!done) {
      /** @type {Uint8Array | undefined} */
      let value;
      ({ done, value } = await reader.read());
      // `stream: true` keeps a multi-byte UTF-8 character split across chunks intact.
      buffer += decoder.decode(value, { stream: !done });
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line === '') yield* takeEvent();
        else if (!takeData(line) && !/^(:|(event|id|retry)(:|$))/.test(line)) {
          onMalformed(line, new Error('Not an SSE field line'));
        }
      }
    }
    // A last event without its blank line is still delivered: the body ended, so it is complete.
    takeData(buffer);
    yield* takeEvent();
  } finally {
    // Leaving early (the consumer stopped iterating, or a read failed) must not leave the
    // response half-read: cancel it so the connection is released.
    if (done) reader.releaseLock();
    else reader.cancel().catch(() => {});
  }
}
