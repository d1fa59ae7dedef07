import type { Permission } from './permissions.js';

/** A lot's quality status (quality-shipping.md): only RELEASED stock may be reserved, issued or shipped. */
export const LOT_QUALITY_STATUSES = ['QUARANTINE', 'RELEASED', 'REJECTED', 'BLOCKED'] as const;
export type LotQualityStatus = (typeof LOT_QUALITY_STATUSES)[number];

export type LotQualityAction = 'accept' | 'reject' | 'pass' | 'fail' | 'release' | 'block';

/**
 * The lot-status machine: an incoming inspection accepts or rejects a quarantined lot, lab tests pass
 * or fail a batch, and only quality.approve overrides (release with a reason, or block).
 */
export const LOT_QUALITY_TRANSITIONS: Record<
  LotQualityAction,
  { from: readonly LotQualityStatus[]; to: LotQualityStatus; permission: Permission }
> = {
  accept: { from: ['QUARANTINE'], to: 'RELEASED', permission: 'quality.create' },
  reject: { from: ['QUARANTINE'], to: 'REJECTED', permission: 'quality.create' },
  pass: { from: ['QUARANTINE'], to: 'RELEASED', permission: 'quality.create' },
  fail: { from: ['QUARANTINE', 'RELEASED'], to: 'BLOCKED', permission: 'quality.create' },
  release: { from: ['QUARANTINE', 'BLOCKED', 'REJECTED'], to: 'RELEASED', permission: 'quality.approve' },
  block: { from: ['QUARANTINE', 'RELEASED'], to: 'BLOCKED', permission: 'quality.approve' },
};

/** What each action is called in the audit log and the `quality.lot.*` event. */
export const LOT_QUALITY_PAST_TENSE: Record<LotQualityAction, 'released' | 'rejected' | 'blocked'> = {
  accept: 'released',
  reject: 'rejected',
  pass: 'released',
  fail: 'blocked',
  release: 'released',
  block: 'blocked',
};

export const INSPECTION_TYPES = ['INCOMING', 'METAL_DETECTION', 'STUFFING_WEIGHT', 'INLINE'] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];
export const INSPECTION_VERDICTS = ['PASSED', 'FAILED'] as const;
export type InspectionVerdict = (typeof INSPECTION_VERDICTS)[number];

/** Sewing defects an inline inspection counts (the SOP's list). */
export const DEFECT_CODES = [
  'SKIPPED_STITCH',
  'BROKEN_NEEDLE',
  'OPEN_SEAM',
  'LOOSE_THREAD',
  'WRONG_LABEL',
  'STAIN',
  'ASYMMETRY',
  'LOOSE_PART',
] as const;
export type DefectCode = (typeof DEFECT_CODES)[number];

export const LAB_TEST_TYPES = [
  'DROP',
  'SEAM_STRENGTH',
  'TENSION',
  'SMALL_PARTS',
  'STABILITY',
  'FLAMMABILITY',
  'CHEMICAL',
] as const;
export type LabTestType = (typeof LAB_TEST_TYPES)[number];
export const LIMIT_KINDS = ['MIN', 'MAX'] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];

/** A lab result passes when it is at or above a MIN limit, at or below a MAX limit. */
export const labTestPasses = (value: number, kind: LimitKind, limit: number): boolean =>
  kind === 'MIN' ? value >= limit : value <= limit;

/** Evidence files kept in the database: at most 5 MB, PDF, PNG or JPEG. */
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

// ---------------------------------------------------------------------------------------------------
// ISO 2859-1: single sampling, normal inspection, general inspection level II.

/** Table I, level II: the largest lot size of each code letter (above 500,000: Q). */
const CODE_LETTER_LIMITS: ReadonlyArray<readonly [number, CodeLetter]> = [
  [8, 'A'],
  [15, 'B'],
  [25, 'C'],
  [50, 'D'],
  [90, 'E'],
  [150, 'F'],
  [280, 'G'],
  [500, 'H'],
  [1200, 'J'],
  [3200, 'K'],
  [10000, 'L'],
  [35000, 'M'],
  [150000, 'N'],
  [500000, 'P'],
];

export const CODE_LETTERS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'J',
  'K',
  'L',
  'M',
  'N',
  'P',
  'Q',
] as const;
export type CodeLetter = (typeof CODE_LETTERS)[number];

/** Table II-A: the sample size of each code letter. */
export const SAMPLE_SIZES: Record<CodeLetter, number> = {
  A: 2,
  B: 3,
  C: 5,
  D: 8,
  E: 13,
  F: 20,
  G: 32,
  H: 50,
  J: 80,
  K: 125,
  L: 200,
  M: 315,
  N: 500,
  P: 800,
  Q: 1250,
};

/**
 * The AQL columns Kapok offers: the percent-nonconforming range used for material and toys. Every
 * arrow of these columns lands on a plan inside letters A–Q.
 */
export const AQL_VALUES = [0.065, 0.1, 0.15, 0.25, 0.4, 0.65, 1.0, 1.5, 2.5, 4.0, 6.5] as const;
export const DEFAULT_AQL = 2.5;

/**
 * Table II-A (single sampling plans for normal inspection), columns as AQL_VALUES: `Ac/Re`, or an
 * arrow: ↓ use the first plan below, ↑ the first plan above (with that row's sample size).
 */
export const SINGLE_NORMAL_TABLE: Record<CodeLetter, readonly string[]> = {
  //   0.065   0.10    0.15    0.25    0.40    0.65    1.0     1.5     2.5     4.0     6.5
  A: ['↓', '↓', '↓', '↓', '↓', '↓', '↓', '↓', '↓', '↓', '0/1'],
  B: ['↓', '↓', '↓', '↓', '↓', '↓', '↓', '↓', '↓', '0/1', '↑'],
  C: ['↓', '↓', '↓', '↓', '↓', '↓', '↓', '↓', '0/1', '↑', '↓'],
  D: ['↓', '↓', '↓', '↓', '↓', '↓', '↓', '0/1', '↑', '↓', '1/2'],
  E: ['↓', '↓', '↓', '↓', '↓', '↓', '0/1', '↑', '↓', '1/2', '2/3'],
  F: ['↓', '↓', '↓', '↓', '↓', '0/1', '↑', '↓', '1/2', '2/3', '3/4'],
  G: ['↓', '↓', '↓', '↓', '0/1', '↑', '↓', '1/2', '2/3', '3/4', '5/6'],
  H: ['↓', '↓', '↓', '0/1', '↑', '↓', '1/2', '2/3', '3/4', '5/6', '7/8'],
  J: ['↓', '↓', '0/1', '↑', '↓', '1/2', '2/3', '3/4', '5/6', '7/8', '10/11'],
  K: ['↓', '0/1', '↑', '↓', '1/2', '2/3', '3/4', '5/6', '7/8', '10/11', '14/15'],
  L: ['0/1', '↑', '↓', '1/2', '2/3', '3/4', '5/6', '7/8', '10/11', '14/15', '21/22'],
  M: ['↑', '↓', '1/2', '2/3', '3/4', '5/6', '7/8', '10/11', '14/15', '21/22', '↑'],
  N: ['↓', '1/2', '2/3', '3/4', '5/6', '7/8', '10/11', '14/15', '21/22', '↑', '↑'],
  P: ['1/2', '2/3', '3/4', '5/6', '7/8', '10/11', '14/15', '21/22', '↑', '↑', '↑'],
  Q: ['2/3', '3/4', '5/6', '7/8', '10/11', '14/15', '21/22', '↑', '↑', '↑', '↑'],
};

export interface SamplingPlan {
  lotSize: number;
  aql: number;
  /** The letter of the lot size (Table I). */
  codeLetter: CodeLetter;
  /** The letter whose plan applies after following the table's arrows. */
  planLetter: CodeLetter;
  /** Pieces to inspect: the plan's sample, or the whole lot when the sample is not smaller (100 %). */
  sampleSize: number;
  accept: number;
  reject: number;
  inspectAll: boolean;
}

export const isAql = (aql: number): boolean => (AQL_VALUES as readonly number[]).includes(aql);

export function codeLetterOf(lotSize: number): CodeLetter {
  for (const [max, letter] of CODE_LETTER_LIMITS) if (lotSize <= max) return letter;
  return 'Q';
}

/** The sampling plan of a lot (lot size ≥ 1, a whole number) at one of AQL_VALUES. */
export function samplingPlan(lotSize: number, aql: number): SamplingPlan {
  if (!Number.isInteger(lotSize) || lotSize < 1) throw new RangeError(`lot size ${lotSize} is not a count`);
  const column = (AQL_VALUES as readonly number[]).indexOf(aql);
  if (column < 0) throw new RangeError(`AQL ${aql} is not one of ${AQL_VALUES.join(', ')}`);
  const codeLetter = codeLetterOf(lotSize);
  let row = CODE_LETTERS.indexOf(codeLetter);
  let cell = SINGLE_NORMAL_TABLE[codeLetter][column];
  // Arrows point the same way down a column until a plan; the table never points past A or Q here.
  const step = cell === '↓' ? 1 : cell === '↑' ? -1 : 0;
  while (cell === '↓' || cell === '↑') {
    row += step;
    cell = SINGLE_NORMAL_TABLE[CODE_LETTERS[row]][column];
  }
  const planLetter = CODE_LETTERS[row];
  const [accept, reject] = cell.split('/').map(Number);
  const planSample = SAMPLE_SIZES[planLetter];
  const inspectAll = planSample >= lotSize;
  return {
    lotSize,
    aql,
    codeLetter,
    planLetter,
    sampleSize: inspectAll ? lotSize : planSample,
    accept,
    reject,
    inspectAll,
  };
}

// ---------------------------------------------------------------------------------------------------

export interface WeightSummary {
  count: number;
  meanGrams: number;
  minGrams: number;
  maxGrams: number;
  outOfTolerance: number;
  passed: boolean;
}

/** Stuffing weights against standard ± tolerance; the verdict fails when any weight is outside. */
export function weightSummary(
  weights: readonly number[],
  standard: number,
  tolerance: number,
): WeightSummary {
  const low = standard - tolerance;
  const high = standard + tolerance;
  const outOfTolerance = weights.filter((w) => w < low || w > high).length;
  const sum = weights.reduce((s, w) => s + w, 0);
  return {
    count: weights.length,
    meanGrams: Math.round((sum / weights.length) * 100) / 100,
    minGrams: Math.min(...weights),
    maxGrams: Math.max(...weights),
    outOfTolerance,
    passed: outOfTolerance === 0,
  };
}

// ---------------------------------------------------------------------------------------------------

/** Why a quality alert opened: the SOP's critical points. */
export const QUALITY_ALERT_REASONS = ['METAL_DETECTED'] as const;
export type QualityAlertReason = (typeof QUALITY_ALERT_REASONS)[number];
export const QUALITY_ALERT_STATUSES = ['OPEN', 'ACKNOWLEDGED'] as const;
export type QualityAlertStatus = (typeof QUALITY_ALERT_STATUSES)[number];
