/**
 * Figures in report text: a number with its unit (918宗, 40.5%, 3486.57万元, 1244万人, 2个百分点),
 * the label that names it (国内生产总值增长, 城镇新增就业, 行政复议申请), and its kind: a target
 * (a plan: 预期目标, 左右, 力争, 要/将, or any figure of the plan part) or a result. Figures are matched
 * across the years by label, unit and kind, and laid out as a table with the change from year to year.
 *
 * Numbers may use full-width digits and decimal points, a sign (-3.2%, －0.5个百分点; not after a
 * number, where the dash is a range: 2016-2018, 6%－6.5%) and thousands separators (1,234人次, 1，234人次:
 * groups of exactly three digits; 3，5个 is a list). 万, 亿 and 万亿 stay in the unit (1244万人 is
 * 1244 万人, 2.38万亿元 is 2.38 万亿元): the value is as printed, never multiplied out. Numbers written
 * in Chinese numerals (一千二百宗), numbers without a unit (years, dates, 前3季度), ordinals (第3批,
 * 第3、4批) and rate denominators (每10万人口) are not figures here.
 *
 * The label is the clause in front of the number, taken back to its subject: fillers (全年, 其中,
 * 初步核算), comparisons (比上年, 同比), modal words (要, 将, 力争, 分别) and the verbs that lead to a
 * level (达到, 为, 上升到) go; the verbs of a change (增长, 下降, 上涨) stay, since 能耗下降 3.4% is not
 * 能耗 3.4%. A clause that is only a verb (…74.4万亿元，增长6.7%) borrows the subject of the figure
 * before it in the sentence (国内生产总值增长). What is left must be a phrase, not a function word or a
 * fragment (的税率降, 比去年, 保持, 至少): otherwise the label is '' and the figure stays out of tables.
 */
import type { OutlineNode, Paragraph, PartKind, Report } from '../model/index.ts';
import { partAsChapter } from '../align/index.ts';
import { hasTraditional, simplified } from '../structure/index.ts';
import { chapterPart } from './parts.ts';
import { disclosureTableFigures } from './disclosureTables.ts';
import { TableReader } from './tables.ts';

/** A target (a plan, an expected value) or a result (what was reached). */
export type FigureKind = 'target' | 'result';

export interface Figure {
  /** The noun phrase that names the figure, or '' when none could be read with confidence. */
  label: string;
  /** The value in the unit, as printed (1244万人 → 1244). */
  value: number;
  /** The unit, normalised: %, ‰, 个百分点, 万人, 亿元, 万亿元, 宗, … (万/亿/万亿 alone when no unit follows). */
  unit: string;
  /** The figure as printed (918宗, 5.2%). */
  text: string;
  kind: FigureKind;
  /** Code-point offsets of the printed figure in the paragraph. */
  start: number;
  end: number;
  /** The sentence the figure stands in. */
  sentence: string;
  /** The paragraph's id, as the caller gave it ('' when none). */
  paragraph: string;
}

/** What the caller knows of the text: the part of the report it is in, and the paragraph's id. */
export interface FigureContext {
  part?: PartKind;
  paragraph?: string;
  /** The year the report covers: a figure 预计 for a later year (预计2024年…增长6%左右 in 2023's communiqué) is a target. */
  year?: number | null;
  /** The report is on a year's work done (法治, 信息公开, a summary, a communiqué): 将…纳入 is what was done (MODAL_DONE). */
  done?: boolean;
}

/** Base units, longest first so that 人次 wins over 人 and 个百分点 over 个. 人口 (13亿人口) is read as 人. */
const UNITS = [
  '个百分点',
  '百分点',
  '个千分点',
  '千分点',
  '微克/立方米',
  '吨标准煤',
  '毫米',
  '百羽',
  '℃',
  '平方公里',
  '平方米',
  '立方米',
  '千瓦时',
  '千瓦',
  // Volumes of drink (饮料酒产量15767千升, 啤酒12.5万千升) and electricity in 度, kilowatt-hours (供电量50616万度, 用电量9.8亿度).
  '千升',
  '升',
  '度',
  '兆瓦时',
  '兆瓦',
  '千公顷',
  '人公里',
  '吨公里',
  '乘次',
  '公里',
  '千米',
  '公顷',
  '公斤',
  '美元',
  '人次',
  '户次',
  // Visits and rounds (检查19家次大型企业, 居住社区1008个次, 出动车辆35台次).
  '家次',
  '个次',
  '台次',
  '件次',
  '宗次',
  '艘次',
  '架次',
  '辆次',
  '批次',
  '场次',
  '台件',
  '台套',
  '%',
  '％',
  '‰',
  '人口',
  '宗',
  '件',
  // Test doses (日检测能力1.7万人份).
  '人份',
  '人',
  '个',
  '项',
  '份',
  '次',
  '场',
  '家',
  '条',
  '篇',
  '所',
  '户',
  '元/人次',
  '元/人',
  '元/吨',
  '元/平方米',
  '元',
  '吨',
  '亩',
  '斤',
  // A picul, as tobacco is bought (烤烟收购量23.7万担).
  '担',
  '倍',
  '批',
  '期',
  '起',
  '台',
  '套',
  '座',
  '处',
  '类',
  '种',
  '名',
  '位',
  '支',
  '本',
  '册',
  '张',
  '辆',
  '艘',
  '架',
  // Livestock counted in head and in animals at once (牲畜存栏125万头只), as pastoral regions' reports count them.
  '头只',
  '头',
  '匹',
  '只',
  '羽',
  '株',
  '棒',
  // Counts of reports and messages (专题新闻报道73篇次, 发布信息12条次).
  '篇次',
  '条次',
  // Containers (集装箱吞吐量4360.2万标准箱, 183.7万标箱, 52万TEU).
  '标准箱',
  '标箱',
  'TEU',
  // Latin units, as the national transport and water communiqués print them (501.25万km, 462.24亿t, 亿t·km, 亿人·km,
  // 万km2): only before no other letter or digit.
  // A network's density (铁路路网密度为145.5 km/万km2).
  'km/万km2',
  'km/万km²',
  'km/百km2',
  'km/百km²',
  't标准煤',
  't·km',
  't.km',
  't•km',
  '人·km',
  '人.km',
  '人•km',
  'km²',
  'km2',
  'km',
  't',
  // Computing power: 3.5万P, 120PFlops (the P alone only before no letter or digit: not P2P).
  'PFLOPS',
  'PFlops',
  'EFLOPS',
  'EFlops',
  'P',
].sort((a, b) => b.length - a.length);

/**
 * Units that are only units when the next characters do not make them another word. Time spans
 * are not figures (durations such as 3个月 or 5个工作日 are not counts of anything), so 个 before a
 * time word is no unit; 人民币 is a currency, not people (人口, a count of people, is the unit 人
 * below, and 人民群众 stays people); 条例, 支持/支出/支付, 期间/期末/期限, 名单/名称, 本年/本级 and
 * 座谈 are words of their own. A rejected unit leaves the number without a unit: no figure.
 */
const NOT_BEFORE: Record<string, RegExp> = {
  个: /^(?:月|季|工作日|小时|星期|礼拜|钟头)/,
  度: /^假/,
  人: /^民币/,
  条: /^例/,
  支: /^[持出付]/,
  期: /^[间末限]/,
  名: /^[单称]/,
  本: /^[年级]/,
  座: /^谈/,
  处: /^[理置于在罚分长级室所]/,
  人份: /^额/,
  元: /^[素首旦年月]/,
  '元/人': /^[·・]/,
  家: /^[庭乡园长]/,
  所: /^[有得在谓以属]/,
  起: /^[来到草步点]/,
  倍: /^[增]/,
  担: /^[任当负保心忧子纲起]/,
  头: /^[部脑等号条雁羊牛]/,
  只: /^[是有要能会]/,
  P: /^[A-Za-z0-9]/,
  // Not a speed (100km/h) nor a density (km/百km2).
  km: /^[A-Za-z0-9/]/,
  t: /^[A-Za-z0-9·.•]/,
  TEU: /^[A-Za-z0-9]/,
};
/** Units printed otherwise than the table shows them. */
const UNIT_AS: Record<string, string> = {
  '％': '%',
  百分点: '个百分点',
  千分点: '个千分点',
  人口: '人',
  PFLOPS: 'PFlops',
  EFLOPS: 'EFlops',
  // One measure, one unit, however a communiqué spells it (the series of a measure must line up across years).
  标箱: '标准箱',
  TEU: '标准箱',
  t·km: '吨公里',
  't.km': '吨公里',
  't•km': '吨公里',
  人·km: '人公里',
  '人.km': '人公里',
  '人•km': '人公里',
  'km/万km2': '公里/万平方公里',
  'km/万km²': '公里/万平方公里',
  'km/百km2': '公里/百平方公里',
  'km/百km²': '公里/百平方公里',
  t标准煤: '吨标准煤',
  'km²': '平方公里',
  km2: '平方公里',
  km: '公里',
  t: '吨',
};
/** What may follow 万, 亿 or 万亿 standing alone as the unit (1100万以上, 13亿，): not another word, nor a range's dash (3万－5万人). */
const BARE_SCALE_NEXT = /^(?:$|[^\u4e00-\u9fff\-－−~～]|以上|以内|左右|多|余)/;

const DIGIT = '[0-9０-９]';
const isDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const isSign = (c: number) => c === 0x2d || c === 0xff0d || c === 0x2212;
const isSeparator = (c: number) => c === 0x2c || c === 0xff0c;
/** A decimal point: . ． and the middle dot some pages print for it (上涨1·8%). */
const isPoint = (c: number) => c === 0x2e || c === 0xff0e || c === 0xb7;

/**
 * The numbers of a text, in order: an optional sign, then digits with thousands separators (groups
 * of exactly three, not followed by another digit or another separated digit, so 3，5个 and 1,2345
 * are not merged) or plain digits, then an optional decimal part. The same matches as the regex
 * `[-－−]?(?:D{1,3}(?:[,，]D{3})+(?!D|[,，]D)|D+)(?:[.．]D+)?`, found by reading each run of
 * separated digits once: the regex reads the rest of the run again from each of its groups
 * (111,111,…,1111: time in the square of the groups).
 */
function* numbers(text: string): Generator<{ index: number; text: string }> {
  const n = text.length;
  let i = 0;
  while (i < n) {
    // The next digit; a sign right before it (and after the last number) starts the number.
    let d = i;
    while (d < n && !isDigit(text.charCodeAt(d))) d++;
    if (d >= n) return;
    const signed = d > i && isSign(text.charCodeAt(d - 1));
    // The run's groups: digits, separated by single separators.
    const starts: number[] = [];
    const ends: number[] = [];
    let e = d;
    for (;;) {
      starts.push(e);
      while (e < n && isDigit(text.charCodeAt(e))) e++;
      ends.push(e);
      if (e + 1 < n && isSeparator(text.charCodeAt(e)) && isDigit(text.charCodeAt(e + 1))) e++;
      else break;
    }
    // From the end: whether every group after j has exactly three digits.
    const k = starts.length;
    const threesAfter: boolean[] = new Array(k).fill(false);
    for (let j = k - 2; j >= 0; j--) threesAfter[j] = ends[j + 1] - starts[j + 1] === 3 && (j + 1 === k - 1 || threesAfter[j + 1]);
    const decimal = (at: number) => {
      if (at + 1 < n && isPoint(text.charCodeAt(at)) && isDigit(text.charCodeAt(at + 1))) {
        let z = at + 1;
        while (z < n && isDigit(text.charCodeAt(z))) z++;
        return z;
      }
      return at;
    };
    for (let j = 0; j < k; j++) {
      const from = j === 0 && signed ? starts[j] - 1 : starts[j];
      const len = ends[j] - starts[j];
      if (len <= 3 && threesAfter[j]) {
        // Separated: the rest of the run.
        const to = decimal(ends[k - 1]);
        yield { index: from, text: text.slice(from, to) };
        i = to;
        break;
      }
      const to = j === k - 1 ? decimal(ends[j]) : ends[j];
      yield { index: from, text: text.slice(from, to) };
      i = to;
    }
  }
}
/** What in front of a sign makes it a range's dash, not a minus: a number, perhaps with 万/亿 and a unit (2016-2018, 6%－6.5%, 3万－5万人). */
const RANGE_BEFORE = new RegExp(`${DIGIT}[万亿]?(?:${UNITS.join('|')})?$`);
/** What in front of a number makes it no figure: an ordinal (第3批, and the 4 of 第3、4批 or 第3至5批, 全球前20名) or a rate's denominator (每10万人口). */
const NOT_A_FIGURE = new RegExp(`(?:第(?:${DIGIT}+[、和及至到~～])*|每|前)[ \u00a0]?$`);

/** A clause of a breakdown by town and country, its measure left to the sentence (，其中，城市上涨 / ，农村上涨). */
const BREAKDOWN = /^[，,]?(?:其中[，,]?)?(城市|农村|城镇|乡村)(上涨|下降|增长|下跌|回落)$/;
const BREAKDOWN_PART = /^(?:城市|农村|城镇|乡村)/;
/** What follows a sample survey's rate: ‰人口变动抽样调查, %人口抽样调查. */
const SURVEY_RATE = /^[ \u00a0]?[‰%％][\u4e00-\u9fff]{0,6}抽样调查/;
/** An exchange rate's terms (汇率为1美元兑6.7027元人民币, 按1美元兑换6.9元计算): the second, after the currency and its 兑… */
const EXCHANGE_NOTE = /(?:美元|欧元|港元|英镑|日元)[ \u00a0]?兑换?[ \u00a0]?$/;
/** …and the first, before it. Not a value converted at the rate (按年平均汇率折算为9847美元), nor 兑现, 兑付. */
const EXCHANGE_TERM = /^[ \u00a0]?(?:美元|欧元|港元|英镑|日元)[ \u00a0]?兑换?[ \u00a0]?[0-9０-９]/;

function toAscii(s: string): string {
  return s.replace(/[０-９．·]/g, (c) => (c === '．' || c === '·' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** The value of a printed number: full-width digits, a sign, thousands separators. */
function parseNumber(s: string): number {
  return Number(
    toAscii(s)
      .replace(/[,，]/g, '')
      .replace(/^[－−]/, '-'),
  );
}

/** Where a sentence ends. */
const SENTENCE_END = /[。！？!?\n]/;
/** Where a clause ends, going back from a number (a sign too, so －0.5 leaves no － in a label). */
const BOUNDARY = /[，。；：,;:！？!?（(【[\t\n\r—…－−]/;
/** The verbs of a change: they stay in the label (能耗下降 is not 能耗). */
const CHANGE =
  '(?:增长|下降|减低|升高|增产|减产|多增|新增|增收|减收|增支|减支|上涨|下跌|上升|提高|降低|减少|增加|扩大|缩小|回落|回升|递增|递减|提升|增幅|降幅|涨幅|增速|压减|缩减|减|降|增|涨)';
/** The verbs that lead to a level (上升到 51.6%: the level, not a change), and the copulas. */
const TO_LEVEL = new RegExp(`(?:${CHANGE.slice(3, -1)}|达|升|调|扩|压|缩|控制|保持|稳定|突破|超|累计达)?(?:到|至)$`);
/** Comparisons inside a clause: 比上年, 同比, 较上年末, 比2015年. */
const COMPARISON =
  /(?<![参合共协自理经相])(?:比|较|同|与|由)(?:上年末|上年底|去年末|去年底|上一年|上年|去年|前年|年初|(?:19|20)\d\d年(?:末|底|初)?)(?:同期)?|同比|环比/g;
/** Fillers in front of a label: times, places of the whole, adverbs and modal words. */
const LEADING =
  /^(?:按(?:(?:19|20)\d\d年)?(?:可比价格?|不变价格?|现价|可比口径)(?:计算)?|可比价格?(?:计算)?|(?:扣除|剔除)(?:价格|物价)因素(?:后|影响)?|以常住人口计算|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[)）]|含|(?:19|20)\d\d年(?:度|末|底)?|预计|初步核算|截[至止](?:目前|年末|年底|本年末|去年底|上年末)?|目前|其中|全年|今年|明年|去年|当年|本年度|年内|年末|年底|五年来|过去五年|全区|全市|全省|全国|全县|全州(?!县(?![以级域]))|全盟|全旗|全镇|全乡|我区|我市|我省|我国|我县|我州|我局|我委(?!员|托)|我厅|我办(?!理|公|事)|本局|本委(?!员|托)|本机关|累计|共计|总计|合计|共有(?!产权)|共(?!有产权)|已经|已|均|并|而|且|但|还|也|先后|分别|依法(?!治[国省市县区州旗])|积极|通过[^，。；,;的]{1,16}(?:网站|平台|公众号|渠道|方式|途径|栏目)等?(?=主动公开|公开)|通过(?![率数量])|全面(?!依法治)|主动(?!公开)|成功|此外|另外|以及|同时|一律|要|将|力争|争取|确保|拟|预期|计划(?!生育|单列|总结)|实现|完成|达到|保持|超过|继续|进一步|再|又|[一二三四五六七八九十]{1,3}是|首先|其次|再次|最后|具体(?:为|是|包括)|包括(?![^，。；,;]*在内))+/;
/** Verbs in front of the noun of a count (收到 行政复议申请): they go, unless the noun starts with 率. */
const VERBS =
  /^(?:荣获|获评|设置|开设|悬挂|张挂|收到|受理|办结|审结|审查|审核|出具|提供|开展|举办|组织|处理|化解|调解|培训|接待|发放|解答|归集|查处|立案|办理|参加|召开|制定|修订|清理|公布|发布|聘请|聘任|评查|抽查|检查|签订|录入|推出|建成|设立|帮助|挽回|培育|引进|安排|下达|提出|调处)/;
/** Words after the noun that are not part of its name: copulas, modal words, measures of time. */
const TRAILING =
  /(?:不到|不足|不|分别|平均为|平均|均为|均|都|也|还|要|将|力争|争取|确保|拟按|拟|预计|预期|(?<![民公合规条契节])约|接近|将近|近|超过|超|逾|突破|继续保持|保持|高达|多达|达到|达|为|是|有|占|稳定在|保持在|控制在|维持在|(?<!存)在|了|按|以|由|从|可以|可|(?<![制确认评核审鉴规约指设决选肯判])定为|(?<![制确认评核审鉴规约指设决选肯判])定|对|向|于|总数|总量|共有|合计|共|各|每人|每户|每天|每年|每月|的|累计|首次|再次|去年底|去年末|去年|今年|上年末|上年|年底|年末|继续|进一步|仍然|仍|至少|不低于|不超过|不少于|不高于|低于|高于|只有|仅|仅为|现已|已经|已|即)+$/;
/** Where the noun of a run-on label starts: after 的, a filler or a verb (…作用全年共收到 行政复议申请, …为被告的 行政应诉案件). */
const INNER = new RegExp(`(?:的|预计|截至目前|目前|其中|全年|今年|去年|当年|本年度|年内|累计|共计|总计|合计|先后|此外|另外|${VERBS.source.slice(4, -1)})`, 'g');
/**
 * A date, time span or unit left at the start of a label by the number before it (2017年结余案件,
 * 8次对, 第3批试点, 1.2万家企业): any unit, 万 or 亿 before it, and the time words that are not units.
 */
const AFTER_NUMBER = new RegExp(
  `^(?:万亿|[万亿])?(?:${[
    ...[
      '个工作日',
      '个季度',
      '个小时',
      '个星期',
      '个月',
      '季度',
      '年度',
      '年底',
      '年末',
      '月份',
      '月底',
      '月末',
      '工作日',
      '小时',
      '人民币',
      '年',
      '月',
      '日',
      '号',
      '底',
      '季',
      '天',
      '周',
    ],
    ...UNITS.filter((u) => /^[\u4e00-\u9fff]/.test(u)),
  ]
    .sort((a, b) => b.length - a.length)
    .map((w) => (NOT_BEFORE[w] ? `${w}(?!${NOT_BEFORE[w].source.slice(1)})` : w))
    .join('|')})`,
);
/** A label that is only a verb, an adverb or a preposition: it names nothing, so it borrows the subject. */
const VERB_ONLY = new RegExp(
  `^(?:[两三四五]年平均|年均|平均|人均|每天|每年|实际|累计|净|可比价格?|可比|同口径|再|又|共|转为|转而)*(?:${CHANGE.slice(3, -1).replace('增幅|降幅|涨幅|增速|', '')}|新增|新建|完成|实现|保持|达到|达|为|安排|投入|拿出|用于|支持|实施|建设|培育|开工|建成|投产|推出|出台|设立|签约|引进|开展|举办|创建|打造|争创|认定)?$`,
);
/** A change verb at the end of a label (国内生产总值增长 → its subject 国内生产总值). */
const CHANGE_AT_END = new RegExp(`(?:[两三四五]年平均|年均|平均|实际|净|可比价格?|可比|同口径)?${CHANGE}$`);
/** A share named again before its change (…的比重为38.2%，比重较上年提升5.5个百分点). */
const SHARE_AGAIN = new RegExp(`^[，,]?(?:所占比重|比重|占比)${CHANGE}$`);
/** The year of a level that a change starts from or reaches (从2017年的, 提高至2021年的, 由上年末的). */
const LEVEL_YEAR = /(?<=[从由到至])(?:(?:19|20)\d{2}\s*年(?:末|底|初)?|上年末?|去年末?|上年底|去年底)的$/;
/** A clause right after a figure that gives the quantity's new level (由30万元提高到50万元): the same label. */
const LEVEL_AFTER = new RegExp(`^(?:${CHANGE.slice(3, -1)}|调整|扩大)(?:到|至|为)$`);
/** Measure words that come before their noun (新设12个跨境电子商务综合试验区, 开工15项重大水利工程). */
const MEASURE = new Set([
  '处',
  '个',
  '项',
  '家',
  '所',
  '座',
  '批',
  '批次',
  '台套',
  '类',
  '种',
  '条',
  '件',
  '宗',
  '份',
  '篇',
  '场',
  '台',
  '套',
  '辆',
  '艘',
  '架',
  '名',
  '位',
  '支',
  '本',
  '册',
  '张',
  // Events counted (召开15次常务会议, 举办3期培训班).
  '次',
  '场次',
  '期',
]);

/** Any unit, for a figure whose clause is only a verb (安排200亿元技改专项资金). */
const MEASURE_ANY = '*';

/**
 * The noun a measure word counts, when it follows the figure (12个跨境电子商务综合试验区): up to the
 * clause's end, at most 12 characters. Null when the figure is followed by no noun (21项。), or
 * by 以上, 左右, 多 (a count of the noun before it).
 */
function nounAfter(text: string, end: number, unit: string | undefined): string | null {
  if (!unit || (unit !== MEASURE_ANY && !MEASURE.has(unit))) return null;
  let i = end;
  while (i < text.length && !BOUNDARY.test(text[i]) && !SENTENCE_END.test(text[i]) && text[i] !== '、' && i - end <= NOUN_REACH) i++;
  const run = text.slice(end, i).replace(/^[和及与](?=[^\u4e00-\u9fff]|[一二三四五六七八九十两百千万]|以[上下内])/, '');
  // The next item of a list (政府网站20580条和其他媒体平台145条): no noun of this count's.
  if (/^[和及与][\u4e00-\u9fff]/.test(run) && !/^(?:及时|和美|和谐|和平)/.test(run)) return null;
  // The noun stops where its predicate starts (8个项目建成, 21个城市更新项目有序推进, 75宗案件进行集中审查), or before the next
  // count of a list (7个申报地区和228个申报项目).
  const stopped = run.replace(NOUN_STOP, '');
  const noun = stopped.slice(0, 2) + stopped.slice(2).replace(NOUN_STOP_LATER, '');
  // …nor by a conjunction that opens the predicate (4项并归集展示, 2件且均已办结): the count is of the noun before it.
  // …nor a preposition that opens the predicate (8次对75宗案件进行集中审查).
  if (!/^[\u4e00-\u9fff]/.test(noun) || /^(?:以上|以内|以下|左右|多|余|的|[千万亿]|并(?![购网联发])|且|对|向|把|给|与)/.test(noun)) return null;
  // …nor by a verb of change: a count of times something was raised (4次提高城乡居民基础养老金) names no noun.
  // …nor by a level's change to another (从1.9万座增加到14.3万座).
  if ((unit === '次' && /^(?:提高|降低|增加|减少|上调|下调|提升|刷新)/.test(noun)) || /^(?:提高|降低|增加|减少|上升|下降|提升|增长)(?:到|至)/.test(noun))
    return null;
  if (/[的在将要是]/.test(noun)) return '';
  // A clause that ends within 12 characters: its noun. A longer one is a clause, not a noun, unless its predicate cuts it
  // after a word that names what is counted (3项…试点改革事项入选…, 440件…行政规范性文件进行…, 7个申报地区和228个…), with no
  // adverb of its clause left (not 4个县乡土地二轮延包, 29名医护人员圆满, 42个…试点加快).
  const cut = noun.length < run.length;
  // …nor a time word left before it (44项水毁修复工程汛前全部完工).
  if (cut && (ADVERB_LEFT.test(noun) || /(?:前|后|内|底|末|初|期间)$/.test(noun))) return '';
  if (i < text.length && i - end <= 12) return noun.length <= 12 ? noun : '';
  return cut && noun.length <= 14 && COUNTED_NOUN.test(noun) ? noun : '';
}

/** An adverb, a passive or a verb of the clause left before the predicate that cut a noun: the cut is no noun's end. */
const ADVERB_LEFT = /跻身|提前|率先|首次|圆满|加快|如期|全部|顺利|基本|已|涉$|新$/;

/** The words a counted noun ends with (事项, 项目, 文件, 地区, 企业, 中心, 医院…): where a long clause may be cut for its noun. */
const COUNTED_NOUN =
  /^[\u4e00-\u9fffA-Za-z0-9]*(?:事项|项目|案件|文件|规章|法规|企业|单位|部门|地区|社区|乡镇|村|机构|中心|基地|园区|平台|学校|院校|高校|医院|工程|工坊|站|馆|人员|干部|专家|制度|标准|示范区|集群|产业链|车间|工厂|景区|公园|孵化器|品牌|专科|学科|城市|国企|县市|行政村|试验区|开发区|药品|卫生室|实验室|人群|专项|成果|案例|线路|设区市|高新区|区县|县区|集体|专业群|品种|产业园|省份|产品|遗址|赛事|举措|会议|讲座|培训班|活动)$/;

/** How far nounAfter looks for the end of the noun after a count. */
const NOUN_REACH = 24;
/** Where the noun after a count ends: its predicate, or the next count. */
const NOUN_STOP =
  /(?:专门(?=负责|从事|承担|办理|处理|受理)|研究审议|研究部署|专题研究|听取|全国|领先|进入|建成|完成|完工|投产|开工|开放|运营|推进|落地|获批|通过|实现|达到|有序|全面|顺利|正式|成功|入选|纳入|获得|获评|投入|进行|负责|从事|承担|参与|分别|累计|全部|均已|相继|先后|[和及与][0-9０-９]).*$/;
/** Verbs that end the noun only after its first word (干部担任…, 部门挂包…; not 帮扶项目, 组成部门, 挂钩单位). */
const NOUN_STOP_LATER = /(?:担任|组成|挂包|挂钩|帮扶).*$/;

/** Comparisons with a target: …增长11.3%，低于13%左右的预期目标 (the 13% is the first figure's target), also with a degree (略低于, 明显高于, 远超过). */
const VERSUS = /^(?:略|明显|远)?(?:低于|高于|超过|超出|好于|快于|慢于)$/;
/** Labels that are fragments or function words, never names (the issue's list and their kin). */
const FRAGMENT =
  /^(?:.*(?:首批|第[一二三四五六七八九十]+批)|的.*|.*[的和与及或对从把被由按以向于之、]|.*(?<!存)在|(?!万元(?:GDP|地区生产总值|生产总值|工业增加值)|(?:签约|引进|开工|新开工|在建|新建)?(?:千万|万|亿)元(?:及)?以上[\u4e00-\u9fff]{0,6}(?:项目|企业)$).*[千万亿]元.*|保持|至少|完成|实现|新增|比去年|比上年|同比|达到|超过|增长|下降|提高|降低|减少|增加|其中|全年|共|约|近|各|占|占比|平均|累计|每天|每年|年均)$/;
/** A share of a whole: its part, the whole and the word for share (第一产业增加值占生产总值的比重). */
const SHARE_OF = /^([\u4e00-\u9fffA-Za-z0-9０-９\-－—~～]{2,16}?)占([\u4e00-\u9fffA-Za-z]{2,10}?)的?(比重|比例)(上升|下降|提高|降低|提升|增加|减少)?$/;
/** A share's label without its 的 (第一产业增加值占生产总值比重, …比重上升), or null when the label is no share of a whole. */
function shareOf(label: string): string | null {
  const m = SHARE_OF.exec(label);
  return m ? `${m[1]}占${m[2]}${m[3]}${m[4] ?? ''}` : null;
}

/**
 * A share's label with no part of its own: 占生产总值的比重, 占总人口, 占全国份额, 占世界, 占地区生产总值. Not 占地 (floor area), 占用 (taking
 * up), 占补 (balancing), 占有 (holding).
 */
const SHARE_ONLY = /^占(?!地(?!区)|[用补有])[\u4e00-\u9fffA-Za-z]{2,12}$/;
/** A share's label, which may run longer than others: its part and its whole are both names. */
const SHARE_LABEL = /^[\u4e00-\u9fffA-Za-z0-9０-９\-－—~～]{2,16}占[\u4e00-\u9fffA-Za-z]{2,14}(?:比重|比例|份额)?$/;

/** A clause that only converts the figure before it into another currency: 折合, 按人民币汇率折合, 按平均汇率计算为. */
const CONVERSION =
  /^(?=.*(?:折合|约合|折算|汇率))[，,]?(?:按[^，。；]{0,16}?汇率(?:计算|折算)?(?:为|是|达到|达)?)?(?:折合|约合|折算|折)?(?:为|成)?(?:美元|人民币|港元|欧元)?$/;

/** What money is for, right after it: ，用于普法宣传教育经费等工作, ，专项用于农村公路建设。 (its name, less 等工作/等方面). */
const PURPOSE = /^[，,]\s*(?:专项|主要|全部|重点)?用于([\u4e00-\u9fff]{2,16}?)(?:等(?:工作|方面|领域|项目|事项)?)?(?=[，。；,;]|$)/;

/** Longest label kept; a longer clause is a run-on with no noun to name the figure. */
const MAX_LABEL = 18;
/** A name whose last 的 leaves only a general noun after it (…重大事项的信息), less a 涉及 or 有关 before it. */
const GENERAL_AFTER_OF = /^(?:涉及|有关|关于)?((?:[^的，,；;]{2,}的){1,3}[^的，,；;]{0,8}?(?:信息|事项|情况))$/;
/** The longest label of a subject a list names before 分别 (信息传输软件和信息技术服务业增加值增长). */
const LISTED_LABEL = 24;
/** Labels that are only a preposition or a function word (对522宗): no label. */
const FUNCTION_WORD = /^(?:对|向|在|将|把|给|从|于|与|和|及|等|各|其|占|按|以|经|由|共|约|达|为|至|有|比|较)$/;

/**
 * The raw clause in front of a figure at `start`, from `from` on: back to a clause boundary, over
 * a parenthesis (细颗粒物（PM2.5）年均浓度: the parenthesis is left out) and a closing quote.
 */
/** What follows a digit of an age in a name (0-17周岁人口, 60岁及以上): the rest of the age. */
const AGE = /^[0-9０-９]*(?:[-－~～—至到][0-9０-９]+)?(?:\[[0-9]{1,2}\])?周?岁/;

/** A table caption's unit (单位:人, 单位:%, 单位:万元、%). */
const CAPTION_UNIT = new RegExp(
  `^(?:[%％‰、,，]|[万亿千百]?(?:${[...UNITS, '辆', '头', '只', '米']
    .sort((a, b) => b.length - a.length)
    .map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|')}))+$`,
);

function clauseBefore(text: string, from: number, start: number): { raw: string; at: number } {
  let i = start;
  const pieces: string[] = [];
  let end = start;
  while (i > from) {
    const c = text[i - 1];
    // A footnote's mark (生产总值[2]61.9亿元, a communiqué's notes): left out, as a parenthesis is.
    // …and one in 【】 or a circled number (地区生产总值【1】, 生产总值①).
    if (/^[①-⑳]$/.test(c)) {
      pieces.unshift(text.slice(i, end));
      i -= 1;
      end = i;
      continue;
    }
    if (c === ']' || c === '］' || c === '】') {
      const note = /[[［【][0-9]{1,2}[\]］】]$/.exec(text.slice(Math.max(from, i - 5), i));
      if (note) {
        pieces.unshift(text.slice(i, end));
        i -= note[0].length;
        end = i;
        continue;
      }
    }
    if (c === '）' || c === ')') {
      // Skip the parenthesis back to its opening, if it opens within the clause.
      let open = i - 2;
      while (open >= from && text[open] !== '（' && text[open] !== '(') open--;
      if (open < from) break;
      pieces.unshift(text.slice(i, end));
      i = open;
      end = open;
      continue;
    }
    // A comparison's year (居民消费价格总水平比2005年上涨1.6%) is no figure's end: the clause goes on before it.
    if (/[0-9０-９]/.test(c) && /(?:比|较)(?:19|20)[0-9]{2}年$/.test(text.slice(Math.max(0, i - 5), i + 1))) {
      i -= 4;
      continue;
    }
    // …nor is the base year of constant prices (地区生产总值…，按2020年不变价格计算比上年增长9.4%).
    if (/[0-9０-９]/.test(c) && /按(?:19|20)[0-9]{2}$/.test(text.slice(Math.max(0, i - 5), i)) && /^年(?:不变|可比)价/.test(text.slice(i, i + 4))) {
      i -= 4;
      continue;
    }
    // …nor is the year of a level a change starts from or reaches (地区生产总值从2017年的111.8亿元提高至2021年的160亿元).
    if (/[0-9０-９]/.test(c) && /[从由到至](?:19|20)[0-9]{2}$/.test(text.slice(Math.max(0, i - 5), i)) && /^年(?:末|底|初)?的/.test(text.slice(i, i + 3))) {
      i -= 4;
      continue;
    }
    // An age's dash (16—59岁劳动年龄人口) is no clause's boundary.
    if (/[—－-]/.test(c) && /[0-9０-９]/.test(text[i - 2] ?? '') && AGE.test(text.slice(i, i + 8))) {
      i--;
      continue;
    }
    // A digit ends the clause too (第3批 试点), unless it is part of a name (M2, 5G, 5A级, 0-17周岁人口, 60岁及以上, a ranking's
    // 500强: 引进“三类500强”项目1608个).
    if (
      BOUNDARY.test(c) ||
      (/[0-9０-９]/.test(c) && !/[A-Za-z.]/.test(text[i - 2] ?? '') && !/^[0-9０-９]*[A-Za-z强]/.test(text.slice(i, i + 8)) && !AGE.test(text.slice(i, i + 8)))
    )
      break;
    i--;
  }
  pieces.unshift(text.slice(i, end));
  const raw = pieces.join('');
  // A table's caption run into the text (`表1 …构成 单位:人 全年全县城镇新增就业5394人`, a page flattened): its unit, after the
  // colon and before the space, is none of the label.
  const caption = /[:：]/.test(text[i - 1] ?? '') ? /^\s*[^\s\u4e00-\u9fff]{0,3}[\u4e00-\u9fff]{0,3}\s+(?=\S)/.exec(raw) : null;
  if (caption && /单位\s*$/.test(text.slice(Math.max(0, i - 6), i - 1)) && CAPTION_UNIT.test(caption[0].trim()))
    return { raw: raw.slice(caption[0].length), at: i + caption[0].length };
  return { raw, at: i };
}

/** A clause that is only the level a change reached (，达到; ，突破), after the change. */
const LEVEL_REACHED = /^[，,]?(?:达到了?|达|突破|超过|升至|增至|增加到|提高到|上升到)$/;

/** A sector's or a demand's contribution to growth, named whole (第一产业对地区生产总值增长的贡献率). */
const CONTRIBUTION = /^[\u4e00-\u9fff]{2,8}对(?:全[省市县区])?(?:地区生产总值|国内生产总值|生产总值|GDP|经济)增长的?贡献率$/;

/** A communiqué's topic set before its sentence, then 全年 or 年末 (粮食全年…, 国民经济全年实现…, 人口年末…). */
const RUN_IN_HEAD =
  /^(国民经济|人口|就业|粮食|畜牧业?|农业|林业|渔业|工业|建筑业|投资|消费|物价|价格|财政|金融|交通|邮电|旅游|教育|科技|卫生|文化|体育|环境|社会保障|居民收入|人民生活|对外贸易|外贸)(?:全年|年末|年底)(?:实现|完成)?(?:全[县市区省旗])?(?!实现|完成|全[县市区省旗])([^，,。；;]{2,})$/;
/** A measure with no subject of its own after such a head: the head is its subject. */
const HEAD_MEASURE = /^(?:总产量|产量|增加值|总产值|产值|播种面积|种植面积|面积|营业收入|销售收入|利润总额)(?:增长|下降|增加|减少)?$/;

/**
 * A year, then a county's, district's or city's name (the report's own), then a measure of the whole economy or population.
 * Not a part of the place (城区, 主城区, 市区) or a zone (高新区, 开发区: PART_OF_PLACE), nor 地区 itself.
 */
const YEAR_THEN_PLACE =
  /^((?:(?:19|20)\d\d)?年(?:度|末|底)?)(?!市辖|全|地区)([\u4e00-\u9fff]{1,5}?(?:县|区|市|旗))(?=地区生产总值|GDP|常住人口|户籍人口|总人口|一般公共预算|城镇居民|农村居民|全体居民|居民人均|社会消费品零售总额|固定资产投资|规模以上)/;

/**
 * What after a year is a part of the place or a zone in it, not the report's own place (城区, 主城区, 高新区; not 东城区, 黄山区).
 * Not series' ZONE whole: a 综合实验区's own report names itself so (2023年实验区地区生产总值 in 平潭's).
 */
const PART_OF_PLACE = /^(?:(?:主|中心|老|新)?城区|市区|郊区|辖区|社区|片区|景区)$|(?:高新区|开发区|经开区|园区|保税区|综保区)$/;

/** The label of a raw clause: fillers, comparisons, modal words and level verbs out, the change verb kept. */
function cleanLabel(raw: string, afterNumber: boolean): string {
  let label = raw.replace(/[“”"‘’《》〈〉\s]/g, '');
  // The report's own place after the year that opens it (2023年中江县地区生产总值): the place goes, as 全县 does.
  if (afterNumber) label = label.replace(YEAR_THEN_PLACE, (m, year: string, place: string) => (PART_OF_PLACE.test(place) ? m : year));
  if (afterNumber)
    label = label
      .replace(/^(?:多|余)/, '')
      .replace(AFTER_NUMBER, '')
      .replace(/^(?:左右|以上|以内|以下|多|余)/, '')
      .replace(/^[、和及与]/, '');
  // A method inside the label (增加值按可比价计算增长) is none of it.
  label = label
    .replace(/^[、，,；;：:]+/, '')
    .replace(COMPARISON, '')
    .replace(/按(?:(?:19|20)\d\d年)?(?:可比价格?|不变价格?|现价|可比口径)计算/g, '');
  // A verb between a subject and its measure (梁子湖区完成地区生产总值, 第一产业实现增加值, 规模以上工业完成增加值) goes; the
  // place or the sector stays with its measure (a city's communiqué names its districts' so: 鄂城区地区生产总值).
  label = label
    .replace(/^([\u4e00-\u9fff]{1,10}?[区县市旗])(?:全年)?(?:完成|实现)(?=(?:地区)?生产总值|国内生产总值|GDP)/, '$1')
    .replace(/^(第[一二三]产业|规模以上工业|工业|建筑业|服务业|农林牧渔业)(?:全年)?(?:完成|实现)(?=增加值|总产值|产值)/, '$1');
  // A long label's 累计完成 goes before the run-on cut would keep only what follows 累计 (五年全社会固定资产投资累计完成).
  if (label.length > 14) label = label.replace(/^(.{2,}?)(?:全年|累计)?(?:完成|实现)$/, (m, a: string) => (/(?:计划|任务|目标)$/.test(a) ? m : a));
  // Whom a thing went to, before the verb that sent it (向市政府、县人大常委会 备案县政府规范性文件, 向…开发区 委托下放…事项): none
  // of the name, the verb is.
  label = label.replace(/^向[^，。；,;]{1,30}?(?=(?:备案|报备|报送|提交|移交|推送|委托下放|下放|推荐|反馈)[\u4e00-\u9fff]{2})/, '');
  // An adverb with its 的 (地) before the verb (科学合理的设置信息公开栏目, 及时准确地发布信息): none of the name.
  label = label.replace(new RegExp(`^[\u4e00-\u9fff]{2,8}?[的地](?=${VERBS.source.slice(1)}[\u4e00-\u9fff]{2})`), '');
  for (let k = 0; k < 4; k++) {
    const prev = label;
    // A share of a whole named by its 总量 or 总数 (占全区经济总量的76.1%, 差评数占评价量总数的0.34%): the whole keeps it
    // (TRAILING would take it as a filler).
    const ofTotal = /占[\u4e00-\u9fff]{1,12}(?:总量|总数)的?$/.test(label);
    label = label.replace(LEADING, '').replace(TO_LEVEL, '');
    label = ofTotal ? label.replace(/的$/, '') : label.replace(TRAILING, '');
    // Modal words and adverbs between the noun and its change verb (排放量要分别下降).
    label = label.replace(new RegExp(`(?:要|将|力争|争取|确保|拟|预计|分别|继续|进一步|再)+(?=(?:年均|平均|实际)?${CHANGE}$)`), '');
    // A leading verb goes (收到 行政复议申请) unless it is the noun's own start (覆盖率); so do the verbs listed with it
    // (制定、修改和废止 政府规章).
    const verbless = label.replace(VERBS, '');
    const noVerb = verbless === label ? label : verbless.replace(/^(?:[、和及与][\u4e00-\u9fff]{2})+(?=[\u4e00-\u9fff]{2})/, '');
    if (noVerb.length >= 2 && !/^率/.test(noVerb)) label = noVerb;
    // A share (第一产业增加值占生产总值的比重): the whole of it, without its 的, never cut at the 的 as a run-on.
    const share = shareOf(label);
    if (share) {
      label = share;
      break;
    }
    // A contribution to growth (第一产业对地区生产总值增长的贡献率) is one name, its 的 no run-on's.
    if (CONTRIBUTION.test(label)) break;
    // A category of information named whole, as the 条例 names them (涉及与公众密切相关重大事项的信息, 机构职能调整和人员变动的信息):
    // its 的 is the name's, and only a noun as general as 信息 would be left after it.
    // Not a run-on clause that ends so (向社会公开了…的信息, 为全市企业提供…的服务事项, 在门户网站公开的信息, 公开机构…的信息).
    const category = GENERAL_AFTER_OF.exec(label);
    if (
      category &&
      category[1].length <= MAX_LABEL &&
      !/[向了为在对把被从将]|^(?:公开|发布|公布|提供|报送|制作|编制)/.test(category[1]) &&
      !VERBS.test(category[1])
    ) {
      label = category[1];
      break;
    }
    // A run-on clause: keep what follows its last 的, filler or verb (…作用全年共收到 行政复议申请).
    if (label.length > 14) {
      let cut = -1;
      INNER.lastIndex = 0;
      for (let m = INNER.exec(label); m; m = INNER.exec(label)) if (m.index > 0 && label.length - m.index - m[0].length >= 2) cut = m.index + m[0].length;
      if (cut > 0) label = label.slice(cut);
    }
    if (label === prev) break;
  }
  // A communiqué's run-in head before its sentence, the bold lost: no part of a name of its own (粮食全年农作物播种面积 →
  // 农作物播种面积, 人口年末常住人口 → 常住人口), the subject of a measure alone (粮食全年总产量 → 粮食总产量, 农业全年实现增加值 →
  // 农业增加值).
  const head = RUN_IN_HEAD.exec(label);
  if (head) label = HEAD_MEASURE.test(head[2]) ? head[1] + head[2] : head[2].length >= 4 ? head[2] : label;
  // 完成 and 实现 after the noun go (地区生产总值全年完成, 邮政业务总量完成: not with TRAILING, which would take 总量 too),
  // but not after a plan or a task, whose completion the figure is (年度计划完成112%).
  const done = /^(.{2,}?)(?:全年|累计)?(?:完成|实现)$/.exec(label);
  if (done && !/(?:计划|任务|目标)$/.test(done[1])) label = done[1];
  return label;
}

/** Whether a cleaned label is one to keep: a phrase of two characters or more, no fragment, not too long. */
function acceptable(label: string, max = MAX_LABEL): boolean {
  // Digits only in a name (M2, PM2.5, 5G, 0-17周岁, 500强), never a number left over.
  const digits = label.replace(/[A-Za-z][0-9.]+|[0-9]+[A-Za-z强]|[0-9０-９]+(?:[-－~～—至到][0-9０-９]+)?周?岁/g, '');
  return (
    label.length >= 2 &&
    (label.length <= max || (label.length <= 24 && SHARE_LABEL.test(label))) &&
    !FRAGMENT.test(label) &&
    !FUNCTION_WORD.test(label) &&
    /[\u4e00-\u9fffA-Za-z]/.test(label) &&
    !/[0-9０-９%％]/.test(digits)
  );
}

/**
 * The label in front of a number, from the text before it alone (no figure before it to borrow
 * from): back to the clause boundary, less fillers, comparisons and level verbs. '' when what is
 * left is no name.
 */
export function figureLabel(before: string): string {
  const { raw, at } = clauseBefore(before, 0, before.length);
  const label = cleanLabel(raw, at > 0 && /[0-9０-９]/.test(before[at - 1] ?? ''));
  return acceptable(label) && !VERB_ONLY.test(label) ? label : '';
}

/**
 * Words of a plan or an intent in a sentence (要, 将 as verbs; not 主要, 重要, 将近); not 计划 as a disclosure report's
 * category (规划计划类4条, 工作计划类, 计划规划更新2条) or a programme's name (研发计划项目), nor 计划生育 (family planning, a spending
 * line) nor 计划单列 (a city's status).
 */
/** The words of an intent, 计划 aside (要 as a verb, 力争, 确保, 拟), as a pattern's source. */
const INTENT = '(?<![主重需必纲只首摘提])要(?![素求点件闻害是])|力争|确保|拟';
const modal = (will: string) =>
  new RegExp(
    `${INTENT}|${will}|(?<!规划|规划、|工作|整体|专项|研发|完成|总结|立法)计划(?!生育|单列|类|文件|信息|规划类|规划更新|总结|及其?完成|完成情况|项目|[0-9０-９.．]+[%％])`,
  );
/** An intent before a plan's completion (确保完成年度目标任务的100%): MODAL without 计划, which the completion itself names. */
const INTENT_BEFORE_COMPLETION = new RegExp(`${INTENT}|争取|将(?![近士军领])`);
const MODAL = modal('将(?![近士军领])');
/**
 * The same in a report on a year's work (法治, 信息公开, a summary, a communiqué): 将 of a thing put somewhere (将习近平法治思想
 * 纳入…, 将…作为必修课) is what was done, as 把 is, not an intent.
 */
const MODAL_DONE = modal(
  '将(?![近士军领])(?![^，,。；;！？]{0,30}?(?:纳入|作为|列入|融入|写入|分配给|分解到|贯穿|划入|划转|下放|移交|并入|交由|下沉到|(?:落实|压实|细化|延伸|覆盖|推送|送达|张贴|公示|嵌入)(?:到|至|于)))',
);
/** What right after a figure makes it a target: 13%左右的预期目标, 1100万人以上的目标. */
const TARGET_AFTER = /^(?:左右|以上|以内|以下)?(?:的)?(?:预期|发展|控制|调控)?目标/;
/** What in the clause before a figure makes it a target (预期目标是：…, 目标为, 力争, 要, 将). */
const TARGET_BEFORE = new RegExp(`预期目标|目标(?!企业|客户|群体|人群|市场|单位|对象)|预期|${MODAL.source}`);
const TARGET_BEFORE_DONE = new RegExp(`预期目标|目标(?!企业|客户|群体|人群|市场|单位|对象)|预期|${MODAL_DONE.source}`);
/** What at the start of a sentence in the plan part makes its figures results: the year before. */
const PAST_START = /^(?:去年|上年|过去一年|过去五年|五年来|近五年|2\d{3}年(?:全年)?(?:国内生产总值|经济|全国)|过去)/;

/**
 * Whether the sentence before a figure forecasts a year after the report's (预计2024年, 预计明年): a
 * target, even in a communiqué or a review. 预计全年 and 预计 of the report's own year are estimates of it.
 */
function forecast(lead: string, year: number | null | undefined): boolean {
  if (/预计(?:到)?(?:明年|下一?年度?)/.test(lead)) return true;
  const m = /预计(?:到)?\s*((?:19|20)\d{2})\s*年/.exec(lead);
  return m !== null && year !== null && year !== undefined && Number(m[1]) > year;
}

/** A figure's kind, from the clause around it, its sentence and the report part it is in. */
function kindOf(clause: string, after: string, sentence: string, part: PartKind | undefined, reportDone = false): FigureKind {
  // A sentence of what comes next (下一步，我县将推动…下放至各乡镇) plans, in a report on work done too.
  const done = reportDone && !FUTURE_MARK.test(sentence);
  if (TARGET_AFTER.test(after)) return 'target';
  // In a report on work done, a 将 whose verb comes after the figure (将全县27个部门的278项事项统一划入…) is read with it.
  if (done ? TARGET_BEFORE_DONE.test(clause) && TARGET_BEFORE_DONE.test(clause + after) : TARGET_BEFORE.test(clause)) return 'target';
  // 6.5%左右 is a target, but in a review it is an approximate result (稳定在5%左右的较低水平).
  if (/^左右/.test(after) && part !== 'review') return 'target';
  if (part === 'plan') return PAST_START.test(sentence) ? 'result' : 'target';
  if (part === 'review') return 'result';
  // Outside a known part: the sentence says it (预期目标, 力争, 要, 将; 以上 of a minimum). In a report on a year's work
  // done (法治, 信息公开, a communiqué), whose chapters are often named by theme, 以上 is what was reached (持证比例98%以上).
  if (/预期目标|力争/.test(sentence) || (done ? MODAL_DONE : MODAL).test(sentence)) return 'target';
  return !done && /^(?:以上|以内)/.test(after) ? 'target' : 'result';
}

/** Whether a sentence opens with a year after the report's (2021年，我县将把…移交…, in 2020's report): what comes next. */
function laterYear(sentence: string, year: number | null | undefined): boolean {
  const m = /^\s*((?:19|20)\d{2})\s*年/.exec(sentence);
  return !!m && !!year && Number(m[1]) > year;
}

/** Words of what comes next: 下一步, 今后, 明年, 将继续. */
const FUTURE_MARK = /下一步|下步|今后|明年|来年|下一年|将继续|将进一步/;

/** What stands between a figure and its share: 333宗，70.1% or 528宗，占58.2%. */
const SHARE = /^[，,、]?\s*(?:占|约占|占比)?$/;

/** Characters of a sentence kept either side of a figure, and of a clause before it. */
const SENTENCE_WINDOW = 200;
const MAX_CLAUSE = 60;

/**
 * Code-point offsets of increasing UTF-16 offsets in `text`, in one pass: each call goes on from
 * the last (offsets must not decrease).
 */
function codePointCounter(text: string): (utf16: number) => number {
  let at = 0;
  let pairs = 0;
  return (utf16) => {
    for (; at < utf16 - 1; at++) {
      const c = text.charCodeAt(at);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(at + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          pairs++;
          at++;
        }
      }
    }
    return utf16 - pairs;
  };
}

/** The verbs of the changes in a list of values, each value's own (、下降0.6个, 分别比上年上升0.1、上升0.4、下降0.5). */
const CHANGE_IN_LIST = '下降|提高|增长|上升|上涨|回升|下滑|下跌|减少|增加|回落|扩大|缩小|降低';
/** A number of a list (、0.2, 和4.0). */
const LIST_NUMBER = `[ \u00a0]?[、和及与]\\s*[-−－+]?[0-9０-９]+(?:[.．][0-9０-９]+)?`;
/** A change of a list of changes in points (、下降0.6个, 、提高0.8): its verb, its number and 个. */
const LIST_CHANGE = `[ \u00a0]?[、和及与]\\s*(?:(?:${CHANGE_IN_LIST})\\s*)?[-−－+]?[0-9０-９]+(?:[.．][0-9０-９]+)?`;
/** 以上 or 以下 right after a figure, then a noun it qualifies (not 的, a verb or the clause's end). */
const THRESHOLD_AFTER =
  /^(?:及)?以[上下](?=[\u4e00-\u9fff])(?!的|增长|水平|左右|目标|[，,。；、])(?=(?:工业|产业|重点|大|项目|企业|规模|固定资产|投资|商贸|服务业|招商|在建|新开工|续建|单位)|[\u4e00-\u9fff]{2,}[项目企业户家个])/;
/** A value of a list after 分别 with a verb of its own (、上升0.4, 、下降0.5). */
const OWN_VERB = new RegExp(`^[、和及与]\\s*(${CHANGE_IN_LIST})$`);
/** A change's verb right before its number (下降0.1个). */
const VERB_BEFORE_CHANGE = new RegExp(`(?:${CHANGE_IN_LIST})\\s*[-−－+]?$`);
/** The change verb a label ends with, to be replaced by a value's own. */
const VERB_AT_END = new RegExp(`(?:${CHANGE_IN_LIST})$`);
/** Bare numbers that end in a percent or points (1.7、0.2和4.0个百分点). */
const SHARED_UNIT = new RegExp(`^(?:${LIST_NUMBER})*?${LIST_NUMBER}\\s*(个百分点|百分点|%|％)`);
/** Numbers with 个 that end in 个百分点 (下降0.2个、下降0.6个、提高0.8个百分点; 快于全国3.4个、1个百分点). */
const SHARED_POINTS = new RegExp(`^(?:${LIST_CHANGE}个?)*?${LIST_CHANGE}\\s*(个百分点|百分点)`);
/** A change of such a list after a comma, with its verb (下降0.1个，提高0.2个，下降0.3个、0.7个和提高0.9个百分点). */
const COMMA_CHANGE = `(?:[ \u00a0]?[，,]\\s*(?:${CHANGE_IN_LIST})\\s*[-−－+]?[0-9０-９]+(?:[.．][0-9０-９]+)?|${LIST_CHANGE})`;
/** The same list with commas between its changes, for a change in 个 that follows its verb. */
const SHARED_POINTS_COMMA = new RegExp(`^(?:${COMMA_CHANGE}个?)*?${COMMA_CHANGE}\\s*(个百分点|百分点)`);

/**
 * The percent or points the rest of a list ends with, for the number at `end` that has no unit or 个 (`counted`): a
 * count with 个 before a change (新开工项目128个、增长14.3%) keeps its 个, and a bare number before a change is none.
 */
function sharedUnit(text: string, end: number, counted: boolean, afterVerb = false): string | null {
  const rest = text.slice(end, end + 80);
  // Most numbers have no percent or points in reach: told before the patterns are tried.
  if (!/[%％]|百分点/.test(rest)) return null;
  // Bare numbers: a list of numbers in a percent or points, a list of changes in points (分别下降0.5、提高1.2个百分点), a range.
  // A change in 个 after its verb, after 分别, may be one of a list whose changes commas part (分别下降0.1个，提高0.2个，…和提高0.9个
  // 百分点); a count in 个 (新增企业3个，提高5个百分点; 比上年增加3个，提高7.7个百分点: a count's change, then its share's) is not.
  const m = counted
    ? (SHARED_POINTS.exec(rest) ?? (afterVerb ? SHARED_POINTS_COMMA.exec(rest) : null))
    : (SHARED_UNIT.exec(rest) ?? SHARED_POINTS.exec(rest) ?? RANGE_UNIT.exec(rest.slice(0, 16)));
  return m ? (UNIT_AS[m[1]] ?? m[1]) : null;
}
/** A comparison with a year (比2000年, 较2015年), in the clause before a change. */
const SINCE_YEAR = /[比较]((?:19|20)\d{2})年(?=[^，,。；;]{0,6}$)/;
/** The same comparison left at the end of a subject. */
const SINCE_AT_END = /[比较](?:19|20)\d{2}年$/;
/** The change of a growth rate, named by the rate alone (增速下降, 增幅提高). */
const RATE_CHANGE = new RegExp(`^(?:增速|增幅)${CHANGE}$`);
/** A list of three items or more, then 等 and what kind they are (…、…、…等重大问题近): the kind in $1. */
const LIST_THEN_KIND = /、[^，。；;,、]{1,16}、[^，。；;,、]{1,16}等([\u4e00-\u9fff]{2,8}?)(?:近|约|共|共计|累计|达到?|超过|有)*\s*$/;
/** A verb of disclosure before a list (主动公开涉及疫情防控、…等方面信息): with the kind, the label. */
const DISCLOSED_LIST = /(主动公开|公开发布|公开|发布|公布)(?:了)?(?:涉及|有关|包括)?[^、]{1,16}、/;
/** The kinds a list's total names besides the counted nouns: 问题, 信息, 数据, 活动, 资金, 支出, 建议, 提案. */
const LIST_KIND = /(?:问题|信息|数据|活动|资金|支出|建议|提案|联盟)$/;
/** What a count added before its noun (新增, 净增, 新培育): the total after it is the noun's. */
const ADDED = /^(?:新增|净增|新培育|新引进|新认定)/;
/** The verbs of a threshold crossed (突破, 跨过, 迈上…), one source for the patterns below. */
const CROSS = '(?:突破|跨过|跨越|迈上|跃上|站上)';
/** A threshold crossed: 突破, 首次突破, 跨过 (生产总值突破2000亿元). */
const CROSSED_BEFORE = new RegExp(`${CROSS}了?$`);
/** The same verb left at a label's end, with its adverb (地区生产总值迈上, 生产总值连续跨越). */
const CROSSED_AT_END = new RegExp(`(?:连续|历史性地?|首次|相继|成功)?${CROSS}了?$`);
/** The level reached right after a threshold crossed (大关，达到 / ，达): nothing else between. */
const REACHED_AFTER_THRESHOLD = /^(?:大关|关口|新?台阶)?[，,]\s*(?:达到了?|达|为|至|[由从](?:19|20)\d{2}年的?)\s*$/;
/**
 * A threshold crossed with no figure of its own (生产总值突破千亿元大关，…; 迈上万亿元台阶，…), before the clause of a figure: its
 * subject in $1.
 */
const CROSSED_CLAUSE = new RegExp(`(?:^|[，,；;：:])\\s*([^，,；;：:。]{2,16}?)(?:首次|成功|连续)?${CROSS}[^，,；;：:。0-9０-９]{1,10}[，,]\\s*$`);

/** 由上年的 (or 去年, 上年末) right before a number, or before the list it is in (由上年的15.2%、49.9%和). */
const LAST_YEARS_BEFORE = /由(?:上年|去年|上年末|去年末|上年同期)的?(?:[0-9０-９.．]+\s*(?:%|％|个百分点)?\s*[、和及]\s*)*$/;
/** The verbs to this year's level after last year's (提高到, 调整为…), one source for the two patterns below. */
const TO_THIS_YEAR =
  '(?:提高到|提高至|提升到|提升至|上升到|上升至|下降到|下降至|降低到|降低至|降至|调整为|调整到|变为|增加到|增加至|增至|减少到|减少至|减至|扩大到|缩小到|升至|回落到|回落至)';
/** The rest of that clause: the list's other numbers, then the verb to this year's level. */
const LEVEL_AFTER_LAST_YEAR = new RegExp(`^[^，,。；;]{0,30}?${TO_THIS_YEAR}`);
/** The verb to this year's level at the end of the clause before its figure (…提高到, …调整为). */
const LAST_YEAR_VERB = new RegExp(`${TO_THIS_YEAR}$`);
/** The numbers of a list after a bare one, up to the unit of the last (和10163亿元, 、6.5和7万吨). */
const BARE_LIST = new RegExp(`^(?:${LIST_NUMBER}){1,5}(?:[ \u00a0]?[余多])?`);

/** The unit of the list a bare number opens (12488和10163亿元 → 亿元): the last number's scale and unit; null when it has none. */
function listUnit(text: string, at: number): string | null {
  const rest = text.slice(at, at + 60);
  const m = /^[ \u00a0]?[、和及与]/.test(rest) ? BARE_LIST.exec(rest) : null;
  if (!m) return null;
  // Two small numbers in a row (开展2、3次: two or three times; 1、2期工程, 1、2类案件: the first and the second) are no list of figures.
  const first = /[0-9]+$/.exec(text.slice(Math.max(0, at - 3), at))?.[0];
  const second = /^[ \u00a0]?[、和及与]\s*([0-9]+)(?![.．0-9])/.exec(rest)?.[1];
  if (first && second && first.length === 1 && Number(second) === Number(first) + 1) return null;
  let r = rest.slice(m[0].length);
  const scale = /^(?:万亿|[万亿])/.exec(r)?.[0] ?? '';
  r = r.slice(scale.length);
  const base = UNITS.find((u) => r.startsWith(u) && !NOT_BEFORE[u]?.test(r.slice(u.length)));
  return base ? scale + (UNIT_AS[base] ?? base) : null;
}

/** A range's end in a percent or points, after its start with none (增长5.5-6%, 5－6%, 5.5—6%): the start is the figure, as 6%－6.5%'s is. */
const RANGE_UNIT = /^[ \u00a0]?[-－—–~～至到][ \u00a0]?[0-9０-９]+(?:[.．][0-9０-９]+)?[ \u00a0]?(%|％|个百分点|百分点)/;

/**
 * The letter O a copy typed for a zero in a number (974.OO亿元, O.1个百分点, 2O日: an old page keyed by hand): after a digit or a
 * digit's decimal point, or before a decimal point and a digit; not in a word of letters (CO2 stays).
 */
const LETTER_ZEROS = /(?<=[0-9][.．]?)[OＯ]+(?![A-Za-z])|(?<![A-Za-z0-9])[OＯ]+(?=[.．][0-9])/g;

/** Every figure in a text, in order, with UTF-16 offsets (as the Compare model needs them). Never throws. */
export function findFigures(given: string, context: FigureContext = {}): Figure[] {
  // (Zeros for the letter O, one character for one: the offsets stand.)
  const text = given.includes('O') || given.includes('Ｏ') ? given.replace(LETTER_ZEROS, (m) => '0'.repeat(m.length)) : given;
  const out: Figure[] = [];
  let scanned = 0;
  let sStart = 0;
  let sEnd = 0;
  // The values after 分别 (from `first` on, joined by 、 and 和), and the subjects of the last such list labelled.
  // (`levels`: how many levels labelled one by one came right before, when those are the list's subjects.)
  let respective: { first: number; raw: string; sentence: number; implicit: boolean; afterDigit: boolean; levels?: number } | null = null;
  // (`end`: the index in `out` after that list's values.)
  let subjects: { items: string[]; bases: string[]; sentence: number; end: number } | null = null;
  const finish = () => {
    if (!respective) return;
    const values = out.slice(respective.first);
    // 分别控制在3.9%和3%以内: what follows the last value (以内, 左右, 以上) is the list's, so its kind is every value's.
    if (values.length >= 2) for (const f of values) f.kind = values[values.length - 1].kind;
    // …and so is its unit, printed after the last value only (分别拉动经济增长1.3、-7.6、1.4个百分点).
    const lastUnit = values.length >= 2 ? values[values.length - 1].unit : '';
    if (lastUnit) for (const f of values) if (f.unit === '') f.unit = lastUnit;
    let given: ReturnType<typeof respectiveLabels> = null;
    // Changes of levels labelled one by one: as many as the levels, each of a unit its level can change by (个百分点 of a
    // percent only; a count's change in its own unit). Else none is labelled.
    const levels = respective.levels;
    const fits =
      levels === undefined ||
      (levels === values.length &&
        values.every((f, i) => {
          const level = out[respective!.first - levels + i];
          return f.unit === '%' || (f.unit === '个百分点' ? level.unit === '%' : f.unit === level.unit);
        }));
    if (fits)
      try {
        given = respectiveLabels(
          respective.raw,
          values.map((f) => f.unit),
          // The figures right before the list, when they come after the last list labelled in the sentence (…，分别增长…;
          // 羊存栏…、羊出栏…，分别增长…); else that list's subjects (…，分别拉动GDP增长…).
          (subjects?.sentence === respective.sentence && respective.first - values.length < subjects.end
            ? null
            : labelledBefore(out, respective.first, values.length, respective.sentence, respective.raw)) ??
            (subjects?.sentence === respective.sentence ? subjects : null),
          respective.afterDigit,
          values.length ? text.slice(respective.sentence, values[0].start) : '',
        );
      } catch {
        // Never throws: a list it cannot read keeps no labels.
      }
    // The three sectors named as one (三次产业比重为…，分别拉动经济增长1.3、-7.6、1.4个百分点): first, second and third in turn.
    if (!given && values.length === 3 && /三次产业|三大产业|一二三产业/.test(text.slice(respective.sentence, values[0].start))) {
      const verb = respective.raw.replace(/^.*分别/, '').replace(/[，,\s]/g, '');
      const labels = ['第一产业', '第二产业', '第三产业'].map((x) => x + verb);
      if (verb && labels.every((l) => acceptable(l)))
        given = { labels, items: ['第一产业', '第二产业', '第三产业'], bases: ['第一产业', '第二产业', '第三产业'] };
    }
    if (given) {
      values.forEach((f, i) => {
        // A value with a verb of its own (分别比上年上升0.1、上升0.4、下降0.5个百分点) takes it for the list's.
        const own = ownVerbs.get(respective!.first + i);
        f.label = own && given.labels[i] ? given.labels[i].replace(VERB_AT_END, own) : given.labels[i];
      });
      subjects = { items: given.items, bases: given.bases, sentence: respective.sentence, end: out.length };
    }
    respective = null;
    ownVerbs.clear();
  };
  // The verbs of the values of a list after 分别 that name their own (、上升0.4、下降0.5), by index in `out`.
  const ownVerbs = new Map<number, string>();
  // Whether a list of subjects was labelled in the sentence that starts at `sentence` (a function: the closure above sets it).
  const hasSubjects = (sentence: number) => subjects !== null && subjects.sentence === sentence;
  // Where the values of the last list labelled end in `out` (-1 for none): a function, as the closure above sets them.
  const subjectsEnd = () => subjects?.end ?? -1;
  // How many labelled levels (not changes) come right before, back to the sentence's start.
  const levelsBefore = (sentence: number) => {
    let n = 0;
    for (let k = out.length - 1; k >= 0 && out[k].start >= sentence && out[k].label && !CHANGE_AT_END.test(out[k].label); k--) n++;
    return n;
  };
  // The subject of last year's level skipped before this year's (城镇化率由上年的55.1%提高到56.3%), and where it was.
  let lastYears: { subject: string; before: number } | null = null;
  for (const num of numbers(text)) {
    const start = num.index;
    let end = start + num.text.length;
    // Part of a longer token (a code, PM2.5, a date like 2016-11) or a list marker? Then not a figure.
    const prevChar = text[start - 1] ?? '';
    // …but 人均GDP17861元: a measure's name in capitals, not a code.
    if (/[A-Za-z0-9０-９.．\-－−/]/.test(prevChar) && !/(?:GDP|CPI|PPI)$/.test(text.slice(Math.max(0, start - 3), start))) continue;
    // A name joined by + (1+3多元解纷); a sign + before a change (同比+5.2%) leaves the figure.
    if (/[0-9０-９][+＋]$/.test(text.slice(Math.max(0, start - 2), start))) continue;
    // The last digit of a number spaced out digit by digit (7 4 7 7 2 亿元, 6 5 ％, 4 ．5 ％: a PDF's text): no figure of
    // its own. Before a number of more digits, one digit and a space is a footnote's mark (生产总值1 612.3亿元): the
    // number is the figure.
    if (/^[0-9０-９]$/.test(num.text) && /[0-9０-９.．][ \u00a0]$/.test(text.slice(Math.max(0, start - 2), start))) continue;
    // The end of a range (2016-2018, 6%－6.5%): a sign after a number is a dash; not a figure either.
    if (/^[-－−]/.test(num.text) && RANGE_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
    // …and the end of a range whose start was the figure (增长5.5至6%, 5.5～6%): one figure, not two.
    const last = out[out.length - 1];
    if (last && last.end >= start - 3 && /^\s?[至～~—–]\s?$/.test(text.slice(last.end, start)) && /^[0-9０-９]/.test(num.text)) continue;
    if (NOT_A_FIGURE.test(text.slice(Math.max(0, start - 24), start))) continue;
    // Last year's level before this year's (城镇化率由上年的55.1%提高到56.3%; 比重由上年的15.2%、49.9%和34.9%调整为…): the year
    // before's figure, which its own report gives; read here, a series would have two values for one year.
    if (
      text.lastIndexOf('由', start) >= start - 40 &&
      LAST_YEARS_BEFORE.test(text.slice(Math.max(0, start - 40), start)) &&
      LEVEL_AFTER_LAST_YEAR.test(text.slice(start + num.text.length, start + num.text.length + 40))
    ) {
      // Its subject is this year's level's (城镇化率).
      // (Not a list of subjects, 一、二、三产业…比重由上年的…: each value is another's, which this does not share out.)
      const whose = /(?:^|[，,。；;：:])([^，,。；;：:]{2,30}?)由(?:上年|去年|上年末|去年末|上年同期)的?[^由]*$/.exec(
        text.slice(Math.max(0, start - 60), start),
      );
      lastYears = { subject: whose && !whose[1].includes('、') ? cleanLabel(whose[1], false) : '', before: start };
      continue;
    }
    // A sample survey's rate (5‰人口变动抽样调查, 1%人口抽样调查): how the figures were found, none of them.
    if (SURVEY_RATE.test(text.slice(start + num.text.length, start + num.text.length + 12))) continue;
    // An exchange rate after a conversion ((汇率为1美元兑6.7027元人民币)): a note on the figure before, no figure of its own.
    // …in brackets only: a communiqué's own rate (年末人民币汇率为1美元兑7.1884元人民币) is a figure of the year.
    const bracketed = () => /[（(][^（()）]{0,24}$/.test(text.slice(Math.max(0, start - 25), start));
    if (EXCHANGE_NOTE.test(text.slice(Math.max(0, start - 6), start)) && bracketed()) continue;
    if (EXCHANGE_TERM.test(text.slice(start + num.text.length, start + num.text.length + 8)) && bracketed()) continue;
    // 零下5℃ is −5: a sign this reader does not take, so no figure rather than a wrong one.
    if (text.slice(Math.max(0, start - 2), start) === '零下') continue;
    // Inside a name in quotes (“科技成果转化16条”) or a document's name (《盘点2025：福州外事港澳10件大事》, 《…的20条措施》): no figure.
    if (/“[^”。]{0,16}$/.test(text.slice(Math.max(0, start - 17), start)) && /^[^“。]{0,12}”/.test(text.slice(start, start + 13))) continue;
    if (
      text.lastIndexOf('《', start) >= start - 31 &&
      /《[^》。]{0,30}$/.test(text.slice(Math.max(0, start - 31), start)) &&
      /^[^《。]{0,30}》/.test(text.slice(start, start + 31))
    )
      continue;
    let rest = text.slice(end, end + 10);
    // A space before the unit, as text from a PDF or a page has it (186378.2 吨, 36.4 %), and 余 or 多 after the number
    // (2500余人次: more than 2,500) belong to the figure.
    // A footnote's asterisk (4.53*万人, a PDF's) belongs to the figure too.
    let gap = /^[*＊]?[ \u00a0]?[余多]?/.exec(rest)?.[0] ?? '';
    // …but a space after a table's or a chart's number (表 3 人口主要构成情况, 图 1), or after a note's number at a line's
    // start (2 人均地区生产总值按…计算), is no figure's.
    const noteNumber = /^[0-9０-９]{1,2}$/.test(num.text) && (start === 0 || text[start - 1] === '\n');
    if (/^[ \u00a0]/.test(gap) && (/(?:表|图|附表|附图|注)[ \u00a0]?$/.test(text.slice(Math.max(0, start - 3), start)) || noteNumber)) gap = '';
    rest = rest.slice(gap.length);
    const scale = /^(?:万亿|[万亿])/.exec(rest)?.[0] ?? '';
    rest = rest.slice(scale.length);
    // A space a PDF's line wrap left between the scale and the unit (1469.26 亿 元, 146.05 万 人).
    const wrap = scale && /^[ \u00a0][\u4e00-\u9fff]/.test(rest) && UNITS.some((u) => rest.startsWith(u, 1)) ? 1 : 0;
    rest = rest.slice(wrap);
    gap += ' '.repeat(wrap);
    // 余 or 多 after the scale, before a unit that ends the phrase (3.4万余户。, 3万多人次，, 2亿多元、): the figure's, as before the
    // scale. Not before a unit the phrase goes on from (13亿多人口的, 17万多家企业, 2.3万多场次: 13亿, 17万, 2.3万, as they were
    // read).
    const more =
      scale && !wrap && /^[余多]/.test(rest) && UNITS.some((u) => rest.startsWith(u, 1) && !/[\u4e00-\u9fff]/.test(rest[1 + u.length] ?? '')) ? 1 : 0;
    rest = rest.slice(more);
    gap += ' '.repeat(more);
    const base = UNITS.find((u) => rest.startsWith(u) && !NOT_BEFORE[u]?.test(rest.slice(u.length)));
    let unit: string;
    // 拉动经济增长1.7、0.2和4.0个百分点; 下降0.2个、下降0.6个、提高0.8个百分点: a list's numbers share the unit of its last.
    const shared =
      !scale && (!base || base === '个')
        ? sharedUnit(
            text,
            end + gap.length + (base?.length ?? 0),
            base === '个',
            base === '个' &&
              VERB_BEFORE_CHANGE.test(text.slice(Math.max(0, start - 4), start)) &&
              /分别[^。；;]*$/.test(text.slice(Math.max(0, start - 80), start)),
          )
        : null;
    let listed: string | null = null;
    if (shared) unit = shared;
    else if (base) unit = scale + (UNIT_AS[base] ?? base);
    else if (scale && BARE_SCALE_NEXT.test(rest)) unit = scale;
    // 分别达到12488和10163亿元, 增长1.3和1.4倍: a bare number before the next of its list takes that one's unit.
    else if (!scale && (listed = listUnit(text, end + gap.length))) unit = listed;
    else continue;
    end += gap.length + scale.length + (base?.length ?? 0);
    // A threshold that qualifies a noun (5000万元以上产业项目947个, 500万元以上固定资产投资): no figure of its own. An amount of
    // money or energy only: 200个以上重大项目 and 80%以上…项目 are counts and shares a plan sets.
    if (/(?:元|吨标准煤)$/.test(unit) && THRESHOLD_AFTER.test(text.slice(end, end + 6))) continue;
    const value = parseNumber(num.text);
    // The sentence, and the clause before the figure (not past the figure before it in the sentence).
    // Both ends move forward only, from figure to figure: one pass over the text in all.
    while (scanned < start) if (SENTENCE_END.test(text[scanned++])) sStart = scanned;
    if (sEnd < end) {
      sEnd = end;
      while (sEnd < text.length && !SENTENCE_END.test(text[sEnd])) sEnd++;
    }
    const sEndIn = sEnd < text.length && text[sEnd] !== '\n' ? sEnd + 1 : sEnd;
    // A sentence with no end for pages is cut to SENTENCE_WINDOW characters either side of the figure.
    const sentence = text.slice(Math.max(sStart, start - SENTENCE_WINDOW), Math.min(sEndIn, end + SENTENCE_WINDOW)).trim();
    // 生产总值突破2000亿元大关，达到2052.12亿元: the threshold crossed is no figure of the year; the level reached, right after it,
    // is its subject's.
    let crossed = '';
    const lastOne = out[out.length - 1];
    if (
      lastOne?.label &&
      lastOne.end > sStart &&
      !respective &&
      subjectsEnd() !== out.length &&
      CROSSED_BEFORE.test(text.slice(Math.max(0, lastOne.start - 6), lastOne.start)) &&
      REACHED_AFTER_THRESHOLD.test(text.slice(lastOne.end, start))
    ) {
      crossed = lastOne.label.replace(CROSSED_AT_END, '');
      out.pop();
    }
    const prev = out.length && out[out.length - 1].end > sStart ? out[out.length - 1] : undefined;
    // The label comes from the end of its clause: at most MAX_CLAUSE characters before the number.
    const from = Math.max(sStart, prev ? prev.end : 0, start - MAX_CLAUSE);
    const clause0 = clauseBefore(text, from, start);
    // 从2017年的111.8亿元提高至2021年的160亿元: the years of a change from one level to another are no part of its label.
    const raw = clause0.raw.replace(LEVEL_YEAR, '');
    const at = clause0.at;
    const right = prev !== undefined && at === prev.end;
    let afterEnd = end;
    while (afterEnd < text.length && afterEnd < end + 24 && !BOUNDARY.test(text[afterEnd]) && !SENTENCE_END.test(text[afterEnd])) afterEnd++;
    const after = text.slice(end, afterEnd);
    let label = cleanLabel(raw, right || (at > 0 && /[0-9０-９]/.test(text[at - 1])));
    let borrowed = false;
    // (Less a comparison with a year long before, which is the change's: 国内生产总值比2002年增长 → 国内生产总值.)
    const subject = (l: string) => l.replace(CHANGE_AT_END, '').replace(SINCE_AT_END, '');
    // A clause that starts with the number has its noun after it as a subject (24个鲁班工坊擦亮…): no label from there.
    const noun = raw.trim() ? nounAfter(text, end, base) : null;
    let breakdown: RegExpExecArray | null = null;
    if (prev && right && /^[、和及与至到~～]/.test(raw) && raw.length <= 2) label = prev.label;
    // The same measure in another unit, in brackets right after it (粮食种植面积17.8万公顷(267万亩)): the label before.
    else if (prev?.label && prev.unit !== unit && /^[（(]$/.test(text.slice(prev.end, start)) && /^[)）]/.test(text.slice(end, end + 1))) label = prev.label;
    else if (
      prev?.label &&
      // Right after it, or after a comma when the clause is only the verb to a level (积累率由1978年的36.5%，降为33.6%).
      (right || (/^[，,]$/.test(text.slice(prev.end, at)) && /^(?:下降|降|上升|升|提高|降低|增加|减少|调整|回落|扩大|缩小)为$/.test(raw))) &&
      LEVEL_AFTER.test(raw.replace(/(?:去年底|去年末|去年|今年|上年末|上年|年底|年末)?的?$/, ''))
    )
      label = prev.label;
    // 比上年增长9.1%，达到11.67万亿元: the level the change reached is its subject's.
    else if (prev?.label && prev.unit !== unit && CHANGE_AT_END.test(prev.label) && LEVEL_REACHED.test(raw.trim())) label = subject(prev.label);
    else if (noun !== null) label = noun;
    // 居民消费价格上涨0.3%，其中，城市上涨0.3%，农村上涨0.3%: a breakdown by town and country of the measure before it in the sentence.
    else if (out.length && (breakdown = BREAKDOWN.exec(raw.trim()))) {
      const m = breakdown;
      // In the sentence, or the one before when this one opens with 其中 (…上涨0.3%。其中，城市上涨0.3%，农村上涨0.3%).
      const back = /^\s*其中/.test(text.slice(sStart, sStart + 6)) ? sentenceStart(text, Math.max(0, sStart - 1)) : sStart;
      let whole: Figure | undefined;
      for (let k = out.length - 1; k >= 0 && !whole && out[k].end > back; k--) {
        const f = out[k];
        if (f.label && !BREAKDOWN_PART.test(f.label) && CHANGE_AT_END.test(f.label)) whole = f;
      }
      label = whole ? m[1] + subject(whole.label) + m[2] : label;
    } else if (prev?.label && VERSUS.test(raw.trim()) && /^左右|目标/.test(after)) label = prev.label;
    // …占地区生产总值的比重为38.2%，比重较上年提升5.5个百分点: the share named again before its change is the share's.
    else if (prev?.label && /(?:比重|占比)$/.test(subject(prev.label)) && SHARE_AGAIN.test(raw.replace(COMPARISON, ''))) {
      label = subject(prev.label) + raw.replace(COMPARISON, '').replace(/^[，,]?(?:所占比重|比重|占比)/, '');
      borrowed = true;
    } else if (
      prev?.label &&
      subject(prev.label) &&
      // The figure before is a level (地区生产总值1468.52亿元), not a change of its own (…增长6%，增速8%: two rates) nor a share
      // or a part of a plan (占全市的25%, 为年初预算的102%).
      !CHANGE_AT_END.test(prev.label) &&
      prev.unit !== '%' &&
      !/占|比重|的/.test(prev.label) &&
      /^(?:可比价格?|可比|同比)?(?:增速|增幅)$/.test(label) &&
      /^[，,]?\s*(?:可比价格?|可比|同比)?(?:增速|增幅)(?:为|达到|达)?$/.test(raw.trim())
    ) {
      // 地区生产总值1468.52亿元，可比价增速7.7%: the rate of the figure before it.
      label = subject(prev.label) + label.replace(/^(?:可比价格?|可比|同比)/, '');
      borrowed = true;
    } else if (/^(?:比|较|同比)/.test(raw) && !VERB_ONLY.test(label)) label = '';
    else if (VERB_ONLY.test(label) || /^(?:转为|转而)/.test(label)) {
      // A clause that is only a verb borrows the subject of the figure before it in the sentence.
      const verb = label.replace(/^(?:转为|转而)/, '');
      // 新增 and 多增 name what they add when a noun follows (新增100万亩高标准农田): that noun, not the subject before.
      const adds = /^(?:新增|多增)$/.test(verb);
      const noun = adds ? nounAfter(text, end, MEASURE_ANY) : null;
      // A multiple in between with no label of its own (地区生产总值完成75亿元，是2003年的2.3倍，年均递增19.1%) or the excess over
      // a plan (固定资产投资完成17亿元，超额完成年度任务2.1亿元，增长20.6%) is the same quantity's: the subject is the figure's before it.
      const before = out.length >= 2 ? out[out.length - 2] : undefined;
      const between = prev && ((!prev.label && prev.unit === '倍') || /^(?:超额完成|超过|超出)|^[为占][^，。；]{0,8}计划的?$/.test(prev.label));
      const lender = between && before?.label && before.end > sStart ? before : prev;
      const borrow =
        lender?.label &&
        subject(lender.label) &&
        new RegExp(`^(?:[两三四五]年平均|年均|平均|实际|净|可比价格?|可比|同口径)?${CHANGE}$`).test(verb) &&
        !(adds && /率$/.test(subject(lender.label)));
      // After a share (…占一般公共预算收入的比重为80.1%，同口径增长5.2%), a change in percent is its part's; in points
      // (…占地区生产总值的比重为13.15%，比上年提高1.37个百分点) it is the share's.
      const points = /百分点$/.test(unit);
      const borrowed_ = borrow ? (!points && /^(.{2,}?)占/.exec(subject(lender!.label))?.[1]) || subject(lender!.label) : '';
      label = noun ?? (borrow ? borrowed_ + verb : (nounAfter(text, end, MEASURE_ANY) ?? ''));
      // A subject of the longest kept and its change (…网上商品零售额 + 增长): the subject was kept, so is its change.
      borrowed = noun === null && !!borrow;
    } else if (right && /^(?:以上|以下)?的/.test(raw)) {
      // A threshold and the noun it qualifies (年收入超50万元的经济强村5个, 投资1亿元以上的项目12个): the count is the noun's,
      // and the threshold is no figure of the year. Any other figure before 的 (增长5%的速度) leaves no label.
      const named = cleanLabel(raw.replace(/^(?:以上|以下)?的/, ''), false);
      const threshold =
        !respective &&
        prev !== undefined &&
        prev.unit !== unit &&
        /^(?:万)?(?:个|家|项|所|座|户|名|处|条|件|批|宗)$/.test(unit) &&
        (/(?:超过?|高于|大于|不低于|不少于)$/.test(text.slice(Math.max(sStart, prev.start - 3), prev.start)) || /^以上/.test(raw)) &&
        acceptable(named) &&
        !VERB_ONLY.test(named) &&
        !/[的在]/.test(named);
      if (threshold) out.splice(out.indexOf(prev), 1);
      label = threshold ? named : '';
    }
    // 人均GDP17861元（折合2805美元）, …按2024年平均汇率计算为10283美元: the same quantity in another currency.
    if (
      prev?.label &&
      subject(prev.label) &&
      CONVERSION.test(
        text
          // The clause before the figure only: a sentence with no end and parentheses that never close is not read again
          // at every figure.
          .slice(Math.max(prev.end, start - 40), start)
          .replace(/[（(][^）)]*[）)]/g, '')
          .replace(/[\s（）()]/g, ''),
      )
    )
      label = subject(prev.label);
    // The net of the flow before it (人才流入32.6万人，净流入15.8万人): the same subject's.
    if (prev?.label && /^净[\u4e00-\u9fff]{2,4}$/.test(label) && prev.label.endsWith(label.slice(1)) && prev.label.length >= label.length + 1)
      label = prev.label.slice(0, prev.label.length - label.length + 1) + label;
    // A count that is a clause of its own after a comma (县长信箱收到信件,183条,答复183条): the clause before, with no figure
    // of its own, names it.
    if (!label && !raw.trim() && at > 0 && /[，,]/.test(text[at - 1]) && /^[，,。；;]|^$/.test(after.slice(0, 1))) {
      const before = clauseBefore(text, Math.max(sStart, prev ? prev.end : 0), at - 1);
      const named = before.raw.trim() ? cleanLabel(before.raw, false) : '';
      if (before.at >= (prev ? prev.end : 0) && acceptable(named) && !VERB_ONLY.test(named)) label = named;
    }
    // 全年安排20多万元，用于普法宣传教育经费等工作: money with no name of its own is named by what it is for.
    if (!label && unit.endsWith('元')) {
      const purpose = PURPOSE.exec(text.slice(end, end + 40));
      // Not words that point back (此项工作, 上述工作, 其他) nor a bare verb (用于建设, 用于支付): no name.
      if (purpose && purpose[1].length >= 4 && !/^(?:此|该|上述|以上|这|其他|其它|各项|相关)/.test(purpose[1]) && !FRAGMENT.test(purpose[1]))
        label = purpose[1];
    }
    // 保持40%以上增长: the change verb after the figure belongs to its label.
    const changeAfter = /^(?:以上|左右)?的?(增长|下降)(?![到至])/.exec(after);
    if (label && changeAfter && !CHANGE_AT_END.test(label)) label += changeAfter[1];
    // 交通、能源、水利分别完成投资3252亿元、2140亿元: the values after 分别 are the subjects' in turn. No label
    // here; when the list of values ends, each gets its subject's when the subjects and the values are as many.
    // The same without 分别, when a list of values follows: 小麦面积和产量是95517亩和37554吨 (a list of subjects), then
    // ，比上年增长5.1%和4.6% (a change of the subjects before it in the sentence). Labelled only when they are as many.
    const ownVerb = respective && prev && right ? OWN_VERB.exec(raw.trim()) : null;
    // (A value's 左右 or 以上 before the next: 分别增长8%左右和8.5%左右.)
    const member = respective && prev && right && (/^(?:左右|以上|以内|以下)?[、和及与]$/.test(raw.trim()) || ownVerb !== null);
    if (member && ownVerb) {
      ownVerbs.set(out.length, ownVerb[1]);
      // The first value's verb is the list's own (分别比上年上升0.1、上升0.4): kept for it.
      const first = VERB_AT_END.exec(respective!.raw);
      if (first && !ownVerbs.has(respective!.first)) ownVerbs.set(respective!.first, first[0]);
    }
    const listAhead = !member && /^(?:左右|以上|以内|以下)?[、和及与]\s*[-−－]?[0-9０-９]/.test(text.slice(end, end + 6));
    if (/分别/.test(raw)) {
      finish();
      label = '';
      respective = { first: out.length, raw, sentence: sStart, implicit: false, afterDigit: at > 0 && /[0-9０-９]/.test(text[at - 1]) };
    } else if (!member) {
      finish();
      const cleaned = cleanLabel(raw, false);
      // Not a list of objects after a verb (改造老旧供热、燃气、排水管网800公里、600公里、300公里: what is shared is not known).
      // …or 城乡 (城乡居民人均可支配收入29407元、13504元: 城镇 and 农村 in turn).
      if (
        listAhead &&
        (/[\u4e00-\u9fff][、和及与][\u4e00-\u9fff]/.test(cleaned) || /^城乡../.test(cleaned)) &&
        !/[，,；;]/.test(raw) &&
        !LIST_VERB.test(cleaned)
      )
        // The change verb after the subjects is every subject's (城镇…收入和农村…纯收入实际增长8.4％和11.4％).
        respective = {
          first: out.length,
          raw: cleaned.replace(CHANGE_AT_END, (v) => `分别${v}`).replace(/^(?!.*分别)(.*)$/, '$1分别'),
          sentence: sStart,
          implicit: true,
          afterDigit: at > 0 && /[0-9０-９]/.test(text[at - 1]),
        };
      // …and a change of the levels labelled one by one before it (客运量44.2亿人、旅客周转量1736.3亿人公里，同比增长8.73%和18.11%):
      // each level's, when they are as many (labelledBefore).
      else if (listAhead && VERB_ONLY.test(cleaned)) {
        const own = hasSubjects(sStart);
        const levels = own ? undefined : levelsBefore(sStart);
        if (own || (levels ?? 0) >= 2)
          respective = { first: out.length, raw: `分别${raw.replace(/^[，,]/, '')}`, sentence: sStart, implicit: true, afterDigit: false, levels };
      }
    }
    // 第一产业增加值102.4亿元，增长5.8%，增速比上年下降2.7个百分点: the change of a rate with no subject is the subject's of the
    // change before it.
    if (prev?.label && RATE_CHANGE.test(label) && CHANGE_AT_END.test(prev.label) && subject(prev.label)) {
      const full = subject(prev.label) + label;
      if (acceptable(full)) label = full;
    }
    // The level reached after a threshold is the threshold's subject's, whatever a change before it lends (…增长8%；财政总收入首次
    // 突破100亿元大关，达107.64亿元).
    if (crossed) label = crossed;
    // This year's level after last year's, which was no figure (城镇化率由上年的55.1%提高到56.3%): the subject before 由.
    if (lastYears?.subject && lastYears.before >= sStart && lastYears.before < start && LAST_YEAR_VERB.test(raw.trim())) label = lastYears.subject;
    // A list too long for a label, with the kind of its items after 等 (执法协同、普法宣传、涉企法治服务等重大问题近10项): that kind.
    if (!label || !acceptable(label)) {
      const kind = LIST_THEN_KIND.exec(raw);
      // A kind that is a counted noun (重大问题, 信息数据, 综合治理工程, 重点领域信息), not a field's words and a verb (…等领域应用落地).
      // The fields' word before the kind goes (…等方面信息 → 信息), and a disclosure's verb before the list names it
      // (主动公开涉及…、…等方面信息 → 主动公开信息).
      const named = kind ? kind[1].replace(/^(?:方面|领域|行业)(?=[\u4e00-\u9fff]{2})/, '') : '';
      if (kind && acceptable(named) && !/^(?:领域|方面|行业|地区|等)/.test(named) && (COUNTED_NOUN.test(named) || LIST_KIND.test(named))) {
        const verb = named !== kind[1] ? DISCLOSED_LIST.exec(raw) : null;
        label = verb && acceptable(verb[1] + named) ? verb[1] + named : named;
      }
    }
    // 新增规上工业企业189家，总数达1053家: the total reached after what was added is the same noun's, in the same unit.
    if (
      !label &&
      prev?.label &&
      prev.unit === unit &&
      /^(?:万)?(?:家|户|个|所|座|项)$/.test(unit) &&
      ADDED.test(prev.label) &&
      /^[，,、]?\s*(?:总数|总量|总计|累计)?(?:达到?|为|增至|增加到|增加至)$/.test(raw.trim()) &&
      text.slice(prev.end, at).length <= 2
    ) {
      const noun = prev.label.replace(ADDED, '');
      const total = /总数|总量|总计|累计/.test(raw) ? `${noun}总数` : noun;
      if (acceptable(total)) label = total;
    }
    // 全市生产总值突破千亿元大关，比上年增长12%: a threshold with no figure names the subject of the change after it.
    if (!prev && (!label || VERB_ONLY.test(label))) {
      const over = CROSSED_CLAUSE.exec(text.slice(sStart, at));
      const whose = over ? cleanLabel(over[1], false) : '';
      // (A change after a comparison, 比上年增长, has no label of its own here: its verb.)
      const verb = label || (CHANGE_AT_END.exec(raw.replace(COMPARISON, '').trim())?.[0] ?? '');
      if (whose && acceptable(whose + verb)) label = whose + verb;
    }
    // The verb of a threshold crossed is no part of the label (财政收入迈上40亿元新台阶 → 财政收入).
    if (label.length > 4) label = label.replace(CROSSED_AT_END, '');
    if (!acceptable(label) && !(borrowed && acceptable(subject(label)))) label = '';
    // 第一产业增加值29446万元，增长0.7%，占生产总值的比重为2.8%: a share with no subject of its own is the subject's
    // of the figure before it in the sentence.
    // The part is a quantity, not a rate (森林覆盖率65%，占…) nor a target.
    if (SHARE_ONLY.test(label) && prev?.label && subject(prev.label) && !/^占|率$|目标/.test(subject(prev.label))) {
      const full = shareOf(subject(prev.label) + label) ?? subject(prev.label) + label;
      if (acceptable(full)) label = full;
    }
    // A measure with no subject (蔬菜播种面积3938公顷，…，产量106551吨; 农林牧渔业总产值…，增加值37.90亿元; …占…的比重为29.7%，所占
    // 比重比上年提高…; 实施城市更新项目45个、总投资86亿元): the subject of the figure before it in the sentence.
    if (prev?.label && BARE_MEASURE.test(label)) {
      const whole = label.replace(/^所占/, '');
      const share = /^(?:比重|占比)/.test(whole);
      const of = share ? (/占.+(?:比重|比例)$/.test(subject(prev.label)) ? subject(prev.label) : null) : subjectOf(subject(prev.label));
      // A school's or a hospital's measure (在校学生, 床位) is an institution's (普通中学, 在蓉高校, 救助管理站), never people's
      // (卫生技术人员床位, 在园幼儿专任教师).
      // A project's investment (实施城市更新项目45个、总投资86亿元) is projects' or firms', never a verb's (推进37个、总投资…的…项目).
      const base =
        of && ((INSTITUTION_MEASURE.test(whole) && PEOPLE.test(of)) || (INVESTMENT_MEASURE.test(whole) && !/[\u4e00-\u9fff](?:项目|工程|企业)$/.test(of)))
          ? null
          : of;
      const full = base && (share ? base + whole.replace(/^(?:比重|占比)/, '') : base + whole);
      if (full && acceptable(full)) label = full;
    }
    // 维持的528宗，占58.2%: an unlabelled share right after a labelled figure is that figure's share; after its change
    // (民生支出528亿元，增长6.1%，占比73.9%), its subject's.
    if (!label && prev?.label && unit === '%' && SHARE.test(text.slice(prev.end, start))) label = `${subject(prev.label) || prev.label}占比`;
    // A change against a year long before the report's (人均GDP12668元，比2000年增长218.29%, in 2007's communiqué): the year stays in
    // the label, which would read as a change on the year before.
    const since = context.year ? SINCE_YEAR.exec(raw) : null;
    if (since && label && Number(since[1]) <= context.year! - 3 && CHANGE_AT_END.test(label) && !label.includes(since[0])) {
      const verb = CHANGE_AT_END.exec(label)![0];
      const full = `${label.slice(0, label.length - verb.length)}${since[0]}${verb}`;
      // (A label's digits are a number left over, but for this year's.)
      if (full.length <= LISTED_LABEL) label = full;
    }
    const clause = text.slice(at, start);
    out.push({
      label,
      value,
      unit,
      text: text.slice(start, end),
      // A plan's completion in percent (年度计划完成112%, 完成年度投资计划的115.6%, 占年度计划的110%; 完成省定目标的100%, 完成年度
      // 任务的105%) is a result, but in a plan.
      kind:
        unit === '%' &&
        context.part !== 'plan' &&
        /(?:完成[^，。；]{0,10}(?:计划|目标|任务)的?|(?:计划|目标|任务)完成率?|[占为][^，。；]{0,8}计划的?)$/.test(clause) &&
        // …not one a modal word sets (确保完成年度目标任务的100%, 力争…).
        !INTENT_BEFORE_COMPLETION.test(text.slice(Math.max(sStart, start - 30), start))
          ? 'result'
          : forecast(text.slice(Math.max(sStart, start - SENTENCE_WINDOW), start), context.year)
            ? 'target'
            : kindOf(clause, after, sentence, context.part, context.done && !laterYear(sentence, context.year)),
      start,
      end,
      sentence,
      paragraph: context.paragraph ?? '',
    });
  }
  finish();
  ofParent(text, out);
  const found = withoutUnit(text, sectorRatios(text, out, context), context);
  if (text === given) return found;
  // The figures as printed (974.OO亿元): their text and sentence from the given text, at the same offsets.
  for (const f of found) {
    f.text = given.slice(f.start, f.end);
    const at = text.lastIndexOf(f.sentence, f.start);
    if (at >= 0) f.sentence = given.slice(at, at + f.sentence.length);
  }
  return found;
}

/** The economy's structure by its three sectors, named before a ratio (三次产业结构, 一二三产业比例, 三产比重…). */
const SECTOR_STRUCTURE = /(?:三 ?次 ?产 ?业|[一二三]、?[二三]、?三产业|三大产业|三产) ?(?:增加值)?(?:的)?(?:结构|比例|之比|比重|构成|占比)/g;
/**
 * Three numbers joined by colons (9.5:39.8:50.7, full-width ：, the ratio sign ∶, the presentation forms ︰ and ﹕ some
 * sites print), each maybe in percent (5.93%∶78.95%∶15.12%).
 */
const RATIO_COLONS = ':：∶︰﹕';
const RATIO_TERM = '([0-9０-９]+(?:[.．][0-9０-９]+)?)[%％]?';
const RATIO3 = new RegExp(`${RATIO_TERM}\\s*[${RATIO_COLONS}]\\s*${RATIO_TERM}\\s*[${RATIO_COLONS}]\\s*${RATIO_TERM}(?![0-9０-９.．${RATIO_COLONS}])`, 'g');
const RATIO_COLON = new RegExp(`[${RATIO_COLONS}]`);
/**
 * What puts a ratio in the past: 由上年的9.8:40.1:50.1 (调整为…), 由“十二五”末的…, 由五年前的…, 比上年同期的…; a year's own
 * before another's (2022年…为9.8:40.1:50.1，2023年调整为…) is told by the later one.
 */
const FROM_BEFORE = /(?:(?:由|从)[^，,。；;：:0-9０-９]{0,10}|(?:比|较)(?:上年|去年|上一年|前|同期|(?:19|20)\d\d)[^，,。；;：:0-9０-９]{0,8})$/;
/** Another measure by sector after a comma (…，三次产业对经济增长的贡献率为…, 从业人员比为…, 农林牧渔之比为…): not the structure's ratio. */
const OTHER_RATIO = /贡献|拉动|从业|就业|人员|人口|投资|农林牧渔|之比|比为|比例为/;
const SECTOR_NAMES = ['第一产业', '第二产业', '第三产业'];

/**
 * 三次产业结构为9.5:39.8:50.7: each term is a sector's share of the economy in percent, labelled as a communiqué
 * labels the shares it writes out (第一产业增加值占地区生产总值比重), so that the years that write the one and the
 * other follow one line. The ratio the sentence moves from (由上年的9.8:40.1:50.1调整为…) is no figure of the year, and of
 * two the later is; three terms that do not sum to about 100 are no shares, nor is a ratio of another measure that a later
 * clause of the sentence names. A ratio is read once, and not where the paragraph writes the same shares out.
 */
function sectorRatios(text: string, out: Figure[], context: FigureContext): Figure[] {
  if (!text.includes('产') || !RATIO_COLON.test(text)) return out;
  const added: Figure[] = [];
  const taken = new Set<number>();
  // The whole is the paragraph's own: 国内生产总值 where only the nation's is named.
  const whole = text.includes('国内生产总值') && !text.includes('地区生产总值') ? '国内生产总值' : '地区生产总值';
  // The sectors' shares the paragraph writes out, by label and value.
  // A sector's share written short after the first (第二产业增加值比重为25.4%, 第三产业占比…) counts as the same share.
  const written = new Set(
    out
      .filter((f) => /^第[一二三]产业(?:增加值)?(?:占|比重|所占比重|占比)/.test(f.label) && f.unit === '%')
      .map((f) => `${f.label.slice(0, 4)}增加值占${whole}比重|${f.value}`),
  );
  for (const m of text.matchAll(SECTOR_STRUCTURE)) {
    let end = m.index + m[0].length;
    while (end < text.length && end < m.index + 80 && !SENTENCE_END.test(text[end]) && !/[；;]/.test(text[end])) end++;
    const clause = text.slice(m.index, end);
    let chosen: RegExpExecArray | null = null;
    for (const r of clause.matchAll(RATIO3)) {
      const at = m.index + r.index;
      const gap = text.slice(m.index + m[0].length, at);
      const lastClause = gap.split(/[，,]/).pop() ?? '';
      if (/[，,]/.test(gap) && OTHER_RATIO.test(lastClause)) break;
      if (FROM_BEFORE.test(text.slice(Math.max(0, at - 12), at))) continue;
      const values = [r[1], r[2], r[3]].map((v) => parseNumber(v));
      const sum = values[0] + values[1] + values[2];
      if (sum >= 97 && sum <= 103) chosen = r;
    }
    if (!chosen) continue;
    const r = chosen;
    const at = m.index + r.index;
    if (taken.has(at)) continue;
    taken.add(at);
    const values = [r[1], r[2], r[3]].map((v) => parseNumber(v));
    // The terms' offsets, each number as printed.
    let from = at;
    // Its sentence: from the last sentence end before it (a plan's 要 in the sentence before is not its own).
    const sentence = text.slice(sentenceStart(text, m.index), end + 1).trim();
    const kind = kindOf(text.slice(m.index, at), text.slice(at + r[0].length, end), sentence, context.part, context.done);
    [r[1], r[2], r[3]].forEach((printed, i) => {
      const start = text.indexOf(printed, from);
      from = start + printed.length;
      const label = `${SECTOR_NAMES[i]}增加值占${whole}比重`;
      const hit = overlapping(out, start, from);
      if (hit >= 0) {
        // A term in percent is a figure already (5.93%∶78.95%∶…): it takes its sector's label.
        if (out[hit].start === start && out[hit].unit === '%') out[hit] = { ...out[hit], label, kind };
        return;
      }
      // The same share written out in the paragraph (第一产业增加值占地区生产总值比重为9.5%，…): once.
      if (written.has(`${label}|${values[i]}`)) return;
      added.push({
        label,
        value: values[i],
        unit: '%',
        text: printed,
        kind,
        start,
        end: from,
        sentence,
        paragraph: context.paragraph ?? '',
      });
    });
  }
  return added.length ? [...out, ...added].sort((a, b) => a.start - b.start) : out;
}

/**
 * A measure printed with no unit after 为 (常住人口性别比(以女性为100)为102.08, 居民消费价格指数为101.5, 基尼系数为0.46): a
 * figure whose unit is ''. Only a sex ratio, an index or a coefficient, its number ending the clause (not 指数为2019年以来最好,
 * 系数为1.5的堤防), and not an index's base (以上年价格指数为100): any other number with no unit is no figure.
 */
const UNITLESS =
  /(?<!以(?:上年|上月|(?:19|20)\d{2}年)[^，。；,;（(]{0,10})(?:性别比|指数|系数)(?:[（(][^（()）]{0,40}[)）])?\s*(?:为|是|达到|达)\s*([0-9]+(?:\.[0-9]+)?)(?=\s*(?:[，。；,;、！？()（）]|$|左右|以上|以下|以内))/g;

function withoutUnit(text: string, out: Figure[], context: FigureContext): Figure[] {
  if (!/性别比|指数|系数/.test(text)) return out;
  const added: Figure[] = [];
  for (const m of text.matchAll(UNITLESS)) {
    const end = (m.index ?? 0) + m[0].length;
    const start = end - m[1].length;
    if (overlapping(out, start, end) >= 0) continue;
    const label = figureLabel(text.slice(0, start));
    if (!label) continue;
    const sStart = sentenceStart(text, start);
    let sEnd = end;
    while (sEnd < text.length && sEnd < end + SENTENCE_WINDOW && !SENTENCE_END.test(text[sEnd])) sEnd++;
    const sentence = text.slice(sStart, sEnd + 1).trim();
    const kind = forecast(text.slice(sStart, start), context.year)
      ? 'target'
      : kindOf(text.slice(sStart, start), text.slice(end, sEnd), sentence, context.part, context.done);
    added.push({ label, value: parseNumber(m[1]), unit: '', text: m[1], kind, start, end, sentence, paragraph: context.paragraph ?? '' });
  }
  return added.length ? [...out, ...added].sort((a, b) => a.start - b.start) : out;
}

/** Where the sentence around `at` starts: after the last sentence end before it, at most SENTENCE_WINDOW back. */
function sentenceStart(text: string, at: number): number {
  let s = at;
  while (s > 0 && s > at - SENTENCE_WINDOW && !SENTENCE_END.test(text[s - 1])) s--;
  return s;
}

/** The index of the figure of `sorted` (in order of their starts, none overlapping) that overlaps [start, end), or -1. */
function overlapping(sorted: Figure[], start: number, end: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].start < end ? lo : -1;
}

/**
 * The subjects of a 分别 with none of its own (nothing before it but a comparison or an adverb: not …，累计分别达到), when as
 * many figures come right before it in the sentence, each labelled and none a change (猪存栏73838头、猪出栏21932头，分别增长
 * 7.6%和22.6% → 猪存栏增长, 猪出栏增长); else null.
 */
function labelledBefore(out: readonly Figure[], first: number, n: number, sentence: number, raw: string): { items: string[]; bases: string[] } | null {
  const own = raw
    .slice(0, raw.lastIndexOf('分别'))
    .replace(COMPARISON, '')
    .replace(/[，,、；;：:\s]|均|都|也|还|同比/g, '');
  // A measure of its own after the sectors' figures (三次产业结构调整为8.3:35.4:56.3，对GDP增长的贡献率分别为…): the sectors'.
  const measure = own.length <= 14 && /(?:率|比重|占比)$/.test(own);
  if (first < n || (own && !measure)) return null;
  const before = out.slice(first - n, first);
  if (before.some((f) => f.start < sentence || !f.label || CHANGE_AT_END.test(f.label))) return null;
  const items = before.map((f) => f.label);
  const bases = items.map((l) => /^第[一二三]产业/.exec(l)?.[0] ?? '');
  if (measure) return new Set(bases).size === n && bases.every(Boolean) ? { items, bases } : null;
  return new Set(items).size === n ? { items, bases: items } : null;
}

/** A project's investment: whose it is is the projects' (or firms') counted before it. */
const INVESTMENT_MEASURE = /^(?:总投资|计划总投资|投资总额|投资规模)/;
/** The measures of a school or a hospital: whose they are is an institution's name. */
const INSTITUTION_MEASURE = /^(?:在校学生|在校生|招生|毕业生|专任教师|床位|病床)/;
/**
 * A measure that names no subject of its own, maybe with its change (产量, 增加值, 总产值增长, 所占比重提高; a project's 总投资;
 * a school's 在校学生, a hospital's 床位; a sector's 对GDP增长的贡献率 or 拉动经济增长 after its own figures).
 */
const BARE_MEASURE = new RegExp(
  `^(?:所占比重|比重|占比|总产量|产量|增加值|总产值|产值|${INVESTMENT_MEASURE.source.slice(4, -1)}|营业收入|利润总额|销售收入|${INSTITUTION_MEASURE.source.slice(4, -1)}|对(?:GDP|经济|地区生产总值|国内生产总值|生产总值)增长的?贡献率|贡献率|拉动(?:GDP|经济|地区生产总值)?增长)(?:${CHANGE.slice(3, -1)})?$`,
);
/** People, whose a school's or a hospital's measure never is (卫生技术人员, 在园幼儿, 注册护士, 在学研究生, 农民工). */
const PEOPLE = /(?:人员|研究生|幼儿|学生|儿童|护士|医师|医生|教师|职工|农民工|人口|员工|[^院]生|人)$/;
/** What a measure's label is of: 蔬菜播种面积 → 蔬菜, 农林牧渔业总产值 → 农林牧渔业, 资质以上建筑企业 (a count's) → itself. */
const OF_MEASURE =
  /^(.{2,14}?)(?:播种面积|种植面积|面积|总产量|产量|总产值|产值|增加值|营业收入|销售收入|利润总额|在校学生|在校生|招生|毕业生|专任教师|床位|病床|对(?:GDP|经济|地区生产总值|国内生产总值|生产总值)增长的?贡献率)$/;
function subjectOf(label: string): string | null {
  // A measure alone (招生, 在校生) is the subject of nothing after it.
  if (BARE_MEASURE.test(label)) return null;
  const m = OF_MEASURE.exec(label);
  if (m) return m[1];
  // A count of units (企业, 单位, 项目): the units' measure follows; so does a crop's or a product's area (果用瓜1107公顷), a
  // short name that is no measure itself (not 地区生产总值, 收入, 比重).
  if (/(?:企业|单位|项目|行业|产业)$/.test(label) && label.length >= 4) return label;
  return /^[\u4e00-\u9fff]{2,6}$/.test(label) && !/[值额率数量入出费价资重比总]$/.test(label) ? label : null;
}

/** A part of the economy whose sectors a communiqué breaks down: 民营经济, 非公有制经济, 区本级. */
const ECONOMY_PART = /^(?:民营经济|非公有制经济|非公经济|民营|[区县市]本级(?:地区)?)$/;
/** A total of such a part (民营经济增加值, 区本级地区生产总值). */
const PARENT_TOTAL = /^(.{2,10}?)(?:地区生产总值|生产总值|增加值|GDP)$/;

/**
 * The sectors of a part of the economy (民营经济增加值83.75亿元…，其中，第一产业增加值5.23亿元; 民营经济中，第一产业增加值…; 区本级
 * 地区生产总值…其中，一、二、三产业增加值分别为…): their labels say whose, or they read as the place's own 第一产业增加值. Only
 * such parts: a place's own total (黄山市实现地区生产总值…，其中，…) and 在固定资产投资中，第一产业投资… are the place's.
 */
function ofParent(text: string, out: Figure[]): void {
  for (let k = 0; k < out.length; k++) {
    const f = out[k];
    if (!/^第[一二三]产业/.test(f.label)) continue;
    let parent: string | null = null;
    // The nearest total before it in the sentence (the first met: its sectors' labels are no totals to look past).
    for (let j = k - 1; j >= 0 && j >= k - 12 && out[j].sentence === f.sentence; j--) {
      const m = PARENT_TOTAL.exec(out[j].label);
      if (!m) continue;
      if (ECONOMY_PART.test(m[1]) && f.start - out[j].end <= 200 && text.slice(out[j].end, f.start).includes('其中')) parent = m[1];
      break;
    }
    if (!parent) {
      const head = /(民营经济|非公有制经济|非公经济)中[，,：:]\s*$/.exec(
        text.slice(Math.max(0, f.start - 40), f.start).replace(/第[一二三]产业[^，,：:]*$/, ''),
      );
      if (head) parent = head[1];
    }
    if (parent && !f.label.startsWith(parent)) f.label = parent + f.label;
  }
}

/**
 * The labels of `n` values after 分别, from the clause before the first (户籍人口、常住人口分别为): one subject a value,
 * in order, each with the verb after 分别. A noun after the last subject is all the subjects' when the others are as
 * long as the first (第一产业、第二产业和第三产业增加值, 城镇、农村居民人均可支配收入). A clause with no subjects of its own
 * (…，分别比上年末增加) takes `earlier`, those of the list before it in the sentence. Null when the subjects and the values
 * are not as many, or a label is not one to keep: no label is better than another value's.
 */
/** A verb that opens a list of objects, not of subjects. */
const LIST_VERB = /^(?:改造|建设|新建|新增|建成|完成|实施|推进|开工|治理|整治|修复|打造|培育|引进|新改建|改扩建)/;
/** Nouns of measure a list of subjects can share, written after the last (…货物和集装箱吞吐量). */
const SHARED_NOUN =
  /(?:行业|产业|企业|领域)?(?:人次|营业收入|主营业务收入|增加值|总产值|产值|产量|吞吐量|发送量|周转量|货运量|客运量|零售额|销售额|营业额|成交额|总额|余额|收入|支出|投资|利润|税收|人数|数量|面积|价格|指数|排放量|消费量|用水量|用电量|出口额|进口额|进出口|出口|进口|普及率|覆盖率|利用率|达标率|处理率|合格率|优良率|入学率|参保率|治理率|绿化率|建成率|案件|贷款|规模|投资额|业务量|交易额|交易量|规范性文件)$/;

/** The end of a subject that names its measure: 户籍人口, 毛入园率, 巩固率, 游客人次, 能耗 (not 化学需氧量, a substance). */
const COMPLETE = /(?:额|值|率|耗|人次|[人起件个户次]数|人口|收入|支出|投资|利润|税收|价格|指数|面积|规模|贷款|存款|比重|[产销总数存用]量)$/;
/** How much of `noun`'s start `subject` ends with (科技型中小企业 + 企业数量: 2), so that it is not written twice. */
function overlap(subject: string, noun: string): number {
  for (let k = Math.min(subject.length, noun.length - 1); k > 0; k--) if (subject.endsWith(noun.slice(0, k))) return k;
  return 0;
}

function respectiveLabels(
  raw: string,
  units: readonly string[],
  before_: { items: string[]; bases: string[] } | null,
  afterDigit: boolean,
  sentence = '',
): { labels: string[]; items: string[]; bases: string[] } | null {
  const n = units.length;
  const at = raw.lastIndexOf('分别');
  // An adverb between the subjects and 分别 is every value's (…纯收入年均分别增长): 年均 and 实际 stay with the verb. A
  // year's digits end the clause before its 年 (2023年城镇、农村…: the clause opens with 年; not 年初预算).
  const before = raw
    .slice(0, at)
    .replace(/[“”"‘’《》〈〉\s]/g, '')
    .replace(afterDigit ? /^年(?:末|底|度|初)?/ : /^$/, '');
  const adverbs = /(?:年均|平均|实际|预计|预期|均|都|也|还|要|将|力争|争取|确保|拟|继续|进一步|再)+$/.exec(before)?.[0] ?? '';
  const verb = (adverbs.match(/年均|平均|实际/g) ?? []).join('') + raw.slice(at + 2);
  const head = cleanHead(before.slice(0, before.length - adverbs.length));
  // The subjects of the list before in the sentence: whole (…支出分别为…，分别增长…; 分别占…), by their sectors' names when
  // this one names a pull or a contribution of its own (…贡献率分别为…，分别拉动GDP增长…).
  const earlier = before_ ? (/拉动|贡献/.test(verb) ? before_.bases : before_.items) : null;
  let items: string[] | null = null;
  if (!/[、和及与]/.test(head)) {
    // 城乡居民人均可支配收入分别增长6.5%和8.1%: 城乡 is 城镇 and 农村.
    if (n === 2 && /^城乡./.test(head)) items = [`城镇${head.slice(2)}`, `农村${head.slice(2)}`];
    // 三次产业对GDP增长的贡献率分别为…: 第一产业, 第二产业, 第三产业.
    else if (n === 3 && /^三次产业./.test(head)) items = expanded([head]);
    // 三次产业分别拉动地区生产总值增长0.8、2.0和3.4个百分点: the sectors alone, the verb naming the measure.
    else if (n === 3 && /^(?:三次产业|三大产业)$/.test(head)) items = [...SECTOR_NAMES];
    else if (!head && earlier?.length === n) items = earlier;
    // A measure of its own with no subjects (三次产业占GDP比重分别为…，经济增长贡献率分别为…): the sectors' of the list before.
    else if (head && head.length <= 12 && /(?:率|比重|占比|贡献)$/.test(head) && !/[，,]/.test(head)) {
      // …or the three sectors the sentence named before (三次产业结构调整为8.3:35.4:56.3，对GDP增长的贡献率分别为…). Only the
      // sectors: a measure after other subjects (小学、初中入学率分别为…，巩固率分别为…) is not theirs to add to; a share of them
      // (…增加值分别增长…，占规模以上工业比重分别为…) is, whole.
      const sectors = before_?.bases.length === n && before_.bases.every((b) => /^第[一二三]产业$/.test(b));
      const bases = sectors
        ? before_!.bases
        : before_?.items.length === n && /^占/.test(head)
          ? before_.items
          : n === 3 && /三次产业|[一二]、二、三产业|第一、二、三产业/.test(sentence)
            ? SECTOR_NAMES
            : null;
      items = bases ? bases.map((b) => b + head) : null;
    }
  } else items = ((parts) => parts && expanded(parts))(splitSubjects(head, n));
  // 第一、二、三产业 (not expanded): a subject cut to one character is no subject.
  // …贷款、三农贷款增速比各项贷款平均增速分别高: a comparison in the last subject is every subject's, which this does not share out.
  if (!items || n < 2 || items.length !== n || items.some((p) => p.length < 2 || /(?<!占)比(?![重例率])/.test(p))) return null;
  const first = items[0].length;
  const last = items[n - 1];
  if (items !== earlier) {
    // The noun after the last subject is the others' too: a share or a rate of each in percent (…总额占比; not a subject
    // that is a rate itself, 城镇化率, nor a figure in 亿元); what it has past the first's length when the subjects are
    // parallel, ending alike (第一产业、第三产业增加值; 城镇、农村居民人均可支配收入); else a noun of measure it ends with
    // (货物和集装箱吞吐量, 刑事、治安案件, 信息传输、租赁和商务服务业增加值). A subject that names its own measure (接待游客人次、
    // 经营收入) takes none; one that has none, among others that have theirs (…巩固率、高中阶段和高等教育毛入学率), gets no label.
    const own = (p: string) => COMPLETE.test(p) || SHARED_NOUN.test(p);
    // A subject that ends in 业 takes the noun without its 产业/行业 (制造业 + 产业贷款 → 制造业贷款).
    const joined = (p: string, tail: string) => {
      const t = p.endsWith('业') ? tail.replace(/^(?:行业|产业|企业)(?=..)/, '') : tail;
      return p.endsWith(t) ? p : p + t.slice(overlap(p, t));
    };
    const ratio = RATIO_NOUN.exec(last)?.[0] ?? '';
    const head0 = last.slice(0, first);
    const byLength = last.length > first + 1 && items.slice(0, -1).every((p) => p.length === first) ? last.slice(first) : '';
    // Parallel: the two last characters alike (产业/产业, 游客/游客), or one of a place's or a kind's (湖, 业) in a short name.
    const alike = first >= 4 ? head0.slice(-2) === items[0].slice(-2) : head0.slice(-1) === items[0].slice(-1) && PARALLEL_END.test(items[0].slice(-1));
    const parallel = byLength !== '' && (alike || /^(?:城镇|农村|城市|乡村)$/.test(items[0]));
    // Shares of a plan completed (城镇新增就业、新增发放创业担保贷款分别完成年计划的…): the subjects are tasks, no noun is shared.
    const noun = parallel ? byLength : /计划|任务/.test(verb) ? '' : (SHARED_NOUN.exec(last)?.[0] ?? '');
    const percent = (i: number) => units[i] === '%' || units[i] === '个百分点';
    if (ratio && last.length > ratio.length && last.length - ratio.length <= first + 2)
      items = items.map((p, i) => (i === n - 1 || !percent(i) || RATE_END.test(p) ? p : joined(p, ratio)));
    // …only among values of one unit: values in units of their own (2.5万户、9.9万人和256.8亿元) measure each its own subject
    // (民营经济户数、从业人员、注册资金).
    else if (items.slice(0, -1).some(own) && new Set(units).size === 1) items = items.map((p, i) => (i === n - 1 || own(p) ? p : ''));
    else if (noun && last.length > noun.length) items = items.map((p, i) => (i === n - 1 ? p : joined(p, noun)));
  }
  // The subjects a later 分别 in the sentence takes when it names a pull or a contribution of its own (…贡献率分别为…，分别
  // 拉动GDP增长…): a sector's name, else the subject whole.
  const bases = items.map((p) => /^第[一二三]产业/.exec(p)?.[0] ?? p);
  // A share's 的 (占地区生产总值的比重) is no place to cut a label at.
  const labels = items.map((item) => (item ? cleanLabel(item.replace(/占([^占的]{1,12})的(比重|比例)/, '占$1$2') + verb, false) : ''));
  // Two values with one label (制定、修订规范性文件: the verbs go, the noun stays) are not told apart: none.
  const given = labels.filter(Boolean);
  if (new Set(given).size < given.length) return null;
  // The subjects are the text's own names, written out (信息传输软件和信息技术服务业): up to 24 characters with the verb.
  return labels.every((l, i) => (items[i] ? acceptable(l, LISTED_LABEL) : true)) && given.length ? { labels, items, bases } : null;
}

/** Conjunctions that may join a list's last subjects, the likeliest first (及 is often inside a name: 其他用品及服务类). */
const CONJUNCTIONS = ['和', '以及', '与', '及'];
/**
 * The second halves of the industries' names that hold a 和 (有色金属冶炼和压延加工业, 批发和零售业, 租赁和商务服务业…, as
 * the national classification names them): no list is cut there.
 */
const NAME_AFTER_AND =
  /^(?:压延加工业|供应业|邮政业|零售业|餐饮业|商务服务业|信息技术服务业|公共设施管理业|其他服务业|娱乐业|社会工作|社会组织|社会保障|器材制造业|其他电子设备制造业|其他运输设备制造业|精制茶制造业|木[、]?竹[、]?藤[、]?棕[、]?草制品业|鞋业|皮革|毛皮|羽毛|塑料制品业|日用品制造业|体育和娱乐用品制造业|娱乐用品制造业|医药制造业|化学制品制造业|修理业|配送|服务类|用品类|服务(?!业)|通信|娱乐)/;

/**
 * The industries' and the price index's names that hold a 、 (计算机、通信和其他电子设备制造业, 信息传输、软件和信息技术服务业…):
 * one subject each, never cut.
 */
const LISTED_NAMES =
  /计算机、通信和其他电子设备制造业|信息传输、软件和信息技术服务业|电力、热力、燃气及水生产和供应业|电力、热力生产和供应业|交通运输、仓储和邮政业|水利、环境和公共设施管理业|居民服务、修理和其他服务业|文化、体育和娱乐业|公共管理、社会保障和社会组织|铁路、船舶、航空航天和其他运输设备制造业|酒、饮料和精制茶制造业|木材加工和木、竹、藤、棕、草制品业|皮革、毛皮、羽毛及其制品和制鞋业|文教、工美、体育和娱乐用品制造业|石油、煤炭及其他燃料加工业|农、林、牧、渔(?:专)?业|纺织服装、服饰业|教育、文化和娱乐|交通、通信|烟、酒/g;

/**
 * A list of subjects cut into `n`: at every 、, then at as many conjunctions as are still needed, 和 before 与 before 及 and
 * the later before the earlier (the last conjunction joins the last subject: 衣着、交通通讯业和其他用品及服务类;
 * 交通运输仓储和邮政业、金融业和营利性服务业); never inside a name that holds a 、 or a 和 of its own. Null when it cannot be cut
 * into `n` pieces.
 */
function splitSubjects(head: string, n: number): string[] | null {
  // The ranges of the names never cut.
  const kept: [number, number][] = [];
  LISTED_NAMES.lastIndex = 0;
  for (const m of head.matchAll(LISTED_NAMES)) kept.push([m.index, m.index + m[0].length]);
  const free = (i: number) => !kept.some(([a, b]) => i >= a && i < b);
  const commas: number[] = [];
  for (let i = head.indexOf('、'); i >= 0; i = head.indexOf('、', i + 1)) if (free(i)) commas.push(i);
  const need = n - commas.length - 1;
  if (need < 0) return null;
  const at: { index: number; length: number; rank: number }[] = [];
  if (need > 0)
    for (const [rank, c] of CONJUNCTIONS.entries())
      for (let i = head.indexOf(c); i >= 0; i = head.indexOf(c, i + c.length))
        if (free(i) && !at.some((a) => i < a.index + a.length && a.index < i + c.length) && !NAME_AFTER_AND.test(head.slice(i + c.length)))
          at.push({ index: i, length: c.length, rank });
  if (at.length < need) return null;
  const chosen = at
    .sort((a, b) => a.rank - b.rank || b.index - a.index)
    .slice(0, need)
    .map((c): [number, number] => [c.index, c.length]);
  const cuts = [...commas.map((i): [number, number] => [i, 1]), ...chosen].sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let from = 0;
  for (const [i, len] of cuts) {
    parts.push(head.slice(from, i));
    from = i + len;
  }
  parts.push(head.slice(from));
  return parts.length === n && parts.every((p) => p.length >= 1) ? parts : null;
}

/** The list of subjects before 分别 without its fillers (全年, 其中, 全市, 比上年…): not cut as a run-on label is. */
function cleanHead(head: string): string {
  let h = head;
  // 一、二、三产业…: the numerals are the subjects, not a list's markers.
  h = h.replace(/^(?:全年|其中|全市|全县|全区|全省)[，,]?/, '');
  // The count of the subjects after the last (福州、厦门、泉州三个城市新建商品住宅…; 香洲、金湾和斗门三个行政区…): no part of a name.
  h = h.replace(/(?<=[\u4e00-\u9fff])[两二三四五六七八九十]{1,2}个(?:城市|行政区|县区|县（市、区）|县\(市、区\)|区县|功能区|片区|县)(?=[\u4e00-\u9fff]|$)/, '');
  if (/^第?[一二三]、/.test(h) && /[一二三]次?产业/.test(h)) return h.replace(COMPARISON, '').replace(TRAILING, '');
  for (let k = 0; k < 3; k++)
    h = h
      .replace(/^[、，,；;：:]+/, '')
      .replace(COMPARISON, '')
      .replace(LEADING, '')
      .replace(TRAILING, '');
  return h;
}

/**
 * Subjects written short before the last (轻、重工业; 中、高等职业教育; 一、二、三产业): each with the rest of the last.
 * 一、二、三产业 (or 三次产业) is 第一产业, 第二产业, 第三产业.
 */
function expanded(parts: string[]): string[] {
  const last = parts[parts.length - 1];
  if (parts.length === 1) return /^三次产业./.test(last) ? ['一', '二', '三'].map((k) => `第${k}产业${last.slice(4)}`) : parts;
  const numeral = /^第?[一二三]$/;
  if (parts.every((p, i) => (i < parts.length - 1 ? numeral.test(p) : /^第?[一二三]次?产业/.test(p)))) {
    const rest = last.replace(/^第?[一二三]次?产业/, '');
    return parts.map((p) => `第${p.replace('第', '')[0]}产业${rest}`);
  }
  if (!parts.slice(0, -1).every((p) => p.length === 1) || last.length < 3) return parts;
  // 城、乡居民 is 城镇 and 农村; levels (中、省资金; 市、县两级财政) are no short forms of the last's start.
  if (parts.length === 2 && parts[0] === '城' && last[0] === '乡') return [`城镇${last.slice(1)}`, `农村${last.slice(1)}`];
  if (parts.some((p) => /^[中省市县区乡镇]$/.test(p)) || /^.[两三四各]级/.test(last)) return parts;
  return [...parts.slice(0, -1).map((p) => p + last.slice(1)), last];
}

/** A share or a rate after the last subject, which every subject has: …占比, …比重, …增速. */
const RATIO_NOUN = /(?:占比|比重|增速|增幅|占[\u4e00-\u9fff]{1,10}比重)$/;
/** How parallel subjects end: 第一产业/第三产业, 国内游客/入境游客, 轻工业/重工业 (not 造林/森林, a coincidence). */
const PARALLEL_END = /[业客区县市镇乡村户口类型级品企校院者生湖河江山]/;
/** A subject that is a rate or a share itself (城镇化率, 服务业增加值比重): no share is added to it. */
const RATE_END = /(?:率|比重|占比|增速|增幅)$/;

/** Every figure in a paragraph's text, in order, with code-point offsets. Never throws. */
export function extractFigures(text: string, context: FigureContext = {}): Figure[] {
  const cp = codePointCounter(text);
  // Traditional characters are read as their simplified copy (億元, 萬噸, 增長): the offsets are the same (one
  // character for one), and the labels are those of the simplified years the series compares it with.
  return findFigures(hasTraditional(text) ? simplified(text) : text, context).map((f) => {
    const start = cp(f.start);
    return { ...f, start, end: cp(f.end) };
  });
}

/** A figure of a report, with the chapter it is in. */
export interface ReportFigure extends Figure {
  /** The chapter heading as printed (三、2017年重点工作任务), or null before the first chapter. */
  chapter: string | null;
}

const CONTENT = new Set(['chapter', 'section', 'body']);

/**
 * The figures of a 政府信息公开 report's template tables (disclosureTables.ts), by paragraph id: every paragraph read as the
 * tables' is there, with [] when it gives no figure (a header, a row that does not add up), and is read as no prose.
 * Empty for a report without them. Offsets in UTF-16 units, as findFigures gives them (Compare's reader).
 */
export function templateFigures(report: Report): Map<string, Figure[]> {
  return templateOf(report.paragraphs.filter((p) => CONTENT.has(p.role)));
}

/** templateFigures over a report's content paragraphs. */
function templateOf(content: readonly Paragraph[]): Map<string, Figure[]> {
  const byIndex = disclosureTableFigures(
    content.map((p) => p.text),
    content.map((p) => p.id),
  );
  return new Map([...byIndex].map(([i, figures]) => [content[i].id, figures]));
}

/** A table's figures (their offsets in UTF-16 units, as the readers of tables give them) with code-point offsets. */
function inCodePoints<F extends Figure>(text: string, figures: readonly F[]): F[] {
  if (!/[\ud800-\udbff]/.test(text)) return figures as F[];
  return figures.map((f) => {
    const cp = codePointCounter(text);
    const start = cp(f.start);
    return { ...f, start, end: cp(f.end) };
  });
}

/** Every figure of a report's headings and paragraphs (not its page chrome or closing), with its chapter. */
export function reportFigures(report: Report): ReportFigure[] {
  const chapters: { node: OutlineNode; part: PartKind; name: string }[] = [];
  for (const n of report.outline) {
    const add = (c: OutlineNode, p: OutlineNode | null) => chapters.push({ node: c, part: chapterPart(report, c, p), name: `${c.label ?? ''}${c.title}` });
    if (n.kind === 'chapter') add(n, null);
    else if (partAsChapter(n)) add(n, n);
    else if (n.kind === 'part') for (const c of n.children) if (c.kind === 'chapter') add(c, n);
  }
  const out: ReportFigure[] = [];
  // A table's rows are read by its header's columns (tables.ts), every other paragraph as prose.
  const tables = new TableReader();
  const communique = report.type?.endsWith('统计公报') ?? false;
  // A report on a year's work done (not a work report, whose second half is a plan).
  const done = /统计公报|法治政府|信息公开|工作总结/.test(report.type ?? '');
  const content = report.paragraphs.filter((p) => CONTENT.has(p.role));
  // A 信息公开 report's template tables, read by their rows' names (disclosureTables.ts).
  const template = templateOf(content);
  for (const p of content) {
    const ch = chapters.find((c) => p.line >= c.node.line && p.line <= c.node.endLine);
    const fromTemplate = template.get(p.id);
    let figures: Figure[];
    if (fromTemplate) figures = inCodePoints(p.text, fromTemplate);
    else {
      const partNode = report.outline.find((n) => n.kind === 'part' && p.line >= n.line && p.line <= n.endLine);
      // Outside its chapters, a communiqué still reports the year past (a page whose headings ran into the text).
      const part = ch?.part ?? (partNode?.partKind === 'review' || partNode?.partKind === 'plan' ? partNode.partKind : communique ? 'review' : undefined);
      const row = tables.read(p.text, part === 'plan' ? 'target' : 'result', p.id, p.role !== 'body');
      figures = row ? inCodePoints(p.text, row) : extractFigures(p.text, { part, paragraph: p.id, year: report.year, done });
    }
    for (const f of figures) out.push({ ...f, chapter: ch?.name ?? null });
  }
  return out;
}

/**
 * Every figure of a run of paragraphs' texts (a report's, as the Trends view keeps them): each paragraph's, and a
 * table's rows read by its header's columns (tables.ts).
 */
export function paragraphsFigures(texts: readonly string[]): Figure[] {
  const tables = new TableReader();
  const template = disclosureTableFigures(texts);
  return texts.flatMap((text, i) => {
    const rows = template.get(i) ?? tables.read(text, 'result', '');
    return rows ? inCodePoints(text, rows) : extractFigures(text);
  });
}
