/**
 * Maximum-weight bipartite matching (the Hungarian algorithm, O(n²m)) with a floor: pairs that
 * score under the threshold are never matched, so nothing is forced onto a poor match, and a
 * pair's weight is its score above the floor.
 */

export interface Match {
  /** Row index (the later year's unit). */
  a: number;
  /** Column index (the earlier year's unit). */
  b: number;
  score: number;
}

/**
 * Pairs of rows and columns that maximise the total score, each row and column used at most once,
 * each pair scoring at least `threshold`. `scores[i][j]` is in 0..1.
 */
export function assign(scores: number[][], threshold: number): Match[] {
  const rows = scores.length;
  const cols = rows ? scores[0].length : 0;
  if (!rows || !cols) return [];
  // A pair is worth what it scores above the threshold, so two marginal pairs never outweigh a
  // strong one; under the threshold it is worth nothing and is never taken.
  const gain = (i: number, j: number) => (scores[i][j] >= threshold ? scores[i][j] - threshold + 1e-9 : 0);
  const transpose = rows > cols;
  const n = transpose ? cols : rows; // the smaller side
  const m = transpose ? rows : cols;
  const cost = (i: number, j: number) => -(transpose ? gain(j, i) : gain(i, j));
  // e-maxx formulation, 1-based; p[j] is the row assigned to column j.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  const out: Match[] = [];
  for (let j = 1; j <= m; j++) {
    if (!p[j]) continue;
    const a = transpose ? j - 1 : p[j] - 1;
    const b = transpose ? p[j] - 1 : j - 1;
    const s = scores[a][b];
    if (s >= threshold) out.push({ a, b, score: s });
  }
  return out.sort((x, y) => x.a - y.a);
}
