// Eleventy ships no TypeScript types; this declares the programmatic API the build uses.
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: {
        configPath?: string;
        quietMode?: boolean;
        config?: (config: import('../eleventy/types.ts').EleventyConfig) => void;
        runMode?: 'build' | 'watch' | 'serve';
        source?: 'cli' | 'script';
      },
    );
    init(): Promise<void>;
    /** Builds once (through `this.write`), then rebuilds on every change. */
    watch(): Promise<void>;
    stopWatch(): Promise<void>;
    serve(port: number): Promise<void>;
    write(): Promise<unknown>;
    /** Silences everything Eleventy would print, errors included. */
    disableLogger(): void;
    toJSON(): Promise<Array<{ url: string | false; inputPath: string; outputPath: string | false; content: string }>>;
  }
}
