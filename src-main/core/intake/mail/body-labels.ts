// What a registration mail says, read from its plain-text body: lines "标签：值" / "label: value"
// (full-width or ASCII colon) become columns named by their label, as a spreadsheet's header would,
// so the import's mapping (auto, learned, edited) applies unchanged. "联系方式 / contact" lines are
// split into a phone and an e-mail column by what their value looks like. Quoted reply lines ("> …")
// and the header block of a forwarded mail (发件人 / From / Date / Subject …) are not registration data.
// Links to cloud drives, with their extraction code, are collected as media to fetch by hand.

export interface CloudLink {
  provider: string;
  url: string;
  /** 提取码 / 密码 / access code, when the body gives one. */
  code: string | null;
}

const LINE_RE = /^\s*[-*•·]?\s*([^:：\s][^:：]{0,19}?)\s*[:：]\s*(.*?)\s*$/u;
/** Labels of a forwarded or quoted mail's header block; they carry the original sender and date. */
const FORWARD_HEADER_LABELS = new Set(['发件人', '收件人', '抄送', '日期', '发送时间', '时间', '主题', 'from', 'to', 'cc', 'date', 'sent', 'subject']);
const CONTACT_LABELS = new Set(['联系方式', '联系', 'contact', 'contactinformation', 'contactinfo', 'contactdetails']);
const EMAIL_IN_TEXT = /[\w.+-]+@[\w-]+(\.[\w-]+)+/u;
const PHONE_IN_TEXT = /(?:\+?86[-\s]?)?(?:1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}|0\d{2,3}-?\d{7,8})/u;

const CLOUD_HOSTS: [RegExp, string][] = [
  [/(^|\.)pan\.baidu\.com$/i, '百度网盘'],
  [/(^|\.)share\.weiyun\.com$/i, '腾讯微云'],
  [/(^|\.)weiyun\.com$/i, '腾讯微云'],
  [/(^|\.)123pan\.com$/i, '123云盘'],
  [/(^|\.)123pan\.cn$/i, '123云盘'],
  [/(^|\.)aliyundrive\.com$/i, '阿里云盘'],
  [/(^|\.)alipan\.com$/i, '阿里云盘'],
  [/(^|\.)pan\.quark\.cn$/i, '夸克网盘'],
  [/(^|\.)lanzou[a-z]?\.com$/i, '蓝奏云'],
  [/(^|\.)cowtransfer\.com$/i, '奶牛快传'],
  [/(^|\.)wss\.ink$/i, '文叔叔'],
  [/(^|\.)115\.com$/i, '115网盘'],
  [/(^|\.)drive\.google\.com$/i, 'Google Drive'],
  [/(^|\.)onedrive\.live\.com$/i, 'OneDrive'],
  [/(^|\.)1drv\.ms$/i, 'OneDrive'],
  [/(^|\.)dropbox\.com$/i, 'Dropbox'],
];
const URL_RE = /https?:\/\/[^\s<>"'，。；、）)]+/giu;
const CODE_RE = /(?:提取码|提取密码|访问码|密码|code|password|pwd)\s*[:：=]?\s*([A-Za-z0-9]{4,8})\b/iu;

export interface BodyReading {
  /** [label as written, value], each label once (the first occurrence), in order of appearance. */
  labels: [string, string][];
  /** The forwarded block's original sender address and date text, when the body holds one. */
  forwardedFrom: string | null;
  forwardedDate: string | null;
  cloudLinks: CloudLink[];
}

function foldLabel(label: string): string {
  return label.normalize('NFKC').toLowerCase().replace(/[\s_\-.]+/g, '');
}

export function readBody(text: string): BodyReading {
  const labels: [string, string][] = [];
  const seen = new Set<string>();
  let forwardedFrom: string | null = null;
  let forwardedDate: string | null = null;
  const add = (label: string, value: string) => {
    const key = foldLabel(label);
    if (seen.has(key) || !value) return;
    seen.add(key);
    labels.push([label, value]);
  };
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*>/.test(raw)) continue;
    const m = LINE_RE.exec(raw);
    if (!m) continue;
    const label = m[1].trim();
    let value = m[2].trim();
    const folded = foldLabel(label);
    // "https://…", "10:30", "注意：…" are not labels: a label is short and has a letter or a CJK character.
    if (/^https?$/i.test(label) || /^[\d\s]+$/.test(label) || !/[\p{L}]/u.test(label)) continue;
    if (FORWARD_HEADER_LABELS.has(folded)) {
      if ((folded === '发件人' || folded === 'from') && !forwardedFrom) forwardedFrom = EMAIL_IN_TEXT.exec(value)?.[0] ?? null;
      if ((folded === '日期' || folded === 'date' || folded === '发送时间' || folded === 'sent') && !forwardedDate) forwardedDate = value;
      continue;
    }
    if (CONTACT_LABELS.has(folded)) {
      const email = EMAIL_IN_TEXT.exec(value)?.[0];
      const phone = PHONE_IN_TEXT.exec(value)?.[0];
      if (phone) add('电话', phone);
      if (email) add('邮箱', email);
      if (!email && !phone) add(label, value);
      continue;
    }
    // "链接：https://pan.baidu.com/s/1x 提取码：ab12": the field gets the address alone.
    const url = /^(https?:\/\/\S+)/i.exec(value);
    if (url) value = url[1].replace(/[，。；、）)]+$/u, '');
    add(label, value);
  }
  return { labels, forwardedFrom, forwardedDate, cloudLinks: findCloudLinks(text) };
}

/** Cloud-drive share links in the text, each with the extraction code that follows it (same or next line). */
export function findCloudLinks(text: string): CloudLink[] {
  const links: CloudLink[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(URL_RE)) {
    let url = match[0];
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      continue;
    }
    const provider = CLOUD_HOSTS.find(([re]) => re.test(host))?.[1];
    if (!provider) continue;
    // Baidu puts the code in the link too: ?pwd=ab12.
    const inUrl = /[?&]pwd=([A-Za-z0-9]{4,8})/.exec(url)?.[1] ?? null;
    const after = text.slice(match.index + url.length, match.index + url.length + 120);
    const nextLines = after.split(/\r?\n/).slice(0, 2).join('\n');
    const code = inUrl ?? CODE_RE.exec(nextLines)?.[1] ?? null;
    url = url.replace(/[.,;]+$/, '');
    if (seen.has(url)) continue;
    seen.add(url);
    links.push({ provider, url, code });
  }
  return links;
}
