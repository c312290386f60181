// The dev server's first build, made survivable: Eleventy's watch() builds once before it starts
// watching and gives up if that build throws, so one unreadable file would keep `npm start` from
// starting at all. Later builds fail as Eleventy reports them, and the server stays up.

/** `write`, except that its first failure is reported through `warn` and swallowed. */
export function survivingFirstBuild<T>(write: () => Promise<T>, warn: (message: string) => void): () => Promise<T | undefined> {
  let first = true;
  return async () => {
    if (!first) return write();
    first = false;
    try {
      return await write();
    } catch {
      // Eleventy has printed the error itself.
      warn('[dispatch] The first build failed (see above). Fix the file and save it: the server is watching.');
      return undefined;
    }
  };
}
