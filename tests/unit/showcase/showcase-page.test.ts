// The showcase page (issue 17) escapes every text that comes from entrants or the programme:
// titles, names, units, registration numbers, list, category, tier, campaign and organizer names
// are shown as text, never as markup; covers are relative links into assets/ only.
import { describe, expect, it } from 'vitest';
import { htmlEscape, showcasePage } from '../../../src-main/core/showcase/showcase-page';
import type { Announcement } from '../../../src-main/core/showcase/winners';

const EVIL = `<img src=x onerror="alert(1)">'&`;
const L = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const wording = (language: 'zh-CN' | 'en', key: string) => `${language}:${key}`;

function announcementWith(text: string): Announcement {
  return {
    campaignName: L(`活动${text}`, `Campaign${text}`),
    organizers: [L(`主办${text}`, `Host${text}`)],
    lists: [
      {
        key: 'main',
        name: L(`榜单${text}`, `List${text}`),
        categories: [
          {
            category: L(`类别${text}`, `Category${text}`),
            winners: [
              {
                regNo: `SC-1${text}`,
                entryId: 1,
                kind: 'work',
                title: `标题${text}`,
                entrant: `作者${text}`,
                unit: `单位${text}`,
                tier: L(`一等${text}`, `First${text}`),
                category: L('类别', 'Category'),
                rank: 1,
                listName: 'first',
                certificate: { serial: `SIKP-2026-000001${text}`, check: 'K7QM3-XRD2P', payload: 'KP1.x' },
              },
            ],
          },
        ],
      },
    ],
  };
}

describe('showcase page', () => {
  it('shows entrant and programme text as text, never as markup', () => {
    const html = showcasePage({ announcement: announcementWith(EVIL), covers: new Map([[`SC-1${EVIL}`, `assets/covers/SC-1_img.png`]]), wording });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('onerror="alert');
    const escaped = htmlEscape(EVIL);
    expect(escaped).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp;');
    for (const text of ['活动', 'Campaign', '主办', 'Host', '榜单', 'List', '类别', 'Category', '标题', '作者', '单位', '一等', 'First', 'SIKP-2026-000001']) {
      expect(html, text).toContain(`${text}${escaped}`);
    }
    expect(html).toContain(`data-reg-no="SC-1${escaped}"`);
    // The only markup images are the covers in assets/, and the only script is the page's own.
    expect(html.match(/<img /g)).toHaveLength(1);
    expect(html).toContain('<img src="assets/covers/SC-1_img.png"');
    expect(html.match(/<script>/g)).toHaveLength(1);
    // Both languages are in the page; nothing is fetched from elsewhere.
    expect(html).toContain('zh-CN:showcase.page.subtitle');
    expect(html).toContain('en:showcase.page.subtitle');
    expect(html).not.toMatch(/https?:\/\//);
  });
});
