// The launcher fails loudly, with the fix, when Chromium is missing; it never lets the suite skip.
import { describe, expect, it } from 'vitest';
import { ChromiumMissingError, chromiumPath, DEFAULT_CHROMIUM_PATH, launchChromium } from './chromium.ts';

describe('launchChromium', () => {
  it("uses Debian's /usr/bin/chromium unless CHROMIUM_PATH says otherwise", () => {
    expect(DEFAULT_CHROMIUM_PATH).toBe('/usr/bin/chromium');
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
    expect(chromiumPath({ CHROMIUM_PATH: '' })).toBe('/usr/bin/chromium');
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/chromium/chrome' })).toBe('/opt/chromium/chrome');
  });

  it('fails with how to install Chromium when CHROMIUM_PATH points nowhere', async () => {
    const launching = launchChromium({ CHROMIUM_PATH: '/nonexistent/chromium' });
    await expect(launching).rejects.toBeInstanceOf(ChromiumMissingError);
    await expect(launching).rejects.toThrow('Chromium not found at /nonexistent/chromium (from CHROMIUM_PATH)');
    await expect(launching).rejects.toThrow('apt-get install -y chromium');
  });

  it('fails the same way when the path exists but is not a browser', async () => {
    const launching = launchChromium({ CHROMIUM_PATH: '/bin/true' });
    await expect(launching).rejects.toThrow(
      /Chromium at \/bin\/true \(from CHROMIUM_PATH\) failed to start: .*\n.*apt-get install -y chromium/,
    );
  });
});
