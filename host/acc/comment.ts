// The comment of acc_log_request/acc_db_request/acc_request (Kamailio's acc_param_parse and
// acc_parse_code): "404 Not here" gives code 404 and reason "Not here"; a comment that does not
// start with three digits is the reason alone, with no code. KEMI takes it literally: a '$' in
// it is refused (Kamailio: "cfg variable detected - not supported"), as is an empty one.
export type ParsedComment = { ok: true; code: string; reason: string } | { ok: false; error: string };

export function parseComment(comment: string): ParsedComment {
  if (comment.length === 0) return { ok: false, error: 'the comment is empty (expected "CODE TEXT", e.g. "404 Not found")' };
  if (comment.includes('$')) return { ok: false, error: `the comment ${JSON.stringify(comment.slice(0, 80))} has a '$': pseudo-variables are not expanded in KEMI comments (build the text in the script)` };
  if (/^\d{3}/.test(comment)) return { ok: true, code: comment.slice(0, 3), reason: comment.slice(3).replace(/^\s+/, '') };
  return { ok: true, code: '', reason: comment };
}
