/** A minimal keep-alive HTTP client (node:http), light enough not to blur the timings. */
import http from 'node:http';

export interface HttpResult {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export class HttpClient {
  private agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  constructor(
    private base: { host: string; port: number },
    public cookie = '',
  ) {}

  request(method: string, path: string, body?: unknown, timeoutMs = 60_000): Promise<HttpResult> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.base.host,
          port: this.base.port,
          method,
          path,
          agent: this.agent,
          headers: {
            accept: 'application/json',
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...(payload
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
              : {}),
          },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              headers: res.headers,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path}`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  get(path: string) {
    return this.request('GET', path);
  }

  /** Signs in and keeps the session cookie for later requests. */
  async login(username: string, password: string): Promise<void> {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body}`);
    const setCookie = res.headers['set-cookie'] ?? [];
    const session = setCookie
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('canbo_session='));
    if (!session) throw new Error('login: no canbo_session cookie');
    this.cookie = session;
  }

  close(): void {
    this.agent.destroy();
  }
}
