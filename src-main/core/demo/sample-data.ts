// The sample registrations behind `kepu demo`: realistic, deterministic, every entry kind, a few
// late submissions (after the deadline, flagged and kept) and media of each sort from resources/sample.
import type { NewEntry } from '../entries/entry-repo';

/** A registration as the organiser received it: local submission time, media by file name. */
export type SampleEntry = Omit<NewEntry, 'regNo' | 'submittedAt' | 'contactPhone' | 'contactEmail' | 'reason'> & {
  reason: string;
  /** Local Beijing time of submission, e.g. "2023-12-12 09:30". */
  submittedLocal: string;
  /** `shared`: the very same file as another entry's (to show the duplicate check). */
  /** `evidenceFor`: the eligibility item the file proves (a committee applicant's certificate scan). */
  media: { file: string; role: 'video' | 'image' | 'document' | 'screenshot'; shared?: boolean; evidenceFor?: string }[];
};

const HOSPITALS = [
  '四川大学华西医院',
  '四川省人民医院',
  '成都市第三人民医院',
  '四川省妇幼保健院',
  '成都市第一人民医院',
  '西南医科大学附属医院',
  '川北医学院附属医院',
  '成都中医药大学附属医院',
];
const PEOPLE = ['李晓雯', '王建国', '张敏', '刘洋', '陈静', '杨帆', '赵磊', '黄蕾', '周婷', '吴昊', '徐丽', '孙鹏'];

const WORKS: [string, string, SampleEntry['media']][] = [
  ['graphic', '一图读懂中国居民膳食宝塔', [{ file: 'graphic-diet-1.jpg', role: 'image' }, { file: 'graphic-diet-2.jpg', role: 'image' }]],
  ['graphic', '高血压患者的一天：控盐小妙招', [{ file: 'graphic-diet-1.jpg', role: 'image' }]],
  ['graphic', '儿童近视防控十问十答', [{ file: 'graphic-diet-2.jpg', role: 'image' }]],
  ['graphic', 'HPV 疫苗：你关心的五个问题', [{ file: 'article-hpv.txt', role: 'document' }]],
  ['graphic', '糖尿病足护理图解', [{ file: 'graphic-diet-1.jpg', role: 'image' }]],
  ['cartoon', '流感来了怎么办（三格漫画）', [
    { file: 'cartoon-flu-1.jpg', role: 'image' },
    { file: 'cartoon-flu-2.jpg', role: 'image' },
    { file: 'cartoon-flu-3.jpg', role: 'image' },
  ]],
  ['cartoon', '小熊猫学刷牙', [{ file: 'cartoon-flu-1.jpg', role: 'image' }]],
  ['cartoon', '漫话幽门螺杆菌', [{ file: 'cartoon-flu-2.jpg', role: 'image' }, { file: 'cartoon-flu-3.jpg', role: 'image' }]],
  ['cartoon', '熬夜的代价', [{ file: 'cartoon-flu-3.jpg', role: 'image' }]],
  ['video', '七步洗手法，你做对了吗', [{ file: 'video-handwashing.mp4', role: 'video' }]],
  ['video', '失眠了怎么办：睡眠医生来支招', [{ file: 'video-sleep.mp4', role: 'video', shared: true }]],
  ['video', '三分钟学会心肺复苏', [{ file: 'video-heart.mp4', role: 'video' }]],
  ['video', '孕期营养那些事', [{ file: 'video-sleep.mp4', role: 'video', shared: true }]],
  ['video', '骨质疏松早知道', [{ file: 'video-heart.mp4', role: 'video' }, { file: 'video-handwashing.mp4', role: 'video' }]],
  ['video', '春季过敏性鼻炎防护', [{ file: 'video-handwashing.mp4', role: 'video' }]],
  ['other', '健康科普情景剧《家庭药箱》', []],
  ['other', '“守护心脏”科普展板', [{ file: 'graphic-diet-2.jpg', role: 'image' }]],
  ['graphic', '甲状腺结节别慌张', [{ file: 'graphic-diet-1.jpg', role: 'image' }]],
];

const ACCOUNTS: [string, string][] = [
  ['抖音', '华西妇产科王医生'],
  ['微信公众号', '四川省人民医院健康科普'],
  ['今日头条', '成都三医院心内科'],
  ['哔哩哔哩', '蓉城营养师小陈'],
  ['微博', '川北医学院健康说'],
  ['小红书', '儿科医生黄蕾'],
  ['快手', '急诊科的那些事'],
  ['视频号', '中医养生周婷'],
];

const INDIVIDUALS = ['李晓雯', '王建国', '陈静', '赵磊', '徐丽', '孙鹏'];

/** Submissions spread over the window (2023-12-09 … 12-25 18:00); some arrive after the deadline. */
function submittedAt(i: number, late = false): string {
  if (late) return `2023-12-25 ${i % 2 === 0 ? '18:05' : '21:40'}`;
  const day = 9 + (i % 16);
  const hour = 8 + ((i * 5) % 10);
  return `2023-12-${String(day).padStart(2, '0')} ${String(hour).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
}

function phone(i: number): string {
  return `138${String(10000000 + i * 7919).slice(-8)}`;
}

export function sichuanSampleEntries(): SampleEntry[] {
  const entries: SampleEntry[] = [];
  WORKS.forEach(([category, title, media], i) => {
    const individual = i % 3 === 1;
    const person = PEOPLE[i % PEOPLE.length];
    const unit = HOSPITALS[i % HOSPITALS.length];
    entries.push({
      kind: 'work',
      category,
      title,
      entrantType: individual ? 'individual' : 'unit',
      entrantName: individual ? person : unit,
      entrantUnit: individual ? unit : null,
      reason: `原创${category === 'video' ? '视频' : '作品'}，已在院内公众号及短视频平台发布，累计阅读量 ${(i + 3) * 1.7}万。`,
      fields: { authors: `${person}、${PEOPLE[(i + 5) % PEOPLE.length]}`, phone: phone(i), email: `author${i + 1}@example.cn` },
      submittedLocal: submittedAt(i, i === 16 || i === 17),
      media,
    });
  });
  ACCOUNTS.forEach(([platform, account], i) => {
    entries.push({
      kind: 'account',
      category: null,
      title: `${platform} · ${account}`,
      entrantType: i % 2 === 0 ? 'individual' : 'unit',
      entrantName: i % 2 === 0 ? PEOPLE[(i + 2) % PEOPLE.length] : HOSPITALS[(i + 1) % HOSPITALS.length],
      entrantUnit: HOSPITALS[(i + 1) % HOSPITALS.length],
      reason: `坚持日更健康科普，粉丝 ${(i + 2) * 3.1}万，年度发布作品 ${120 + i * 17} 条。`,
      fields: {
        platform,
        account_name: account,
        link: `https://example.cn/${platform}/${i + 1}`,
        followers: String((i + 2) * 31000),
        phone: phone(100 + i),
      },
      submittedLocal: submittedAt(100 + i, i === 7),
      media: [{ file: 'account-screenshot.jpg', role: 'screenshot' }],
    });
  });
  INDIVIDUALS.forEach((name, i) => {
    entries.push({
      kind: 'individual',
      category: null,
      title: `${name}：健康科普个人`,
      entrantType: 'individual',
      entrantName: name,
      entrantUnit: HOSPITALS[(i + 3) % HOSPITALS.length],
      reason: `从事临床工作 ${8 + i * 2} 年，常年开展社区健康讲座与线上科普。`,
      fields: { name, phone: phone(200 + i) },
      submittedLocal: submittedAt(200 + i),
      media: [],
    });
  });
  return entries;
}

const ONCOLOGY = [
  ['四川省肿瘤医院', '胸部肿瘤科', '主任医师'],
  ['四川大学华西医院', '肿瘤中心', '副主任医师'],
  ['中国医学科学院肿瘤医院', '乳腺外科', '主治医师'],
  ['复旦大学附属肿瘤医院', '放射治疗科', '主任医师'],
  ['北京大学肿瘤医院', '消化肿瘤内科', '主治医师'],
  ['重庆大学附属肿瘤医院', '妇科肿瘤科', '副主任医师'],
  ['成都市第三人民医院', '肿瘤科', '住院医师'],
  ['山东省肿瘤医院', '头颈外科', '主治医师'],
] as const;
const APPLICANTS = ['郭志强', '何雨桐', '林嘉怡', '马骏', '宋佳', '邓文博', '曹雪', '彭涛'];

export function cacaSampleApplicants(): SampleEntry[] {
  return APPLICANTS.map((name, i) => {
    const [hospital, department, title] = ONCOLOGY[i];
    const platform = ['小荷医生', '今日头条', '抖音'][i % 3];
    return {
      kind: 'applicant' as const,
      category: null,
      title: `${name} · ${hospital}${department}`,
      entrantType: 'individual' as const,
      entrantName: name,
      entrantUnit: hospital,
      reason: '长期开展肿瘤防治科普，愿为癌症患者提供科普与关爱服务。',
      fields: {
        name,
        professional_title: title,
        hospital,
        department,
        nomination: i % 3 === 0 ? 'unit' : 'self',
        phone: phone(300 + i),
        platforms: `${platform}：${name}医生`,
        published_link: `https://example.cn/${platform}/article/${1000 + i}`,
        published_at: `2022-0${1 + (i % 3)}-1${i}`,
      },
      submittedLocal: i === 7 ? '2022-04-02 10:15' : `2021-1${1 + (i % 2)}-0${1 + i} 14:20`,
      media: [
        { file: 'certificate-scan.jpg', role: 'image' as const, evidenceFor: 'practising_doctor' },
        ...(i % 2 === 0 ? [{ file: 'video-heart.mp4', role: 'video' as const }] : [{ file: 'article-hpv.txt', role: 'document' as const }]),
      ],
    };
  });
}
