/**
 * Word's automatic numbering, rendered as Word shows it: numbering.xml's abstract definitions
 * (per level: start, number format, level text such as `%1、` or `（%1）`, restart), the numbering
 * instances that point to them (with their start overrides), and the counters as paragraphs use
 * them. Without it the 一、 of headings that Word numbers itself would vanish from the text.
 */
import { toChineseNumeral } from '../model/index.ts';
import { attr, attrText, scanXml } from './xml.ts';

interface Level {
  start: number;
  format: string;
  text: string;
  /** Restart after this level (0-based) or a higher one is used; -1: never restart. Undefined: after any higher level. */
  restart?: number;
  /** Legal numbering: every %n as a decimal. */
  legal: boolean;
  /** What follows the number: a tab (default), a space or nothing. */
  suffix: string;
}

interface Instance {
  abstractId: string;
  /** Start overrides per level. */
  starts: Map<number, number>;
  /** Whole level overrides. */
  levels: Map<number, Level>;
}

export interface NumberingDefinitions {
  abstracts: Map<string, Map<number, Level>>;
  instances: Map<string, Instance>;
}

const newLevel = (): Level => ({ start: 0, format: 'decimal', text: '', legal: false, suffix: 'tab' });

/** Reads numbering.xml. A broken or missing part gives no definitions (the text is still read). */
export function parseNumbering(xml: Uint8Array): NumberingDefinitions {
  const abstracts = new Map<string, Map<number, Level>>();
  const instances = new Map<string, Instance>();
  let abstract: Map<number, Level> | null = null;
  let instance: Instance | null = null;
  let level: Level | null = null;
  let overrideLevel = -1;
  const val = (a: () => string) => attr(a(), 'w:val') ?? '';
  scanXml(xml, {
    open(name, b, from, to) {
      const a = () => attrText(b, from, to);
      switch (name) {
        case 'w:abstractNum':
          abstract = new Map();
          abstracts.set(attr(a(), 'w:abstractNumId') ?? '', abstract);
          break;
        case 'w:num':
          instance = { abstractId: '', starts: new Map(), levels: new Map() };
          instances.set(attr(a(), 'w:numId') ?? '', instance);
          break;
        case 'w:abstractNumId':
          if (instance) instance.abstractId = val(a);
          break;
        case 'w:lvlOverride':
          overrideLevel = Number(attr(a(), 'w:ilvl') ?? 0);
          break;
        case 'w:startOverride':
          if (instance && overrideLevel >= 0) instance.starts.set(overrideLevel, Number(val(a)) || 0);
          break;
        case 'w:lvl': {
          level = newLevel();
          const ilvl = Number(attr(a(), 'w:ilvl') ?? 0);
          if (instance && overrideLevel >= 0) instance.levels.set(overrideLevel, level);
          else abstract?.set(ilvl, level);
          break;
        }
        case 'w:start':
          if (level) level.start = Number(val(a)) || 0;
          break;
        case 'w:numFmt':
          if (level) level.format = val(a) || 'decimal';
          break;
        case 'w:lvlText':
          if (level) level.text = val(a);
          break;
        case 'w:lvlRestart':
          if (level) level.restart = Number(val(a)) - 1;
          break;
        case 'w:isLgl':
          if (level) level.legal = !/^(?:0|false|off)$/.test(val(a));
          break;
        case 'w:suff':
          if (level) level.suffix = val(a) || 'tab';
          break;
      }
    },
    close(name) {
      if (name === 'w:abstractNum') abstract = null;
      else if (name === 'w:num') instance = null;
      else if (name === 'w:lvlOverride') overrideLevel = -1;
      else if (name === 'w:lvl') level = null;
    },
  });
  return { abstracts, instances };
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function roman(n: number): string {
  let s = '';
  for (const [v, r] of ROMAN) while (n >= v) [s, n] = [s + r, n - v];
  return s;
}

/** A Chinese count up to 9999 (一百零五, 一千二百): Word's chineseCounting and chineseCountingThousand. */
function chineseCount(n: number): string {
  if (n < 100) return n === 0 ? '〇' : toChineseNumeral(n);
  if (n >= 10000) return String(n);
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const units = ['千', '百', '十', ''];
  const d = String(n).padStart(4, '0').split('').map(Number);
  let s = '';
  let zero = false;
  for (let i = 0; i < 4; i++) {
    if (d[i] === 0) {
      if (s) zero = true;
      continue;
    }
    if (zero) s += '零';
    zero = false;
    s += digits[d[i]] + units[i];
  }
  return s;
}

const CYCLES: Record<string, string> = {
  ideographTraditional: '甲乙丙丁戊己庚辛壬癸',
  ideographZodiac: '子丑寅卯辰巳午未申酉戌亥',
};

/** A counter in one of Word's number formats. */
function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'upperLetter':
    case 'lowerLetter': {
      if (n < 1) return String(n);
      const c = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? c : c.toLowerCase();
    }
    case 'upperRoman':
      return n >= 1 ? roman(n) : String(n);
    case 'lowerRoman':
      return n >= 1 ? roman(n).toLowerCase() : String(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
      return chineseCount(n);
    case 'ideographDigital':
      return String(n).replace(/\d/g, (c) => '〇一二三四五六七八九'[Number(c)]);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return n >= 1 && n <= 10 ? '壹贰叁肆伍陆柒捌玖拾'[n - 1] : chineseCount(n);
    default: {
      const cycle = CYCLES[format];
      if (cycle && n >= 1) return cycle[(n - 1) % cycle.length];
      return String(n);
    }
  }
}

/** The counters of a document's lists, as paragraphs use them in order. */
export class NumberingCounters {
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly applied = new Set<string>();

  constructor(private readonly defs: NumberingDefinitions) {}

  private level(inst: Instance, ilvl: number): Level | undefined {
    return inst.levels.get(ilvl) ?? this.defs.abstracts.get(inst.abstractId)?.get(ilvl);
  }

  /**
   * The number a paragraph of list `numId` at level `ilvl` shows, with what follows it, or null
   * (no such list, numId 0 = numbering removed).
   */
  next(numId: string, ilvl: number): string | null {
    const inst = this.defs.instances.get(numId);
    if (!inst || numId === '0') return null;
    const lvl = this.level(inst, ilvl);
    if (!lvl) return null;
    const key = inst.abstractId;
    const counters = this.counters.get(key) ?? [];
    this.counters.set(key, counters);
    // A numbering instance with a start override restarts that level the first time it is used.
    const override = inst.starts.get(ilvl);
    const once = `${numId}/${ilvl}`;
    let start = lvl.start;
    if (override !== undefined) {
      start = override;
      if (!this.applied.has(once)) {
        this.applied.add(once);
        counters[ilvl] = undefined;
      }
    }
    counters[ilvl] = counters[ilvl] === undefined ? start : (counters[ilvl] as number) + 1;
    for (let l = ilvl + 1; l < 9; l++) {
      const deeper = this.level(inst, l);
      if (deeper?.restart === -1) continue;
      if (deeper?.restart === undefined || deeper.restart >= ilvl) counters[l] = undefined;
    }
    if (lvl.format === 'bullet') return lvl.text ? bullet(lvl.text) : null;
    const text = lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const ref = this.level(inst, l);
      const value = counters[l] ?? ref?.start ?? 0;
      return formatNumber(value, lvl.legal && l !== ilvl ? 'decimal' : (ref?.format ?? 'decimal'));
    });
    if (!text) return '';
    // Word puts a tab or a space after the number; after Chinese punctuation (一、 （一）) nothing is needed.
    const gap = lvl.suffix === 'nothing' || /[、，．。）)】：:]$/.test(text) ? '' : ' ';
    return text + gap;
  }
}

/** A bullet's character: symbol-font characters (private use area) as •. */
function bullet(text: string): string {
  const c = text.charCodeAt(0);
  return `${c >= 0xe000 && c <= 0xf8ff ? '•' : text} `;
}
