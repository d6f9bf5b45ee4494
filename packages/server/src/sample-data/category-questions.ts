import type { Category, CategoryQuestion, LocalizedText, QuestionDatatype } from '@doorstep/sdk';
import { SEED_CATEGORIES } from '../sample-data.js';

// The extra questions the sample categories ask, as a community service station would ask them on the
// phone. A pure data module (no database), so Storybook's fake API and tests show the same questions.
// Only what staff need to judge urgency is required (is water still coming in, has a tile already
// fallen); every other question helps but never stops a resident from reporting.

type Text = Required<LocalizedText>;
const t = (zhCN: string, zhTW: string, en: string): Text => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });
const choice = (key: string, name: Text) => ({ key, name });

/** Builds the questions of one category, numbering `order` 1, 2, 3… in the order written. */
function questions(
  ...list: Array<{
    code: string;
    datatype: QuestionDatatype;
    required?: boolean;
    variable?: boolean;
    prompt: Text;
    hint?: Text;
    values?: Array<{ key: string; name: Text }>;
  }>
): CategoryQuestion[] {
  return list.map(({ required = false, variable = true, values = [], hint, ...question }, index) => ({
    ...question,
    required,
    variable,
    order: index + 1,
    ...(hint ? { hint } : {}),
    values,
  }));
}

const FLOOR_HINT = t('地下一层填 -1', '地下一層填 -1', 'Basement: -1');

/** Category id → its questions. `other` has none: the description says it all. */
export const SEED_CATEGORY_QUESTIONS: Record<string, CategoryQuestion[]> = {
  'public-light': questions(
    {
      code: 'light_type',
      datatype: 'singlevaluelist',
      prompt: t('是哪种灯？', '是哪種燈？', 'Which light is it?'),
      values: [
        choice('stairwell', t('楼道灯', '樓道燈', 'Stairwell light')),
        choice('lift_lobby', t('电梯厅灯', '電梯廳燈', 'Lift lobby light')),
        choice('street', t('路灯', '路燈', 'Street light')),
        choice('courtyard', t('庭院灯', '庭院燈', 'Courtyard light')),
      ],
    },
    {
      code: 'fault',
      datatype: 'singlevaluelist',
      prompt: t('灯怎么了？', '燈怎麼了？', "What's wrong with it?"),
      values: [
        choice('out', t('不亮', '不亮', 'Out')),
        choice('always_on', t('白天也常亮', '白天也常亮', 'On all day')),
        choice('flickering', t('一闪一闪', '一閃一閃', 'Flickering')),
      ],
    },
    { code: 'floor', datatype: 'number', prompt: t('在几楼？', '在幾樓？', 'Which floor?'), hint: FLOOR_HINT },
  ),
  'door-lock': questions(
    {
      code: 'door',
      datatype: 'singlevaluelist',
      prompt: t('是哪扇门？', '是哪扇門？', 'Which door?'),
      values: [
        choice('entrance', t('单元门', '單元門', 'Building entrance')),
        choice('garage', t('地库门', '地庫門', 'Car park door')),
        choice('fire_door', t('楼道防火门', '樓道防火門', 'Stairwell fire door')),
        choice('gate', t('小区大门', '社區大門', 'Compound gate')),
      ],
    },
    {
      code: 'symptoms',
      datatype: 'multivaluelist',
      prompt: t('出了什么问题？（可多选）', '出了什麼問題？（可複選）', 'What is wrong? (choose all that apply)'),
      values: [
        choice('wont_close', t('关不上', '關不上', "Won't close")),
        choice('wont_open', t('打不开', '打不開', "Won't open")),
        choice('card_rejected', t('刷卡没反应', '刷卡沒反應', 'Key card not accepted')),
        choice('intercom', t('对讲不通', '對講不通', 'Intercom dead')),
        choice('closer', t('闭门器坏了，门猛关', '閉門器壞了，門猛關', 'Door closer broken, door slams')),
      ],
    },
  ),
  'water-leak': questions(
    {
      code: 'urgent_notice',
      datatype: 'string',
      variable: false,
      prompt: t(
        '水流很大时，请先关闭家中总水阀，再拨打物业24小时电话。',
        '水流很大時，請先關閉家中總水閥，再撥打物業24小時電話。',
        "If water is pouring in, first turn off your flat's main valve, then call the 24-hour property line.",
      ),
    },
    {
      code: 'source',
      datatype: 'singlevaluelist',
      required: true,
      prompt: t('水从哪里漏出来？', '水從哪裡漏出來？', 'Where is the water coming from?'),
      values: [
        choice('ceiling', t('天花板（楼上）', '天花板（樓上）', 'Ceiling (flat above)')),
        choice('wall', t('墙面', '牆面', 'A wall')),
        choice('pipe', t('水管或阀门', '水管或閥門', 'A pipe or valve')),
        choice('roof', t('屋顶', '屋頂', 'The roof')),
        choice('window', t('窗户', '窗戶', 'A window')),
      ],
    },
    {
      code: 'leaking_now',
      datatype: 'singlevaluelist',
      required: true,
      prompt: t('现在还在漏吗？', '現在還在漏嗎？', 'Is it leaking now?'),
      values: [
        choice('yes', t('正在漏', '正在漏', 'Yes, right now')),
        choice('when_raining', t('下雨时才漏', '下雨時才漏', 'Only when it rains')),
        choice('stopped', t('已经停了', '已經停了', 'It has stopped')),
      ],
    },
    { code: 'since', datatype: 'datetime', prompt: t('从什么时候开始漏的？', '從什麼時候開始漏的？', 'Since when?') },
    {
      code: 'rooms',
      datatype: 'multivaluelist',
      prompt: t('哪些地方受影响？（可多选）', '哪些地方受影響？（可複選）', 'Which rooms are affected? (choose all that apply)'),
      values: [
        choice('kitchen', t('厨房', '廚房', 'Kitchen')),
        choice('bathroom', t('卫生间', '衛生間', 'Bathroom')),
        choice('bedroom', t('卧室', '臥室', 'Bedroom')),
        choice('living_room', t('客厅', '客廳', 'Living room')),
        choice('stairwell', t('楼道', '樓道', 'Stairwell')),
      ],
    },
    {
      code: 'visit_times',
      datatype: 'text',
      prompt: t('什么时间方便上门查看？', '什麼時間方便上門查看？', 'When can staff come and look?'),
      hint: t('例如：工作日晚上7点后，周末全天', '例如：工作日晚上7點後，週末全天', 'For example: weekdays after 7 pm, any time at weekends'),
    },
  ),
  facade: questions(
    {
      code: 'safety_notice',
      datatype: 'string',
      variable: false,
      prompt: t(
        '有坠落危险时，请先提醒邻居绕行，不要站在楼下。',
        '有墜落危險時，請先提醒鄰居繞行，不要站在樓下。',
        'Where something could fall, warn neighbours to keep away and do not stand below it.',
      ),
    },
    { code: 'floor', datatype: 'number', prompt: t('大约在几楼？', '大約在幾樓？', 'About which floor?'), hint: FLOOR_HINT },
    {
      code: 'fallen',
      datatype: 'singlevaluelist',
      required: true,
      prompt: t('已经有东西掉下来了吗？', '已經有東西掉下來了嗎？', 'Has anything fallen already?'),
      values: [
        choice('fallen', t('已经掉下来了', '已經掉下來了', 'Yes, something has fallen')),
        choice('loose', t('松动了，还没掉', '鬆動了，還沒掉', 'Loose, nothing has fallen yet')),
      ],
    },
  ),
  parking: questions(
    {
      code: 'blocking',
      datatype: 'singlevaluelist',
      prompt: t('车停在哪里？', '車停在哪裡？', 'Where is the vehicle?'),
      values: [
        choice('fire_lane', t('消防通道', '消防通道', 'Fire lane')),
        choice('entrance', t('单元门口', '單元門口', 'In front of a building entrance')),
        choice('garage_exit', t('车库出入口', '車庫出入口', 'Car park entrance or exit')),
        choice('green', t('绿地上', '綠地上', 'On the grass')),
        choice('other', t('其他地方', '其他地方', 'Somewhere else')),
      ],
    },
    {
      code: 'plate',
      datatype: 'string',
      prompt: t('车牌号（看得到的话）', '車牌號（看得到的話）', 'Licence plate (if you can see it)'),
      hint: t('例如：京A12345', '例如：京A12345', 'For example: 京A12345'),
    },
    { code: 'since', datatype: 'datetime', prompt: t('大约从什么时候停在那里？', '大約從什麼時候停在那裡？', 'Since about when has it been there?') },
  ),
  sanitation: questions(
    {
      code: 'kinds',
      datatype: 'multivaluelist',
      prompt: t('是什么问题？（可多选）', '是什麼問題？（可複選）', 'What is the problem? (choose all that apply)'),
      values: [
        choice('not_collected', t('垃圾没有清运', '垃圾沒有清運', 'Rubbish not collected')),
        choice('clutter', t('楼道堆放杂物', '樓道堆放雜物', 'Clutter in the stairwell')),
        choice('pet_waste', t('宠物粪便', '寵物糞便', 'Pet waste')),
        choice('smell', t('有异味', '有異味', 'Bad smell')),
        choice('standing_water', t('积水', '積水', 'Standing water')),
      ],
    },
    {
      code: 'spot',
      datatype: 'string',
      prompt: t('具体位置', '具體位置', 'Exactly where'),
      hint: t('例如：3号楼东侧垃圾桶旁', '例如：3號樓東側垃圾桶旁', 'For example: by the bins east of building 3'),
    },
  ),
  'neighbour-dispute': questions(
    {
      code: 'kind',
      datatype: 'singlevaluelist',
      prompt: t('是什么样的纠纷？', '是什麼樣的糾紛？', 'What is the dispute about?'),
      values: [
        choice('noise', t('噪音', '噪音', 'Noise')),
        choice('leak', t('漏水', '漏水', 'Water leaking between flats')),
        choice('shared_space', t('占用公共空间', '佔用公共空間', 'Shared space taken over')),
        choice('pets', t('宠物', '寵物', 'Pets')),
        choice('other', t('其他', '其他', 'Something else')),
      ],
    },
    {
      code: 'when',
      datatype: 'multivaluelist',
      prompt: t('通常在什么时候？（可多选）', '通常在什麼時候？（可複選）', 'When does it usually happen? (choose all that apply)'),
      values: [
        choice('morning', t('早上', '早上', 'Mornings')),
        choice('daytime', t('白天', '白天', 'Daytime')),
        choice('evening', t('晚上', '晚上', 'Evenings')),
        choice('late_night', t('深夜', '深夜', 'Late at night')),
      ],
    },
    {
      code: 'talked',
      datatype: 'singlevaluelist',
      prompt: t('您和对方沟通过吗？', '您和對方溝通過嗎？', 'Have you talked to them about it?'),
      values: [choice('yes', t('沟通过', '溝通過', 'Yes')), choice('no', t('还没有', '還沒有', 'Not yet'))],
    },
  ),
};

const FACILITIES = t('房屋设施', '房屋設施', 'Buildings and facilities');
const ENVIRONMENT = t('环境秩序', '環境秩序', 'Environment and order');
const NEIGHBOURS = t('邻里关系', '鄰里關係', 'Neighbours');
const OTHER = t('其他', '其他', 'Other');

type Keywords = { 'zh-CN': string[]; 'zh-TW': string[]; en: string[] };
const k = (zhCN: string[], zhTW: string[], en: string[]): Keywords => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

/**
 * Category id → the heading it is listed under and the other words residents use for it (Open311
 * `group` and `keywords`, and search in a portal).
 */
export const SEED_CATEGORY_LISTING: Record<string, { group: Text; keywords: Keywords }> = {
  'public-light': {
    group: FACILITIES,
    keywords: k(['楼道灯', '路灯', '灯不亮', '声控灯'], ['樓道燈', '路燈', '燈不亮', '聲控燈'], ['stairwell light', 'street light', 'lamp', 'bulb']),
  },
  'door-lock': {
    group: FACILITIES,
    keywords: k(['单元门', '门禁', '门锁', '对讲'], ['單元門', '門禁', '門鎖', '對講'], ['entrance door', 'entry system', 'lock', 'intercom']),
  },
  'water-leak': {
    group: FACILITIES,
    keywords: k(['渗水', '漏雨', '水管', '天花板'], ['滲水', '漏雨', '水管', '天花板'], ['leak', 'damp', 'pipe', 'ceiling']),
  },
  facade: {
    group: FACILITIES,
    keywords: k(['瓷砖', '外墙', '空调外机', '高空坠物'], ['瓷磚', '外牆', '冷氣外機', '高空墜物'], ['tiles', 'facade', 'falling objects', 'air conditioner bracket']),
  },
  parking: {
    group: ENVIRONMENT,
    keywords: k(['乱停车', '消防通道', '占道', '车库'], ['亂停車', '消防通道', '佔道', '車庫'], ['parking', 'fire lane', 'blocked', 'car']),
  },
  sanitation: {
    group: ENVIRONMENT,
    keywords: k(['垃圾', '清运', '杂物', '异味'], ['垃圾', '清運', '雜物', '異味'], ['rubbish', 'garbage', 'bins', 'clutter']),
  },
  'neighbour-dispute': {
    group: NEIGHBOURS,
    keywords: k(['噪音', '调解', '矛盾', '宠物'], ['噪音', '調解', '矛盾', '寵物'], ['noise', 'mediation', 'neighbours', 'pets']),
  },
  other: { group: OTHER, keywords: k(['建议', '咨询'], ['建議', '諮詢'], ['suggestion', 'question']) },
};

/** The sample categories with their questions, group and keywords, as `GET /v1/categories` returns them. */
export function sampleCategories(): Category[] {
  return SEED_CATEGORIES.map((category) => ({
    ...category,
    questions: SEED_CATEGORY_QUESTIONS[category.id] ?? [],
    ...SEED_CATEGORY_LISTING[category.id],
  }));
}
