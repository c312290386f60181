// The build's pictures, written into its output folder before any page is rendered: one PictureBuildMemo a
// build (a dev server's rebuild gets a new one), over a cache on disk that outlives them all.
import path from 'node:path';
import { PictureBuildMemo } from '../images/picture-build-memo.ts';
import type { SiteSession } from './session.ts';
import type { EleventyConfig } from './types.ts';

export function registerPictures(config: EleventyConfig, session: SiteSession): void {
  // Registered after the session's own `eleventy.before`, which brings the state up to date first.
  config.on('eleventy.before', async ({ directories }: { directories: { output: string } }) => {
    const memo = new PictureBuildMemo({
      outputDir: path.resolve(directories.output),
      ...(session.pictureCacheDir === undefined ? {} : { cacheDir: session.pictureCacheDir }),
    });
    await session.state().publication.publishPictures(memo);
  });
}
