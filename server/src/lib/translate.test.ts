import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { providerHost, translateText } from './translate.js';

/** A tiny LibreTranslate stand-in: records what it receives and answers as the handler says. */
function stubServer(handle: (body: Record<string, unknown>, req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const received: { method: string; url: string; contentType: string; body: Record<string, unknown> }[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      received.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'] ?? '', body });
      handle(body, req, res);
    });
  });
  return {
    received,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const good = stubServer((body, _req, res) => json(res, 200, { translatedText: `[${String(body.target)}] ${String(body.q)}` }));
const broken = stubServer((_body, _req, res) => json(res, 500, { error: 'model not loaded' }));
const silent = stubServer(() => undefined);
let urls: { good: string; broken: string; silent: string };

beforeAll(async () => {
  urls = { good: await good.start(), broken: await broken.start(), silent: await silent.start() };
});
afterAll(() => Promise.all([good.stop(), broken.stop(), silent.stop()]));

const failure = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
};

describe('translateText (LibreTranslate API)', () => {
  it('posts JSON {q, source, target, format, api_key} to /translate and returns translatedText', async () => {
    const text = await translateText({ url: urls.good, apiKey: 'k-123' }, { text: 'Nous avons formé 40 agents.', source: 'fr', target: 'en' });
    expect(text).toBe('[en] Nous avons formé 40 agents.');
    expect(good.received.at(-1)).toEqual({
      method: 'POST',
      url: '/translate',
      contentType: 'application/json',
      body: { q: 'Nous avons formé 40 agents.', source: 'fr', target: 'en', format: 'text', api_key: 'k-123' },
    });
  });

  it('sends no api_key when none is configured, and keeps a path prefix of the provider address', async () => {
    await translateText({ url: `${urls.good}/lt/` }, { text: 'x', source: 'en', target: 'ar' });
    expect(good.received.at(-1)!.url).toBe('/lt/translate');
    expect(good.received.at(-1)!.body).not.toHaveProperty('api_key');
  });

  it('turns a provider error into 502 upstream_failed naming the provider and its status', async () => {
    const err = await failure(translateText({ url: urls.broken }, { text: 'x', source: 'en', target: 'fr' }));
    expect(err.status).toBe(502);
    expect(err.code).toBe('upstream_failed');
    expect(err.details).toEqual([{ field: 'provider', reason: 'translation_provider_failed', params: { provider: providerHost(urls.broken), status: 'HTTP 500: model not loaded' } }]);
  });

  it('gives up on a provider that never answers after the configured timeout', async () => {
    const started = Date.now();
    const err = await failure(translateText({ url: urls.silent, timeoutMs: 300 }, { text: 'x', source: 'en', target: 'fr' }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(err.code).toBe('upstream_failed');
    expect(err.details[0]!.params).toEqual({ provider: providerHost(urls.silent), status: 'no answer within 300 ms' });
  });

  it('names an unreachable provider', async () => {
    const err = await failure(translateText({ url: 'http://127.0.0.1:9' }, { text: 'x', source: 'en', target: 'fr' }));
    expect(err.details[0]!.params).toEqual({ provider: '127.0.0.1:9', status: 'unreachable' });
  });
});
