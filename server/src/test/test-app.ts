import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { type App, buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { SESSION_COOKIE } from '../plugins/auth.js';
import { sessionFor } from './factories.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A browser-like client: carries the session cookie and the CSRF header on writes. */
export class Agent {
  constructor(
    private readonly app: App,
    public cookie: string | null = null,
    public csrfToken: string | null = null,
    private readonly headers: Record<string, string> = {},
  ) {}

  request(method: Method, url: string, body?: unknown, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...this.headers, ...extra };
    if (this.cookie) headers.cookie = `${SESSION_COOKIE}=${this.cookie}`;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    const opts: InjectOptions = { method, url, headers };
    if (body !== undefined) opts.payload = body as InjectOptions['payload'];
    return this.app.inject(opts);
  }
  get = (url: string, extra?: Record<string, string>) => this.request('GET', url, undefined, extra);
  post = (url: string, body?: unknown, extra?: Record<string, string>) => this.request('POST', url, body ?? {}, extra);
  patch = (url: string, body?: unknown, extra?: Record<string, string>) => this.request('PATCH', url, body ?? {}, extra);
  delete = (url: string, extra?: Record<string, string>) => this.request('DELETE', url, undefined, extra);

  /** Signs in through the real endpoint and keeps the cookie and CSRF token. */
  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    const res = await this.post('/api/auth/login', { email, password });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (res.statusCode === 200 && cookie) {
      this.cookie = cookie.value;
      this.csrfToken = (res.json() as { csrfToken: string }).csrfToken;
    }
    return res;
  }
}

export interface TestApp {
  app: App;
  db: App['db'];
  database: TestDatabase;
  anonymous(headers?: Record<string, string>): Agent;
  /** An agent signed in as the user, via a session written straight to the database. */
  as(userId: string, headers?: Record<string, string>): Promise<Agent>;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/fieldbook-test', ...env });
  const app = await buildApp({ config, database: database.handle, webRoot: null });
  await app.ready();
  return {
    app,
    db: app.db,
    database,
    anonymous: (headers) => new Agent(app, null, null, headers),
    async as(userId, headers) {
      const s = await sessionFor(app.db, userId);
      return new Agent(app, s.token, s.csrfToken, headers);
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
