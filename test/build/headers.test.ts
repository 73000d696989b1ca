// The CSP ships as a meta tag (every host) and as real headers (public/_headers for Netlify and
// Cloudflare Pages, README snippets for nginx and Apache). This keeps all of them saying the same
// thing, the meta tag free of what a meta tag cannot carry, and the header able to cover the worker
// and to let course platforms frame the lab (issue 15, "Security headers").
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import viteConfig, {
  CONTENT_SECURITY_POLICY,
  FRAME_ANCESTORS,
  HEADER_CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  readHeadersFile,
} from '../../vite.config';

const headersFile = readFileSync('public/_headers', 'utf8');
const readme = readFileSync('README.md', 'utf8');
const headers = readHeadersFile(headersFile);

/** The policy of the meta tag the build writes into index.html. */
function metaPolicy(): string {
  const hook = contentSecurityPolicy().transformIndexHtml as (html: string) => string;
  const html = hook('<head><meta charset="UTF-8" /><title>x</title></head>');
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)" \/>/.exec(html);
  expect(match).not.toBeNull();
  return match![1]!;
}

const directives = (policy: string) => policy.split(';').map((d) => d.trim());

describe('security headers', () => {
  it('public/_headers sends the policy to every path, worker script included', () => {
    expect(headersFile).toMatch(/^\/\*$/m);
    expect(headers['Content-Security-Policy']).toBe(HEADER_CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(directives(HEADER_CONTENT_SECURITY_POLICY)).toContain("worker-src 'self'");
  });

  it('the header is the meta tag plus frame-ancestors, which lets HTTPS course pages frame it', () => {
    const meta = directives(metaPolicy());
    expect(meta).toEqual(directives(CONTENT_SECURITY_POLICY));
    expect(directives(headers['Content-Security-Policy']!)).toEqual([...meta, FRAME_ANCESTORS]);
    expect(FRAME_ANCESTORS).toBe("frame-ancestors 'self' https:");
  });

  it('the meta tag holds nothing a meta tag cannot carry, nor what WebKit rejects', () => {
    const names = directives(metaPolicy()).map((d) => d.split(' ')[0]);
    for (const name of ['frame-ancestors', 'report-uri', 'sandbox', 'manifest-src'])
      expect(names).not.toContain(name);
  });

  it('the preview server, and so every browser test, sends the same headers', () => {
    expect((viteConfig as { preview?: { headers?: unknown } }).preview?.headers).toEqual(headers);
  });

  it("the README's nginx and Apache snippets send the same headers", () => {
    const nginx = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const apache = /```apache\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    for (const [name, value] of Object.entries(headers)) {
      expect(nginx).toContain(`add_header ${name} "${value}" always;`);
      expect(apache).toContain(`Header always set ${name} "${value}"`);
    }
  });
});
