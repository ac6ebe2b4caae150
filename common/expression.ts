/**
 * Indicator expressions over data elements, DHIS2 style: `#{rd_expenditure} / (#{gdp} * 10000) * 100`.
 * Grammar: expr := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*;
 *          factor := number | #{code} | '(' expr ')' | '-' factor
 * Pure: parsed and validated when an indicator is saved; evaluated per org unit and period.
 */

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'ref'; code: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

export class ExpressionError extends Error {
  constructor(
    readonly reason: 'syntax' | 'unknown_reference',
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

type Token =
  { t: 'num'; v: number; p: number } | { t: 'ref'; v: string; p: number } | { t: 'op'; v: string; p: number } | { t: 'end'; p: number };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (/[0-9.]/.test(c)) {
      const m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) throw new ExpressionError('syntax', `bad number at ${i + 1}`, i);
      out.push({ t: 'num', v: Number(m[0]), p: i });
      i += m[0].length;
    } else if (c === '#') {
      const m = /^#\{([A-Za-z][A-Za-z0-9_.]*)\}/.exec(src.slice(i));
      if (!m) throw new ExpressionError('syntax', `bad reference at ${i + 1}: expected #{code}`, i);
      out.push({ t: 'ref', v: m[1]!, p: i });
      i += m[0].length;
    } else if ('+-*/()'.includes(c)) {
      out.push({ t: 'op', v: c, p: i });
      i++;
    } else {
      throw new ExpressionError('syntax', `unexpected "${c}" at ${i + 1}`, i);
    }
  }
  out.push({ t: 'end', p: src.length });
  return out;
}

export function parseExpression(src: string): Expr {
  const toks = tokenize(src);
  let k = 0;
  const peek = () => toks[k]!;
  const isOp = (v: string) => {
    const tk = peek();
    return tk.t === 'op' && tk.v === v;
  };
  const expr = (): Expr => {
    let left = term();
    while (isOp('+') || isOp('-')) {
      const op = (toks[k++] as { v: '+' | '-' }).v;
      left = { kind: 'bin', op, left, right: term() };
    }
    return left;
  };
  const term = (): Expr => {
    let left = factor();
    while (isOp('*') || isOp('/')) {
      const op = (toks[k++] as { v: '*' | '/' }).v;
      left = { kind: 'bin', op, left, right: factor() };
    }
    return left;
  };
  const factor = (): Expr => {
    const tk = peek();
    if (tk.t === 'num') {
      k++;
      return { kind: 'num', value: tk.v };
    }
    if (tk.t === 'ref') {
      k++;
      return { kind: 'ref', code: tk.v };
    }
    if (isOp('-')) {
      k++;
      return { kind: 'neg', arg: factor() };
    }
    if (isOp('(')) {
      k++;
      const inner = expr();
      if (!isOp(')')) throw new ExpressionError('syntax', `missing ")" at ${peek().p + 1}`, peek().p);
      k++;
      return inner;
    }
    throw new ExpressionError('syntax', tk.t === 'end' ? 'expression ends too early' : `unexpected token at ${tk.p + 1}`, tk.p);
  };
  const result = expr();
  if (peek().t !== 'end') throw new ExpressionError('syntax', `unexpected token at ${peek().p + 1}`, peek().p);
  return result;
}

export function references(e: Expr, out = new Set<string>()): Set<string> {
  if (e.kind === 'ref') out.add(e.code);
  else if (e.kind === 'neg') references(e.arg, out);
  else if (e.kind === 'bin') {
    references(e.left, out);
    references(e.right, out);
  }
  return out;
}

/** Parses and checks every reference against the known data elements. */
export function validateExpression(src: string, known: (code: string) => boolean): Expr {
  const e = parseExpression(src);
  for (const code of references(e)) {
    if (!known(code)) {
      const p = src.indexOf(`#{${code}}`);
      throw new ExpressionError('unknown_reference', `unknown data element #{${code}}`, p);
    }
  }
  return e;
}

export type EvalResult =
  | { value: number; missing?: undefined; reason?: undefined }
  | { value: null; reason: 'missing' | 'zero_denominator' | 'not_finite'; missing?: string[] };

/** Evaluates with the values at hand; a missing input or a zero denominator gives no value and says why. */
export function evaluate(e: Expr, lookup: (code: string) => number | undefined): EvalResult {
  const missing = [...references(e)].filter((c) => lookup(c) === undefined);
  if (missing.length) return { value: null, reason: 'missing', missing };
  let zeroDiv = false;
  const run = (x: Expr): number => {
    switch (x.kind) {
      case 'num':
        return x.value;
      case 'ref':
        return lookup(x.code)!;
      case 'neg':
        return -run(x.arg);
      case 'bin': {
        const a = run(x.left);
        const b = run(x.right);
        if (x.op === '/') {
          if (b === 0) {
            zeroDiv = true;
            return NaN;
          }
          return a / b;
        }
        return x.op === '+' ? a + b : x.op === '-' ? a - b : a * b;
      }
    }
  };
  const v = run(e);
  if (zeroDiv) return { value: null, reason: 'zero_denominator' };
  if (!Number.isFinite(v)) return { value: null, reason: 'not_finite' };
  return { value: v };
}
