// How front matter is read, the same way by the content check and by Eleventy.
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { describeYamlError } from './yaml-problem.ts';

/**
 * YAML's core schema keeps an unquoted timestamp as the text the editor typed, so it is validated like a
 * quoted one: js-yaml's default schema would turn `2025-02-30` into 2 March and `2025-06-24` into UTC midnight.
 */
export const frontMatterOptions = {
  engines: { yaml: (source: string) => yaml.load(source, { schema: yaml.CORE_SCHEMA }) as object },
};

export type FrontMatterFile = matter.GrayMatterFile<string>;

/** Splits a Markdown file into its front matter data and body. */
export function readFrontMatter(source: string): FrontMatterFile {
  // Passing options also keeps gray-matter from caching every file it parses for the life of the process.
  return matter(source, frontMatterOptions);
}

/** The problem with a file whose front matter the YAML parser refused, as the check and the build both say it. */
export function frontMatterProblem(shown: string, error: unknown): string {
  return `${shown}: front matter is not valid YAML: ${describeYamlError(error)}`;
}
