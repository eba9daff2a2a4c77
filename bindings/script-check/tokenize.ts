// The tokens of a routing script, per language: enough to find KSR calls and function
// definitions without being fooled by comments and strings. Comments are dropped; a string is
// one token with its value (null when it interpolates: a JS template with ${}, a Python
// f-string); the code inside a JS template's ${} is tokenized as code, since a KSR call may
// sit there. Not a parser: what it cannot read (an unclosed string) simply ends the text.

export type Language = 'js' | 'lua' | 'python';

export interface Token {
  kind: 'id' | 'num' | 'str' | 'punct';
  text: string;
  /** For a str: its value, or null when the string interpolates code (not a literal). */
  value?: string | null;
  line: number;
}

const ID_START = /[A-Za-z_$]/;
const ID_PART = /[\w$]/;
const NUMBER = /^(?:0[xX][\da-fA-F_]+|0[oObB][\d_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?)n?/;
/** After these a JS `/` starts a regular expression, not a division. */
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await']);
const PUNCT_RUNS = ['...', '..', '**', '=>'];

export function tokenize(source: string, language: Language): Token[] {
  return new Scanner(source, language).scan(false).tokens;
}

class Scanner {
  pos = 0;
  line = 1;
  tokens: Token[] = [];

  constructor(
    readonly src: string,
    readonly language: Language,
  ) {}

  /** Tokenizes up to the end, or (inTemplate) up to the `}` that closes a JS template's `${`. */
  scan(inTemplate: boolean): this {
    let braces = 0;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!;
      if (c === '\n') this.line++;
      if (/\s/.test(c)) {
        this.pos++;
        continue;
      }
      if (inTemplate && c === '}' && braces === 0) return this;
      if (c === '{') braces++;
      if (c === '}') braces--;
      if (this.skipComment() || this.readString() || this.readRegex()) continue;
      if (ID_START.test(c)) this.readWhile(ID_PART, 'id');
      else if (/\d/.test(c) || (c === '.' && /\d/.test(this.src[this.pos + 1] ?? ''))) this.readNumber();
      else this.readPunct();
    }
    return this;
  }

  private push(kind: Token['kind'], text: string, line = this.line, value?: string | null): void {
    this.tokens.push(value === undefined ? { kind, text, line } : { kind, text, line, value });
  }

  private startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  /** Moves to index `end`, counting the newlines passed. */
  private advanceTo(end: number): void {
    for (let i = this.pos; i < end && i < this.src.length; i++) if (this.src[i] === '\n') this.line++;
    this.pos = Math.min(end, this.src.length);
  }

  private skipLineComment(): void {
    const nl = this.src.indexOf('\n', this.pos);
    this.pos = nl < 0 ? this.src.length : nl;
  }

  private skipComment(): boolean {
    if (this.language === 'python' && this.startsWith('#')) this.skipLineComment();
    else if (this.language === 'js' && this.startsWith('//')) this.skipLineComment();
    else if (this.language === 'js' && this.startsWith('/*')) {
      const end = this.src.indexOf('*/', this.pos + 2);
      this.advanceTo(end < 0 ? this.src.length : end + 2);
    } else if (this.language === 'lua' && this.startsWith('--')) {
      this.pos += 2;
      if (this.longBracketLevel() === null) this.skipLineComment();
      else this.readLongBracket();
    } else return false;
    return true;
  }

  /** At a Lua `[[` or `[==[`: its level (the number of `=`), else null. */
  private longBracketLevel(): number | null {
    const m = /^\[(=*)\[/.exec(this.src.slice(this.pos, this.pos + 64));
    return m ? m[1]!.length : null;
  }

  /** Reads a Lua long bracket (string or comment body) and returns its content. */
  private readLongBracket(): string {
    const level = this.longBracketLevel()!;
    const close = `]${'='.repeat(level)}]`;
    const start = this.pos + level + 2;
    const end = this.src.indexOf(close, start);
    const stop = end < 0 ? this.src.length : end;
    const body = this.src.slice(start, stop);
    this.advanceTo(end < 0 ? stop : end + close.length);
    return body;
  }

  private readString(): boolean {
    const line = this.line;
    if (this.language === 'lua' && this.longBracketLevel() !== null) {
      const value = this.readLongBracket().replace(/^\r?\n/, '');
      this.push('str', '[[', line, value);
      return true;
    }
    if (this.language === 'python') return this.readPythonString();
    const q = this.src[this.pos]!;
    if (q === '`' && this.language === 'js') return this.readTemplate();
    if (q !== '"' && q !== "'") return false;
    this.push('str', q, line, this.readQuoted(q, 1, false));
    return true;
  }

  /** Reads a string closed by `quote` after `open` opening characters; backslashes escape. */
  private readQuoted(quote: string, open: number, multiline: boolean): string {
    let i = this.pos + open;
    let value = '';
    while (i < this.src.length && !this.src.startsWith(quote, i)) {
      if (this.src[i] === '\n' && !multiline) break;
      if (this.src[i] === '\\') value += unescapeOne(this.src[i + 1] ?? '');
      else value += this.src[i];
      i += this.src[i] === '\\' ? 2 : 1;
    }
    this.advanceTo(this.src.startsWith(quote, i) ? i + quote.length : i);
    return value;
  }

  private readPythonString(): boolean {
    const m = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(this.src.slice(this.pos, this.pos + 5));
    if (!m) return false;
    const [, prefix, quote] = m as unknown as [string, string, string];
    const line = this.line;
    const value = this.readQuoted(quote, prefix.length + quote.length, quote.length === 3);
    // an f-string's {} holds code: the string is no literal (its code is not scanned)
    this.push('str', quote, line, /f/i.test(prefix) ? null : value);
    return true;
  }

  /** A JS template literal; the code in each ${} is tokenized in place, after the template. */
  private readTemplate(): boolean {
    const line = this.line;
    let i = this.pos + 1;
    let value = '';
    let interpolates = false;
    const inner: Token[] = [];
    while (i < this.src.length && this.src[i] !== '`') {
      if (this.src[i] === '\\') {
        value += unescapeOne(this.src[i + 1] ?? '');
        i += 2;
      } else if (this.src.startsWith('${', i)) {
        interpolates = true;
        this.advanceTo(i + 2);
        const sub = new Scanner(this.src, 'js');
        Object.assign(sub, { pos: this.pos, line: this.line });
        sub.scan(true);
        inner.push(...sub.tokens);
        this.pos = sub.pos;
        this.line = sub.line;
        i = this.pos + 1; // past the closing }
      } else {
        value += this.src[i];
        i++;
      }
    }
    this.advanceTo(i + 1);
    this.push('str', '`', line, interpolates ? null : value);
    this.tokens.push(...inner);
    return true;
  }

  private readRegex(): boolean {
    if (this.language !== 'js' || this.src[this.pos] !== '/' || !this.regexAllowed()) return false;
    let i = this.pos + 1;
    let inClass = false;
    while (i < this.src.length && this.src[i] !== '\n') {
      const c = this.src[i];
      if (c === '\\') i++;
      else if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) break;
      i++;
    }
    i++;
    while (i < this.src.length && /[a-z]/i.test(this.src[i]!)) i++;
    const line = this.line;
    this.advanceTo(i);
    this.push('punct', '/regex/', line);
    return true;
  }

  private regexAllowed(): boolean {
    const prev = this.tokens[this.tokens.length - 1];
    if (!prev) return true;
    if (prev.kind === 'id') return REGEX_AFTER_WORDS.has(prev.text);
    if (prev.kind === 'num' || prev.kind === 'str') return false;
    return ![')', ']', '}'].includes(prev.text);
  }

  private readWhile(re: RegExp, kind: Token['kind']): void {
    const start = this.pos;
    while (this.pos < this.src.length && re.test(this.src[this.pos]!)) this.pos++;
    this.push(kind, this.src.slice(start, this.pos));
  }

  private readNumber(): void {
    const m = NUMBER.exec(this.src.slice(this.pos, this.pos + 64));
    const text = m && m[0] ? m[0] : this.src[this.pos]!;
    this.push('num', text);
    this.pos += text.length;
  }

  private readPunct(): void {
    const run = PUNCT_RUNS.find((p) => this.startsWith(p)) ?? this.src[this.pos]!;
    this.push('punct', run);
    this.pos += run.length;
  }
}

function unescapeOne(c: string): string {
  return ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[c] ?? c;
}
