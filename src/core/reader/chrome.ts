/**
 * Page chrome in text copied or scraped from a web page (and in the blocks of a saved page): the
 * buttons and font-size controls, breadcrumbs, 来源：/时间：/作者： lines, photo captions, share
 * widgets, 相关报道 blocks and the page footer. None of it is report text.
 *
 * The rules go by the shape and the position of a line, not by one site's words: at the top, before
 * the first line of prose, runs of short tokens (2–4 characters: 下载 打印 全屏 收藏 / 加大 还原 减小),
 * lines of punctuation only (】 >), a breadcrumb's pieces between separators, `key：value` lines and
 * bare `key：` lines whose value follows on the next line; anywhere, a photo caption (…记者 某某 摄);
 * at the end, a run of such lines, a `相关…：` block of link titles, and a footer of field lines.
 * The values of the 来源, time and author lines are kept for the metadata.
 */
import { cleanBlock, type Diagnostic, diag, type RawItem, trimEdges, withoutTitleMarks } from '../model/index.ts';

export interface Chrome {
  /** The lines that are report text (the same strings, blank lines kept), in order: the input itself when nothing is chrome. */
  lines: readonly string[];
  /** The values of the 来源, time and author lines (see RawItem). */
  sourceLine?: string;
  officeLine?: string;
  dateLine?: string;
  authorLine?: string;
  /** The value of a 标题： line (a crawler's or a CMS's header above the text): the report's title when it names one. */
  titleLine?: string;
  /** A web link in a 原文链接：/链接：/网址： line. */
  linkLine?: string;
}

/** Sentence punctuation: a line with it inside is prose, not chrome. */
const SENTENCE = /[。！？!?；;]/;
/** A line of prose: it starts the report's body, and the head chrome ends before it. */
const PROSE = /[。！？；，,]/;
const MARKER = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章部节])/;
/** A line of punctuation, brackets and separators only: 】 【 > | / … */
const PUNCT_ONLY = /^[\p{P}\p{S}\s]*$/u;
/** `key：value`, the key 2–6 CJK characters, optionally in brackets: 来源：天津日报, 【字号：, （来源：青海日报）. */
const KEY_VALUE = /^[【[(（]?\s*([\u4e00-\u9fff]{2,6})\s*[：:]\s*(.*?)\s*[】\])）]?$/;
/** A separator between breadcrumb items, alone on its line or between items. */
/** A site's name above the article (某某省人民政府门户网站, 中国政府网): a page printed or copied whole. */
const SITE_NAME = /^[\u4e00-\u9fff]{2,24}(?:门户网站|政府网站|政府网|官方网站|官网|网站)$/;
/** A line that ends in 网站 but says something of it (a title's first line: …关于全省政府网站 / 和政务新媒体…的通报). */
const NOT_SITE = /关于|的/;
const CRUMB_SEP = /^[>»›/|｜\\]$/;
/** One item of a breadcrumb set a line an item: its separator, then the item (> 政府信息公开年报, » 2022年). */
const ONE_CRUMB = /^[>»›＞]{1,2}\s*([^>»›＞。，,；;！？]{1,20}|[^>»›＞。，,；;！？]{21,60}(?:报告|公报|总结|年报))$/;
/** A column's name (no sentence), then a breadcrumb's label and its items on the same line. */
const COLUMN_THEN_CRUMB = /^[^。，,；;！？!?]{1,24}?[ \u3000]+您?(?:当前|现在)?(?:所在)?的?位置\s*[:：]\s*\S[^。，,；;！？!?]{0,80}$/;
/** A list's number before a breadcrumb's label, home or item (an HTML list copied as text: 1. 当前位置:, 3. > 正文). */
const LISTED_CRUMB = /^\d{1,2}\.\s+(?:您?(?:当前|现在)?(?:所在)?的?位置\s*[:：]|(?:网站)?首页\s*[>»›＞]|[>»›＞])/;
const LIST_NUMBER = /^\d{1,2}\.\s+/;
/** The line above such an item: the breadcrumb's label or its home (当前位置:首页), or an item. */
const CRUMB_BEFORE = /位置|首页|^[>»›＞]/;
/** A breadcrumb on one line: items between separators, single or doubled (首页 > 政务公开 > 工作报告, 首页 > 杂志阅读>>统计公报). */
const CRUMB_SPLIT = /\s*[>»›＞]{1,2}\s*/;
/**
 * A breadcrumb on one line: two separators or more (single or doubled), items of 1–12 characters between them and a
 * last one of at most 20. Split, not matched by one pattern: a pattern with a repeated group backtracks exponentially
 * on a long line of separators.
 */
function isCrumbLine(c: string): boolean {
  if (c.length > 400) return false;
  // A column's name, then the breadcrumb's label on the same line (政府信息公开年度报告 您的位置: 政务公开 -- 政府信息公开年度报告).
  if (COLUMN_THEN_CRUMB.test(c)) return true;
  // Slashes between the items, from the home page (首页 / 政府信息公开 / 政府信息公开年报 / 正文): a slash alone is too
  // common in text (2024/2025, 元/吨) to be a separator elsewhere.
  const slash = /^(?:您?(?:当前|现在)?(?:所在)?的?位置\s*[:：]\s*)?首页\s*\/\s*(.*)$/.exec(c);
  if (slash) {
    const items = slash[1].split(/\s*\/\s*/);
    // Its last item may be the article's title (… / 政府信息公开年报 / 某某市人民政府2023年政府信息公开工作年度报告).
    const last = items[items.length - 1];
    return (
      items.length >= 2 &&
      items.slice(0, -1).every((x) => x.length >= 1 && x.length <= 20) &&
      last.length >= 1 &&
      (last.length <= 20 || (last.length <= 60 && REPORTISH.test(last)))
    );
  }
  if (!/[>»›＞]/.test(c)) return false;
  // The rest of a breadcrumb broken after its first item (您现在的位置:首页 / > 信息公开年报 > 县(市、区)政府 > 2017).
  const rest = /^[>»›＞]{1,2}\s*/.exec(c);
  // Its label (您现在所在的位置：) is no item: the first item is what follows it.
  const label = rest ? null : /^您?(?:当前|现在)?(?:所在)?的?位置\s*[:：]\s*/.exec(c);
  const items = (rest ? c.slice(rest[0].length) : label ? c.slice(label[0].length) : c).split(CRUMB_SPLIT);
  if (items.length < (rest ? 2 : 3)) return false;
  const last = items[items.length - 1];
  return last.length <= 20 && items.slice(0, -1).every((x) => x.length >= 1 && x.length <= 12);
}
/**
 * A site's menu on one line: its links set apart by bars (加入收藏 | 会员中心: a portal's words among them), or five or more
 * words of 2–6 characters set apart by spaces (西藏媒体夹 统计公报 旅游指南 法律法规 优惠政策), with no digit and no sentence.
 */
function isMenuLine(c: string): boolean {
  if (c.length > 60 || SENTENCE.test(c) || /[0-9０-９]/.test(c)) return false;
  const barred = c.split(/\s*[|｜]\s*/).filter((x) => x);
  if (barred.length >= 2 && barred.every((x) => x.length <= 8) && barred.some((x) => PORTAL.test(x)) && !barred.some((x) => REPORTISH.test(x))) return true;
  const words = c.trim().split(/[ \u3000]+/);
  return words.length >= 5 && words.every((w) => /^[\u4e00-\u9fff]{2,6}$/.test(w)) && words.filter((w) => REPORTISH.test(w)).length <= 1;
}
/** A portal's weather widget: a city and its temperatures (重庆 8~17℃, 北京 晴 -3℃ 0). */
const WEATHER = /^[\u4e00-\u9fff]{2,6}\s*(?:[晴阴雨雪多云转小中大]{1,6}\s*)?-?\d{1,2}\s*(?:[~～\-—]\s*-?\d{1,2}\s*)?(?:℃|°C)(?:\s*\S{0,6})?$/;
/**
 * A site's bar of versions, languages and tools (关怀版 无障碍, 简体 繁体 English, 长者模式, 智能问答, 登录| 注册, 网站地图): only
 * those words, between spaces, bars (|, ｜, 丨) or slashes.
 */
const ACCESS_BAR =
  /^(?:(?:关怀版|關懷版|长者版|长者模式|适老版|适老化|无障碍(?:浏览|阅读)?|無障礙|读屏|简体(?:中文|版)?|繁体(?:中文|版)?|繁體|簡體|English|EN|手机版|移动版|智能问答|智能客服|网站地图|網站地圖|登录|登錄|注册|註冊|个人中心|网站支持IPv6)[\s|｜丨/·]*){1,10}$/i;
/** A title and a site's name after a dash or an underscore (政府工作报告-尊龙体育官网, 某县2023年…报告_某县人民政府门户网站). */
const SITE_SUFFIX = /^(.{2,60}?)[-_|｜–—]{1,2}([^-_|｜–—][^-_|｜–—]{1,29})$/;
/**
 * A document-sharing site's furniture around a file it shows page by page: its buttons and badges (返回 下载 相关 举报, VIP专免,
 * 侵权投诉, 下载资源, 资源描述), counts and sizes (999+, 42.88KB, 39 页), the page images' names (武汉市2005年政府工作报告.doc_第1页), their
 * numbers (第1页 / 共13页), the upload's fields (上传人:… 文档编号:… 页数:13 大小:54.5) and its blurb (《….docx》由会员分享，可在线阅读…).
 */
const DOC_SITE_WORD =
  /^(?:VIP专[免享]|VIP|\d{1,5}\+|\d+(?:\.\d+)?\s*[KMG]B|\d{1,4}\s*页|海报|侵权投诉|举报|收藏|下载|免费下载|下载资源|资源描述|返回|相关|分享|打印)$/i;
const DOC_SITE_PAGE = /^.{1,80}\.(?:docx?|pdf|pptx?|wps|txt)_第\s*\d+\s*页$|^第\s*\d+\s*页\s*[/／]\s*共\s*\d+\s*页$/i;
const UPLOAD_KEYS = /(?:上传人|上传者|贡献者|文档编号|上传时间|页数|下载次数|文档格式|格式)\s*[:：]/g;
/**
 * The site's blurb for the file, alone on its line: 《武汉市政府工作报告.docx》由会员分享，可在线阅读，更多相关《…》请在…上搜索。 (A
 * line that goes on into the document's text after it is no chrome: its text is the report's.)
 */
const DOC_SITE_BLURB = /^《[^《》]{1,80}\.(?:docx?|pdf|pptx?|wps|txt)》由(?:会员|用户)[^，,]{0,10}分享[，,]\s*可在线阅读[^。]{0,80}(?:搜索|下载)。?$/i;
function isDocSiteLine(c: string): boolean {
  if (DOC_SITE_PAGE.test(c) || DOC_SITE_BLURB.test(c)) return true;
  if ((c.match(UPLOAD_KEYS)?.length ?? 0) >= 2 || DOC_SITE_WORD.test(c.trim())) return true;
  const words = c.trim().split(/\s+/);
  return words.length <= 8 && words.every((w) => DOC_SITE_WORD.test(w));
}
/** A site's greeting at the top of its pages: 欢迎访问河东区政府网站!, 欢迎来到…门户网站. */
const WELCOME = /^欢迎您?(?:访问|来到|光临|登录)[\u4e00-\u9fffA-Za-z0-9.]{0,30}[!！。]?$/;
/** A site's banner: a body's name and its English name (昌图县人民政府 The People's Government of Changtu Municipality). */
const ENGLISH_BANNER =
  /^[\u4e00-\u9fff]{2,30}\s+(?:The\s+)?[A-Z][A-Za-z'’. -]{2,80}(?:Government|Municipality|County|City|Province|District|Prefecture|Township)\b[A-Za-z'’. -]{0,60}$/;
/** A site's index of years (统计年鉴年度索引: 2023 2022 2021 … [ 统计年鉴分省、行业总索引 ]): links, four years or more. */
const YEAR_INDEX = /^[\u4e00-\u9fff]{2,12}(?:索引|导航|目录)\s*[:：]\s*(?:(?:19|20)\d{2}\s+){3,}(?:19|20)\d{2}/;
/** A wiki's skip links (跳转到内容, 跳转到导航, 跳转到搜索): MediaWiki's, above a 维基文库 page's title. */
const SKIP_LINK = /^(?:跳转到|跳到|跳至|跳過至|跳转至)\s*(?:内容|主要内容|正文|导航|搜索|導航|內容)$/;
/** A site's name for its social account above a page (鄂尔多斯市人民政府官方微信, 某某发布微信公众号): a link, no title of the text. */
const SOCIAL_ACCOUNT = /^[\u4e00-\u9fffA-Za-z0-9]{2,30}(?:官方微信|官方微博|微信公众号|微信公众平台|官方抖音|客户端)$/;
/** A bar that sets the size of the text (【文字大小:, 字体：大 中 小), its words and brackets only. */
const FONT_BAR = /^(?:[•·●]\s*)?[【[]?\s*(?:文字大小|字体大小|字体|字号)\s*[:：]?\s*(?:[大中小]\s*|默认\s*)*[】\]]?$/;
/**
 * A widget's button as its words (点击关闭详细目录信息, 点击展开全文, 点击查看更多, 点击收听年报语音朗读), or a reader's
 * (语音播报, 【全文朗读】, 听全文): no line of the text.
 */
const WIDGET =
  /^[【[]?点击(?:此处)?(?:关闭|展开|收起|查看|打开|隐藏|显示|阅读|返回|收听|播放|朗读)[\u4e00-\u9fff]{0,12}[】\]]?$|^[【[]?[\u4e00-\u9fff]{0,6}(?:语音(?:朗读|播报|播放)|全文朗读|朗读全文|收听全文|听全文)[】\]]?$/;
/** A page's tool as a link's words (【打印】, [字体: ], 关闭窗口), its brackets and a size choice with it. */
const TOOL = String.raw`[【[]?\s*(?:打印本页|打印|关闭窗口|关闭|收藏|分享|返回顶部|字体|字号)\s*(?:[:：]\s*(?:[大中小]\s*|默认\s*)*)?[】\]]?`;
/** A line of a page's tools and nothing else (【打印】 -, [字体: ] 打印, 【打印】【关闭】): no line of the text. */
const TOOL_BAR = new RegExp(String.raw`^(?:${TOOL}[\s\-|｜/、·]*)+$`);
/** A date (and time) in digits, as a CMS prints it: 2026-02-09 09:45:30, 2026/2/9. */
const DIGIT_DATE = /^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
/** A page's time stamp in words (2026年02月10日 07时41分): a report's own date line has no time. */
const WORD_STAMP = /^((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*\d{1,2}(?:时\d{1,2}分|:\d{2}(?::\d{2})?)$/;
const ANY_DATE = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?:\s*日)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?/;
/** A photo caption: a name (2–5 characters, or a byline) and 摄 at the end, with no sentence end after it. */
const CAPTION =
  /(?:(?:记者|記者|通讯员|通訊員|摄影|攝影)[：:]?|\s)\s*[\u4e00-\u9fff·]{1,5}\s*(?:摄|摄影|攝|攝影)[)）]?$|^[\u4e00-\u9fff·]{2,5}\s*[摄攝][)）]?$/;
/** Report titles name a report; a value never does. */
/** The address to a congress (各位代表：), and the head of an outline (提纲：, 目录：): never a page's token nor a key. */
const ADDRESS_LINE = /^各位(?:代表|委员)|^(?:提\s*纲|目\s*录)[:：]?$/;
export const REPORTISH = /报告|公报|总结|计划|纲要|规划|要点|意见|方案|决定|通知|回顾|情况|報告|公報|總結|計劃|綱要|規劃|要點|意見|決定|回顧|情況/;
/** Words of a page footer and of widgets, common to CMS templates (not one site's). */
const FOOTER =
  /版权所有|copyright|©|ICP|备案号|公网安备|主办单位|承办单位|技术支持|网站地图|联系我们|扫一扫|二维码|打印本页|关闭窗口|返回顶部|网站标识码|法律声明|关于本站|隐私(?:政策|声明)|不良信息举报|^主办[：:]/i;
/** A site's advice on browsers (为确保最佳浏览效果，建议您使用以下浏览器版本：…): a footer line, however long. */
const BROWSER_NOTE = /最佳浏览效果|浏览器版本|最佳分辨率|分辨率.{0,12}浏览|(?:更换|升级)(?:或(?:更换|升级))?浏览器|浏览器.{0,30}(?:最佳体验|极速模式|兼容模式)/;
/** A line of a page's footer (打印本页, 关闭窗口, 版权所有…). */
export const isFooterLine = (line: string): boolean => FOOTER.test(line);
/** The heads of related-links blocks at the end of a page. */
const RELATED = /^[【[]?\s*(?:相关|推荐|延伸阅读|更多|热点|猜你)[\u4e00-\u9fff]{0,6}[】\]]?\s*[：:]?$/;
/** Field names at the end of a page: source, editor, author, views. */
const TAIL_KEY = /来源|编辑|作者|审核|校对|责编|分享|浏览|阅读|点击|字号|字体|出处|摄影|供稿/;

const SOURCE_KEY = /来源|出处|供稿/;
/**
 * A source's value with the page's stamp after it, a date and its time (云南省交通运输厅       2024-02-26 11:05): the body in
 * $1, the stamp in $2. A date alone there (新华社 2019年3月5日) may be the source's own, and is not the page's.
 */
const SOURCE_THEN_DATE = /^(\S.{1,40}?)\s+((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d{2}(?::\d{2})?)[\s【[]*$/;
/** The key of a field that names the publishing body (发布机构): its source when no date is in it. */
const PUBLISHER_KEY = /发布机构/;
/** The key of a disclosure report's own office (工作机构名称:东阳市市场监督管理局): the body whose report it is. */
const OFFICE_KEY = /^(?:工作机构名称|工作机构|机构名称)$/;
/** Who made the page: an editor, an author, a reviewer, a photographer. */
const EDITOR_KEY = /编辑|责编|作者|审核|校对|摄影|记者/;
const AUTHOR_KEY = /作者|编辑|责编|记者/;

/**
 * The name of a CMS's field (来源, 发布时间, 作者, 阅读次数, 字体…) with its colon. Several of them on one line are the
 * page's byline: 文章来源：司法局 更新时间：2021/03/29, 发布时间：2023-04-03 16:12信息来源：镜湖区统计局阅读次数：编辑：杨文杰 字体：【.
 */
const FIELD_KEY =
  /((?:信息|文章|新闻|稿件|内容)?来源(?:单位)?|发布单位|(?:发布|更新|上传|发稿|成文|录入)?(?:时间|日期)|作者|(?:责任)?编辑|(?:阅读|浏览|点击|访问)(?:次数|量|数)?|字[体号]|出处|供稿|审核|校对|摄影|索引号|(?:主题|体裁|组配)?分类|公开目录|公开方式|公开时限|公开范围|发布机构|责任部门|有效性|效力属性|文号|标题|名称)\s*[:：]/g;

/** A field's key letter-spaced before its colon (索 引 号:, 标 题:): its characters alone, set apart by single spaces. */
const SPACED_KEY = /(^|[\s|｜])([\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff]){1,3})(?=[ \u3000]*[:：])/g;

/**
 * A disclosure page's line of fields as the byline reader reads it (`key：value`…): a field in brackets (`[ 索引号 ]
 * 1150…/2021-00006`, `[ 发布日期 ] 2020-03-31`, the 重庆 sites' table of fields) or as a list item (`• 发布机构: 省文史研究馆`)
 * (or `- 信息来源: |`, a scraper's Markdown) with one of the table's own keys (not `【政策解读】关于…`, nor `• 地区生产总值：5231亿元`); keys without their
 * letter-spacing (索 引 号: → 索引号:); cells' bars gone when the line opens with a key (索引号: | hedongquhd…/2025-0000012 |
 * 公开目录: | 法治政府建设 |). Any other line is returned as it is.
 */
function fieldLine(c: string): string {
  if (c.length > 300) return c;
  const item = /^(?:[•·●▪◆]\s*|[-*+]\s+)/.exec(c);
  const line = item ? c.slice(item[0].length) : c;
  const b = /^[[［【]\s*([\u4e00-\u9fff]{2,6})\s*[\]］】]\s*(.*)$/.exec(line);
  if (b && DISCLOSURE_FIELD.test(b[1])) {
    // Several fields on one line ([ 主题分类 ] 公安、司法 [ 体裁分类 ] 工作报告): each key with its colon, the genre's value
    // (工作报告) included.
    const keys = [...b[2].matchAll(/[[［【]\s*([\u4e00-\u9fff]{2,6})\s*[\]］】]/g)];
    if (keys.length && keys.every((k) => DISCLOSURE_FIELD.test(k[1])))
      return `${b[1]}：${b[2].replace(/\s*[[［【]\s*([\u4e00-\u9fff]{2,6})\s*[\]］】]\s*/g, ' $1：')}`;
    // A title's field may name a report; a classification's never names this one (`[ 体裁分类 ] 工作报告`, a field a line).
    if (!REPORTISH.test(b[2]) || /分[类類]$/.test(b[1])) return `${b[1]}：${b[2]}`;
  }
  // A table's row as a line, its key and value apart by spaces (组配分类 政府工作报告, 成文日期 2019-02-22): only a
  // classification's or a date's key, whose value may be a report's genre.
  const row = item
    ? null
    : /^((?:组配|主[题題]|[体體题題]裁)分[类類]|成文日期|生成日期|[发發]布日期|[发發]布机构|公[开開]方式)[ \u3000\t]+(\S.{0,29})$/.exec(line);
  if (row && !/[:：]/.test(row[2])) return `${row[1]}：${row[2]}`;
  // A disclosure table's title row the same way (标题 马厂镇2019年政府信息公开工作年度报告): the title's field.
  // (Its key letter-spaced, 标     题, and the next field's empty key after it, 文     号: a table's row of two fields.)
  // (In traditional characters too: 標     題, 文     號; and a mirror's pinyin after a character, 標(biāo), which the
  // title's own characters lose when the report is built.)
  const titleRow = item
    ? null
    : /^([标標](?:\([a-z\u00e0-\u00fc\u0101-\u01dc]{1,7}\))?\s*[题題](?:\([a-z\u00e0-\u00fc\u0101-\u01dc]{1,7}\))?)[ \u3000\t]*(\S.{3,79}?)(?:[ \u3000\t]*(?:文\s*[号號]|[发發]\s*文\s*字\s*[号號]|索\s*引\s*[号號]))?$/.exec(
        line,
      );
  // (A PDF's text joins the key to its value, 标题将乐县人民政府关于…报告: then the value is a report's whole name.)
  const spaced = !!titleRow && /^[ \u3000\t]/.test(line.slice(titleRow[1].length));
  if (titleRow && REPORTISH.test(titleRow[2]) && !/[:：。]/.test(titleRow[2]) && (spaced || NAMED_REPORT.test(titleRow[2]))) return `标题：${titleRow[2]}`;
  // Several such fields on one line, keys and values apart by spaces (索引号 11/2023-00056 主题分类 其他; 发文字号 时 效 有效).
  if (!item && line.length <= 80 && !/[:：|｜]/.test(line)) {
    const cells = line.replace(/时\s+效/g, '时效').split(/[ \u3000\t]+/);
    if (cells.length >= 3 && ROW_KEY.test(cells[0]) && cells.filter((x) => ROW_KEY.test(x)).length >= 2) {
      const out: string[] = [];
      for (let k = 0; k < cells.length; k++) {
        if (!ROW_KEY.test(cells[k])) return c;
        out.push(`${cells[k]}：${ROW_KEY.test(cells[k + 1] ?? '') ? '' : (cells[++k] ?? '')}`);
      }
      return out.join(' ');
    }
  }
  const key = item ? /^([\u4e00-\u9fff]{2,6})\s*[:：]/.exec(line) : null;
  // A page's fields as a list (• 时间:2012-04-20 09:10, • 来源:…, • 阅读:, - 标题: 济南市…报告): the field, not a list item.
  const field = key && (DISCLOSURE_FIELD.test(key[1]) || BYLINE_KEY.test(key[1]) || TITLE_KEY.test(key[1])) ? line : c;
  // A table's row of fields with bars and no colon (索引号 | wqqlzfb/2022-01075 | 效力属性 | |): each key with its value.
  if (!/[:：]/.test(field)) {
    const row = barRow(field, DISCLOSURE_FIELD, true);
    return row
      ? row
          .map(([key, value]) => (key ? `${key}：${value}` : value))
          .join(' ')
          .trim()
      : field;
  }
  const s = field.replace(SPACED_KEY, (_, before: string, k: string) => before + k.replace(/[ \u3000]/g, ''));
  const bare = s.replace(/^[\s|｜]+/, '');
  return /[|｜]/.test(bare) && /^[\u4e00-\u9fff]{2,6}\s*[:：]/.test(bare) ? bare.replace(/\s*[|｜]\s*/g, ' ').trim() : s;
}

/** A document-sharing site's label before a text it shows: 文档介绍:, 文档简介:, 内容简介:. */
/** A journal database's mark of the main text's start (<正>, ‹正>, 〈正〉). */
const TEXT_START_MARK = /^\s*[<‹〈＜]正[>›〉＞]\s*/;
/** A body's name, a colon, a headline: 文化和旅游部:…, 国家统计局：…, 某省人民政府办公厅：…. */
const ORG_HEADLINE = /^\s*([\u4e00-\u9fff]{2,24}(?:部|局|厅|委|署|院|中心|政府|委员会|办公室|办公厅|总队|调查队))\s*[:：]\s*(\S.{3,80}?)\s*$/;
const SHARING_LABEL = /^\s*(?:文档介绍|文档简介|内容简介|文档内容)\s*[:：]\s*(?=\S)/;
/** A byline's key as a list item: 时间, 来源, 作者, 文字, 阅读, 字号. */
const BYLINE_KEY = /^(?:时间|日期|发布时间|来源|作者|文字|图片|摄影|阅读|浏览|点击|字号|编辑|责任编辑)$/;
/** A disclosure table's key in a row of fields set apart by spaces. */
const ROW_KEY =
  /^(?:索引号|主题分类|体裁分类|组配分类|发布机构|发文机关|发文日期|成文日期|发布日期|生成日期|发文字号|文号|时效|有效性|公开方式|公开范围|信息来源)$/;

/** The fields of a disclosure page's table (索引号, 发文字号, 主题分类, 发布机构, 成文日期…), simplified or traditional. */
const DISCLOSURE_FIELD =
  /^(?:索引[号號]|索取[号號]|[发發]文字[号號]|文[号號]|主[题題]分[类類]|分[类類]|[体體题題]裁分[类類]|组配分[类類]|[发發]布机构|[发發]布機構|[发發]文机关|[发發]文機關|所[属屬]机构|有效性|成文日期|[发發]布日期|[发發]文日期|生成日期|[发發]布[时時][间間]|公[开開]方式|公[开開]范围|公[开開]範圍|信息来源|信息來源|来源|來源|名[称稱]|主[题題][词詞]|[关關][键鍵][词詞]|内容概述|實施日期|实施日期|废止日期|效力属性|效力状态)$/;

/** The fields of a byline of two or more fields, each key with its value, or null when the line is not one. */
function fieldsOf(c: string): [string, string][] | null {
  if (c.length > 200 || SENTENCE.test(c)) return null;
  const keys = [...c.matchAll(FIELD_KEY)];
  if (keys.length < 2 || c.slice(0, keys[0].index).replace(/[\s【[(（]/g, '') !== '') return null;
  return keys.map((m, i) => {
    const end = i + 1 < keys.length ? keys[i + 1].index : c.length;
    return [
      m[1],
      c
        .slice(m.index + m[0].length, end)
        .replace(/[\s【】[\]()（）|｜]+$/, '')
        .trim(),
    ];
  });
}

/**
 * A disclosure table's row with bars, its first cell a key and a later key with its colon (索引号 | /2025-0000 | 公开目录: |
 * 工作报告 |, 公开责任部门 | 公开形式: | 主动公开 | |, 有效性 | 有效 | 公开日期: | 2025-04-15 14:43 |), or a Markdown row of
 * such cells (| 索引号 | 620702081/2026-00007 | 发文字号 | |, | 生成日期 | 2026-01-23 16:24:38 | 是否有效 |): each key with
 * the value after it (none when a key follows). Null for any other line.
 */
function barFields(c: string): [string, string][] | null {
  if (c.length > 200 || !/[|｜]/.test(c) || SENTENCE.test(c)) return null;
  return barRow(c, STACKED_KEY, false);
}

/**
 * A row of cells set apart by bars (its outer bars dropped), read as keys (by `keys`, a colon after one allowed) each with
 * the value after it, none when a key follows: null unless it opens with a key and, `loose` aside, has another key and
 * no cell that is neither (`loose`: three cells at least, a stray cell kept as a value with no key).
 */
function barRow(c: string, keys: RegExp, loose: boolean): [string, string][] | null {
  // (Three cells at least, a last empty one after a closing bar counted: 文 号 | 有 效 性 |.)
  const count = c.split(/[|｜]/).length;
  const cells = c
    .trim()
    .replace(/^[|｜]|[|｜]$/g, '')
    .split(/\s*[|｜]\s*/)
    .map((x) => x.trim());
  const keyOf = (x: string) => x.replace(/\s+/g, '').replace(/[:：]$/, '');
  const isKey = (x: string) => keys.test(keyOf(x));
  // A row that opens with a key, and another key later (| 关键词 | 发布机构 | 北街办事处 | |, 索 引 号 | … | 发文时间 | …).
  if ((loose ? count : cells.length) < 3 || !isKey(cells[0]) || (!loose && !cells.some((x, k) => k > 0 && isKey(x)))) return null;
  const out: [string, string][] = [];
  for (let k = 0; k < cells.length; k++) {
    if (!cells[k]) continue;
    if (!isKey(cells[k])) {
      if (!loose) return null;
      out.push(['', keyOf(cells[k])]);
      continue;
    }
    const key = keyOf(cells[k]);
    out.push([key, k + 1 < cells.length && !isKey(cells[k + 1]) ? cells[++k] : '']);
  }
  return out;
}

/** The text of a line without brackets, colons and spaces, to measure a token. */
function core(line: string): string {
  return line.replace(/[\s【】[\]()（）：:<>《》「」|｜/\\·•]/g, '');
}

const isToken = (c: string) => {
  const k = core(c);
  // A key (各位代表：) is not a token, nor a name written with a space (县长 王某).
  return (
    k.length >= 1 && k.length <= 4 && !PROSE.test(c) && !MARKER.test(c) && !/\d{3}/.test(k) && !/[：:]$/.test(c) && !/[\u4e00-\u9fff]\s+[\u4e00-\u9fff]/.test(c)
  );
};

/** A value on the line after a bare key: short, no sentence, no key of its own, not a title. */
function isValue(c: string): boolean {
  return (
    c.length > 0 &&
    c.length <= 30 &&
    !PROSE.test(c) &&
    !KEY_VALUE.test(c) &&
    !REPORTISH.test(c) &&
    !MARKER.test(c) &&
    !PUNCT_ONLY.test(c) &&
    !ADDRESS_LINE.test(c)
  );
}

/**
 * A line a social post (a WeChat article) puts around the text: a picture's caption after ▲ or △
 * (▲资料图, ▲图为…), or a call to follow (点击蓝字 关注我们, 长按识别二维码): short, no sentence in it.
 */
function isPostChrome(c: string): boolean {
  if (c.length > 40 || /[。；]/.test(c.slice(0, -1)) || MARKER.test(c)) return false;
  // After ▲: a picture's caption (▲资料图, ▲图为…), not a figure set as a bullet (▲全年地区生产总值5680亿元).
  if (/^[▲△▼↑]/.test(c)) return /图|摄|照片|视频/.test(c);
  return /点击.{0,6}关注|关注我们|(?:扫描|扫码|长按|识别).{0,6}二维码|二维码.{0,4}(?:关注|下载)/.test(c) || LINK_CALL.test(c);
}

/** A link's call on a line of its own (》》点击图片进入专题《《, 点击查看原文, (點擊查閱更多2013年地方政府工作報告)): a page's widget, never report text. */
const LINK_CALL =
  /^[》>《<【[(（\s]*(?:点击|點擊)(?:图片|圖片|此处|此處|这里|這裡)?(?:进入|進入|查看|浏览|瀏覽|阅读|閱讀|查阅|查閱)(?:[\u4e00-\u9fff]{0,8}|更多[\u4e00-\u9fff0-9]{0,16})[《<》>】\])）\s]*$/;

function isCaption(c: string): boolean {
  return c.length <= 150 && CAPTION.test(c) && !/[拍航][摄攝]$/.test(c);
}

interface Meta {
  sourceLine?: string;
  /** The key whose value the date line is (发布日期, 成文日期), when a field gave it. */
  dateKey?: string;
  officeLine?: string;
  dateLine?: string;
  authorLine?: string;
  titleLine?: string;
  linkLine?: string;
}

/** A report's whole name: a body or a place, then a year and its type's word (将乐县人民政府关于2020年法治政府建设情况报告). */
const NAMED_REPORT = /^(?:[\u4e00-\u9fff]|\([a-z\u00e0-\u00fc\u0101-\u01dc]{1,7}\)){2,30}(?:19|20)\d{2}.{0,40}(?:报告|報告|公报|公報|年报|年報)$/;
/** The heading of an encyclopedia's box of facts (基本介绍, 基本信息), and one of its items (- 中文名:…, • 時間:2010年). */
const INFOBOX_HEAD = /^基本(?:介[绍紹]|信息|資料|资料|概况|概況)$/;
const INFOBOX_ITEM = /^[-*•·]\s*([\u4e00-\u9fff]{2,5})\s*[:：]\s*(\S.{0,79})$/;
/** The key of a title field (标题：…, an encyclopedia's 中文名), and of a link field whose value is the page's address (原文链接：https://…). */
const TITLE_KEY = /^(?:(?:文章|新闻|信息)?(?:标题|题目|名称)|中文名(?:称)?)$/;
const LINK_KEY = /链接|网址|URL|出处/i;
/** A field's value that is an address or a path (https://…, zwgk/zfxxgk/201204/…): no space, a slash, no sentence. */
const ADDRESS = /^(?:https?:\/\/\S+|[^\s。，；！？]*\/[^\s。，；！？]*)$/;

/** A disclosure table's key alone on its line, its value on the next (索引号 / 11F/2017-00123). */
const STACKED_KEY = new RegExp(
  `^(?:${DISCLOSURE_FIELD.source.slice(4, -2)}|公开责任部门|责任部门|信息名称|公开日期|公开目录|关键词|是否有效|发文时间|生效日期|公开类型|公开时限|公开形式|载体类型|记录形式|信息有效性|所属目录|备注|附件)$`,
);
/** The same key with its value after spaces (备注   海淀区人民政府办公室). */
const STACKED_KEY_VALUE = new RegExp(`^(${STACKED_KEY.source.slice(4, -2)})[ \\u3000]+(\\S.{0,100})$`);
/** A forum post's date line (发表于 2022-4-2 20:27:21 | 显示全部楼层 |阅读模式), its date. */
const FORUM_POSTED = /^发表于\s*((?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*(?:[|｜].*)?$/;
/** The first lines of a forum poster's card (Discuz!). */
const FORUM_CARD = /^(?:[•·]\s*)?(?:\[复制链接\]|TA的每日心情|签到天数|电梯直达|楼主|Rank:)/;
/** A page's clock (今天是：2019年10月31日 星期三): the day the page was seen, never the report's date. */
const CLOCK_KEY = /^(?:今天是?|今日|当前日期|当前时间|现在时间)$/;

function note(meta: Meta, key: string, value: string): void {
  const v = value.trim();
  if (!v || CLOCK_KEY.test(key)) return;
  if (TITLE_KEY.test(key)) {
    meta.titleLine ??= v;
    return;
  }
  // An article's address (with a path), not a site's home page (网址：http://www.mouxian.gov.cn/).
  if (LINK_KEY.test(key) && /^https?:\/\/[^/\s]+\/\S+$/i.test(v)) {
    meta.linkLine ??= v;
    return;
  }
  const date = v.length <= 30 ? ANY_DATE.exec(v) : null;
  if (OFFICE_KEY.test(key)) meta.officeLine ??= v;
  else if (SOURCE_KEY.test(key)) {
    // The page's stamp after the source with no key of its own (来源:云南省交通运输厅       2024-02-26 11:05 【字体:): the date,
    // unless a dated field set one; the source without it.
    const dated = SOURCE_THEN_DATE.exec(v);
    meta.sourceLine ??= dated ? dated[1] : v;
    if (dated && meta.dateLine === undefined) meta.dateLine = dated[2];
  }
  // The date itself, without what may come with it (（星期四）, an editor's name before it).
  // The day it was posted (发布日期) rather than the day it was written (成文日期), whichever the page prints first.
  else if (date) {
    // …and a field's over a bare date line (2024-08-14 23:28:56 under a breadcrumb: a crawler's stamp, not the page's 发布时间).
    if (meta.dateLine === undefined || (/[发發]布/.test(key) && (meta.dateKey === undefined || /成文|生成/.test(meta.dateKey)))) {
      meta.dateLine = date[0];
      meta.dateKey = key;
    }
  } else if (PUBLISHER_KEY.test(key)) meta.sourceLine ??= v;
  else if (AUTHOR_KEY.test(key)) meta.authorLine ??= v;
}

/**
 * Removes the chrome from lines of text. After the first real line at the top (the title
 * candidate), a head line that repeats it or another kept line (a page's heading printed again
 * under its breadcrumb) is dropped too.
 */
export function stripChrome(given: readonly string[]): Chrome {
  // A sharing site's label before the text's first line (文档介绍:——2009年5月16日在昔阳县…): the line without it.
  const label = given.findIndex((l) => l.trim() !== '');
  let input = label >= 0 && SHARING_LABEL.test(given[label]) ? given.map((l, i) => (i === label ? l.replace(SHARING_LABEL, '') : l)) : given;
  // A reposting site's headline that names the body, a colon, then the report (文化和旅游部:2017年文化发展统计公报): the
  // body's report, one title (a field's line, key：value, would be taken for chrome).
  const headline = label >= 0 ? ORG_HEADLINE.exec(input[label]) : null;
  if (headline && REPORTISH.test(headline[2]) && /(?:19|20)\d{2}/.test(headline[2]) && !SENTENCE.test(headline[2])) {
    // The body goes before a report named by its year or 关于 alone; a report that names its own place (湖北省统计局：湖北省2020年…,
    // 国家统计局：中华人民共和国2020年…) is the title as it is.
    const title = /^(?:(?:19|20)\d{2}|关于)/.test(headline[2]) ? headline[1] + headline[2] : headline[2];
    input = input.map((l, i) => (i === label ? title : l));
  }
  // A journal database's mark of where the text starts (<正>各位代表：…, CNKI's), on one of the first lines; the 摘要 heading
  // over it is the database's too.
  const marked = input.slice(0, 12).findIndex((l) => TEXT_START_MARK.test(l));
  if (marked >= 0) {
    let abstract = marked - 1;
    while (abstract >= 0 && input[abstract].trim() === '') abstract--;
    input = input.map((l, i) => (i === marked ? l.replace(TEXT_START_MARK, '') : i === abstract && /^\s*摘\s*要\s*[:：]?\s*$/.test(l) ? '' : l));
  }
  // The non-blank lines, by index: a typed array, which the collector never scans (a text may
  // have millions of lines). Lines are cleaned again where a rule looks at them: the head, the
  // tail and possible captions, a bounded number.
  // A breadcrumb that a page set as a numbered list (1. 当前位置: / 2. 首页 > 政务公开 > … / 3. > 正文): read without its numbers.
  const clean = (i: number) => {
    const c = cleanBlock(input[i]);
    return c.charCodeAt(0) <= 0x39 && LISTED_CRUMB.test(c) ? c.replace(LIST_NUMBER, '') : c;
  };
  const all = new Int32Array(input.length);
  let count = 0;
  for (let i = 0; i < input.length; i++) if (trimEdges(input[i]) && clean(i)) all[count++] = i;
  const idx = all.subarray(0, count);
  const drop = new Set<number>();
  const meta: Meta = {};
  if (!idx.length) return { lines: input };

  // The head: the lines before the first line of prose (or a chapter marker), within the first 80; or,
  // for a page copied whole from a portal (a menu of hundreds of short lines above the article), within
  // the first 400 when nearly all of them are short.
  let headEnd = 0;
  while (headEnd < idx.length && headEnd < MENU_HEAD) {
    const c = clean(idx[headEnd]);
    // A page's title (…报告|大力|重点任务_网易订阅, its parts set apart by | or _) is no prose.
    // A site's advice on browsers above it (当前浏览器版本过低，…建议您升级…) is no prose either.
    if (
      MARKER.test(c) ||
      (PROSE.test(c) &&
        c.length >= 30 &&
        !isCaption(c) &&
        !PAGE_TITLE.test(c) &&
        !CONTACT.test(c) &&
        !EDITOR_NOTE.test(c) &&
        !BROWSER_NOTE.test(c) &&
        !YEAR_INDEX.test(c) &&
        !DOC_SITE_BLURB.test(c))
    )
      break;
    headEnd++;
  }
  let menu = false;
  if (headEnd >= 80) {
    // A portal's menu: nearly all short lines, and below them the article's heading, the last head line that
    // names a report with its year (else the last that names one). Without such a heading, short lines are a list.
    let short = 0;
    for (let k = 0; k < headEnd; k++) if (isMenuItem(clean(idx[k]))) short++;
    let article = -1;
    // A portal's words among them (首页, 登录, 注册, 客户端…): a table's cells or a list of names at a report's top have none.
    let portal = 0;
    for (let k = 0; k < headEnd && portal < 3; k++) if (PORTAL.test(clean(idx[k]))) portal++;
    if (headEnd < MENU_HEAD && short >= headEnd * 0.8 && portal >= 3) {
      for (let k = headEnd - 1; k >= 0 && article < 0; k--) if (isHeading(clean(idx[k])) && /(?:19|20)\d{2}/.test(clean(idx[k]))) article = k;
      for (let k = headEnd - 1; k >= 0 && article < 0; k--) if (isHeading(clean(idx[k]))) article = k;
    }
    menu = article >= 40;
    if (menu) {
      // The menu and the page's own title above the heading go.
      for (let k = 0; k < article; k++) drop.add(idx[k]);
    } else headEnd = 0; // no prose near the top: not a page
  }
  const at = (k: number) => (k >= 0 && k < idx.length ? clean(idx[k]) : '');
  const prose = (c: string) => PROSE.test(c) && c.length >= 20;
  /** Whether the head holds a document-sharing site's furniture (isDocSiteLine). */
  let docSite = false;
  const tokenish = (c: string) => c !== '' && (isToken(c) || PUNCT_ONLY.test(c));

  // A forum's post (Discuz!: [复制链接], TA的每日心情, 签到天数, [LV.9]…, 积分, Rank: 7, then 发表于 2022-4-2 20:27:21 | 显示全部楼层):
  // the poster's card down to the post's date line is the forum's; the post was published at 发表于, not at the poster's
  // last check-in (TA的每日心情 / 奋斗 / 2024-12-31 10:19).
  for (let k = 0; k < headEnd; k++) {
    const posted = FORUM_POSTED.exec(at(k));
    if (!posted) continue;
    let first = -1;
    for (let j = 0; j < k; j++)
      if (FORUM_CARD.test(at(j))) {
        first = j;
        break;
      }
    if (first < 0) break;
    for (let j = first; j <= k; j++) drop.add(idx[j]);
    meta.dateLine = posted[1];
    break;
  }
  // A disclosure page's table of fields as a cell a line (索引号 / 11F/2017-00123 / 信息名称 / 北京市…的通知 / 内容概述 / …): each
  // key and the value under it are the page's (three keys at least in the head, so a lone 附件 or 备注 is left alone).
  // The table runs from its first key, pair after pair, to the first line that is no key where a key should be (a value
  // may be a heading's words: 内容概述 / 一、五年工作回顾 二、…, past the head's end).
  const firstKey = (() => {
    for (let k = 0; k < Math.min(headEnd + 1, 60); k++) if (STACKED_KEY.test(at(k))) return k;
    return -1;
  })();
  let stacked = 0;
  for (let k = firstKey; firstKey >= 0 && k < Math.min(idx.length, firstKey + 80) && stacked < 3; k++) if (STACKED_KEY.test(at(k))) stacked++;
  if (stacked >= 3)
    for (let k = firstKey; k < Math.min(idx.length, firstKey + 80); k++) {
      const c = at(k);
      const inline = STACKED_KEY_VALUE.exec(c);
      if (!STACKED_KEY.test(c) && !inline) break;
      drop.add(idx[k]);
      if (inline) {
        note(meta, inline[1], inline[2]);
        continue;
      }
      // The value under a key, unless the key is empty: a value has a key after it (the table goes on), or is a file's name,
      // a date or a code; a heading or a report's title with no key after it is the text (备注 / 一、总体情况).
      const v = at(k + 1);
      const more = k + 2 < idx.length && (STACKED_KEY.test(at(k + 2)) || STACKED_KEY_VALUE.test(at(k + 2)));
      const plainValue = /\.(?:docx?|pdf|wps|xlsx?|zip|rar)$/i.test(v) || /^[\x21-\x7e]+$/.test(v) || ANY_DATE.test(v);
      if (v && !STACKED_KEY.test(v) && !STACKED_KEY_VALUE.test(v) && v.length <= 120 && !/[。；！？]/.test(v) && (more || plainValue)) {
        drop.add(idx[k + 1]);
        note(meta, c, v);
        k++;
      }
    }
  // A page's fields as a list of bullets with no keys (• 755156513/2014-00003 / • 新郑市人民政府 / • 政府工作报告 / • 2014-02-13: a
  // 索引号 table flattened), three or more in a row above the text: the page's, not the report's. A line that names a report
  // with its year stays (it may be the only title).
  // A table of contents as bullets (• 一、2019年工作回顾 / • 二、…) is no list of fields.
  for (let k = 0; k < Math.min(headEnd, 60); k++) {
    let end = k;
    while (end < idx.length && BULLET_FIELD.test(at(end))) end++;
    const values = (j: number) => at(j).replace(/^[•·●▪◆]\s*/, '');
    let contents = false;
    for (let j = k; j < end && !contents; j++) contents = MARKER.test(values(j));
    // …but a table of contents of its own, above the text that repeats its headings: the page's too.
    let toc = end - k >= 2 && contents;
    for (let j = k; j < end && toc; j++) toc = MARKER.test(values(j));
    if (toc) for (let j = k; j < end; j++) drop.add(idx[j]);
    // …only with a field's value among them (a date, a code, a key): a list of short items at a document's top is text.
    let fields = false;
    for (let j = k; j < end && !fields; j++) {
      const v = values(j);
      fields = DIGIT_DATE.test(v) || /^[\x21-\x7e]*\d[\x21-\x7e]*$/.test(v) || KEY_VALUE.test(v) || STACKED_KEY_VALUE.test(v);
    }
    if (end - k >= 3 && !contents && fields)
      for (let j = k; j < end; j++) {
        const v = values(j);
        // A report's name with its year or its body (新郑市人民政府工作报告) stays; a bare type (政府工作报告, the 类别) goes.
        if (REPORTISH.test(v) && (/(?:19|20)\d{2}/.test(v) || v.length >= 8)) continue;
        drop.add(idx[j]);
        // A field with its key (• 发文日期: 2011-03-31 00:03, • 发布日期 2004-03-01) is noted as its key says.
        const kv = KEY_VALUE.exec(v) ?? STACKED_KEY_VALUE.exec(v);
        if (kv?.[2]) note(meta, kv[1], kv[2]);
        else if (DIGIT_DATE.test(v)) meta.dateLine ??= v;
      }
    k = Math.max(k, end);
  }
  // An encyclopedia's box of facts (基本介紹 / - 中文名:2010年江西政府工作報告 / - 時間:2010年 / - 地址:江西), as a wiki's mirror
  // prints it under the entry's summary: the page's, its 中文名 the title's field. Within the first lines, after prose too.
  for (let k = 0; k < Math.min(idx.length, 12); k++) {
    if (!INFOBOX_HEAD.test(at(k))) continue;
    let end = k + 1;
    while (end < idx.length && end - k <= 16 && INFOBOX_ITEM.test(at(end))) end++;
    if (end - k < 3) continue;
    for (let j = k; j < end; j++) {
      drop.add(idx[j]);
      // Its 中文名 only: its other facts (時間, 地址, 发布日期…) are the entry's, not the page's.
      const item = INFOBOX_ITEM.exec(at(j));
      if (item && TITLE_KEY.test(item[1])) note(meta, item[1], item[2]);
    }
    break;
  }
  // The last item of a breadcrumb set a line an item that names a report: a title field below any field of its own.
  let crumbTitle: string | undefined;
  for (let k = 0; k < headEnd; k++) {
    const c = at(k);
    if (drop.has(idx[k])) continue;
    // A breadcrumb a line an item (当前位置:首页 / > 政府信息公开 / > 政府信息公开年报 / > 2022年): each item under the one before.
    // Its last item may be the article's title (> 某县2023年政府工作报告): the title's field, for a text with no title line.
    const crumb = k > 0 && drop.has(idx[k - 1]) && CRUMB_BEFORE.test(at(k - 1)) ? ONE_CRUMB.exec(c) : null;
    if (crumb) {
      drop.add(idx[k]);
      if (crumb[1].length >= 8 && REPORTISH.test(crumb[1])) crumbTitle = crumb[1];
      continue;
    }
    if (
      PUNCT_ONLY.test(c) ||
      (isCrumbLine(c) && !SENTENCE.test(c)) ||
      (SITE_NAME.test(c) && !NOT_SITE.test(c)) ||
      ACCESS_BAR.test(c) ||
      WELCOME.test(c) ||
      SKIP_LINK.test(c) ||
      ENGLISH_BANNER.test(c) ||
      YEAR_INDEX.test(c) ||
      SOCIAL_ACCOUNT.test(c) ||
      (BROWSER_NOTE.test(c) && c.length <= 200) ||
      (isDocSiteLine(c) && (docSite = true)) ||
      FONT_BAR.test(c) ||
      (c.length <= 40 && TOOL_BAR.test(c)) ||
      WIDGET.test(c) ||
      WEATHER.test(c) ||
      isMenuLine(c)
    ) {
      drop.add(idx[k]);
      continue;
    }
    if (DIGIT_DATE.test(c)) {
      drop.add(idx[k]);
      meta.dateLine ??= c;
      continue;
    }
    // A disclosure table's row with bars whose later keys keep their colons (索引号 | /2025-0000 | 公开目录: | 工作报告 |).
    const barred = barFields(c);
    if (barred) {
      drop.add(idx[k]);
      for (const [key, value] of barred) note(meta, key, value);
      continue;
    }
    // A disclosure table's line as its fields (索 引 号: … 分 类: …, 索引号: | … | 公开目录: | … |).
    const f = fieldLine(c);
    const fields = fieldsOf(f);
    if (fields) {
      drop.add(idx[k]);
      for (const [key, value] of fields) note(meta, key, value);
      continue;
    }
    const stamp = WORD_STAMP.exec(c);
    if (stamp) {
      drop.add(idx[k]);
      meta.dateLine ??= stamp[1];
      continue;
    }
    // A date alone under the title (• 2022-02-28, a list of the page's tools), or with the publisher (2022-04-06 长沙市统计局),
    // or a 发布时间 field at the end of a site's line (…门户网站 www.zhengxiang.gov.cn 发布时间:2023-09-26).
    const dated = DATE_ALONE.exec(c) ?? (c.length <= 120 && !SENTENCE.test(c) ? DATE_FIELD.exec(c) : null);
    if (dated) {
      drop.add(idx[k]);
      meta.dateLine ??= dated[1];
      if (dated[2]) note(meta, '来源', dated[2]);
      continue;
    }
    // …or after it: the publisher and the date (莆田市统计局 2006-3-13), or the site, its address and the date (银川市人民政府门户网站
    // www.yinchuan.gov.cn 2023-01-30). A publisher is the 来源; a site is not.
    const signed = c.length <= 120 ? PUBLISHER_THEN_DATE.exec(c) : null;
    if (signed) {
      drop.add(idx[k]);
      meta.dateLine ??= signed[2];
      if (!SITE_NAME.test(signed[1])) note(meta, '来源', signed[1]);
      continue;
    }
    // A post's time and source on one line (2025-01-19 13:12:40 来源: 广东发布).
    const stamped = DATED_SOURCE.exec(c);
    if (stamped) {
      drop.add(idx[k]);
      meta.dateLine ??= stamped[1];
      note(meta, '来源', stamped[2]);
      continue;
    }
    // A share widget's lines (用微信扫码二维码, 分享至好友和朋友圈).
    if (c.length <= 20 && !PROSE.test(c) && SHARE.test(c) && !REPORTISH.test(c)) {
      drop.add(idx[k]);
      continue;
    }
    if (isCaption(c) || LINK_CALL.test(c)) {
      drop.add(idx[k]);
      continue;
    }
    // A separator around a label (==================== 正文 ====================), as a crawler writes it above the text.
    // Short lines only: on a long run of the marks the pattern would try each split of it (quadratic).
    if (c.length <= 120 && /^[=＝\-—*#_~]{3,}\s*(?:正\s*文|全\s*文)?\s*[=＝\-—*#_~]{3,}$/.test(c)) {
      drop.add(idx[k]);
      continue;
    }
    // An office's contacts (办公地址:…, 办公时间:工作日上班时间8:30——12:00;…, 联系电话:…), as a disclosure page prints them.
    if (CONTACT.test(c) && c.length <= 160) {
      drop.add(idx[k]);
      continue;
    }
    // A 范文 site's note to its readers (下面是小编收集整理的…，欢迎阅读参考!), with the lead-in it closes.
    if (EDITOR_NOTE.test(c) && c.length <= 400) {
      drop.add(idx[k]);
      continue;
    }
    // A site's search box (选择搜索类型, 请输入搜索).
    if (SEARCH_BOX.test(c)) {
      drop.add(idx[k]);
      continue;
    }
    const kv = KEY_VALUE.exec(f);
    if (kv && !SENTENCE.test(c) && (kv[2].length <= 40 || ADDRESS.test(kv[2]) || (TITLE_KEY.test(kv[1]) && kv[2].length <= 80))) {
      if (kv[2]) {
        drop.add(idx[k]);
        // A title keeps its closing bracket (标题: 政府工作报告（2024）); a field's value loses the one that closes the line's.
        note(meta, kv[1], TITLE_KEY.test(kv[1]) ? f.replace(/^[^:：]*[:：]/, '') : kv[2].replace(/[】\])）]$/, ''));
        continue;
      }
      // A bare key: its value is on the next line, or the next line is chrome too. A salutation
      // (各位代表：) is followed by prose and stays.
      const next = at(k + 1);
      if (prose(next) || ADDRESS_LINE.test(c)) continue;
      drop.add(idx[k]);
      // A short value (新华社, 张三) too: left behind, it would open the report.
      if (isValue(next)) {
        drop.add(idx[k + 1]);
        note(meta, kv[1], next);
        k++;
      } else if (DIGIT_DATE.test(next)) {
        drop.add(idx[k + 1]);
        meta.dateLine ??= next;
        k++;
      }
      continue;
    }
    // A breadcrumb's item between separators (首页 / > / 政务信息 / > / 宁夏要闻).
    if (c.length <= 12 && !PROSE.test(c) && (CRUMB_SEP.test(at(k - 1)) || CRUMB_SEP.test(at(k + 1)))) {
      drop.add(idx[k]);
      continue;
    }
    // A run of short tokens: buttons and controls. One short line alone (a speaker's name) stays.
    if (isToken(c) && ((k > 0 && tokenish(at(k - 1))) || (k + 1 < headEnd && tokenish(at(k + 1))))) {
      drop.add(idx[k]);
    }
  }
  if (crumbTitle) meta.titleLine ??= crumbTitle;

  // The first real line of the head is the title candidate; a later head line that repeats it or
  // an earlier kept line (a page heading printed twice) is dropped.
  const kept: string[] = [];
  let firstKept = -1;
  for (let k = 0; k < headEnd; k++) {
    if (drop.has(idx[k])) continue;
    const c = at(k);
    // …the text's title compared without a site's date after it (…情况报告 (2023-01-20)) or a footnote's mark (…统计公报[1]).
    const key = c
      .replace(/\s+/g, '')
      .replace(/[（(](?:19|20)\d{2}-\d{1,2}-\d{1,2}[)）]$/, '')
      .replace(/(?:\[\d{1,2}\]|［\d{1,2}］|【\d{1,2}】|[①-⑳])$/, '');
    const title = kept[0]?.replace(/\s+/g, '') ?? '';
    // The page's title with its site's name after a dash (政府工作报告-尊龙体育官网) and the text's own title under it: the
    // page's title goes, the text's stays.
    // Not when the name after the dash is the issuer's (…年度报告_平阳县司法局: the text's title would lose it), nor when the
    // part before it names no report (平阳县人民政府-2024年政府工作报告 over the site's logo line).
    const suffixed = kept.length ? SITE_SUFFIX.exec(title) : null;
    if (suffixed && suffixed[1] === key && REPORTISH.test(suffixed[1]) && !ORG_PART.test(suffixed[2])) {
      drop.add(idx[firstKept]);
      kept[0] = c;
      firstKept = k;
      continue;
    }
    // A document-sharing page's file name over the text's own title, which adds the year (武汉市政府工作报告(.docx) /
    // 2007年武汉市政府工作报告): the title with its year stays.
    // (Only on such a page: a portal's list of past years' reports under a plain title is no such pair.)
    const bare = title.replace(/\.(?:docx?|pdf|wps|txt)$/i, '');
    if (docSite && kept.length === 1 && REPORTISH.test(bare) && !/(?:19|20)\d{2}/.test(bare) && key.replace(/(?:19|20)\d{2}\s*年度?/, '') === bare) {
      drop.add(idx[firstKept]);
      kept[0] = c;
      firstKept = k;
      continue;
    }
    if (kept.length === 0) firstKept = k;
    if (
      kept.length &&
      (kept.some((x) => x.replace(/\s+/g, '') === key) ||
        (key.length >= 4 && key.length < title.length && title.includes(key) && REPORTISH.test(key)) ||
        // …or its first part, the title printed again over two lines (施甸县2020年国民经济 / 和社会发展统计公报).
        (key.length >= 8 && key.length < title.length && title.startsWith(key) && /(?:19|20)\d{2}/.test(key)))
    ) {
      drop.add(idx[k]);
      continue;
    }
    kept.push(c);
  }

  // A byline of fields right under a news lead that ended the head (《…报告》2024年1月13日在…全文 / 来源: | 来源:福州市政府网站 |
  // 时间:2024-03-15 | 1927 次浏览 | 分享到:): the page's, within the next two lines.
  for (let k = headEnd; k < Math.min(idx.length, headEnd + 3); k++) {
    const c = at(k);
    if (c.length > 120 || SENTENCE.test(c)) continue;
    const fields = barFields(c) ?? fieldsOf(fieldLine(c));
    if (!fields || fields.length < 2 || !fields.some(([key]) => /来源|时间|日期/.test(key))) continue;
    drop.add(idx[k]);
    for (const [key, value] of fields) note(meta, key, value);
  }
  // Photo captions anywhere in the body, a social post's own lines (▲资料图, 点击蓝字 关注我们), related links.
  for (let k = headEnd; k < idx.length; k++) {
    const raw = input[idx[k]];
    if ((/[摄攝]影?[)）]?\s*$/.test(raw) && isCaption(at(k))) || (raw.length <= 60 && /^[\s\u3000]*[▲△▼↑]|关注|二维码|点击/.test(raw) && isPostChrome(at(k))))
      drop.add(idx[k]);
    // A related link on a line of its own (相关解读：《…》解读), wherever the page put it.
    else if (raw.length <= 90 && /相关|延伸|推荐/.test(raw) && RELATED_ITEM.test(at(k))) drop.add(idx[k]);
  }

  // The tail: a related-links block, then a run of chrome lines at the very end.
  const tailFrom = Math.max(headEnd, idx.length - 40);
  for (let k = tailFrom; k < idx.length; k++) {
    if (!RELATED.test(at(k))) continue;
    let rest = true;
    for (let j = k + 1; j < idx.length; j++) if (SENTENCE.test(at(j)) || at(j).length > 60) rest = false;
    if (rest) {
      for (let j = k; j < idx.length; j++) drop.add(idx[j]);
      break;
    }
  }
  for (let k = idx.length - 1; k >= tailFrom; k--) {
    if (drop.has(idx[k])) continue;
    const c = at(k);
    const kv = KEY_VALUE.exec(c);
    const field = kv && TAIL_KEY.test(kv[1]) && kv[2].length <= 40 && !SENTENCE.test(kv[2]);
    if (field) note(meta, kv[1], kv[2]);
    const bracketItems = /^(?:[【[][^】\]]{1,12}[】\]]\s*){1,}$/.test(c);
    if (
      field ||
      bracketItems ||
      PUNCT_ONLY.test(c) ||
      (FOOTER.test(c) && c.length <= 80) ||
      (BROWSER_NOTE.test(c) && c.length <= 200) ||
      RELATED_ITEM.test(c)
    ) {
      drop.add(idx[k]);
      continue;
    }
    // An editor's bare key and the name on the next line (责任编辑： / 李莎莎); not a source (资料来源： / 某某市财政局 is the report's).
    const key = k > tailFrom ? KEY_VALUE.exec(at(k - 1)) : null;
    if (key && !key[2] && EDITOR_KEY.test(key[1]) && c.length <= 12 && isValue(c)) {
      note(meta, key[1], c);
      drop.add(idx[k]);
      drop.add(idx[k - 1]);
      k--;
      continue;
    }
    break;
  }

  // A portal's tail after the article (a page with a portal's menu above it): from a related-links heading
  // (相关推荐) after the last paragraph of prose to the end (the headlines, their sources and times, their counts),
  // with the short lines just before it (返回首页, 阅读下一篇) and a platform's disclaimer.
  if (menu) {
    let lastProse = -1;
    for (let k = idx.length - 1; k >= headEnd && lastProse < 0; k--) if (isParagraph(at(k)) && !DISCLAIMER.test(at(k))) lastProse = k;
    for (let k = Math.max(lastProse + 1, headEnd); k < idx.length; k++) {
      if (!RELATED.test(at(k))) continue;
      let from = k;
      while (from - 1 > lastProse && (isMenuItem(at(from - 1)) || DISCLAIMER.test(at(from - 1)))) from--;
      for (let j = from; j < idx.length; j++) drop.add(idx[j]);
      for (let j = lastProse + 1; j < from; j++) if (DISCLAIMER.test(at(j))) drop.add(idx[j]);
      break;
    }
  }

  const lines = drop.size ? input.filter((_, i) => !drop.has(i)) : input;
  return { lines, ...meta };
}

/**
 * A page's title line as a report's title: of a browser's title (报告|大力|重点任务_网易订阅), the part that
 * names a report; without a headline's call before it (全文来了！2025年广东省政府工作报告, 重磅！…). Else as it is.
 */
export function reportTitleOfLine(line: string): string {
  // A table of one cell around the title (`| 东疆综合保税区2025年度法治政府建设情况报告 |`, a page's layout table as Markdown), or a
  // layout table's bar after it (`云县人民政府2022年…年度报告 |`).
  let t = /^[|｜]?\s*([^|｜]{2,80}?)[\s|｜]*$/.exec(line)?.[1] ?? line;
  if (PAGE_TITLE.test(t)) {
    const parts = t.split(/[|｜_]/).map((p) => p.trim());
    const report = parts.find((p) => REPORTISH.test(p));
    // A part that is the issuer (昆明市人民政府｜2024年政府工作报告, …报告_某市发展和改革委员会) is kept before a report
    // part that names none.
    const org = parts.find((p) => p !== report && ORG_PART.test(p));
    if (report) t = org && NO_ISSUER.test(report) ? `${org}${report}` : report;
  }
  t = withoutTitleMarks(t);
  // A reprint's headline that only quotes the report's name (《政府工作报告》全文发布): the name.
  const quoted = QUOTED_NAME.exec(t);
  if (quoted && REPORTISH.test(quoted[1])) t = quoted[1];
  const call = HEADLINE_CALL.exec(t);
  return call && REPORTISH.test(t.slice(call[0].length)) ? t.slice(call[0].length) : t;
}

/** A headline that quotes a report's name and says it is out: 《政府工作报告》全文发布, 《…》全文. */
const QUOTED_NAME = /^《([^《》]{2,40})》\s*(?:全文)?(?:发布|公布|来了|出炉)?[！!]?$/;

/** A part of a page's title that is a body's name (昆明市人民政府, 某市发展和改革委员会, 某区司法局). */
const ORG_PART = /^[\u4e00-\u9fff]{2,30}(?:人民政府|政府|委员会|办公厅|办公室|局|厅|管委会|委|办事处|中心|院)$/;
/** A report's name that starts with its year or its type: it names no issuer. */
const NO_ISSUER = /^(?:(?:19|20)\d{2}\s*年度?)?(?:政府|国民经济|法治|关于)/;

/** A headline's call before a report's name: a few words and ！ (全文来了！, 重磅！, 刚刚！). */
const HEADLINE_CALL = /^[\u4e00-\u9fff]{2,8}[！!]\s*(?=.{0,12}(?:19|20)\d{2})/;

/** A newspaper's note where an article jumps between its pages: （下转第四版）, （紧接第一版）, （上接第2版）. */
const PAGE_JUMP = /[（(](?:下转|上接|紧接|接|转)第?[一二三四五六七八九十\d]{1,3}版[）)]\s*/g;

/** A line without a newspaper's page-jump notes (a report reprinted by a paper, copied from its web edition). */
export function withoutPageJumps(line: string): string {
  return line.includes('版') && PAGE_JUMP_ONE.test(line) ? line.replace(PAGE_JUMP, '') : line;
}
const PAGE_JUMP_ONE = new RegExp(PAGE_JUMP.source);

/** A related link on its own line at the end: 相关解读：《…》解读, 相关链接：《…》. */
const RELATED_ITEM = /^[【[]?\s*(?:相关|延伸|推荐)[\u4e00-\u9fff]{0,4}[】\]]?\s*[：:]\s*《[^》]{2,60}》[\u4e00-\u9fff]{0,6}$/;

/** A browser's title of a page: parts set apart by | or _ (报告|大力|重点任务_网易订阅). */
const PAGE_TITLE = /[|｜][^|｜]{1,20}[|｜_]|_[^_\s]{2,12}$|_[^_\s]{2,30}(?:网站|门户网|政府网)$/;
/** A date and time, then a 来源 (2025-01-19 13:12:40 来源: 广东发布). */
const DATED_SOURCE =
  /^((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*[|｜]?\s*(?:来源|來源)\s*[:：]\s*(\S.{0,30})$/;
/** A date alone on its line (after a list's bullet), or with the publisher after it. */
const DATE_ALONE =
  /^[•·●▪◆]?\s*((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+([\u4e00-\u9fff]{2,20}(?:局|厅|委员会|办公室|办公厅|人民政府|中心|调查队)))?$/;
/** A bulleted line of a page's fields: short, no sentence. */
const BULLET_FIELD = /^[•·●▪◆]\s*[^\s。，,；;！？!?][^。，,；;！？!?]{0,39}$/;
/** A publisher or a site (its address after it), then a date: 莆田市统计局 2006-3-13, 银川市人民政府门户网站 www.yinchuan.gov.cn 2023-01-30. */
const PUBLISHER_THEN_DATE =
  /^([\u4e00-\u9fff]{2,24}(?:局|厅|委员会|办公室|办公厅|人民政府|中心|调查队|门户网站|政府网站|政府网|官方网站|网站))(?:\s+(?:https?:\/\/)?[\w.-]+\.[a-z]{2,}(?:\/\S*)?)?\s+((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})$/i;
/** A 发布时间 field at the end of a site's line. */
const DATE_FIELD = /\S\s+(?:发布时间|发布日期)\s*[:：]\s*((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$/;
/** An office's contact field: address, hours, telephone, fax, post code, mail. */
const CONTACT = /^(?:办公地址|通讯地址|联系地址|办公时间|工作时间|联系电话|咨询电话|传真电话|传真|邮政编码|邮编|电子邮箱|联系邮箱)\s*[:：]/;
/** A 范文 site's note to its readers: 下面是小编为大家整理的…，供大家参考. */
const EDITOR_NOTE = /小编(?:为大家|给大家|精心|收集|整理|推荐|分享)[^。！!]{0,80}(?:参考|阅读|借鉴|学习|欣赏|下载)/;
/** A site's search box: its prompts and choices. */
const SEARCH_BOX = /^(?:选择特殊符号|选择搜索类型|请输入(?:搜索)?(?:关键[字词]|内容|搜索内容)?|站内搜索|全文检索|高级搜索)$/;
/** A share widget's words. */
const SHARE = /分享|扫码|二维码|朋友圈/;
/** How far down a portal's menu may push the article. */
const MENU_HEAD = 400;
/** A line of a portal's menu: short, no prose (网易公开课, 注册免费邮箱, 0). */
const isMenuItem = (c: string) => c.length <= 14 && !PROSE.test(c);
/** A line that heads an article: names a report (报告, 公报…), short, no sentence. */
const isHeading = (line: string) => {
  const c = reportTitleOfLine(line);
  return c.length <= 60 && /报告|公报|总结|年报/.test(c) && !SENTENCE.test(c);
};
/** A portal's menu words. */
const PORTAL = /首页|登录|注册|客户端|导航|频道|订阅|邮箱|搜索|APP|下载|收藏|会员中心/i;
/** A paragraph of prose: long, with a sentence's end. */
const isParagraph = (c: string) => c.length >= 60 && /[。！？]/.test(c);
/** A platform's disclaimer under a post (特别声明：以上内容…, Notice: The content above…). */
const DISCLAIMER = /^(?:特别声明|免责声明|版权声明)[:：]|^(?:Notice|Disclaimer)\s*:/i;

/** The fields the chrome removal read off the page (来源, 工作机构名称, time, author), onto the item the reader makes. */
export function withChromeFields(item: RawItem, chrome: Chrome): RawItem {
  if (chrome.sourceLine) item.sourceLine = chrome.sourceLine;
  if (chrome.officeLine) item.officeLine = chrome.officeLine;
  if (chrome.dateLine) item.dateLine = chrome.dateLine;
  if (chrome.authorLine) item.authorLine = chrome.authorLine;
  return item;
}

/**
 * What the chrome removal took out, said once: how many lines, and the first few of them. Null
 * when nothing was removed.
 */
export function chromeNote(input: readonly string[], kept: readonly string[]): Diagnostic[] {
  // The kept lines are a subsequence of the input: as many means all of them.
  if (kept.length === input.length) return [];
  // The lines not kept, by walking both lists; a line whose text is also kept does not count.
  const gone: number[] = [];
  for (let i = 0, j = 0; i < input.length; i++) {
    if (j < kept.length && input[i] === kept[j]) j++;
    else gone.push(i);
  }
  const goneText = new Set(gone.map((i) => input[i]));
  // Lengths first: hashing every kept line (whole paragraphs) only to find the few short lines removed costs more.
  const goneLengths = new Set(gone.map((i) => input[i].length));
  const alsoKept = new Set(kept.filter((k) => goneLengths.has(k.length) && goneText.has(k)));
  const removed = gone
    .filter((i) => !alsoKept.has(input[i]))
    .map((i) => cleanBlock(input[i]))
    .filter((l) => l);
  if (!removed.length) return [];
  const sample = removed.slice(0, 6).join(' · ');
  return [diag('info', 'chromeRemoved', [removed.length, removed.length > 6 ? `${sample} …` : sample])];
}
