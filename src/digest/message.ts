// Writes a digest's message.eml from its finished email HTML and text, for hand-off to any email service.
import fs from 'node:fs/promises';
import path from 'node:path';
import { composeEml, type MessageInput } from '../email/mime.ts';
import type { DigestView } from './view.ts';

export function digestMessageInput(view: DigestView, html: string, text: string): MessageInput {
  const domain = view.from.address.split('@')[1] ?? 'localhost';
  return {
    from: view.from,
    ...(view.replyTo ? { replyTo: view.replyTo } : {}),
    subject: view.subject,
    date: new Date(view.isoDate),
    messageId: `<digest-${view.slug}@${domain}>`,
    html,
    text,
    listUnsubscribe: { url: view.unsubscribe.url, mailto: view.unsubscribe.mailto },
    listId: view.listId,
    ...(view.feedbackId ? { feedbackId: view.feedbackId } : {}),
  };
}

/** Writes message.eml into the digest's output folder from its finished email HTML and text. */
export async function writeDigestMessage(view: DigestView, digestDir: string, html: string, text: string): Promise<void> {
  try {
    await fs.writeFile(path.join(digestDir, 'message.eml'), await composeEml(digestMessageInput(view, html, text)));
  } catch (error) {
    throw new Error(`${view.file}: cannot compose message.eml: ${(error as Error).message}`, { cause: error });
  }
}
