import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkClientSupport, findUnsupportedFeatures, isAccepted, structureOf } from '../../../src/email/checks/client-support.ts';
import { clientSupportPolicy } from '../../../src/email/checks/client-support-policy.ts';
import { runEmailPipeline } from '../../../src/email/pipeline.ts';

const email = (head: string, body: string): string =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('checkClientSupport', () => {
  it('is an error for an inlined `position: fixed`, naming the feature and the clients', () => {
    const { errors } = checkClientSupport(email('', '<div style="position: fixed; top: 0">x</div>'));
    const position = errors.find((issue) => issue.message.startsWith('`position` is not supported by'));
    expect(position?.check).toBe('client-support');
    expect(position?.message).toContain('Outlook for Windows (outlook.windows)');
    expect(position?.message).toContain('Gmail on the web (gmail.desktop-webmail)');
    expect(position?.message).toContain('client-support-policy.ts');
  });

  it('is an error for `background-blend-mode` in Outlook for Windows', () => {
    const { errors } = checkClientSupport(email('', '<td style="background-blend-mode: multiply">x</td>'));
    const blend = errors.find((issue) => issue.message.startsWith('`background-blend-mode` is not supported by'));
    expect(blend?.message).toContain('Outlook for Windows (outlook.windows)');
  });

  it('checks CSS functions, which the package itself never matches', () => {
    const { errors } = checkClientSupport(email('<style>.a { width: calc(100% - 20px); }</style>', '<p style="color: var(--ink)">x</p>'), {
      policy: [],
    });
    const messages = errors.map((issue) => issue.message);
    expect(messages).toContainEqual(expect.stringMatching(/^`CSS calc\(\) function` is not supported by .*outlook\.windows/));
    expect(messages).toContainEqual(
      expect.stringMatching(/^`CSS Variables \(Custom Properties\)` is not supported by .*gmail\.desktop-webmail/),
    );
  });

  it('checks Outlook.com, which the package leaves out of its client list', () => {
    const { errors } = checkClientSupport(email('', '<td style="background-image: linear-gradient(#ffffff, #000000)">x</td>'));
    const gradient = errors.find((issue) => issue.message.startsWith('`linear-gradient()`'));
    expect(gradient?.message).toContain('Outlook.com (outlook.outlook-com)');
  });

  it('is a warning for partial support', () => {
    const { errors, warnings } = checkClientSupport(email('', '<p style="position: relative">x</p>'), {
      clients: ['apple-mail.*'],
    });
    expect(errors).toEqual([]);
    expect(warnings.map((issue) => issue.message)).toContainEqual(
      expect.stringMatching(/^`position` is only partly supported by Apple Mail on macOS \(apple-mail\.macos\)/),
    );
  });

  it('checks declarations inside media queries, which the package itself skips', () => {
    const { errors } = checkClientSupport(
      email(
        '<style>@media (max-width: 600px) { .a { display: block; } .b { background-blend-mode: multiply !important; } }</style>',
        '<p class="a b">x</p>',
      ),
      { policy: [] },
    );
    expect(errors.some((issue) => issue.message.startsWith('`background-blend-mode`'))).toBe(true);
  });

  it('accepts what the policy allows, and only for the clients it names', () => {
    const html = email('', '<td style="border-radius: 4px">x</td>');
    expect(checkClientSupport(html, { policy: [] }).errors.map((issue) => issue.message)).toContainEqual(
      expect.stringContaining('`border-radius` is not supported by Outlook for Windows'),
    );
    expect(checkClientSupport(html).errors).toEqual([]);
    expect(isAccepted({ feature: 'border-radius', client: 'outlook.windows', support: 'none' }, clientSupportPolicy)).toBe(true);
    expect(isAccepted({ feature: 'border-radius', client: 'gmail.ios', support: 'none' }, clientSupportPolicy)).toBe(false);
    expect(isAccepted({ feature: 'position', client: 'outlook.windows', support: 'none' }, clientSupportPolicy)).toBe(false);
  });

  it('reports a problem with checking itself as an error, rather than passing', () => {
    expect(checkClientSupport(email('', '<p>x</p>'), { clients: ['no-such-client'] }).errors[0]?.message).toMatch(
      /^could not check client support: no known email client matches no-such-client/,
    );
  });
});

describe('client-support policy', () => {
  it('gives every exception a reason and at least one target client', () => {
    for (const exception of clientSupportPolicy) {
      expect(exception.reason.length, exception.feature).toBeGreaterThan(20);
      expect(exception.clients.length, exception.feature).toBeGreaterThan(0);
    }
  });

  it('has no exception, nor client in one, that the digest fixture does not need', async () => {
    const fixture = readFileSync(new URL('../../fixtures/email/digest.html', import.meta.url), 'utf8');
    const { html } = await runEmailPipeline(fixture, {
      baseUrl: 'https://dispatch.example.org',
      mergeTags: ['*|UNSUB|*', '*|ARCHIVE|*'],
    });
    const findings = findUnsupportedFeatures(html);
    for (const { feature, clients, reason } of clientSupportPolicy) {
      for (const client of clients) {
        const used = findings.some((finding) => isAccepted(finding, [{ feature, clients: [client], reason }]));
        expect(used, `${feature} is allowed for ${client}, but the fixture does not need that`).toBe(true);
      }
    }
  });
});

describe('client-support structure', () => {
  it('is the same for two issues that differ only in words and links, and differs when a style changes', () => {
    const a =
      '<html><body><p style="color: #111111;">One</p><a href="https://x.example/a?utm=1">A</a><img src="https://x.example/a.png" alt="A"></body></html>';
    const b =
      '<html><body><p style="color: #111111;">Two, longer</p><a href="https://x.example/b">B</a><p style="color: #111111;">Again</p><img src="https://x.example/b.png" alt="B"></body></html>';
    const c = '<html><body><p style="color: #111111; position: fixed;">One</p></body></html>';
    expect(structureOf(a, ['gmail.*'])).toBe(structureOf(b, ['gmail.*']));
    expect(structureOf(a, ['gmail.*'])).not.toBe(structureOf(c, ['gmail.*']));
    expect(structureOf(a, ['gmail.*'])).not.toBe(structureOf(a, ['outlook.*']));
    expect(structureOf('<a href="mailto:x@example.org">x</a>', [])).not.toBe(structureOf('<a href="https://example.org">x</a>', []));
  });

  it('reports the same findings for a repeated structure as for the first', () => {
    const html = (words: string) => `<html><body><p style="position: fixed;">${words}</p></body></html>`;
    const first = checkClientSupport(html('first issue'));
    const second = checkClientSupport(html('second issue, other words'));
    expect(first.errors.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });
});
