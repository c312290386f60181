// Eleventy configuration: wiring only. Everything else lives in src/eleventy.
// Run under tsx (npm run build / npm start) so the TypeScript in src/ loads directly.
import { configureSite } from './src/eleventy/index.ts';

/** @param {import('./src/eleventy/types.ts').EleventyConfig} eleventyConfig */
export default function (eleventyConfig) {
  return configureSite(eleventyConfig);
}
