export type TParams = Record<string, string | number>;

const rules = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
  let r = rules.get(locale);
  if (!r) {
    r = new Intl.PluralRules(locale);
    rules.set(locale, r);
  }
  return r;
}

/** The index just past the `}` that closes the `{` at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** The branches of `one {…} other {…} =0 {…}` by selector. */
function branches(spec: string): Map<string, string> {
  const out = new Map<string, string>();
  const selector = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;
  let at = 0;
  for (;;) {
    selector.lastIndex = at;
    const m = selector.exec(spec);
    if (!m) return out;
    const open = selector.lastIndex - 1;
    const end = closing(spec, open);
    if (end < 0) return out;
    out.set(m[1]!, spec.slice(open + 1, end - 1));
    at = end;
  }
}

/** `{n, plural, …}`: the branch for the number — an exact `=n` first, else the locale's plural category. */
function plural(value: string | number | undefined, spec: string, locale: string, params: TParams): string | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  const options = branches(spec);
  // A number already formatted ("1,200") is not parsed back: it takes the general form.
  const text = Number.isNaN(n)
    ? options.get('other')
    : (options.get(`=${n}`) ?? options.get(pluralRules(locale).select(n)) ?? options.get('other'));
  return text === undefined ? undefined : formatMessage(text.replace(/#/g, String(value)), params, locale);
}

/**
 * Fills a message: `{name}` takes a parameter; `{count, plural, one {# enterprise} other {# enterprises}}`
 * picks its branch by Intl.PluralRules for the locale (`#` is the number; `=0 {…}` matches exactly).
 * A placeholder without its parameter is left as written.
 */
export function formatMessage(text: string, params: TParams | undefined, locale: string): string {
  if (!params || !text.includes('{')) return text;
  let out = '';
  let at = 0;
  for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', at)) {
    const end = closing(text, open);
    if (end < 0) break;
    out += text.slice(at, open);
    const inner = text.slice(open + 1, end - 1);
    const m = /^\s*(\w+)\s*(?:,\s*plural\s*,([\s\S]*))?$/.exec(inner);
    let filled: string | undefined;
    if (m?.[2] !== undefined) filled = plural(params[m[1]!], m[2], locale, params);
    else if (m && m[1]! in params) filled = String(params[m[1]!]);
    out += filled ?? text.slice(open, end);
    at = end;
  }
  return out + text.slice(at);
}
