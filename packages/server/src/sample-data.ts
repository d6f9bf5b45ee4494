import { AREA_LEVELS, type AreaNode, type LocalizedText } from '@doorstep/sdk';

// The sample district the server seeds on first start. A pure data module (no database, no Node
// APIs), so Storybook's fake API and tests can show exactly the choices the demo shows.

export interface SeedArea {
  id: string;
  name: string;
  children?: SeedArea[];
}

export interface SeedCategory {
  id: string;
  name: Required<LocalizedText>;
  description: Required<LocalizedText>;
  allowAnonymous: boolean;
}

function area(id: string, name: string, children?: SeedArea[]): SeedArea {
  return children ? { id, name, children } : { id, name };
}

/**
 * A sample district, enough to try every widget: two communities, five compounds, a few units.
 * Ids are stable (demos and tests refer to them); buildings are numbered across the district.
 */
export const SEED_AREAS: SeedArea[] = [
  area('d-1', '幸福区', [
    area('sd-1', '和平街道', [
      area('c-1', '幸福里社区', [
        area('cp-1', '幸福花园', [
          area('b-1', '1号楼', [area('u-1-1', '1单元'), area('u-1-2', '2单元')]),
          area('b-2', '2号楼'),
          area('b-3', '3号楼'),
        ]),
        area('cp-2', '阳光小区', [area('b-4', '1号楼'), area('b-5', '2号楼')]),
        area('cp-3', '和谐家园', [area('b-6', '1号楼'), area('b-7', '2号楼'), area('b-8', '5号楼')]),
      ]),
      area('c-2', '光明社区', [
        area('cp-4', '光明新村', [area('b-9', '1号楼'), area('b-10', '2号楼'), area('b-11', '3号楼'), area('b-12', '4号楼')]),
        area('cp-5', '翠竹苑', [area('b-13', '1号楼'), area('b-14', '2号楼')]),
      ]),
    ]),
  ]),
];

export const SEED_CATEGORIES: SeedCategory[] = [
  {
    id: 'public-light',
    name: { 'zh-CN': '公共照明', 'zh-TW': '公共照明', en: 'Public lighting' },
    description: { 'zh-CN': '楼道灯、路灯不亮或常亮', 'zh-TW': '樓道燈、路燈不亮或常亮', en: 'Stairwell or street light out or always on' },
    allowAnonymous: true,
  },
  {
    id: 'door-lock',
    name: { 'zh-CN': '门禁/单元门', 'zh-TW': '門禁/單元門', en: 'Door entry and locks' },
    description: { 'zh-CN': '单元门、门禁损坏或关不上', 'zh-TW': '單元門、門禁損壞或關不上', en: 'Building door or entry system broken or not closing' },
    allowAnonymous: true,
  },
  {
    id: 'water-leak',
    name: { 'zh-CN': '漏水', 'zh-TW': '漏水', en: 'Water leak' },
    description: { 'zh-CN': '屋顶、管道或楼上渗漏（需要入户查看，请留联系方式）', 'zh-TW': '屋頂、管道或樓上滲漏（需要入戶查看，請留聯絡方式）', en: 'Leaking roof, pipes or flat above (staff need to visit, so leave a phone number)' },
    allowAnonymous: false,
  },
  {
    id: 'facade',
    name: { 'zh-CN': '外墙瓷砖脱落', 'zh-TW': '外牆瓷磚脫落', en: 'Loose facade tiles' },
    description: { 'zh-CN': '外墙瓷砖、空调外机架等有坠落危险', 'zh-TW': '外牆瓷磚、冷氣外機架等有墜落危險', en: 'Tiles or fittings on the outside wall that could fall' },
    allowAnonymous: true,
  },
  {
    id: 'parking',
    name: { 'zh-CN': '停车', 'zh-TW': '停車', en: 'Parking' },
    description: { 'zh-CN': '乱停车、占用消防通道', 'zh-TW': '亂停車、佔用消防通道', en: 'Bad parking, blocked fire lanes' },
    allowAnonymous: true,
  },
  {
    id: 'sanitation',
    name: { 'zh-CN': '环境卫生', 'zh-TW': '環境衛生', en: 'Sanitation' },
    description: { 'zh-CN': '垃圾堆放、清运不及时、楼道杂物', 'zh-TW': '垃圾堆放、清運不及時、樓道雜物', en: 'Rubbish piling up, missed collections, clutter in stairwells' },
    allowAnonymous: true,
  },
  {
    id: 'neighbour-dispute',
    name: { 'zh-CN': '邻里纠纷', 'zh-TW': '鄰里糾紛', en: 'Neighbour dispute' },
    description: { 'zh-CN': '噪音、漏水、占用公共空间等邻里矛盾（调解员会联系您）', 'zh-TW': '噪音、漏水、佔用公共空間等鄰里矛盾（調解員會聯絡您）', en: 'Noise, leaks, shared space and other disputes (a mediator will contact you)' },
    allowAnonymous: false,
  },
  {
    id: 'other',
    name: { 'zh-CN': '其他', 'zh-TW': '其他', en: 'Other' },
    description: { 'zh-CN': '以上都不是', 'zh-TW': '以上都不是', en: 'Anything else' },
    allowAnonymous: true,
  },
];

/** The sample areas as `GET /v1/areas` returns them: levels by depth, parent ids filled in. */
export function sampleAreaTree(areas: SeedArea[] = SEED_AREAS, parentId: string | null = null, depth = 0): AreaNode[] {
  return areas.map((area) => ({
    id: area.id,
    parentId,
    level: AREA_LEVELS[depth]!,
    name: area.name,
    children: sampleAreaTree(area.children ?? [], area.id, depth + 1),
  }));
}

// The categories' extra questions live in their own module; re-exported so `@doorstep/server/sample-data` has them.
export { SEED_CATEGORY_LISTING, SEED_CATEGORY_QUESTIONS, sampleCategories } from './sample-data/category-questions.js';
export { SAMPLE_APPOINTMENT_SERVICES, SAMPLE_APPOINTMENT_RESIDENTS, sampleAppointmentSlots, type SampleSlot } from './sample-data/appointments.js';
export { SAMPLE_EVENT_REGISTRATIONS, sampleEvents, type SampleEvent } from './sample-data/events.js';
export { SAMPLE_CANTEENS, sampleCanteenWeek } from './sample-data/canteen.js';
export { SAMPLE_ELDERCARE_PROGRAMS } from './sample-data/eldercare.js';
export {
  DEMO_VOLUNTEER,
  SEED_VOLUNTEER_GOALS,
  SEED_VOLUNTEER_TEAMS,
  sampleEntries,
  sampleVolunteers,
  type SeedEntry,
  type SeedTeam,
  type SeedVolunteer,
} from './sample-data/volunteering.js';
