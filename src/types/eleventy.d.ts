// Eleventy ships no TypeScript types; this declares the programmatic API the build uses.
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean; config?: (config: unknown) => void });
    write(): Promise<unknown>;
    /** Silences everything Eleventy would print, errors included. */
    disableLogger(): void;
    toJSON(): Promise<Array<{ url: string | false; inputPath: string; outputPath: string | false; content: string }>>;
  }
}
