import type { ActivityType, HoursServedGroup, LocalizedText, VolunteerAvailability, VolunteerSkill } from '@doorstep/sdk';

// The sample volunteer teams of the demo district, their volunteers and a year of logged hours. A pure
// data module (no database, no Node APIs): the server seeds it, and Storybook's fake API and tests
// show the same teams and numbers. The hours come from a seeded pseudo-random generator, so the same
// `today` always gives the same entries.

type Text = Required<LocalizedText>;
const t = (zhCN: string, zhTW: string, en: string): Text => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });
const activity = (key: string, name: Text): ActivityType => ({ key, name });

export interface SeedTeam {
  id: string;
  communityId: string;
  name: Text;
  description: Text;
  activityTypes: ActivityType[];
  /** Average approved hours a month, for the generator (the community's goal is 550). */
  hoursPerMonth: number;
  /** Typical length of one activity, in quarter hours: [shortest, longest]. */
  quarters: [number, number];
  /** Clock start times (HH:MM) when the team logs start and end times rather than hours. */
  startTimes?: string[];
  servedGroups: HoursServedGroup[];
}

export const SEED_VOLUNTEER_TEAMS: SeedTeam[] = [
  {
    id: 'hsl-mediation',
    communityId: 'c-1',
    name: t('和事佬志愿服务队', '和事佬志願服務隊', 'Peacemakers (mediation)'),
    description: t(
      '调解邻里纠纷，化解噪音、漏水、停车等矛盾，提供法律咨询。',
      '調解鄰里糾紛，化解噪音、漏水、停車等矛盾，提供法律諮詢。',
      'Mediates between neighbours — noise, leaks, parking — and gives legal advice.',
    ),
    activityTypes: [
      activity('mediation', t('邻里调解', '鄰里調解', 'Mediation')),
      activity('home-visit', t('入户走访', '入戶走訪', 'Home visit')),
      activity('legal-advice', t('法律咨询', '法律諮詢', 'Legal advice')),
      activity('meeting', t('培训与例会', '培訓與例會', 'Training and meetings')),
    ],
    hoursPerMonth: 72,
    quarters: [6, 12],
    servedGroups: ['families', 'residents'],
  },
  {
    id: 'elder-visits',
    communityId: 'c-1',
    name: t('助老服务队', '助老服務隊', 'Elder visiting team'),
    description: t(
      '探访独居和高龄老人，陪同就医，代办代购。',
      '探訪獨居和高齡長者，陪同就醫，代辦代購。',
      'Visits older people living alone, escorts them to the doctor, runs errands.',
    ),
    activityTypes: [
      activity('home-visit', t('上门探访', '上門探訪', 'Home visit')),
      activity('escort', t('陪同就医', '陪同就醫', 'Escort to the doctor')),
      activity('phone-check', t('电话问候', '電話問候', 'Check-in call')),
      activity('errands', t('代办代购', '代辦代購', 'Errands and shopping')),
    ],
    hoursPerMonth: 178,
    quarters: [6, 12],
    servedGroups: ['elders-alone', 'elders', 'disabled'],
  },
  {
    id: 'safety-patrol',
    communityId: 'c-1',
    name: t('平安巡逻队', '平安巡邏隊', 'Neighbourhood patrol'),
    description: t(
      '夜间治安巡逻，检查消防通道和楼道杂物，劝导文明停车。',
      '夜間治安巡邏，檢查消防通道和樓道雜物，勸導文明停車。',
      'Evening patrols, fire-lane and stairwell checks, parking reminders.',
    ),
    activityTypes: [
      activity('patrol', t('治安巡逻', '治安巡邏', 'Patrol')),
      activity('fire-check', t('消防安全检查', '消防安全檢查', 'Fire safety check')),
      activity('civility', t('文明劝导', '文明勸導', 'Civility reminders')),
    ],
    hoursPerMonth: 142,
    quarters: [8, 12],
    startTimes: ['18:30', '19:00', '19:30', '20:00'],
    servedGroups: ['residents'],
  },
  {
    id: 'meal-delivery',
    communityId: 'c-1',
    name: t('爱心送餐队', '愛心送餐隊', 'Meal delivery team'),
    description: t(
      '为行动不便的老人送餐上门，协助长者食堂帮厨。',
      '為行動不便的長者送餐上門，協助長者食堂幫廚。',
      'Brings meals to older people who cannot get out and helps in the elder canteen.',
    ),
    activityTypes: [
      activity('meal-delivery', t('送餐上门', '送餐上門', 'Meal delivery')),
      activity('canteen-help', t('食堂帮厨', '食堂幫廚', 'Canteen help')),
    ],
    hoursPerMonth: 118,
    quarters: [6, 10],
    startTimes: ['10:30', '11:00', '16:30'],
    servedGroups: ['elders', 'elders-alone', 'disabled'],
  },
  {
    id: 'silver-haircuts',
    communityId: 'c-1',
    name: t('银发理发队', '銀髮理髮隊', 'Silver haircut team'),
    description: t(
      '每月集中为老人义务理发，为卧床老人上门理发。',
      '每月集中為長者義務理髮，為臥床長者上門理髮。',
      'Free haircuts for older people once a month, and at home for the bedridden.',
    ),
    activityTypes: [
      activity('haircut-station', t('集中义剪', '集中義剪', 'Haircut day')),
      activity('haircut-home', t('上门理发', '上門理髮', 'Haircut at home')),
    ],
    hoursPerMonth: 40,
    quarters: [8, 16],
    servedGroups: ['elders', 'disabled'],
  },
  {
    id: 'green-guardians',
    communityId: 'c-2',
    name: t('光明环保志愿队', '光明環保志願隊', 'Guangming green volunteers'),
    description: t('引导垃圾分类，清洁公共环境。', '引導垃圾分類，清潔公共環境。', 'Helps residents sort rubbish and keeps shared spaces clean.'),
    activityTypes: [
      activity('sorting', t('垃圾分类引导', '垃圾分類引導', 'Rubbish sorting help')),
      activity('cleanup', t('环境清洁', '環境清潔', 'Clean-up')),
    ],
    hoursPerMonth: 60,
    quarters: [6, 10],
    startTimes: ['07:00', '07:30', '18:00'],
    servedGroups: ['residents'],
  },
];

/** Monthly goals staff set: 550 hours a month for 幸福里社区 and one team goal. */
export const SEED_VOLUNTEER_GOALS: Array<{ kind: 'community' | 'team'; id: string; hours: number }> = [
  { kind: 'community', id: 'c-1', hours: 550 },
  { kind: 'team', id: 'elder-visits', hours: 180 },
];

export interface SeedVolunteer {
  code: string;
  communityId: string;
  name: string;
  phone: string;
  teamIds: string[];
  availability: VolunteerAvailability[];
  skills: VolunteerSkill[];
}

/**
 * The demo volunteer: her access key is published (docs, demo page) so anyone trying the demo can log
 * hours and print a certificate. Remove the sample data before real use.
 */
export const DEMO_VOLUNTEER = { code: 'V-ZHXY-8K6M', accessKey: 'ZHXY-DEMA-KEYS-2345-6789', name: '张秀英' } as const;

const NAMES_C1 = [
  '张秀英', '王建国', '李桂兰', '刘德明', '陈淑珍', '杨志强', '赵玉梅', '黄卫东', '周丽华', '吴海燕', '徐国庆', '孙美玲',
  '马建华', '朱春梅', '胡振国', '郭秀兰', '何小平', '林晓燕', '高建军', '罗红霞', '郑立新', '梁雪梅', '谢文斌', '宋玉兰',
  '唐志刚', '韩冬梅', '冯永明', '于凤英', '董宝山', '萧淑芬', '程红', '曹建平', '袁桂芝', '邓丽娟', '许卫国', '傅晓明',
];
const NAMES_C2 = ['彭玉珍', '蒋国华', '蔡美华', '贾志远', '丁秋菊', '魏建新'];

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** mulberry32: a small, fast, seedable generator — the same seed gives the same sequence everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (random: () => number, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

function code(random: () => number): string {
  const chunk = () => Array.from({ length: 4 }, () => pick(random, CODE_ALPHABET.split(''))).join('');
  return `V-${chunk()}-${chunk()}`;
}

/** The sample volunteers: each in one to three teams of their community. */
export function sampleVolunteers(): SeedVolunteer[] {
  const random = seededRandom(0x5ef1);
  const availability: VolunteerAvailability[] = ['weekday-morning', 'weekday-afternoon', 'weekday-evening', 'weekend-morning', 'weekend-afternoon'];
  const teamSkills: Record<string, VolunteerSkill[]> = {
    'hsl-mediation': ['mediation'],
    'elder-visits': ['elder-care', 'first-aid'],
    'safety-patrol': ['patrol'],
    'meal-delivery': ['cooking', 'driving'],
    'silver-haircuts': ['haircut'],
    'green-guardians': ['other'],
  };
  const make = (names: string[], communityId: string): SeedVolunteer[] => {
    const teams = SEED_VOLUNTEER_TEAMS.filter((team) => team.communityId === communityId).map((team) => team.id);
    return names.map((name, index) => {
      // Everyone is in the team their place in the list gives (so every team has members), some in more.
      const own = teams[index % teams.length]!;
      const extra = teams.filter((team) => team !== own && random() < 0.25).slice(0, 2);
      const teamIds = [own, ...extra];
      return {
        code: name === DEMO_VOLUNTEER.name ? DEMO_VOLUNTEER.code : code(random),
        communityId,
        name,
        phone: `139${String(between(random, 10_000_000, 99_999_999))}`,
        teamIds,
        availability: availability.filter(() => random() < 0.4),
        skills: [...new Set(teamIds.flatMap((team) => teamSkills[team] ?? []))],
      };
    });
  };
  return [...make(NAMES_C1, 'c-1'), ...make(NAMES_C2, 'c-2')];
}

export interface SeedEntry {
  volunteerCode: string;
  teamId: string;
  activityType: string;
  date: string;
  /** HH:MM community time, for teams that log clock times. */
  startTime: string | null;
  minutes: number;
  areaId: string | null;
  servedGroup: HoursServedGroup | null;
  servedCount: number | null;
  note: string | null;
  status: 'approved' | 'pending' | 'rejected';
  rejectReason: string | null;
}

const BUILDINGS: Record<string, string[]> = {
  'c-1': ['b-1', 'b-2', 'b-3', 'b-4', 'b-5', 'b-6', 'b-7', 'b-8', 'cp-1', 'cp-2', 'cp-3'],
  'c-2': ['b-9', 'b-10', 'b-11', 'b-12', 'b-13', 'b-14', 'cp-4', 'cp-5'],
};

const pad = (value: number) => String(value).padStart(2, '0');

function daysIn(month: string): number {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
}

function monthsBack(today: string, count: number): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const at = year * 12 + (month - 1) - (count - 1 - index);
    return `${Math.floor(at / 12)}-${pad((at % 12) + 1)}`;
  });
}

/** Busier in winter (cold snaps, Spring Festival visits), quieter in the August heat. */
const SEASON = [1.12, 1.15, 1.02, 0.98, 1.0, 0.95, 0.9, 0.84, 0.97, 1.03, 1.0, 1.08];

const REJECT_REASONS = ['同一次探访已由队友登记', '日期填错了，请按实际服务日期重新登记', '时长与签到表不符，请核对后重新登记'];

/**
 * Twelve months of entries up to yesterday (`today` is a community-time date): each team logs about its
 * monthly hours, shaped by the season, the current month only up to yesterday. Some entries of the last
 * five days are still pending; a few older ones were rejected with a reason.
 */
export function sampleEntries(today: string, volunteers: readonly SeedVolunteer[] = sampleVolunteers()): SeedEntry[] {
  const random = seededRandom(0xd00257e9);
  const entries: SeedEntry[] = [];
  const todayDay = Number(today.slice(8, 10));
  const pendingFrom = todayDay - 5;
  for (const month of monthsBack(today, 12)) {
    const current = month === today.slice(0, 7);
    // Up to yesterday: today's activities are still going on.
    const lastDay = current ? todayDay - 1 : daysIn(month);
    if (lastDay < 1) continue;
    const season = SEASON[Number(month.slice(5, 7)) - 1]!;
    for (const team of SEED_VOLUNTEER_TEAMS) {
      const members = volunteers.filter((volunteer) => volunteer.teamIds.includes(team.id));
      // The current month is counted up to today, a little behind (entries still coming in).
      const share = current ? (lastDay / daysIn(month)) * 0.95 : 1;
      const target = Math.round(team.hoursPerMonth * season * share * (0.92 + random() * 0.16) * 60);
      let logged = 0;
      while (logged < target) {
        const minutes = between(random, team.quarters[0], team.quarters[1]) * 15;
        const day = between(random, 1, lastDay);
        const recent = current && day >= pendingFrom;
        const rejected = !recent && random() < 0.012;
        const status = recent && random() < 0.6 ? 'pending' : rejected ? 'rejected' : 'approved';
        const activityType = pick(random, team.activityTypes).key;
        const serves = team.servedGroups.length > 0 && random() < 0.8;
        entries.push({
          volunteerCode: pick(random, members).code,
          teamId: team.id,
          activityType,
          date: `${month}-${pad(day)}`,
          startTime: team.startTimes ? pick(random, team.startTimes) : null,
          minutes,
          areaId: random() < 0.85 ? pick(random, BUILDINGS[team.communityId] ?? []) : null,
          servedGroup: serves ? pick(random, team.servedGroups) : null,
          servedCount: serves ? between(random, 1, team.id === 'safety-patrol' ? 1 : 6) : null,
          note: null,
          status,
          rejectReason: status === 'rejected' ? pick(random, REJECT_REASONS) : null,
        });
        if (status === 'approved') logged += minutes;
        else if (status === 'pending') logged += minutes / 2;
      }
    }
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date) || a.teamId.localeCompare(b.teamId));
}
