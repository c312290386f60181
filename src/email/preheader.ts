/** The preheader's filler: how much invisible text keeps the rest of the email out of an inbox preview. */

/**
 * The longest preview an inbox list shows, in characters: Outlook and Apple Mail show up to about 200, Gmail
 * and most phone apps fewer. Filling to the longest keeps every shorter preview clean as well.
 */
export const PREVIEW_LENGTH = 200;

/**
 * How many filler groups (`&#847;&zwnj;&nbsp;`, a zero-width joiner pair and a no-break space) to put after a
 * preheader so that nothing after it shows in a preview of `previewLength` characters. A client that drops the
 * zero-width characters still counts each group's no-break space, so one group is counted as one character;
 * one that keeps them counts three, and sees only filler for longer still.
 */
export function preheaderFillerCount(preheader: string, previewLength = PREVIEW_LENGTH): number {
  return Math.max(0, previewLength - [...preheader].length);
}
