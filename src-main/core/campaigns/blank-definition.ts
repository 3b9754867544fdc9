// A programme started from nothing ("New blank programme"): the smallest definition that is valid,
// for an association whose competition looks like neither built-in template. The coordinator names
// it and its host; everything else is a sensible starting point to edit in the Setup tab:
// - works: one entry kind "work" (title, authors, unit, phone, reason), no categories yet;
//   committee: one kind "applicant" (name, unit, professional title, phone, reason);
// - one list named like the programme, fed by that kind, with one dimension "Overall" 0–10 in
//   steps of 0.5 weighing 100 % (the editor adds the real ones);
// - registration from today, closing in 30 days at 18:00, in Asia/Shanghai (the seeds' zone);
// - media: MP4/MOV/M4V playable in every browser (H.264/HEVC, AAC/MP3), no size or duration limit
//   until the programme states one; images at least 600 × 400;
// - 3 judges per entry, open review; an award certificate (works) or a 2-year membership (committee).
import type { CampaignDefinition, CampaignKind, FieldDef, LocalizedText } from '../../contract';
import { CampaignDefinition as Schema } from '../../contract/domain';

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

function field(key: string, label: LocalizedText, type: FieldDef['type'], required: boolean, identifying: boolean): FieldDef {
  return { key, label, type, required, identifying, aliases: [label['zh-CN'], label.en.toLowerCase()] };
}

/** Midnight today and 18:00 thirty days on, as wall-clock times in UTC+8 (Asia/Shanghai has no DST). */
function window(now: Date): { opensAt: string; deadline: string } {
  const local = new Date(now.getTime() + 8 * 3600_000);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const later = new Date(local.getTime() + 30 * 86_400_000);
  return { opensAt: `${day(local)}T00:00:00+08:00`, deadline: `${day(later)}T18:00:00+08:00` };
}

export function blankDefinition(kind: CampaignKind, name: LocalizedText, host: LocalizedText, now = new Date()): CampaignDefinition {
  const works = kind === 'works';
  const entryKind = works
    ? {
        kind: 'work' as const,
        label: text('作品', 'Work'),
        categories: [],
        rules: [],
        fields: [
          field('title', text('作品名称', 'Title'), 'text', true, false),
          field('authors', text('作者', 'Authors'), 'text', true, true),
          field('unit', text('单位', 'Unit'), 'text', false, true),
          field('phone', text('联系电话', 'Phone'), 'phone', true, true),
          field('reason', text('推荐理由', 'Reason'), 'longtext', false, false),
        ],
      }
    : {
        kind: 'applicant' as const,
        label: text('申报人', 'Applicant'),
        categories: [],
        rules: [],
        fields: [
          field('name', text('姓名', 'Name'), 'text', true, true),
          field('unit', text('单位', 'Unit'), 'text', true, true),
          field('professional_title', text('职称', 'Professional title'), 'text', false, false),
          field('phone', text('联系电话', 'Phone'), 'phone', true, true),
          field('reason', text('申报理由', 'Reason'), 'longtext', false, false),
        ],
      };
  const definition: CampaignDefinition = {
    kind,
    name,
    editionYear: Number(window(now).opensAt.slice(0, 4)),
    organizers: [{ name: host, role: 'host' }],
    contact: null,
    notice: null,
    timeZone: 'Asia/Shanghai',
    ...window(now),
    entrantTypes: works ? ['unit', 'individual'] : ['individual'],
    entryKinds: [entryKind],
    lists: [
      {
        key: 'main',
        name,
        feeds: [{ kind: entryKind.kind, categories: null }],
        rubric: [
          {
            key: 'overall',
            label: text('总体评价', 'Overall'),
            description: text('综合评价（请在“设置方案”中改为本项目的评分维度）', 'Overall judgement (replace with the programme’s own dimensions in Setup)'),
            weight: 1,
            scale: { min: 0, max: 10, step: 0.5 },
            anchors: [],
          },
        ],
        eligibility: [],
        certificateKind: null, method: null, tiers: null,
      },
    ],
    mediaRules: {
      video: { containers: ['mp4', 'mov', 'm4v'], maxSizeBytes: null, sizeUnit: 'MB', maxDurationSeconds: null, playableVideoCodecs: ['h264', 'hevc'], playableAudioCodecs: ['aac', 'mp3'] },
      image: { minWidth: 600, minHeight: 400 },
    },
    certificates: works
      ? [{ key: 'award', label: text('荣誉证书', 'Award certificate'), validityMonths: null }]
      : [{ key: 'membership', label: text('聘书', 'Membership certificate'), validityMonths: 24 }],
    judgesPerEntry: 3,
    blindReview: false,
    assignment: { excludeOwnInstitution: true, matchSpeciality: false },
  };
  // Parsed like every definition that enters the app (fills nothing, but proves the shape).
  return Schema.parse(definition);
}
