// Eleventy configuration: wiring only. Everything else lives in src/eleventy.
// `npm run build` and `npm start` configure Eleventy themselves, with a session over the content model;
// this file is for Eleventy run on its own (`npx @11ty/eleventy`, under tsx), which reads $CONTENT_DIR.
import { configureSite, sessionFromEnvironment } from './src/eleventy/index.ts';

export { config } from './src/eleventy/engines.config.js';

/** @param {import('./src/eleventy/types.ts').EleventyConfig} eleventyConfig */
export default function (eleventyConfig) {
  configureSite(eleventyConfig, sessionFromEnvironment());
}
