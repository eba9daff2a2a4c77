// Turns conformance cases into one script per language: a function `case_<i>()` per case
// that runs the setup calls, then the call under test, and reports the result with its
// language-level type through the capture module `t` (capture-module.ts).
import type { ConformanceCase, KsrCall } from './cases.js';

export type ScriptLanguage = 'js' | 'lua' | 'python';

export const caseFunction = (index: number): string => `case_${index}`;

function jsLiteral(v: string | number): string {
  return typeof v === 'number' ? String(v) : JSON.stringify(v);
}

/** A Lua string literal: printable ASCII as is, everything else as \ddd byte escapes. */
function luaLiteral(v: string | number): string {
  if (typeof v === 'number') return String(v);
  let out = '"';
  for (const byte of Buffer.from(v, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (byte >= 0x20 && byte < 0x7f) out += ch;
    else out += `\\${String(byte).padStart(3, '0')}`;
  }
  return `${out}"`;
}

/** JSON string escapes are valid Python string escapes. */
const pyLiteral = jsLiteral;

function callText(c: KsrCall, lit: (v: string | number) => string): string {
  const path = c.path.startsWith('KSR.') ? c.path : `KSR.${c.path}`;
  return `${path}(${c.args.map(lit).join(', ')})`;
}

const JS_PRELUDE = `function __report(r) {
  if (r === null || r === undefined) KSR.t.got_null();
  else if (typeof r === 'string') KSR.t.got_str(r);
  else if (typeof r === 'boolean') KSR.t.got_bool(r ? 1 : 0);
  else if (typeof r === 'number' && Number.isInteger(r)) KSR.t.got_int(r);
  else if (Array.isArray(r) || (typeof r === 'object' && Object.getPrototypeOf(r) === Object.prototype)) KSR.t.got_json(JSON.stringify(r));
  else KSR.t.got_other(typeof r);
}
function ksr_request_route() {}
`;

// a table as JSON: a sequence (1..n, every key) as an array, anything else as an object
const LUA_PRELUDE = `local function json(v)
  local t = type(v)
  if t == "string" then
    return '"' .. v:gsub('[%c"\\\\]', function(c) return string.format("\\\\u%04x", c:byte()) end) .. '"'
  elseif t == "table" then
    local count = 0
    for _ in pairs(v) do count = count + 1 end
    local parts = {}
    if count == #v then
      for i = 1, #v do parts[i] = json(v[i]) end
      return "[" .. table.concat(parts, ",") .. "]"
    end
    for k, x in pairs(v) do parts[#parts + 1] = json(tostring(k)) .. ":" .. json(x) end
    return "{" .. table.concat(parts, ",") .. "}"
  elseif v == nil then return "null"
  else return tostring(v) end
end
local function report(r)
  if r == nil then KSR.t.got_null()
  elseif type(r) == "string" then KSR.t.got_str(r)
  elseif type(r) == "boolean" then KSR.t.got_bool(r and 1 or 0)
  elseif math.type(r) == "integer" then KSR.t.got_int(r)
  elseif type(r) == "table" then KSR.t.got_json(json(r))
  else KSR.t.got_other(math.type(r) or type(r)) end
end
function ksr_request_route() end
`;

const PY_PRELUDE = `import json as _json


def _report(r):
    if r is None:
        KSR.t.got_null()
    elif type(r) in (dict, list):
        KSR.t.got_json(_json.dumps(r))
    elif isinstance(r, bool):
        KSR.t.got_bool(1 if r else 0)
    elif isinstance(r, str):
        KSR.t.got_str(r)
    elif isinstance(r, int):
        KSR.t.got_int(r)
    else:
        KSR.t.got_other(type(r).__name__)


def ksr_request_route():
    pass
`;

function jsCase(c: ConformanceCase, i: number): string {
  const setup = (c.setup ?? []).map((s) => `  ${callText(s, jsLiteral)};\n`).join('');
  return `function ${caseFunction(i)}() {\n${setup}  __report(${callText(c.call, jsLiteral)});\n}\n`;
}

function luaCase(c: ConformanceCase, i: number): string {
  const setup = (c.setup ?? []).map((s) => `  ${callText(s, luaLiteral)}\n`).join('');
  return `function ${caseFunction(i)}()\n${setup}  report(${callText(c.call, luaLiteral)})\nend\n`;
}

function pyCase(c: ConformanceCase, i: number): string {
  const setup = (c.setup ?? []).map((s) => `    ${callText(s, pyLiteral)}\n`).join('');
  return `\ndef ${caseFunction(i)}():\n${setup}    _report(${callText(c.call, pyLiteral)})\n`;
}

/** One script holding every case, for one language. */
export function conformanceScript(language: ScriptLanguage, cases: readonly ConformanceCase[]): string {
  switch (language) {
    case 'js':
      return JS_PRELUDE + cases.map(jsCase).join('');
    case 'lua':
      return LUA_PRELUDE + cases.map(luaCase).join('');
    case 'python':
      return PY_PRELUDE + cases.map(pyCase).join('');
  }
}
