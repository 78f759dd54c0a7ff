/**
 * A 2-D DOMMatrix for pdfjs-dist in Node. pdfjs borrows one from the optional @napi-rs/canvas
 * package, which the VSIX does not ship (and the editor's extension host has no DOM), and its
 * worker needs one to read some fonts (Type 3 glyphs drawn as image masks): without it, reading
 * such a PDF fails with "DOMMatrix is not defined". Text extraction needs only the affine part
 * (a b c d e f), so that is all this holds. Installed before pdfjs loads (pdfjs.ts imports it
 * first), so every host reads PDFs the same way.
 */
class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: readonly number[]) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = init;
  }

  get is2D(): boolean {
    return true;
  }

  /** this = this × m */
  multiplySelf(m: { a: number; b: number; c: number; d: number; e: number; f: number }): this {
    const { a, b, c, d, e, f } = this;
    this.a = a * m.a + c * m.b;
    this.b = b * m.a + d * m.b;
    this.c = a * m.c + c * m.d;
    this.d = b * m.c + d * m.d;
    this.e = a * m.e + c * m.f + e;
    this.f = b * m.e + d * m.f + f;
    return this;
  }

  /** this = m × this */
  preMultiplySelf(m: { a: number; b: number; c: number; d: number; e: number; f: number }): this {
    const copy = new AffineMatrix([m.a, m.b, m.c, m.d, m.e, m.f]).multiplySelf(this);
    [this.a, this.b, this.c, this.d, this.e, this.f] = [copy.a, copy.b, copy.c, copy.d, copy.e, copy.f];
    return this;
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf({ a: 1, b: 0, c: 0, d: 1, e: tx, f: ty });
  }

  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf({ a: sx, b: 0, c: 0, d: sy, e: 0, f: 0 });
  }

  invertSelf(): this {
    const { a, b, c, d, e, f } = this;
    const det = a * d - b * c;
    if (!det) {
      [this.a, this.b, this.c, this.d, this.e, this.f] = [Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN];
      return this;
    }
    [this.a, this.b, this.c, this.d, this.e, this.f] = [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
    return this;
  }

  transformPoint(p: { x?: number; y?: number } = {}): { x: number; y: number; z: number; w: number } {
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
  }
}

const g = globalThis as { DOMMatrix?: unknown };
if (!g.DOMMatrix) g.DOMMatrix = AffineMatrix;

export { AffineMatrix };
