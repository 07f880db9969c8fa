// The server's APIs: GraphQL at /graphql, the streamed answer at /ask.

export class ApiError extends Error {
  constructor(message, code) { super(message); this.code = code; }
}

export async function graphql(query, variables = {}, { signal } = {}) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body;
  try { body = await response.json(); } catch { throw new ApiError(`HTTP ${response.status}`, 'HTTP'); }
  if (body.errors?.length && !body.data) throw new ApiError(body.errors.map(e => e.message).join('; '), body.errors[0].extensions?.code);
  if (body.errors?.length) console.warn('GraphQL errors', body.errors);
  return body.data;
}

/** True when the schema's Query type has the field (for areas other branches add: equivalents, ask). */
let queryFields;
export async function hasQueryField(name) {
  queryFields ??= graphql('{ __schema { queryType { fields { name } } } }')
    .then(d => new Set(d.__schema.queryType.fields.map(f => f.name)))
    .catch(() => new Set());
  return (await queryFields).has(name);
}

/**
 * Streams an answer from POST /ask (server-sent events). onText gets each piece of text as it arrives; the promise
 * resolves with the final event's payload (the answer with its citations). Data may be JSON ({text} or the answer) or plain text.
 */
export async function askStream(question, onText, { signal } = {}) {
  const response = await fetch('/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ question }),
    signal,
  });
  if (!response.ok || !response.body) {
    let message = `HTTP ${response.status}`;
    try { const b = await response.json(); message = b.error ?? b.message ?? b.errors?.[0]?.message ?? message; } catch { /* not JSON */ }
    throw new ApiError(message, response.status === 404 ? 'NOT_AVAILABLE' : 'HTTP');
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let final = null;
  const handle = block => {
    let event = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (!data.length) return;
    const raw = data.join('\n');
    let payload = raw;
    try { payload = JSON.parse(raw); } catch { /* plain text */ }
    const isFinal = ['final', 'done', 'answer', 'end', 'complete'].includes(event) || payload?.isFinal === true || payload?.final === true;
    if (isFinal) {
      final = typeof payload === 'object' && payload !== null ? (payload.answer ?? payload.final ?? payload) : { text: raw };
    } else if (event === 'error') {
      throw new ApiError(typeof payload === 'string' ? payload : payload.message ?? payload.error ?? 'error', 'STREAM');
    } else {
      const text = typeof payload === 'string' ? payload : payload.text ?? payload.delta ?? payload.content ?? '';
      if (text) onText(text);
    }
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value.replace(/\r\n?/g, '\n');
    let at;
    while ((at = buffer.indexOf('\n\n')) >= 0) {
      handle(buffer.slice(0, at));
      buffer = buffer.slice(at + 2);
    }
    if (done) break;
  }
  if (buffer.trim()) handle(buffer);
  return final;
}
