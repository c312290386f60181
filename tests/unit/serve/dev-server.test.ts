// The dev server's settings and request guard (src/serve/dev-server.ts).
import { describe, expect, it } from 'vitest';
import { devServerAddress, DevServerSettingError, isOpenToNetwork, requestProblem } from '../../../src/serve/dev-server.ts';

describe('devServerAddress', () => {
  it('is 127.0.0.1:8080 unless HOST and PORT say otherwise', () => {
    expect(devServerAddress({})).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(devServerAddress({ HOST: '', PORT: ' ' })).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(devServerAddress({ HOST: '0.0.0.0', PORT: '3000' })).toEqual({ host: '0.0.0.0', port: 3000 });
    expect(devServerAddress({ HOST: '::1', PORT: '0' })).toEqual({ host: '::1', port: 0 });
  });

  it('refuses a HOST or PORT it cannot listen on, saying what it expected', () => {
    expect(() => devServerAddress({ HOST: 'example.org' })).toThrow(DevServerSettingError);
    expect(() => devServerAddress({ HOST: 'example.org' })).toThrow('HOST="example.org": expected an IP address to listen on');
    for (const port of ['80a', '-1', '65536', '1.5']) {
      expect(() => devServerAddress({ PORT: port }), port).toThrow(`PORT="${port}": expected a port number from 0 to 65535`);
    }
  });

  it('tells a loopback address from one open to the network', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].map(isOpenToNetwork)).toEqual([false, false, false, false]);
    expect(['0.0.0.0', '::', '192.168.1.20'].map(isOpenToNetwork)).toEqual([true, true, true]);
  });
});

describe('requestProblem', () => {
  it('lets ordinary paths through, queries included', () => {
    for (const target of ['/', '/articles/x/', '/tags/%EB%B6%81%ED%95%9C/', '/feed.xml?x=%E0', '/a%2Fb']) {
      expect(requestProblem(target), target).toBeUndefined();
    }
  });

  it('refuses what cannot be a file of the site', () => {
    expect(requestProblem('/%E0%A4%A')).toEqual({ status: 400, reason: 'the request path has percent-encoding that does not decode' });
    expect(requestProblem('/..%2fsecret')).toEqual({ status: 400, reason: 'the request path leaves the site (..)' });
    expect(requestProblem('/a/..%5C..%5Cb')?.status).toBe(400);
    expect(requestProblem('/a%00b')).toEqual({ status: 400, reason: 'the request path has a control character' });
    expect(requestProblem('http://example.org/')).toEqual({ status: 400, reason: 'the request target is not a path' });
    expect(requestProblem(`/${'x'.repeat(2048)}`)?.status).toBe(414);
    expect(requestProblem('')?.status).toBe(400);
  });
});
