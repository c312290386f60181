// The subscribe form on home, article pages and the digest archive, posting where site.json's subscribe block says
// with each provider's field names; the newsletter pages at the configured paths; nothing of it without the block.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HONEYPOT_FIELD } from '../../src/subscriptions/routes/subscribe.ts';
import { buildInto, copyContent, load, seedSlug } from '../helpers/site.ts';

const FORM_PAGES = ['index.html', `articles/${seedSlug}/index.html`, 'digests/index.html'];

function editSite(edit: (site: Record<string, unknown> & { subscribe?: Record<string, unknown> }) => void) {
  return copyContent((dir) => {
    const file = path.join(dir, '_data', 'site.json');
    const site = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> & { subscribe?: Record<string, unknown> };
    edit(site);
    fs.writeFileSync(file, JSON.stringify(site, null, 2));
  });
}

/** The form's fields as a browser would send them: name → value of every input. */
function formFields(out: string, page: string) {
  const $ = load(out, page);
  const form = $('form.subscribe__form');
  return {
    $,
    form,
    action: form.attr('action'),
    names: form
      .find('input')
      .toArray()
      .map((input) => $(input).attr('name')),
  };
}

describe('the subscribe form with this project’s service', () => {
  let out: string;
  beforeAll(async () => {
    out = await buildInto(copyContent());
  });

  it.each(FORM_PAGES)('is on %s, posting to subscribe.action with labelled fields and the service’s trap', (page) => {
    const { $, form, action, names } = formFields(out, page);
    expect(form).toHaveLength(1);
    expect(form.attr('method')).toBe('post');
    expect(action).toBe('https://dispatch.example.org/subscribe');
    expect(names).toEqual(['email', 'name', HONEYPOT_FIELD]);
    for (const input of form.find('input').toArray()) {
      const id = $(input).attr('id');
      expect($(`label[for="${id}"]`).text().trim(), `label for ${id}`).not.toBe('');
    }
    expect(form.find('input[name="email"]').attr('required')).toBeDefined();
    expect(form.find(`input[name="${HONEYPOT_FIELD}"]`).attr('tabindex')).toBe('-1');
    expect(form.find(`input[name="${HONEYPOT_FIELD}"]`).parent().attr('aria-hidden')).toBe('true');
    expect($('#subscribe-privacy').text()).toContain('We use your address only to send you the digest');
    expect($('section.subscribe').attr('aria-labelledby')).toBe('subscribe-heading');
  });

  it('builds the pages the service sends readers to, at site.json’s paths, kept out of search engines', () => {
    for (const [file, heading] of [
      ['newsletter/check-your-inbox/index.html', 'Check your inbox'],
      ['newsletter/subscribed/index.html', 'You are subscribed'],
      ['newsletter/unsubscribed/index.html', 'You are unsubscribed'],
    ] as const) {
      const $ = load(out, file);
      expect($('h1').text()).toBe(heading);
      expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    }
  });
});

describe('the subscribe form for a list manager', () => {
  it('posts listmonk’s documented fields: email, name, a list UUID per list, the nonce trap and next', async () => {
    const out = await buildInto(
      editSite((site) => {
        site.subscribe = {
          ...site.subscribe,
          provider: 'listmonk',
          action: 'https://lists.example.org/subscription/form',
          listmonkLists: ['6d48fffe-7d37-4c14-b317-3e4cda33a647', '0ebd7a5c-4a59-4d38-a5b4-1d1a1a0c7b1e'],
        };
        delete site.subscribe.serviceUrl;
      }),
    );
    const { form, action, names } = formFields(out, 'index.html');
    expect(action).toBe('https://lists.example.org/subscription/form');
    expect(names).toEqual(['email', 'name', 'nonce', 'l', 'l', 'next']);
    expect(
      form
        .find('input[name="l"]')
        .toArray()
        .map((input) => input.attribs.value),
    ).toEqual(['6d48fffe-7d37-4c14-b317-3e4cda33a647', '0ebd7a5c-4a59-4d38-a5b4-1d1a1a0c7b1e']);
    expect(form.find('input[name="next"]').attr('value')).toBe('https://dispatch.example.org/newsletter/check-your-inbox/');
  });

  it('posts Buttondown’s documented fields: email, embed=1 and the name as metadata', async () => {
    const out = await buildInto(
      editSite((site) => {
        site.subscribe = {
          ...site.subscribe,
          provider: 'buttondown',
          action: 'https://buttondown.com/api/emails/embed-subscribe/dispatch',
        };
      }),
    );
    const { form, names } = formFields(out, 'index.html');
    expect(names).toEqual(['email', 'metadata__name', 'embed']);
    expect(form.find('input[name="embed"]').attr('value')).toBe('1');
  });

  it('is left out, with its pages, when site.json has no subscribe block', async () => {
    const out = await buildInto(
      editSite((site) => {
        delete site.subscribe;
      }),
    );
    for (const page of FORM_PAGES) expect(load(out, page)('form.subscribe__form'), page).toHaveLength(0);
    expect(fs.existsSync(path.join(out, 'newsletter'))).toBe(false);
  });

  it('stops the build on a subscribe block that is not usable, naming the field', async () => {
    const content = editSite((site) => {
      site.subscribe = { ...site.subscribe, action: 'http://dispatch.example.org/subscribe' };
      delete site.subscribe.serviceUrl;
    });
    await expect(buildInto(content)).rejects.toThrow(
      /site\.json: line \d+: subscribe\.action: expected an https URL[\s\S]*site\.json: line \d+: subscribe\.serviceUrl: required when provider is "service"/,
    );
  });
});
