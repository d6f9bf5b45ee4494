import type { RequestAction } from '@doorstep/sdk';

// The service requests the server seeds on first start, so the demo's status view, staff list and
// stats board show a community at work. A pure data module (no database, no Node APIs). Times are
// relative to the moment of seeding: `day` is days before it, `hour` hours after the report.

export interface SampleStep {
  hour: number;
  /** A workflow step, or `assign` / `note` / `expected` (expected date, in days after the report). */
  do: RequestAction | 'assign' | 'note' | 'expected';
  by: string;
  note?: string;
  internal?: boolean;
  assignee?: string;
  days?: number;
}

export interface SampleRequest {
  /** Fixed, so the demo can link to it. */
  code: string;
  categoryId: string;
  areaId: string;
  description: string;
  contact?: { name?: string; phone: string };
  address?: string;
  day: number;
  steps: SampleStep[];
  supports?: number;
  rating?: { hour: number; score: number; comment?: string };
  /** Merged as a duplicate into the request with this code (seeded before it). */
  mergedInto?: { hour: number; code: string; by: string };
}

/** The tracking code the demo page opens in `<ds-request-status>`: in progress, with a full timeline. */
export const SAMPLE_TRACKING_CODE = 'DS-XFLS-2468';

const GRID = '网格员 李明';
const OFFICE = '社区服务站 王主任';

export const SAMPLE_REQUESTS: SampleRequest[] = [
  {
    code: SAMPLE_TRACKING_CODE,
    categoryId: 'public-light',
    areaId: 'b-3',
    description: '3号楼2单元三楼到五楼的楼道灯都不亮了，晚上上下楼很黑，家里老人怕摔。',
    contact: { name: '王秀兰', phone: '13912345678' },
    address: '2单元楼梯间',
    day: 2,
    supports: 3,
    steps: [
      { hour: 1, do: 'accept', by: GRID, note: '已收到，马上安排物业电工查看。' },
      { hour: 1.5, do: 'assign', by: GRID, assignee: '物业电工班 张师傅' },
      { hour: 20, do: 'start', by: '物业电工班 张师傅', note: '已上门查看：三个楼层的声控开关坏了，配件明天到货。' },
      { hour: 20.5, do: 'expected', by: GRID, days: 3, note: '配件到货后当天更换。' },
      { hour: 21, do: 'note', by: GRID, note: '供应商电话 0571-8888 6666，已催货。', internal: true },
    ],
  },
  {
    code: 'DS-XFLS-3579',
    categoryId: 'door-lock',
    areaId: 'u-1-1',
    description: '1号楼1单元的门禁刷卡没反应，单元门一直关不上，陌生人随便进出。',
    contact: { name: '陈建国', phone: '13800001234' },
    day: 6,
    steps: [
      { hour: 0.5, do: 'accept', by: GRID },
      { hour: 1, do: 'assign', by: GRID, assignee: '物业维修组' },
      { hour: 3, do: 'start', by: '物业维修组' },
      { hour: 26, do: 'resolve', by: '物业维修组', note: '更换了门禁读卡器和闭门器，已测试正常。' },
    ],
    rating: { hour: 30, score: 5, comment: '修得很快，谢谢物业师傅！' },
  },
  {
    code: 'DS-XFLS-4682',
    categoryId: 'parking',
    areaId: 'cp-2',
    description: '阳光小区东门消防通道每天晚上都停满私家车，消防车进不来。',
    day: 9,
    supports: 5,
    steps: [
      { hour: 2, do: 'accept', by: OFFICE, note: '已转交小区物业和交警中队。' },
      { hour: 24, do: 'start', by: OFFICE, note: '物业已在通道口划线并张贴禁停提示。' },
      { hour: 72, do: 'resolve', by: OFFICE, note: '加装了地桩，夜间安排保安巡查。' },
      { hour: 240, do: 'close', by: OFFICE },
    ],
    rating: { hour: 80, score: 4, comment: '好多了，希望能坚持。' },
  },
  {
    code: 'DS-XFLS-5793',
    categoryId: 'public-light',
    areaId: 'b-3',
    description: '3号楼楼道灯坏了好几天了，晚上一片黑。',
    day: 1,
    steps: [],
    mergedInto: { hour: 2, code: SAMPLE_TRACKING_CODE, by: GRID },
  },
  {
    code: 'DS-XFLS-6824',
    categoryId: 'sanitation',
    areaId: 'cp-3',
    description: '和谐家园5号楼旁边的垃圾桶好几天没清运，味道很大。',
    day: 1,
    supports: 1,
    steps: [],
  },
  {
    code: 'DS-XFLS-7935',
    categoryId: 'other',
    areaId: 'b-9',
    description: '小区里的健身器材有一个扶手松了，小孩玩的时候有危险。',
    contact: { phone: '13700007777' },
    day: 4,
    steps: [
      { hour: 5, do: 'accept', by: '光明社区 赵干事' },
      { hour: 6, do: 'expected', by: '光明社区 赵干事', days: 7, note: '已联系器材厂家上门维修。' },
    ],
  },
  {
    code: 'DS-XFLS-8246',
    categoryId: 'neighbour-dispute',
    areaId: 'b-13',
    description: '楼上住户装修每天早上七点就开始电钻，请社区帮忙协调时间。',
    contact: { name: '刘女士', phone: '13600006666' },
    day: 12,
    steps: [
      { hour: 3, do: 'accept', by: '和事佬志愿服务队 老周' },
      { hour: 5, do: 'start', by: '和事佬志愿服务队 老周', note: '已约双方周六上午在社区调解室见面。' },
      { hour: 50, do: 'resolve', by: '和事佬志愿服务队 老周', note: '双方同意装修时间为上午 9 点到 12 点、下午 2 点到 6 点。' },
      { hour: 60, do: 'close', by: '和事佬志愿服务队 老周' },
    ],
    rating: { hour: 52, score: 5, comment: '调解得很耐心。' },
  },
  {
    code: 'DS-XFLS-9357',
    categoryId: 'public-light',
    areaId: 'c-2',
    description: '光明路口的路灯灯杆被车撞歪了。',
    day: 15,
    steps: [{ hour: 4, do: 'reject', by: '光明社区 赵干事', note: '市政道路路灯归区城管局管理，已代为转报，请拨打 12345 跟进。' }],
  },
  {
    code: 'DS-XFLS-2579',
    categoryId: 'sanitation',
    areaId: 'b-6',
    description: '1号楼楼道里堆满了纸箱和旧家具，堵住了消防通道。',
    day: 20,
    steps: [
      { hour: 2, do: 'accept', by: GRID },
      { hour: 4, do: 'start', by: GRID, note: '已张贴清理通知，限期三天。' },
      { hour: 80, do: 'resolve', by: GRID, note: '杂物已清理完毕。' },
      { hour: 400, do: 'close', by: GRID },
    ],
  },
];
