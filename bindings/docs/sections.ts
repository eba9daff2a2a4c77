// Generated sections inside hand-written Markdown: the text between
// `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` is replaced, the prose around it stays.

export const startMarker = (name: string): string => `<!-- generated:${name} -->`;
export const endMarker = (name: string): string => `<!-- /generated:${name} -->`;

/** `text` with each named section's body replaced; an error names the file and the missing marker. */
export function fillSections(text: string, sections: Readonly<Record<string, string>>, file: string): string {
  let out = text;
  for (const [name, body] of Object.entries(sections)) {
    const start = out.indexOf(startMarker(name));
    const end = out.indexOf(endMarker(name));
    if (start < 0 || end < start) {
      throw new Error(`${file}: expected the markers ${startMarker(name)} ... ${endMarker(name)}, found ${start < 0 ? 'no start marker' : 'no end marker after it'}`);
    }
    out = `${out.slice(0, start + startMarker(name).length)}\n${body.trimEnd()}\n${out.slice(end)}`;
  }
  return out;
}
