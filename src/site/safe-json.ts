// JSON that can be printed inside an HTML <script> element (JSON-LD) or served as a file, and never
// close that element or start markup: <, > and & become \u escapes, which every JSON parser reads back.

const UNSAFE = /[<>&\u2028\u2029]/g;

export function safeJson(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  if (json === undefined) throw new TypeError(`cannot print ${typeof value} as JSON`);
  return json.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
