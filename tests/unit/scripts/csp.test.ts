import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { headersFile, inlineScripts, pagePath, policyFor, sha256Source, withMeta } from '../../../scripts/csp.mjs';

const page = (body: string) => `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><title>x</title><script src="/_next/a.js" async=""></script></head><body>${body}</body></html>`;

describe('the per-page Content-Security-Policy (scripts/csp.mjs)', () => {
  it('finds inline scripts only, with their exact text', () => {
    const html = page('<script>self.__next_f.push([1,"a"])</script><script type="module" src="/b.js"></script><SCRIPT>\n x()\n</SCRIPT>');
    expect(inlineScripts(html)).toEqual(['self.__next_f.push([1,"a"])', '\n x()\n']);
  });

  it('names a script by the base64 SHA-256 of its UTF-8 text, as CSP Level 3 hashes it', () => {
    const text = 'alert("ü")';
    expect(sha256Source(text)).toBe(`'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`);
    // computed by OpenSSL: printf 'x()' | openssl dgst -sha256 -binary | base64
    expect(sha256Source('x()')).toBe("'sha256-D6IGS8VMvCoyaR/l0h9tERrBTATY01CoPS7l6xDv0kI='");
  });

  it('allows scripts only from the site and the listed hashes; frame-ancestors only as a header', () => {
    const meta = policyFor(["'sha256-A'", "'sha256-B'", "'sha256-A'"]);
    expect(meta).toContain("script-src 'self' 'sha256-A' 'sha256-B';");
    expect(meta).not.toMatch(/unsafe-(inline|eval)'[^;]*;\s*style/);
    expect(meta).not.toMatch(/script-src[^;]*unsafe/);
    expect(meta).toContain("object-src 'none'");
    expect(meta).not.toContain('frame-ancestors');
    expect(policyFor([], { header: true })).toContain("frame-ancestors 'none'");
  });

  it('puts the policy first in <head>, after the charset, and replaces an old one instead of adding a second', () => {
    const once = withMeta(page('<script>x()</script>'), "script-src 'self'");
    expect(once).toMatch(/<head><meta charSet="utf-8"\/><meta http-equiv="Content-Security-Policy" content="script-src 'self'"\/><title>/);
    const twice = withMeta(once, "script-src 'none'");
    expect(twice.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(twice).toContain(`content="script-src 'none'"`);
  });

  it('refuses a page without <head> rather than write a page with no policy', () => {
    expect(() => withMeta('<html><body></body></html>', "script-src 'self'")).toThrow(/head/);
  });

  it('writes _headers as static hosts read it: /* first, then one block per page path', () => {
    expect(pagePath('en/lessons/tls/index.html')).toBe('/en/lessons/tls/');
    expect(pagePath('index.html')).toBe('/');
    expect(pagePath('404.html')).toBe('/404.html');
    const file = headersFile([{ path: '/en/', policy: "script-src 'self'" }]);
    expect(file.split('\n').slice(1)).toEqual(['/*', '  X-Content-Type-Options: nosniff', '  Referrer-Policy: no-referrer', '/en/', "  Content-Security-Policy: script-src 'self'", '']);
  });
});
