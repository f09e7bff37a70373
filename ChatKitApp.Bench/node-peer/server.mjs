// The Node.js peer of eng/bench.sh's three-way comparison: chatkit-node-backend-sdk's ChatKitServer
// with an in-memory store and an echo responder that answers like the app's echo model (the user's
// text back, three words per delta, the first words as the title). No auth, no limits.
// Usage: node server.mjs <port>   (the script installs the SDK next to a copy of this file)
import http from 'node:http';
import { ChatKitServer, Store, StoreNotFoundError } from 'chatkit-node-backend-sdk';

class MemoryStore extends Store {
  threads = new Map();
  items = new Map();
  attachments = new Map();

  async loadThread(threadId) {
    const thread = this.threads.get(threadId);
    if (!thread) throw new StoreNotFoundError(`thread ${threadId}`);
    return { ...thread };
  }
  async saveThread(thread) {
    const { items: _, ...metadata } = thread;
    this.threads.set(thread.id, metadata);
    if (!this.items.has(thread.id)) this.items.set(thread.id, []);
  }
  async deleteThread(threadId) { this.threads.delete(threadId); this.items.delete(threadId); }
  async loadThreads(limit, after, order) {
    return page([...this.threads.values()], limit, after, order);
  }
  async loadThreadItems(threadId, after, limit, order) {
    return page(this.items.get(threadId) ?? [], limit, after, order);
  }
  async addThreadItem(threadId, item) { this.items.get(threadId)?.push(item); }
  async saveItem(threadId, item) {
    const list = this.items.get(threadId) ?? [];
    const at = list.findIndex(i => i.id === item.id);
    if (at >= 0) list[at] = item; else list.push(item);
    this.items.set(threadId, list);
  }
  async loadItem(threadId, itemId) {
    const item = (this.items.get(threadId) ?? []).find(i => i.id === itemId);
    if (!item) throw new StoreNotFoundError(`item ${itemId}`);
    return item;
  }
  async deleteThreadItem(threadId, itemId) {
    this.items.set(threadId, (this.items.get(threadId) ?? []).filter(i => i.id !== itemId));
  }
  async saveAttachment(attachment) { this.attachments.set(attachment.id, attachment); }
  async loadAttachment(id) {
    const attachment = this.attachments.get(id);
    if (!attachment) throw new StoreNotFoundError(`attachment ${id}`);
    return attachment;
  }
  async deleteAttachment(id) { this.attachments.delete(id); }
}

function page(list, limit, after, order) {
  const sorted = order === 'desc' ? [...list].reverse() : list;
  const start = after ? sorted.findIndex(i => i.id === after) + 1 : 0;
  const data = sorted.slice(start, start + limit);
  return { data, has_more: start + limit < sorted.length, after: data.at(-1)?.id ?? null };
}

class EchoServer extends ChatKitServer {
  async *respond(thread, input, context) {
    const text = (input?.content ?? []).filter(c => c.type === 'input_text').map(c => c.text).join(' ') || '(empty message)';
    const id = this.store.generateItemId('message', thread, context);
    const item = { type: 'assistant_message', id, thread_id: thread.id, created_at: new Date().toISOString(), content: [] };
    yield { type: 'thread.item.added', item };
    yield { type: 'thread.item.updated', item_id: id, update: { type: 'assistant_message.content_part.added', content_index: 0, content: { type: 'output_text', text: '', annotations: [] } } };
    for (const delta of text.match(/(?:\S+\s*){1,3}/g) ?? [text]) {
      yield { type: 'thread.item.updated', item_id: id, update: { type: 'assistant_message.content_part.text_delta', content_index: 0, delta } };
    }
    const content = { type: 'output_text', text, annotations: [] };
    yield { type: 'thread.item.updated', item_id: id, update: { type: 'assistant_message.content_part.done', content_index: 0, content } };
    yield { type: 'thread.item.done', item: { ...item, content: [content] } };
    if (!thread.title) thread.title = text.split(/\s+/).slice(0, 7).join(' ');
  }
}

// The SDK prints every threads.create's parameters with console.log; a production peer would not,
// so the peer is measured without it (and without its default logger), at its best.
console.log = () => {};
const silent = { info() {}, warn() {}, error() {}, debug() {} };
const server = new EchoServer(new MemoryStore(), undefined, silent);
http.createServer(async (req, res) => {
  if (req.method !== 'POST' || req.url !== '/chatkit') {
    res.writeHead(req.url === '/healthz' ? 200 : 404).end();
    return;
  }
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  try {
    const result = await server.process(Buffer.concat(chunks), { userId: 'bench' });
    if (result.isStreaming) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      for await (const event of result) res.write(event);
      res.end();
    } else {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(result.toString());
    }
  } catch (error) {
    res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { code: 'internal', message: String(error) } }));
  }
}).listen(Number(process.argv[2] ?? 3000), '127.0.0.1');
