// One registration mail, read with postal-mime (RFC 2047/2231 names, quoted-printable and base64,
// GBK/GB18030/Big5 through TextDecoder, nested multiparts) into what the import needs: the body's
// labelled lines, the sender and date, the re-import key, reply/forward marks, attachments and
// cloud-drive links. The re-import key is the Message-ID; a mail without one is keyed by its bytes.
import { createHash } from 'node:crypto';
import PostalMime from 'postal-mime';
import { type CloudLink, readBody } from './body-labels';
import { liftedBodyOf, liftLargeBase64 } from './large-parts';

export interface MailAttachment {
  fileName: string;
  mimeType: string;
  /** Decoded size: what the preview shows. */
  sizeBytes: number;
  /**
   * The decoded bytes. A large attachment is decoded here, when the import stores it, not while
   * the mail is read: the preview needs names and sizes only (see large-parts.ts).
   */
  content(): Uint8Array;
}

export interface ParsedMail {
  /** The file (or "file.mbox #3") it came from, for messages. */
  source: string;
  /** Message-ID without angle brackets, else "sha256:<hex of the bytes>". */
  key: string;
  messageId: string | null;
  /** Message-IDs this mail answers (In-Reply-To, then References). */
  answers: string[];
  subject: string;
  /** Sender address; for a forwarded registration, the original sender's when the body names one. */
  from: string | null;
  /** UTC ISO instant of the Date header (of the forwarded original, when given), or null. */
  date: string | null;
  reply: boolean;
  forward: boolean;
  labels: [string, string][];
  attachments: MailAttachment[];
  cloudLinks: CloudLink[];
}

const REPLY_RE = /^\s*(re|回复|答复|aw)\s*[:：]/iu;
const FORWARD_RE = /^\s*(fwd?|转发|wg)\s*[:：]/iu;
/** Attachments worth keeping as media: video, audio, images, PDF and office documents. */
const MEDIA_TYPES = /^(video|audio|image)\/|^application\/(pdf|msword|vnd\.openxmlformats|vnd\.ms-|octet-stream|zip)/i;

function stripBrackets(id: string): string {
  return id.trim().replace(/^<|>$/g, '');
}

function messageIds(text: string | undefined): string[] {
  return [...(text ?? '').matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]);
}

/** Plain text of an HTML body: enough to read labelled lines from. */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function toIso(text: string | null | undefined): string | null {
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export async function parseMail(bytes: Uint8Array, source: string): Promise<ParsedMail> {
  const lifted = liftLargeBase64(bytes);
  const email = await PostalMime.parse(lifted.bytes, { attachmentEncoding: 'arraybuffer' });
  const text = email.text ?? (email.html ? htmlToText(email.html) : '');
  const body = readBody(text);
  const subject = (email.subject ?? '').trim();
  const messageId = email.messageId ? stripBrackets(email.messageId) : null;
  const forward = FORWARD_RE.test(subject);
  const sender = email.from && 'address' in email.from && email.from.address ? email.from.address : null;
  const attachments: MailAttachment[] = [];
  email.attachments.forEach((a, i) => {
    if (a.disposition === 'inline' && a.contentId && /^image\//.test(a.mimeType)) return; // signature logos
    if (!MEDIA_TYPES.test(a.mimeType) && !a.filename) return;
    const content = typeof a.content === 'string' ? new TextEncoder().encode(a.content) : new Uint8Array(a.content);
    const body = liftedBodyOf(content, lifted.bodies);
    const fileName = a.filename || `attachment-${i + 1}`;
    if (body) attachments.push({ fileName, mimeType: a.mimeType, sizeBytes: body.sizeBytes, content: body.decode });
    else attachments.push({ fileName, mimeType: a.mimeType, sizeBytes: content.byteLength, content: () => content });
  });
  return {
    source,
    key: messageId ?? `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    messageId,
    answers: [...new Set([...messageIds(email.inReplyTo), ...messageIds(email.references)])],
    subject,
    from: (forward && body.forwardedFrom) || sender,
    date: (forward && toIso(body.forwardedDate)) || toIso(email.date),
    reply: REPLY_RE.test(subject) || (!!email.inReplyTo && !forward),
    forward,
    labels: body.labels,
    attachments,
    cloudLinks: body.cloudLinks,
  };
}
