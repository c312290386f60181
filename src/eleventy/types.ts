// The slice of Eleventy's configuration API this project uses (Eleventy ships no TypeScript types).

export interface PageData {
  url: string | false;
  inputPath: string;
  outputPath: string | false;
  fileSlug: string;
  date: Date;
}

export interface CollectionItem {
  url: string;
  inputPath: string;
  fileSlug: string;
  date: Date;
  data: Record<string, unknown>;
  content: string;
}

export interface CollectionApi {
  getAll(): CollectionItem[];
  getFilteredByGlob(glob: string | string[]): CollectionItem[];
}

export interface TemplateContext {
  page: PageData;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- Eleventy hands templates' arguments through untyped. */
export interface EleventyConfig {
  addFilter(name: string, fn: (this: TemplateContext, ...args: any[]) => unknown): void;
  addShortcode(name: string, fn: (this: TemplateContext, ...args: any[]) => string): void;
  addPairedShortcode(name: string, fn: (this: TemplateContext, content: string, ...args: any[]) => string): void;
  addCollection(name: string, fn: (api: CollectionApi) => unknown): void;
  addGlobalData(name: string, value: unknown): void;
  addTransform(name: string, fn: (this: TemplateContext, content: string) => string | Promise<string>): void;
  addPreprocessor(name: string, extensions: string, fn: (data: Record<string, any>, content: string) => unknown): void;
  addPlugin(plugin: unknown, options?: unknown): void;
  addPassthroughCopy(spec: string | Record<string, string>): void;
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
  addWatchTarget(path: string, options?: { resetConfig?: boolean }): void;
  addNunjucksGlobal(name: string, value: unknown): void;
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setLayoutsDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setTemplateFormats(formats: string[]): void;
  setUseGitIgnore(enabled: boolean): void;
  setFrontMatterParsingOptions(options: Record<string, unknown>): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  setLibrary(name: string, lib: unknown): void;
  amendLibrary(name: string, fn: (lib: any) => unknown): void;
  setServerOptions(options: Record<string, unknown>): void;
  setWatchJavaScriptDependencies(watch: boolean): void;
  setQuietMode(quiet: boolean): void;
  on(event: string, fn: (...args: any[]) => unknown): void;
  ignores: { add(glob: string): void };
  /** The templates added with addTemplate, by path relative to the input folder. */
  virtualTemplates: Record<string, unknown>;
}
/* eslint-enable @typescript-eslint/no-explicit-any -- only the interface above. */
